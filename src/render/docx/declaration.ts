import { Paragraph, type ParagraphChild } from 'docx'
import type { Declaration, Paragraph as ModelParagraph } from '../../model/declaration.js'
import { startsWithPunctuation, walkDeclaration, type BlockRole, type PrintedBlock } from '../../model/walk.js'
import { phrasingRuns, run, type RunContext } from './inline.js'
import { listFormat, numberingReference } from './numbering.js'
import { styledParagraph as paragraph } from './paragraph.js'
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
  // Each list of the document is its own Word list instance, so that its numbers restart.
  const instances = new Map<string, number>()
  const instanceOf = (block: PrintedBlock) => {
    const key = block.path.slice(0, -1).join('.')
    if (!instances.has(key)) instances.set(key, placement.instance * 1000 + instances.size)
    return instances.get(key)!
  }
  for (const block of walkDeclaration(doc)) {
    if (block.role === 'separator') {
      out.push(paragraph(paragraphStyle.separator, []))
      continue
    }
    if (block.role === 'footnote') continue
    const style = block.role === 'title' && placement.annexed ? paragraphStyle.annexTitle : block.role === 'annex-heading' ? paragraphStyle.annexTitle : roleStyle[block.role]
    const model = block.paragraph
    if (!model) {
      const headingStyle = block.role === 'heading' ? `Heading${Math.min((block.level ?? 2) - 1, 6)}` : style
      out.push(paragraph(headingStyle, phrasingRuns(block.content, context)))
      continue
    }
    const format = block.role === 'item' ? listFormat(block) : undefined
    if (format) {
      out.push(paragraph(style, paragraphRuns(model, context), { reference: numberingReference(format), instance: instanceOf(block), level: block.depth }))
    } else {
      const numbered = model.num !== undefined
      out.push(paragraph(numbered ? paragraphStyle.numberedParagraph : style, paragraphRuns(model, context, model.num), undefined, block.depth))
    }
  }
  return out
}
