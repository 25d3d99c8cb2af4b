import type { Locale } from '../../i18n/types.js'
import type { Letter } from '../../model/letter.js'
import type { ResolvedAnnex } from '../annexes.js'
import { annexLine, referenceLines } from '../text.js'
import { bookmark, type Outline } from './bookmarks.js'
import { list, setDeclaration } from './declaration.js'
import type { Flow } from './flow.js'
import { linkTarget, phrasingRuns, run, type Run } from './runs.js'
import { styles } from './theme.js'

type StructElement = PDFKit.PDFStructureElement

/**
 * Sets a circular letter in ITU style: office and date line, the reference block beside the addressees,
 * "Objet:" with the subject in bold, body, signature, then each annex on a page of its own.
 */
export function setLetter(flow: Flow, root: StructElement, letter: Letter, annexes: readonly ResolvedAnnex[], locale: Locale): void {
  const { labels } = locale
  const { doc } = flow
  const frame = flow.frame
  const line = styles.plain.leading
  flow.begin()
  const title = bookmark(doc, doc.outline, letter.subject, flow.y)

  // Office on the left, date line on the right, on one row above a rule.
  const rowTop = flow.y
  flow.paragraph(root, 'P', [run(letter.office, 'bold')], styles.plain)
  flow.y = rowTop
  flow.paragraph(root, 'P', [run(locale.dateLine(letter.place, letter.date))], { ...styles.plain, align: 'right' })
  flow.rule(frame.left, flow.y + 6, frame.width)
  flow.y += 22

  // Reference block (labels aligned in a column) on the left, addressees on the right.
  const references = referenceLines(letter)
  const labelRuns = (label: string) => [run(`${label}${labels.separator}`)]
  const labelWidths = [...references.map((reference) => reference.label), labels.subject].map((label) => flow.fonts.runsWidth(labelRuns(label), styles.plain.size))
  const labelColumn = Math.ceil(Math.max(...labelWidths)) + 4
  const blockTop = flow.y
  const leftWidth = Math.round(frame.width * 0.44)
  flow.frame = { ...frame, width: leftWidth }
  for (const reference of references) {
    const value: Run = run(reference.value, reference.field === 'reference' ? 'bold' : 'regular')
    if (reference.field === 'email') value.link = linkTarget(`mailto:${reference.value}`, reference.value, locale)
    flow.paragraph(root, 'P', [value], styles.plain, {
      inset: labelColumn,
      label: { runs: labelRuns(reference.label) },
    })
  }
  const leftBottom = flow.y
  const rightLeft = frame.left + leftWidth + 24
  flow.frame = { ...frame, left: rightLeft, width: frame.left + frame.width - rightLeft }
  flow.y = blockTop
  list(flow, root, letter.addressees, (item, addressee) => {
    flow.paragraph(item, 'LBody', phrasingRuns(addressee.text, locale), { ...styles.plain, align: 'left', spaceAfter: 2 }, {
      inset: 12,
      onPlace: (y) => flow.rule(rightLeft + 1, y + flow.fonts.ascent(styles.plain.size) - styles.plain.size * 0.3, 6, 'black'),
    })
  })
  flow.frame = frame
  flow.y = Math.max(leftBottom, flow.y) + 20

  flow.paragraph(root, 'P', [run(letter.subject, 'bold')], { ...styles.body, align: 'left', spaceAfter: 18 }, {
    inset: labelColumn,
    label: { runs: labelRuns(labels.subject) },
  })
  flow.paragraph(root, 'P', [run(letter.salutation)], { ...styles.body, spaceAfter: 10 }, { keepWithNext: 2 * line })
  for (const paragraph of letter.body) flow.paragraph(root, 'P', phrasingRuns(paragraph.text, locale), styles.body)

  // The signature block stays together on one page.
  const signature = { ...styles.plain, align: 'left' as const }
  if (letter.signed) flow.paragraph(root, 'P', [run(labels.signed)], { ...signature, spaceBefore: 18, spaceAfter: 10 }, { keepWithNext: 3 * line })
  flow.paragraph(root, 'P', [run(letter.signatory.name)], { ...signature, spaceBefore: letter.signed ? 0 : 24 }, { keepWithNext: line })
  flow.paragraph(root, 'P', [run(letter.signatory.title)], signature)

  if (annexes.length === 0) {
    letter.annexes.forEach((_, index) => flow.paragraph(root, 'P', [run(annexLine(letter, index))], { ...styles.body, align: 'left', spaceBefore: 18 }))
    return
  }
  annexes.forEach(({ document }, index) => {
    flow.pageBreak()
    const heading = annexLine(letter, index)
    let annexOutline: Outline = title
    flow.paragraph(root, 'H1', [run(heading, 'bold')], styles.annexTitle, {
      keepWithNext: 3 * line,
      onPlace: (y) => (annexOutline = bookmark(doc, doc.outline, heading, y)),
    })
    // The annex keeps its own language (the English declaration inside a French letter).
    const section = doc.struct('Sect', { lang: document.language })
    root.add(section)
    const language = flow.language
    flow.language = document.language
    setDeclaration(flow, section, document, annexOutline, ['H2', 'H3'])
    flow.language = language
    section.end()
  })
}
