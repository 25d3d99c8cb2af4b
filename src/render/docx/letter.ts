import { BorderStyle, type Paragraph, type ParagraphChild, Tab, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx'
import { defaultHouseStyle, type HouseStyle } from '../house-style.js'
import type { Letter } from '../../model/letter.js'
import { localeFor } from '../../i18n/index.js'
import { annexLine, referenceLines } from '../text.js'
import { hyperlink, phrasingRuns, run, textRuns } from './inline.js'
import { list } from './numbering.js'
import { styledParagraph as paragraph } from './paragraph.js'
import { characterStyle, paragraphStyle, twipsPerMillimetre } from './styles.js'

// "Référence:" then a tab to the column where the values line up; a reader still sees "Référence: CL-24/63".
function labelled(style: string, label: string, separator: string, value: ParagraphChild[]): Paragraph {
  return paragraph(style, [run(`${label}${separator.trimEnd()}`, {}), new TextRun({ children: [new Tab()] }), ...value])
}

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none }

/**
 * The reference block of a letter's first page beside its addressees, in a borderless two-column table.
 * @param references the paragraphs of the reference block
 * @param addressees the paragraphs of the addressees, a dashed list
 * @param house the house style, for the width of the text
 * @returns a docx table
 */
export function referenceTable(references: Paragraph[], addressees: Paragraph[], house: HouseStyle = defaultHouseStyle): Table {
  const pageWidth = house.pageSize === 'A4' ? 210 : 215.9
  const width = Math.round((pageWidth - house.margins.left - house.margins.right) * twipsPerMillimetre)
  const left = Math.round(width * 0.42)
  const cell = (children: Paragraph[], size: number) => new TableCell({ children, width: { size, type: WidthType.DXA }, borders: noBorders })
  return new Table({
    rows: [new TableRow({ children: [cell(references, left), cell(addressees, width - left)] })],
    width: { size: width, type: WidthType.DXA },
    columnWidths: [left, width - left],
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    // No cell padding: the reference labels start at the margin, as the paragraphs above and below do.
    margins: { top: 0, bottom: 0, left: 0, right: 0, marginUnitType: WidthType.DXA },
  })
}

/**
 * The label of a letter's annex ("Annexe – Déclaration …"), in bold and centred on a new page above the annexed declaration.
 * @param doc the letter
 * @param index the annex's position among the letter's annexes
 * @returns a docx paragraph in the annex title style
 */
export function annexLabel(doc: Letter, index: number): Paragraph {
  return paragraph(paragraphStyle.annexTitle, textRuns(annexLine(doc, index), {}))
}

/**
 * The paragraphs of a circular letter, each with its named style: issuing office and date line on one line, the
 * reference block beside the addressees (a bulleted list) in a borderless two-column table, subject, salutation,
 * body, signature and annex lines; the page-1 layout of the PDF.
 * @param doc the letter
 * @param house the house style, for the width of the text
 * @param annexLines list the annexes after the signature (default `true`); `false` when the annexes follow, each under its own label
 * @returns docx paragraphs and the table, in reading order
 */
export function letterParagraphs(doc: Letter, house: HouseStyle = defaultHouseStyle, annexLines = true): (Paragraph | Table)[] {
  const locale = localeFor(doc.language)
  const { labels } = locale
  const references = referenceLines(doc).map((line) =>
      labelled(
        paragraphStyle.reference,
        line.label,
        labels.separator,
        line.field === 'email'
          ? [hyperlink(`mailto:${line.value}`, line.value, {})]
          : line.field === 'reference'
            ? [run(line.value, {}, characterStyle.strong)]
            : textRuns(line.value, {}),
      ),
  )
  const addressees = doc.addressees.map((addressee) => paragraph(paragraphStyle.addressee, phrasingRuns(addressee.text), { reference: list.addressees }))
  const block = referenceTable(references, addressees, house)
  return [
    paragraph(paragraphStyle.office, [...textRuns(doc.office, { style: characterStyle.strong }), new TextRun({ children: [new Tab()] }), ...textRuns(locale.dateLine(doc.place, doc.date), {})]),
    block,
    labelled(paragraphStyle.subject, labels.subject, labels.separator, [run(doc.subject, {}, characterStyle.strong)]),
    paragraph(paragraphStyle.salutation, textRuns(doc.salutation, {})),
    ...doc.body.map((clause) => paragraph(paragraphStyle.body, phrasingRuns(clause.text))),
    ...(doc.signed ? [paragraph(paragraphStyle.signature, [run(labels.signed, {})])] : []),
    paragraph(paragraphStyle.signature, textRuns(doc.signatory.name, {})),
    paragraph(paragraphStyle.signature, textRuns(doc.signatory.title, {})),
    ...(annexLines ? doc.annexes.map((_, index) => paragraph(paragraphStyle.annexLine, textRuns(annexLine(doc, index), {}))) : []),
  ]
}
