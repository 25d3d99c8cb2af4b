import { Paragraph, type ParagraphChild } from 'docx'
import type { Declaration, Paragraph as ModelParagraph } from '../../model/declaration.js'
import { startsWithPunctuation, walkDeclaration, type BlockRole, type PrintedBlock } from '../../model/walk.js'
import { phrasingRuns, run, type RunContext } from './inline.js'
import { listFormat, numberingReference } from './numbering.js'
import { type ListPlace, styledParagraph as paragraph } from './paragraph.js'
import { characterStyle, paragraphStyle } from './styles.js'

/** Where a declaration is rendered: on its own, or as the annex of a letter. */
export interface DeclarationPlacement {
  /** The declaration follows a letter, so its title starts a new page. */
  annexed: boolean
  /** The runs' `w:lang` when it differs from the document's. */
  lang?: string
  /** Which declaration of the package this is, so that each one's lists count from their own start. */
  instance: number
}

/** The paragraph style of each printed role of a declaration. */
export const roleStyle: Record<Exclude<BlockRole, 'separator'>, string> = {
  preface: paragraphStyle.preface,
  title: paragraphStyle.title,
  subtitle: paragraphStyle.subtitle,
  'preamble-heading': paragraphStyle.heading1,
  formula: paragraphStyle.opening,
  recital: paragraphStyle.preambularClause,
  heading: paragraphStyle.heading1,
  paragraph: paragraphStyle.sectionText,
  intro: paragraphStyle.chapeau,
  item: paragraphStyle.objective,
  closing: paragraphStyle.closing,
  'annex-heading': paragraphStyle.annexTitle,
  footnote: paragraphStyle.footnote,
}

/** The runs of a paragraph: bold title, italic lead and text (its number comes from the Word list, or as text). */
export function paragraphRuns(model: ModelParagraph, context: RunContext, number?: string): ParagraphChild[] {
  const runs: ParagraphChild[] = number ? [run(`${number}\t`, context)] : []
  if (model.title) runs.push(run(model.title, context, characterStyle.objectiveTitle))
  if (model.lead) runs.push(...(runs.length > (number ? 1 : 0) ? [run(' ', context)] : []), run(model.lead, context, characterStyle.leadPhrase))
  if (model.text.length) {
    const hasHead = model.title !== undefined || model.lead !== undefined
    if (hasHead && !startsWithPunctuation(model.text)) runs.push(run(' ', context))
    runs.push(...phrasingRuns(model.text, context))
  }
  return runs
}

/** Word footnote ids (from 1) of a declaration's footnote labels. */
export function footnoteIds(doc: Declaration, first = 1): Map<string, number> {
  return new Map(doc.footnotes.map((note, index) => [note.label, first + index]))
}

/** The bodies of a declaration's footnotes, as docx's `footnotes` option takes them. */
export function footnoteBodies(doc: Declaration, context: RunContext, ids: ReadonlyMap<string, number>): Record<number, { children: Paragraph[] }> {
  return Object.fromEntries(doc.footnotes.map((note) => [ids.get(note.label)!, { children: [new Paragraph({ style: 'FootnoteText', children: phrasingRuns(note.text, context) })] }]))
}

/** How a printed block of a declaration sits in Word: its paragraph style, the Word list it is an item of or the number it prints as text, and its indent. */
export interface BlockLayout {
  style: string
  list?: ListPlace
  /** The paragraph's own number, printed as text before a tab, when Word cannot generate it. */
  number?: string
  /** Nesting of a paragraph outside a Word list. */
  depth: number
}

/**
 * The Word list instance of each list of a declaration, so that each list's numbers restart: the same function
 * over two drafts gives a list the same instance in both.
 * @param instance which declaration of the package this is
 * @returns the instance of a block's list
 */
export function listInstances(instance: number): (block: PrintedBlock) => number {
  const instances = new Map<string, number>()
  return (block) => {
    const key = block.path.slice(0, -1).join('.')
    if (!instances.has(key)) instances.set(key, instance * 1000 + instances.size)
    return instances.get(key)!
  }
}

/**
 * How a printed block of a declaration is laid out: headings by level, numbered paragraphs as Word lists in the
 * document's own number formats (nested levels for sub-paragraphs) or with their number as text.
 * @param block a printed block other than a separator
 * @param annexed whether the declaration is annexed to a letter (its title then starts a new page)
 * @param instanceOf the list instance of a block (see `listInstances`)
 * @returns the block's layout
 */
export function blockLayout(block: PrintedBlock, annexed: boolean, instanceOf: (block: PrintedBlock) => number): BlockLayout {
  const role = block.role as Exclude<BlockRole, 'separator'>
  const style = (role === 'title' && annexed) || role === 'annex-heading' ? paragraphStyle.annexTitle : roleStyle[role]
  const model = block.paragraph
  if (!model) return { style: role === 'heading' ? `Heading${Math.min((block.level ?? 2) - 1, 6)}` : style, depth: 0 }
  const format = role === 'item' ? listFormat(block) : undefined
  if (format) return { style, list: { reference: numberingReference(format), instance: instanceOf(block), level: block.depth }, depth: 0 }
  return model.num === undefined ? { style, depth: block.depth } : { style: paragraphStyle.numberedParagraph, number: model.num, depth: block.depth }
}

/**
 * The paragraphs of a declaration, each with its named style, from the one walk of its structure:
 * preface lines, title, subtitle, formula, preambular paragraphs, numbered paragraphs as Word lists
 * in the document's own number formats (nested levels for sub-paragraphs), headings, closing lines and
 * annexes on a new page; footnote references are Word footnotes.
 * @param doc the declaration
 * @param placement on its own or annexed, the language of its runs, and its footnote ids
 * @returns docx paragraphs in reading order
 */
export function declarationParagraphs(doc: Declaration, placement: DeclarationPlacement & { footnotes?: ReadonlyMap<string, number> }): Paragraph[] {
  const context: RunContext = { ...(placement.lang ? { lang: placement.lang } : {}), ...(placement.footnotes ? { footnotes: placement.footnotes } : {}) }
  const out: Paragraph[] = []
  const instanceOf = listInstances(placement.instance)
  for (const block of walkDeclaration(doc)) {
    if (block.role === 'separator') {
      out.push(paragraph(paragraphStyle.separator, []))
      continue
    }
    if (block.role === 'footnote') continue
    const layout = blockLayout(block, placement.annexed, instanceOf)
    const children = block.paragraph ? paragraphRuns(block.paragraph, context, layout.number) : phrasingRuns(block.content, context)
    out.push(paragraph(layout.style, children, layout.list, layout.depth))
  }
  return out
}
