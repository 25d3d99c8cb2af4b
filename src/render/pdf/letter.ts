import type { Locale } from '../../i18n/types.js'
import type { Letter } from '../../model/letter.js'
import type { ResolvedAnnex } from '../annexes.js'
import { annexLine, referenceLines } from '../text.js'
import { bookmark, type Outline } from './bookmarks.js'
import { list, setDeclaration } from './declaration.js'
import type { Flow } from './flow.js'
import { linkTarget, phrasingRuns, run, type Run } from './runs.js'
import { defaultHouseStyle, labelColumnEms, type HouseStyle } from '../house-style.js'
import SVGtoPDF from 'svg-to-pdfkit'
import { emblemFormat, emblemRatio, svgText } from '../emblem.js'

type StructElement = PDFKit.PDFStructureElement

/**
 * Sets a circular letter in ITU style: office and date line, the reference block beside the addressees,
 * "Objet:" with the subject in bold, body, signature, then each annex on a page of its own.
 */
export function setLetter(flow: Flow, root: StructElement, letter: Letter, annexes: readonly ResolvedAnnex[], locale: Locale, house: HouseStyle = defaultHouseStyle, emblem?: Uint8Array): void {
  const { labels } = locale
  const { doc, frame } = flow
  const { styles } = flow.theme
  const line = styles.plain.leading
  flow.begin()
  const title = bookmark(doc, doc.outline, letter.subject, flow.y)
  letterhead(flow, house, emblem)
  addressFooter(flow, house)

  // Office on the left, date line on the right, on one row.
  const rowTop = flow.y
  flow.paragraph(root, 'P', [run(letter.office, 'bold')], styles.plain)
  flow.y = rowTop
  flow.paragraph(root, 'P', [run(locale.dateLine(letter.place, letter.date))], { ...styles.plain, align: 'right' })
  flow.y += line

  // Reference block (labels aligned in a column) on the left, addressees on the right.
  const references = referenceLines(letter)
  const labelRuns = (label: string) => [run(`${label}${labels.separator}`)]
  const labelWidths = [...references.map((reference) => reference.label), labels.subject].map((label) => flow.fonts.runsWidth(labelRuns(label), styles.plain.size))
  // At least the DOCX's tab stop, so the values and the subject's lines have one width in both; wider when a label needs it.
  const labelColumn = Math.max(Math.ceil(Math.max(...labelWidths)) + 4, styles.plain.size * labelColumnEms)
  const blockTop = flow.y
  // The reference column is as wide as its longest line; the addressees take the rest, from the same baseline.
  const valueWidths = references.map((reference) => flow.fonts.runsWidth([run(reference.value, reference.field === 'reference' ? 'bold' : 'regular')], styles.plain.size))
  const leftWidth = Math.min(Math.round(frame.width * 0.45), labelColumn + Math.ceil(Math.max(0, ...valueWidths)))
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
  const rightLeft = frame.left + leftWidth + Math.round(styles.plain.size * 2)
  flow.frame = { ...frame, left: rightLeft, width: frame.left + frame.width - rightLeft }
  flow.y = blockTop
  list(flow, root, letter.addressees, (item, addressee) => {
    flow.paragraph(item, 'LBody', phrasingRuns(addressee.text, locale), { ...styles.plain, align: 'left' }, {
      inset: 12,
      onPlace: (y) => {
        const dash = addresseeDash(styles.plain.size)
        flow.artifact(() => doc.save().moveTo(rightLeft, y + flow.fonts.ascent(styles.plain.size) - dash.rise).lineTo(rightLeft + dash.width, y + flow.fonts.ascent(styles.plain.size) - dash.rise).lineWidth(dash.thickness).strokeColor('black').stroke().restore())
      },
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

/**
 * The addressees' dash at a body size, drawn where the DOCX's en dash bullet prints: Noto Serif's U+2013 is 0.5 em
 * wide, its stroke 0.059 em thick with its middle 0.2685 em above the baseline.
 */
export function addresseeDash(size: number): { rise: number; width: number; thickness: number } {
  const round = (points: number) => Math.round(points * 1000) / 1000
  return { rise: round(size * 0.2685), width: round(size * 0.5), thickness: round(size * 0.059) }
}

// The organisation's name lines at the head of page 1, in bold, over a thin rule: page furniture, not text of the letter.
function letterhead(flow: Flow, house: HouseStyle, emblem: Uint8Array | undefined): void {
  const lines = house.letterhead?.lines ?? []
  if (lines.length === 0 && !emblem) return
  const { styles } = flow.theme
  const size = styles.title.size
  const leading = styles.title.leading
  const height = Math.max(lines.length, 2) * leading
  const { width } = flow.frame
  let left = flow.frame.left
  if (emblem) {
    const top = flow.y
    const width = Math.ceil(height * emblemRatio(emblem))
    // An SVG is drawn as vectors (svg-to-pdfkit), scaled into the emblem's box; a PNG is placed as it is.
    if (emblemFormat(emblem) === 'svg') flow.artifact(() => SVGtoPDF(flow.doc, svgText(emblem), left, top, { width, height, preserveAspectRatio: 'xMinYMin meet', assumePt: true }))
    else {
      const bytes = emblem.slice().buffer
      flow.artifact(() => flow.doc.image(bytes, left, top, { height }))
    }
    left += width + 10
  }
  flow.artifact(() => lines.forEach((text, index) => flow.line([run(text, index === 0 ? 'bold' : 'regular')], left, flow.y + index * leading, width, 'left', index === 0 ? size : styles.plain.size)))
  flow.y += (emblem ? height : lines.length * leading) + 4
  flow.rule(flow.frame.left, flow.y, width, house.colours.rule)
  flow.y += styles.plain.leading
}

// The address block at the foot of page 1, centred in small type under a rule; the text stops above it.
function addressFooter(flow: Flow, house: HouseStyle): void {
  const lines = house.footer?.lines ?? []
  if (lines.length === 0) return
  const { left, width } = flow.frame
  const { styles, footerSize } = flow.theme
  const leading = Math.round(footerSize * 1.3 * 10) / 10
  const pageHeight = flow.doc.page.height
  const lastTop = pageHeight - (pageHeight - flow.frame.bottom) / 2 - footerSize / 2
  const firstTop = lastTop - (lines.length - 1) * leading
  const ruleY = firstTop - 5
  flow.rule(left, ruleY, width, house.colours.rule)
  flow.artifact(() => lines.forEach((text, index) => flow.line([run(text)], left, firstTop + index * leading, width, 'center', footerSize)), 'Pagination')
  flow.reserveFoot(Math.max(0, flow.frame.bottom - ruleY + styles.plain.leading))
}
