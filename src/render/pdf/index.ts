import { assertShallow } from '../../model/guard.js'
import type { Document } from '../../model/document.js'
import { DocumentError } from '../../model/issues.js'
import { houseStyleIssues, houseStyleSchema, type HouseStyleInput } from '../house-style.js'
import { resolveAnnexes, type AnnexOptions } from '../annexes.js'
import { withHousePunctuation } from '../punctuation.js'
import { notoSerifFonts, type PdfFontFaces } from './fonts.js'
import { loadHyphenator, type Hyphenator } from './hyphenate.js'
import { pageSizes, type PageSize } from './theme.js'
import { writePdf } from './write.js'
import { deflaters } from '../zip/deflaters.js'

export type { PdfFontFaces } from './fonts.js'
export { notoSerifFonts } from './fonts.js'
export type { PageSize } from './theme.js'
export { declarationDate } from './metadata.js'

/** Options of `renderPdf`. */
export interface PdfOptions extends AnnexOptions {
  /** Paper size (default: the house style's, A4). */
  pageSize?: PageSize
  /** Creation and modification date written in the metadata; default: a letter's own date, 2000-01-01 for a declaration. */
  creationDate?: Date
  /** Author in the metadata; default: a letter's issuing office, none for a declaration. */
  author?: string
  /** Keywords in the metadata; default: the document's id or reference (and profile or annexes). */
  keywords?: readonly string[]
  /** The house style: type sizes, leading, margins, paper, colours, a letter's letterhead and footer (default `defaultHouseStyle`). */
  houseStyle?: HouseStyleInput
  /** Set a character that no font has as an empty box instead of throwing a `missing_glyph` error (default false). */
  allowMissingGlyphs?: boolean
  /** Called with each character set as an empty box when `allowMissingGlyphs` is on. */
  onMissingGlyph?: (character: string) => void
  /** The letterhead's emblem, as PNG or SVG bytes (an SVG drawn as vectors), set beside the organisation's name on a letter's first page. */
  emblem?: Uint8Array
  /** Font sets to embed, each with four faces, tried in order for each character; default: Noto Serif from `@fontsource/noto-serif` (Node). */
  fonts?: readonly PdfFontFaces[]
}

/**
 * Renders a declaration or letter as a tagged, print-ready PDF with embedded font subsets; the same
 * document and options always give the same bytes. Throws a `DocumentError` for a missing annex or a bad option.
 */
export async function renderPdf(source: Document, sourceOptions: PdfOptions = {}): Promise<Uint8Array> {
  assertShallow(source)
  const parsed = houseStyleSchema.safeParse(sourceOptions.houseStyle ?? {})
  if (!parsed.success) throw new DocumentError(houseStyleIssues(parsed.error))
  const { doc, options } = withHousePunctuation(source, sourceOptions, parsed.data)
  const pageSize = options.pageSize ?? parsed.data.pageSize
  if (!Object.hasOwn(pageSizes, pageSize)) {
    throw new DocumentError([{ code: 'invalid_option', message: `pageSize "${String(pageSize)}": expected one of ${Object.keys(pageSizes).map((name) => `"${name}"`).join(', ')}`, path: [] }])
  }
  if (options.fonts && options.fonts.length === 0) {
    throw new DocumentError([{ code: 'invalid_option', message: 'fonts: expected at least one font set with regular, italic, bold and boldItalic faces', path: [] }])
  }
  const annexes = doc.type === 'letter' ? resolveAnnexes(doc, options) : []
  const fonts = options.fonts ?? (await notoSerifFonts())
  const languages = [...new Set([doc.language, ...annexes.map((annex) => annex.document.language)])]
  const hyphenators = new Map<string, Hyphenator>()
  for (const language of languages) {
    const hyphenator = await loadHyphenator(language)
    if (hyphenator) hyphenators.set(language, hyphenator)
  }
  return writePdf(doc, { ...options, pageSize, fonts, annexes, hyphenators, houseStyle: parsed.data, deflaters: await deflaters() })
}
