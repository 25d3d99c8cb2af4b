import { assertShallow } from '../../model/guard.js'
import { Document as WordDocument, type ISectionOptions, Packer, type Paragraph, type Table } from 'docx'
import { strFromU8, unzipSync } from 'fflate'
import { DocumentError } from '../../model/issues.js'
import { withHousePunctuation } from '../punctuation.js'
import { houseStyleIssues, houseStyleSchema, type HouseStyle, type HouseStyleInput } from '../house-style.js'
import type { PdfFontFaces } from '../pdf/fonts.js'
import type { Declaration } from '../../model/declaration.js'
import type { Document } from '../../model/document.js'
import type { Letter } from '../../model/letter.js'
import { localeFor } from '../../i18n/index.js'
import { resolveAnnexes, type AnnexOptions } from '../annexes.js'
import { declarationParagraphs, footnoteBodies, footnoteIds } from './declaration.js'
import { firstPageFooter, headerDistance, letterheadHeader, pageFooter, pageHeader } from './furniture.js'
import { wordLanguage } from './language.js'
import { annexLabel, letterParagraphs } from './letter.js'
import { documentNumbering } from './numbering.js'
import { suppressHyphenation } from './hyphenation.js'
import { normalizeParts } from './package.js'
import { deflaters } from '../zip/deflaters.js'
import { documentStyles, raggedStyles, twipsPerMillimetre } from './styles.js'

/** Options of `renderDocx`. */
export interface DocxOptions extends AnnexOptions {
  /** Created and modified date of the core properties; default the letter's date, or `declarationDate` for a declaration. */
  date?: Date
  /** Author in the core properties; default the letter's issuing office, or "declaration-kit" for a declaration. */
  creator?: string
  /** Paper size (default: the house style's, A4). */
  pageSize?: 'A4' | 'LETTER'
  /** The house style: face, sizes, leading, margins, paper, colours, a letter's letterhead and footer (default `defaultHouseStyle`). */
  houseStyle?: HouseStyleInput
  /**
   * The four faces of the house style's family to embed, so that Word and LibreOffice show the document in it where
   * it is not installed; default: Noto Serif (latin) from `@fontsource/noto-serif` when the family is Noto Serif
   * (Node); `false` embeds none.
   */
  embedFont?: PdfFontFaces | false
  /** The letterhead's emblem, as PNG bytes, at the head of a letter's first page (an SVG emblem is drawn in the PDF only). */
  emblem?: Uint8Array
}

/**
 * The created and modified date of a declaration rendered without a `date` option: a declaration carries no date,
 * and a renderer never reads the clock, so it is the earliest date a DOCX (a zip file) can hold.
 */
export const declarationDate = new Date('1980-01-01T00:00:00Z')

// Twentieths of a point: A4 is 210 × 297 mm, US Letter 8.5 × 11 in.
const pageSizes = { A4: { width: 11906, height: 16838 }, LETTER: { width: 12240, height: 15840 } } as const
const twips = (millimetres: number) => Math.round(millimetres * twipsPerMillimetre)

/** The body and properties of a Word package, which `packageDocx` wraps in the house style's page. */
export interface DocxParts {
  paragraphs: (Paragraph | Table)[]
  footnotes: Record<number, { children: Paragraph[] }>
  title: string
  subject: string
  keywords: string[]
  creator: string
  date: Date
  /** Text of the header on pages after the first, when there is one. */
  header?: string
}

function declarationParts(doc: Declaration): DocxParts {
  const footnotes = footnoteIds(doc)
  return {
    paragraphs: declarationParagraphs(doc, { annexed: false, instance: 0, footnotes }),
    footnotes: footnoteBodies(doc, {}, footnotes),
    title: doc.title,
    subject: doc.title,
    keywords: [doc.id, ...(doc.profile ? [doc.profile] : [])],
    creator: 'declaration-kit',
    date: declarationDate,
  }
}

function letterParts(doc: Letter, options: AnnexOptions, house: HouseStyle): DocxParts {
  const annexed = resolveAnnexes(doc, options)
  const documentLanguage = wordLanguage(doc.language)
  let first = 1
  const notes: DocxParts['footnotes'] = {}
  const paragraphs = annexed.flatMap(({ document }, index) => {
    const lang = wordLanguage(document.language)
    const footnotes = footnoteIds(document, first)
    first += document.footnotes.length
    const context = lang === documentLanguage ? {} : { lang }
    Object.assign(notes, footnoteBodies(document, context, footnotes))
    // The annex label ("Annexe – …") starts the annex's page above the declaration's own title, as on the PDF.
    return [annexLabel(doc, index), ...declarationParagraphs(document, { annexed: false, instance: index + 1, footnotes, ...context })]
  })
  return {
    paragraphs: [...letterParagraphs(doc, house, annexed.length === 0), ...paragraphs],
    footnotes: notes,
    title: doc.subject,
    subject: doc.reference,
    keywords: [doc.reference, doc.id, ...doc.annexes.map((annex) => annex.ref)],
    creator: doc.office,
    date: new Date(`${doc.date}T00:00:00Z`),
    header: doc.reference,
  }
}

/**
 * Renders a declaration or a circular letter (with its annexed declarations) as an editable Word document: named
 * styles for every part, a real Roman-numbered list of objectives, page-number fields, proofing languages, `mailto:`
 * hyperlinks and core properties; the same document and options always give the same bytes.
 * @param doc the document to render
 * @param options annexes, date, creator and paper size
 * @returns the DOCX package
 */
export async function renderDocx(source: Document, sourceOptions: DocxOptions = {}): Promise<Uint8Array> {
  assertShallow(source)
  const house = houseStyleOf(sourceOptions)
  const { doc, options } = withHousePunctuation(source, sourceOptions, house)
  const parts = doc.type === 'declaration' ? declarationParts(doc) : letterParts(doc, options, house)
  return packageDocx(doc, parts, house, options)
}

