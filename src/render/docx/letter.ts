import { type Paragraph, type ParagraphChild, Tab, TextRun } from 'docx'
import type { Letter } from '../../model/letter.js'
import { localeFor } from '../../i18n/index.js'
import { annexLine, referenceLines } from '../text.js'
import { hyperlink, phrasingRuns, run, textRuns } from './inline.js'
import { list } from './numbering.js'
import { styledParagraph as paragraph } from './paragraph.js'
import { characterStyle, paragraphStyle } from './styles.js'

// "Référence:" then a tab to the column where the values line up; a reader still sees "Référence: CL-24/63".
function labelled(style: string, label: string, separator: string, value: ParagraphChild[]): Paragraph {
  return paragraph(style, [run(`${label}${separator.trimEnd()}`, {}), new TextRun({ children: [new Tab()] }), ...value])
}

/**
 * The paragraphs of a circular letter, each with its named style: issuing office, date line, reference block,
 * addressees as a bulleted list, subject, salutation, body, signature and annex lines.
 * @param doc the letter
 * @returns docx paragraphs in reading order
 */
export function letterParagraphs(doc: Letter): Paragraph[] {
  const locale = localeFor(doc.language)
  const { labels } = locale
  return [
    paragraph(paragraphStyle.office, textRuns(doc.office, {})),
    paragraph(paragraphStyle.dateLine, textRuns(locale.dateLine(doc.place, doc.date), {})),
    ...referenceLines(doc).map((line) =>
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
    ),
    ...doc.addressees.map((addressee) => paragraph(paragraphStyle.addressee, phrasingRuns(addressee.text), { reference: list.addressees })),
    labelled(paragraphStyle.subject, labels.subject, labels.separator, [run(doc.subject, {}, characterStyle.strong)]),
    paragraph(paragraphStyle.salutation, textRuns(doc.salutation, {})),
    ...doc.body.map((clause) => paragraph(paragraphStyle.body, phrasingRuns(clause.text))),
    ...(doc.signed ? [paragraph(paragraphStyle.signature, [run(labels.signed, {})])] : []),
    paragraph(paragraphStyle.signature, textRuns(doc.signatory.name, {})),
    paragraph(paragraphStyle.signature, textRuns(doc.signatory.title, {})),
    ...doc.annexes.map((_, index) => paragraph(paragraphStyle.annexLine, textRuns(annexLine(doc, index), {}))),
  ]
}
