import { Document as WordDocument, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { wordLanguage } from '../render/docx/language.js'
import { normalizeDocx } from '../render/docx/package.js'
import { declarationDate } from '../render/docx/render.js'
import { documentStyles, paragraphStyle } from '../render/docx/styles.js'
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

function cell(text: string | null, width: number, language: string, bold = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: (text ?? '').split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, ...(bold ? { bold } : {}), language: { value: language } })] })),
  })
}

/**
 * Renders a bilingual alignment as a Word table for translators: one row per clause with its label
 * (and status when not matched), the source text and the target text, each tagged with its language.
 * @param alignment the result of `alignDocuments`
 * @param options the date of the core properties
 * @returns the DOCX package; the same alignment and options give the same bytes
 */
export async function renderAlignmentDocx(alignment: Alignment, options: AlignmentDocxOptions = {}): Promise<Uint8Array> {
  const locale = localeFor(alignment.sourceLanguage)
  const [source, target] = [wordLanguage(alignment.sourceLanguage), wordLanguage(alignment.targetLanguage)]
  const header = new TableRow({
    tableHeader: true,
    children: [cell(locale.report.clause, labelWidth, source, true), cell(alignment.sourceLanguage, textWidth, source, true), cell(alignment.targetLanguage, textWidth, source, true)],
  })
  const rows = alignment.rows.map(
    (row) => new TableRow({ children: [cell(rowLabel(row, locale.report.status), labelWidth, source, row.status !== 'matched'), cell(row.source, textWidth, source), cell(row.target, textWidth, target)] }),
  )
  const word = new WordDocument({
    creator: 'declaration-kit',
    title: locale.report.alignment,
    styles: documentStyles(source),
    sections: [
      {
        properties: { page: { size: { width: page.height, height: page.width, orientation: PageOrientation.LANDSCAPE }, margin: { top: page.margin, bottom: page.margin, left: page.margin, right: page.margin } } },
        children: [
          new Paragraph({ style: paragraphStyle.title, children: [new TextRun(locale.report.alignment)] }),
          new Table({ width: { size: page.width - 2 * page.margin, type: WidthType.DXA }, columnWidths: [labelWidth, textWidth, textWidth], rows: [header, ...rows] }),
        ],
      },
    ],
  })
  return normalizeDocx(new Uint8Array(await Packer.toBuffer(word)), { date: options.date ?? declarationDate })
}
