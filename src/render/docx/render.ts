import { assertShallow } from '../../model/guard.js'
import { Document as WordDocument, type ISectionOptions, Packer, type Paragraph } from 'docx'
import type { Declaration } from '../../model/declaration.js'
import type { Document } from '../../model/document.js'
import type { Letter } from '../../model/letter.js'
import { localeFor } from '../../i18n/index.js'
import { resolveAnnexes, type AnnexOptions } from '../annexes.js'
import { declarationParagraphs, footnoteBodies, footnoteIds } from './declaration.js'
import { pageFooter, pageHeader } from './furniture.js'
import { wordLanguage } from './language.js'
import { letterParagraphs } from './letter.js'
import { documentNumbering } from './numbering.js'
import { normalizeDocx } from './package.js'
import { documentStyles } from './styles.js'

/** Options of `renderDocx`. */
export interface DocxOptions extends AnnexOptions {
  /** Created and modified date of the core properties; default the letter's date, or `declarationDate` for a declaration. */
  date?: Date
  /** Author in the core properties; default the letter's issuing office, or "declaration-kit" for a declaration. */
  creator?: string
  /** Paper size (default A4). */
  pageSize?: 'A4' | 'LETTER'
}

/**
 * The created and modified date of a declaration rendered without a `date` option: a declaration carries no date,
 * and a renderer never reads the clock, so it is the earliest date a DOCX (a zip file) can hold.
 */
export const declarationDate = new Date('1980-01-01T00:00:00Z')

// Twentieths of a point: A4 is 210 × 297 mm, US Letter 8.5 × 11 in.
const pageSizes = { A4: { width: 11906, height: 16838 }, LETTER: { width: 12240, height: 15840 } } as const
const margin = { top: 1418, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 }

interface Parts {
  paragraphs: Paragraph[]
  footnotes: Record<number, { children: Paragraph[] }>
  title: string
  subject: string
  keywords: string[]
  creator: string
  date: Date
  /** Text of the header on pages after the first, when there is one. */
  header?: string
}

function declarationParts(doc: Declaration): Parts {
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

function letterParts(doc: Letter, options: AnnexOptions): Parts {
  const annexed = resolveAnnexes(doc, options)
  const documentLanguage = wordLanguage(doc.language)
  let first = 1
  const notes: Parts['footnotes'] = {}
  const paragraphs = annexed.flatMap(({ document }, index) => {
    const lang = wordLanguage(document.language)
    const footnotes = footnoteIds(document, first)
    first += document.footnotes.length
    const context = lang === documentLanguage ? {} : { lang }
    Object.assign(notes, footnoteBodies(document, context, footnotes))
    return declarationParagraphs(document, { annexed: true, instance: index + 1, footnotes, ...context })
  })
  return {
    paragraphs: [...letterParagraphs(doc), ...paragraphs],
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
export async function renderDocx(doc: Document, options: DocxOptions = {}): Promise<Uint8Array> {
  assertShallow(doc)
  const parts = doc.type === 'declaration' ? declarationParts(doc) : letterParts(doc, options)
  const locale = localeFor(doc.language)
  const creator = options.creator ?? parts.creator
  const section: ISectionOptions = {
    properties: {
      page: { size: pageSizes[options.pageSize ?? 'A4'], margin },
      ...(parts.header ? { titlePage: true } : {}),
    },
    headers: parts.header ? { default: pageHeader(parts.header), first: pageHeader() } : {},
    footers: parts.header ? { default: pageFooter(locale), first: pageFooter(locale) } : { default: pageFooter(locale) },
    children: parts.paragraphs,
  }
  const word = new WordDocument({
    title: parts.title,
    subject: parts.subject,
    creator,
    lastModifiedBy: creator,
    keywords: parts.keywords.join(', '),
    revision: 1,
    styles: documentStyles(wordLanguage(doc.language)),
    numbering: documentNumbering(),
    footnotes: parts.footnotes,
    sections: [section],
  })
  const bytes = await Packer.pack(word, 'uint8array')
  return normalizeDocx(bytes, { date: options.date ?? parts.date })
}
