import type { Declaration } from '../../model/declaration.js'
import { localeFor } from '../../i18n/index.js'
import { toRoman } from '../../model/roman.js'
import { bookmark, type Outline } from './bookmarks.js'
import type { Flow } from './flow.js'
import { phrasingRuns, run } from './runs.js'
import { labelWidth, styles } from './theme.js'

/** Heading tags for a declaration on its own (H1, H2) or inside a letter's annex (H2, H3). */
export type HeadingTags = readonly [title: string, section: string]

/**
 * Sets a declaration as UN documents do: centred bold title, preambular clauses with their lead phrase
 * in italics, objectives with hanging roman numerals and bold titles, sections under headings.
 */
export function setDeclaration(flow: Flow, parent: PDFKit.PDFStructureElement, doc: Declaration, outline: Outline, tags: HeadingTags): void {
  const keepLines = 2 * styles.body.leading
  const locale = localeFor(doc.language)
  let top: Outline = outline
  flow.paragraph(parent, tags[0], [run(doc.title, 'bold')], styles.title, {
    keepWithNext: keepLines,
    onPlace: (y) => (top = bookmark(flow.doc, outline, doc.title, y)),
  })
  flow.paragraph(parent, 'P', phrasingRuns(doc.opening, locale), styles.body)
  for (const clause of doc.preamble) {
    flow.paragraph(parent, 'P', [run(clause.lead, 'italic'), run(' '), ...phrasingRuns(clause.text, locale)], styles.body, { firstIndent: labelWidth })
  }
  flow.paragraph(parent, 'P', phrasingRuns(doc.chapeau, locale), styles.body, { keepWithNext: keepLines })
  if (doc.objectives.length > 0) {
    list(flow, parent, doc.objectives, (item, objective) => {
      const numeral = `${toRoman(objective.number)}.`
      flow.paragraph(item, 'LBody', [run(`${objective.title}:`, 'bold'), run(' '), ...phrasingRuns(objective.text, locale)], styles.item, {
        inset: labelWidth,
        label: { runs: [run(`${numeral} `)], tag: 'Lbl' },
        onPlace: (y) => bookmark(flow.doc, top, `${numeral} ${objective.title}`, y),
      })
    })
  }
  for (const section of doc.sections) {
    flow.paragraph(parent, tags[1], [run(section.title, 'bold')], styles.heading, {
      keepWithNext: keepLines,
      onPlace: (y) => bookmark(flow.doc, top, section.title, y),
    })
    for (const paragraph of section.paragraphs) flow.paragraph(parent, 'P', phrasingRuns(paragraph.text, locale), styles.body)
  }
  if (doc.endorsement) {
    flow.paragraph(parent, 'P', phrasingRuns(doc.endorsement.note, locale), styles.body, { keepWithNext: keepLines })
    list(flow, parent, doc.endorsement.items, (item, clause) => {
      flow.paragraph(item, 'LBody', phrasingRuns(clause.text, locale), styles.item, {
        inset: labelWidth,
        onPlace: (y) => flow.bullet(flow.frame.left + labelWidth / 2, y, styles.item.size),
      })
    })
  }
}

/** Sets items as an `L` list of `LI` elements, each filled by `setItem`. */
export function list<T>(flow: Flow, parent: PDFKit.PDFStructureElement, items: readonly T[], setItem: (item: PDFKit.PDFStructureElement, value: T) => void): void {
  const element = flow.doc.struct('L')
  parent.add(element)
  for (const value of items) {
    const item = flow.doc.struct('LI')
    element.add(item)
    setItem(item, value)
    item.end()
  }
  element.end()
}