/** The house style of the options, validated; throws a `DocumentError` naming what is wrong. */
export function houseStyleOf(options: Pick<DocxOptions, 'houseStyle'>): HouseStyle {
  const parsed = houseStyleSchema.safeParse(options.houseStyle ?? {})
  if (!parsed.success) throw new DocumentError(houseStyleIssues(parsed.error))
  return parsed.data
}

/**
 * Packs a document's Word body with everything around it, as `renderDocx` writes it: the house style's styles,
 * lists, page, headers and footers (a letter's letterhead and address block), hyphenation, embedded faces and core
 * properties. The redline uses it so that it looks like the document it compares.
 * @param doc the document, for its type and language
 * @param parts the body, footnotes and properties
 * @param house the house style
 * @param options date, creator, paper size, faces and emblem; `trackRevisions` turns on Word's change tracking
 * @returns the DOCX package
 */
export async function packageDocx(doc: Document, parts: DocxParts, house: HouseStyle, options: DocxOptions & { trackRevisions?: boolean } = {}): Promise<Uint8Array> {
  const locale = localeFor(doc.language)
  const creator = options.creator ?? parts.creator
  const { top, bottom, left, right } = house.margins
  const letter = doc.type === 'letter'
  const section: ISectionOptions = {
    properties: {
      page: {
        size: pageSizes[options.pageSize ?? house.pageSize],
        margin: { top: twips(top), bottom: twips(bottom), left: twips(left), right: twips(right), header: twips(headerDistance(house)), footer: twips(bottom / 3) },
      },
      ...(parts.header ? { titlePage: true } : {}),
    },
    // A letter's first page carries the letterhead at its head and the address block at its foot, and no page number.
    headers: parts.header ? { default: pageHeader(parts.header), first: letter && (house.letterhead?.lines.length || options.emblem) ? letterheadHeader(house, options.emblem) : pageHeader() } : {},
    footers: parts.header ? { default: pageFooter(locale), first: letter && house.footer?.lines.length ? firstPageFooter(house) : pageFooter(locale) } : { default: pageFooter(locale) },
    children: parts.paragraphs,
  }
  const fonts = await embeddedFonts(house, options.embedFont)
  const word = new WordDocument({
    title: parts.title,
    subject: parts.subject,
    creator,
    lastModifiedBy: creator,
    keywords: parts.keywords.join(', '),
    revision: 1,
    styles: documentStyles(wordLanguage(doc.language), house),
    numbering: documentNumbering(),
    // Word hyphenates the justified text in the language of each run, as the PDF does; the other styles turn it off
    // (suppressHyphenation, below).
    hyphenation: { autoHyphenation: true, consecutiveHyphenLimit: 2, doNotHyphenateCaps: true },
    ...(fonts.length ? { fonts } : {}),
    ...(options.trackRevisions ? { features: { trackRevisions: true } } : {}),
    footnotes: parts.footnotes,
    sections: [section],
  })
  const ragged = raggedStyles(house)
  return packageWord(word, options.date ?? parts.date, (styles) => suppressHyphenation(styles, ragged))
}

/**
 * Zips a docx document as a reproducible package (see `normalizeParts`), deflated by Node's zlib where it writes
 * pako's bytes, else by pako: the same document gives the same bytes on every Node and in a browser.
 * @param word the document
 * @param date its created and modified date
 * @param restyle rewrites `word/styles.xml` before it is zipped
 * @returns the DOCX package
 */
export async function packageWord(word: WordDocument, date: Date, restyle?: (styles: string) => string): Promise<Uint8Array> {
  const files = compiledParts(word) ?? unzipSync(await Packer.pack(word, 'uint8array'))
  const styles = files['word/styles.xml']
  if (styles && restyle) files['word/styles.xml'] = restyle(typeof styles === 'string' ? styles : strFromU8(styles))
  return normalizeParts(files, { date }, await deflaters())
}

type Compiler = { compile(file: WordDocument, prettify?: unknown, overrides?: unknown[]): Map<string, string | Uint8Array> }

// Packer.pack zips the parts docx's compiler writes, which would be unzipped at once to zip them again in a fixed
// order. Where that compiler is at hand (docx 9), its parts are taken as Packer would zip them: the same parts,
// the XML ones as text, without deflating and inflating, encoding and decoding every part once more.
function compiledParts(word: WordDocument): Record<string, Uint8Array | string> | undefined {
  const compiler = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler
  if (typeof compiler?.compile !== 'function') return undefined
  const files: Record<string, Uint8Array | string> = {}
  for (const [path, data] of (compiler as Compiler).compile(word, undefined, [])) {
    files[path] = typeof data === 'string' ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  }
  return files
}

// The faces embedded in the package (docx obfuscates them as Word does), so that the document shows in the house
// style's face on a machine that does not have it.
type FontOptions = NonNullable<ConstructorParameters<typeof WordDocument>[0]['fonts']>[number]

async function embeddedFonts(house: HouseStyle, faces: PdfFontFaces | false | undefined): Promise<FontOptions[]> {
  if (faces === false) return []
  let chosen = faces
  if (!chosen && house.font.family === 'Noto Serif') {
    const { notoSerifFonts } = await import('../pdf/fonts.js')
    chosen = (await notoSerifFonts().catch(() => []))[0]
  }
  if (!chosen) return []
  const { sfntOf } = await import('../pdf/woff.js')
  const data = (bytes: Uint8Array) => sfntOf(bytes) as Buffer
  return [{ name: house.font.family, data: data(chosen.regular), bold: data(chosen.bold), italic: data(chosen.italic), boldItalic: data(chosen.boldItalic) }]
}
