import { Document as WordDocument, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { pageFooter } from '../render/docx/furniture.js'
import { wordLanguage } from '../render/docx/language.js'
import { declarationDate, packageWord } from '../render/docx/render.js'
import { markedPieces } from '../render/docx/marks.js'
import { documentStyles, paragraphStyle } from '../render/docx/styles.js'
import type { Mark } from '../render/units.js'
import { rowLabel, type Alignment } from './align-documents.js'
import { localeFor } from '../i18n/index.js'

/** Options of `renderAlignmentDocx`. */
export interface AlignmentDocxOptions {
  /** Created and modified date of the core properties (default `declarationDate`). */
  date?: Date
}

// Landscape A4 in twentieths of a point, 2 cm margins: the label column is narrow, the texts share the rest.
const page = { width: 16838, height: 11906, margin: 1134 }
const labelWidth = 2268
const textWidth = (page.width - 2 * page.margin - labelWidth) / 2

/**
 * The names of two languages for the columns of a bilingual table, each in its own language ("English",
 * "français"); two variants of one language are told apart by their regions ("British English", "American English").
 * @param source the source's BCP 47 tag
 * @param target the target's BCP 47 tag
 * @returns the two names, or a tag itself where the runtime knows no name for it
 */
export function languageNames(source: string, target: string): [string, string] {
  const name = (tag: string, full: boolean) => {
    try {
      const locale = new Intl.Locale(tag)
      return new Intl.DisplayNames([tag], { type: 'language', fallback: 'code' }).of(full ? locale.baseName : locale.language) ?? tag
    } catch {
      return tag
    }
  }
  const short: [string, string] = [name(source, false), name(target, false)]
  return short[0] === short[1] ? [name(source, true), name(target, true)] : short
}

// The runs of one line of a cell: its text cut where bold or italic starts or ends, in the house's character styles.
function lineRuns(text: string, offset: number, marks: readonly Mark[], language: string, bold: boolean): TextRun[] {
  return markedPieces(marks, offset, offset + text.length, [], bold).map(
    ({ from, to, style }) => new TextRun({ text: text.slice(from - offset, to - offset), ...(style ? { style } : {}), language: { value: language } }),
  )
}

function cell(text: string | null, width: number, language: string, marks: readonly Mark[] = [], bold = false): TableCell {
  let offset = 0
  const paragraphs = (text ?? '').split('\n').map((line) => {
    const runs = lineRuns(line, offset, marks, language, bold)
    offset += line.length + 1
    return new Paragraph({ children: runs })
  })
  return new TableCell({ width: { size: width, type: WidthType.DXA }, children: paragraphs })
}

/**
 * Renders a bilingual alignment as a Word table for translators: one row per clause with its label
 * (and status when not matched), the source text and the target text, each tagged with its language and with its
 * bold and italic words. The columns are headed with the languages' names, the header row repeats on every page,
 * a row never splits across pages, and the footer numbers the pages.
 * @param alignment the result of `alignDocuments`
 * @param options the date of the core properties
 * @returns the DOCX package; the same alignment and options give the same bytes
 */
export async function renderAlignmentDocx(alignment: Alignment, options: AlignmentDocxOptions = {}): Promise<Uint8Array> {
  const locale = localeFor(alignment.sourceLanguage)
  const [source, target] = [wordLanguage(alignment.sourceLanguage), wordLanguage(alignment.targetLanguage)]
  const [sourceName, targetName] = languageNames(alignment.sourceLanguage, alignment.targetLanguage)
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [cell(locale.report.clause, labelWidth, source, [], true), cell(sourceName, textWidth, source, [], true), cell(targetName, textWidth, target, [], true)],
  })
  const rows = alignment.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [cell(rowLabel(row, locale.report.status), labelWidth, source, [], row.status !== 'matched'), cell(row.source, textWidth, source, row.sourceMarks), cell(row.target, textWidth, target, row.targetMarks)],
      }),
  )
  const word = new WordDocument({
    creator: 'declaration-kit',
    title: locale.report.alignment,
    styles: documentStyles(source),
    sections: [
      {
        properties: { page: { size: { width: page.height, height: page.width, orientation: PageOrientation.LANDSCAPE }, margin: { top: page.margin, bottom: page.margin, left: page.margin, right: page.margin } } },
        footers: { default: pageFooter(locale) },
        children: [
          new Paragraph({ style: paragraphStyle.title, children: [new TextRun(locale.report.alignment)] }),
          new Table({ width: { size: page.width - 2 * page.margin, type: WidthType.DXA }, columnWidths: [labelWidth, textWidth, textWidth], rows: [header, ...rows] }),
        ],
      },
    ],
  })
  return packageWord(word, options.date ?? declarationDate)
}
