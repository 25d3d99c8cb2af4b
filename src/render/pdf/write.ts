import PDFDocument from 'pdfkit'
import { localeFor } from '../../i18n/index.js'
import type { Document } from '../../model/document.js'
import { DocumentError } from '../../model/issues.js'
import { missingGlyphIssue } from '../glyphs.js'
import type { ResolvedAnnex } from '../annexes.js'
import { setDeclaration } from './declaration.js'
import { Flow } from './flow.js'
import type { PdfFontFaces } from './fonts.js'
import type { Hyphenator } from './hyphenate.js'
import { Fonts } from './measure.js'
import { setLetter } from './letter.js'
import { documentInfo, escapeXmpOf, type MetadataOptions } from './metadata.js'
import { run } from './runs.js'
import type { HouseStyle } from '../house-style.js'
import { pageSizes, themeOf, type PageSize } from './theme.js'
import { deflateStreams } from './deflate.js'
import type { Deflaters } from '../zip/deflaters.js'
import { bufferPageContent, join } from './page-content.js'

/** Everything `writePdf` needs, already checked. */
export interface WriteOptions extends MetadataOptions {
  pageSize: PageSize
  fonts: readonly PdfFontFaces[]
  annexes: readonly ResolvedAnnex[]
  /** Hyphenators by language tag; paragraphs in a language without one are not hyphenated. */
  hyphenators: ReadonlyMap<string, Hyphenator>
  houseStyle: HouseStyle
  /** What writes the Flate streams: when not Node's own zlib (which pdfkit calls), every stream is deflated by it. */
  deflaters: Deflaters
  emblem?: Uint8Array | undefined
  /** Set a character no font has as an empty box instead of failing (each one is passed to `onMissingGlyph`). */
  allowMissingGlyphs?: boolean | undefined
  onMissingGlyph?: ((character: string) => void) | undefined
}

/** Lays out a document with pdfkit and collects the bytes; the same input gives the same bytes. */
export function writePdf(doc: Document, options: WriteOptions): Promise<Uint8Array> {
  const theme = themeOf(options.houseStyle)
  const { margins, footerSize } = theme
  const locale = localeFor(doc.language)
  const size = pageSizes[options.pageSize]
  const pdf = new PDFDocument({
    size: [...size],
    margins,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: doc.language,
    displayTitle: true,
    // No default font: pdfkit would otherwise load Helvetica, one of the 14 fonts that are never embedded.
    font: null as unknown as string,
    info: documentInfo(doc, locale, options) as PDFKit.DocumentInfo,
  })
  escapeXmpOf(pdf)
  if (!options.deflaters.native) deflateStreams(pdf, options.deflaters.zlib)
  bufferPageContent(pdf)
  const bytes = collect(pdf)
  const fonts = new Fonts(pdf, options.fonts)
  const frame = { left: margins.left, width: size[0] - margins.left - margins.right, top: margins.top, bottom: size[1] - margins.bottom }
  const flow = new Flow(pdf, fonts, theme, frame, { size: [...size], margins })
  flow.language = doc.language
  flow.hyphenators = options.hyphenators
  const root = pdf.struct('Document')
  pdf.addStructure(root)
  if (doc.type === 'declaration') setDeclaration(flow, root, doc, pdf.outline, ['H1', 'H2'])
  else setLetter(flow, root, doc, options.annexes, locale, options.houseStyle, options.emblem)
  root.end()

  const { count } = pdf.bufferedPageRange()
  for (let page = 1; page < count; page++) {
    pdf.switchToPage(page)
    // A letter's continuation pages carry its reference at the head, as circular letters print it.
    if (doc.type === 'letter') {
      flow.artifact(() => flow.line([run(doc.reference)], frame.left, margins.top / 2 - footerSize / 2, frame.width, 'right', footerSize), 'Pagination')
    }
    const y = size[1] - margins.bottom / 2 - footerSize / 2
    flow.artifact(() => flow.line([run(locale.pageNumber(page + 1, count))], frame.left, y, frame.width, 'center', footerSize), 'Pagination')
  }
  if (fonts.missing.size > 0) {
    if (!options.allowMissingGlyphs) throw new DocumentError([...fonts.missing].map(missingGlyphIssue))
    for (const character of fonts.missing) options.onMissingGlyph?.(character)
  }
  pdf.end()
  return bytes
}

function collect(pdf: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = []
    pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk))
    pdf.on('error', reject)
    pdf.on('end', () => resolve(join(chunks)))
  })
}
