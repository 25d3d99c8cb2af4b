import type { List, ListItem, Paragraph, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Clause, Objective, PreambularClause, Section } from '../model/declaration.js'

import { positionalId } from '../model/ids.js'
import { fromRoman } from '../model/roman.js'
import type { ParseContext } from './context.js'
import { takeId } from './ids.js'
import { readPhrasing } from './inline.js'
import type { FrontMatter } from './source.js'

type Path = (string | number)[]

const describeBlock = (node: RootContent): string =>
  node.type === 'heading' ? `heading "${toString(node)}"` : node.type === 'list' ? 'list' : node.type === 'paragraph' ? `paragraph "${clip(toString(node))}"` : node.type

const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 37)}…` : text)

/** The single paragraph of a list item, or reports what else it holds. */
export function itemParagraph(item: ListItem, context: ParseContext, path: Path, what: string): Paragraph | undefined {
  const [first, ...rest] = item.children
  if (first?.type !== 'paragraph' || rest.length > 0) {
    const found = first?.type === 'list' ? 'a nested list (a leading "1." starts one; write Roman numerals or escape it as "1\\.")' : first ? `${first.type}${rest.length ? ' and more blocks' : ''}` : 'nothing'
    context.report('invalid_list_item', `${what}: expected one paragraph in the list item; found ${found}`, path, item)
    return undefined
  }
  return first
}

function readPreamble(node: Paragraph, index: number, context: ParseContext): PreambularClause | undefined {
  const path = ['preamble', index]
  context.mark(path, node)
  const pinned = takeId(node.children, context, path)
  const [lead, ...rest] = pinned.children
  if (lead?.type !== 'emphasis') {
    context.report(
      'missing_lead',
      `preambular clause ${index + 1} "${clip(toString(node))}": expected its lead phrase in italics at the start (*Recognising* the …)`,
      path,
      node,
    )
    return undefined
  }
  return { id: pinned.id ?? positionalId.preamble(index), lead: toString(lead).trim(), text: readPhrasing(rest, context, [...path, 'text']) }
}

function readObjective(item: ListItem, index: number, context: ParseContext): Objective | undefined {
  const path = ['objectives', index]
  context.mark(path, item)
  const paragraph = itemParagraph(item, context, path, `objective ${index + 1}`)
  if (!paragraph) return undefined
  const pinned = takeId(paragraph.children, context, path)
  const [numberNode, titleNode, ...rest] = pinned.children
  const numeral = numberNode?.type === 'text' ? /^([A-Za-z]+)\.\s+$/.exec(numberNode.value)?.[1] : undefined
  const number = numeral ? fromRoman(numeral) : undefined
  if (number === undefined || titleNode?.type !== 'strong' || !toString(titleNode).trimEnd().endsWith(':')) {
    context.report(
      'invalid_objective',
      `objective ${index + 1} "${clip(toString(paragraph))}": expected a Roman numeral and a bold title ending with a colon (- I. **Title:** text)`,
      path,
      paragraph,
    )
    return undefined
  }
  context.mark([...path, 'number'], numberNode)
  context.mark([...path, 'title'], titleNode)
  return {
    id: pinned.id ?? positionalId.objective(index),
    number,
    title: toString(titleNode).trim().replace(/\s*:$/, ''),
    text: readPhrasing(rest, context, [...path, 'text']),
  }
}

function readClause(node: Paragraph | ListItem, id: string, path: Path, context: ParseContext, what: string): Clause | undefined {
  context.mark(path, node)
  const paragraph = node.type === 'paragraph' ? node : itemParagraph(node, context, path, what)
  if (!paragraph) return undefined
  const pinned = takeId(paragraph.children, context, path)
  return { id: pinned.id ?? id, text: readPhrasing(pinned.children, context, [...path, 'text']) }
}

function present<T>(values: (T | undefined)[]): T[] {
  return values.filter((value): value is T => value !== undefined)
}

/** Builds a declaration candidate (not yet validated) from the Markdown blocks after the front matter. */
export function readDeclaration(blocks: RootContent[], frontMatter: FrontMatter, context: ParseContext): Record<string, unknown> {
  const out: Record<string, unknown> = { type: 'declaration', ...frontMatter.values }
  const content = blocks.filter((block) => block.type !== 'definition')
  const [titleNode, ...body] = content
  if (titleNode?.type !== 'heading' || titleNode.depth !== 1) {
    context.report('missing_title', 'expected the title as a level-1 heading (# Title) after the front matter', ['title'], titleNode ?? { line: frontMatter.line, column: 1 })
    return out
  }
  context.mark(['title'], titleNode)
  out.title = toString(titleNode).trim()

  const listAt = body.findIndex((block) => block.type === 'list')
  const lead = listAt === -1 ? body : body.slice(0, listAt)
  const paragraphs = lead.filter((block): block is Paragraph => block.type === 'paragraph')
  for (const block of lead) {
    if (block.type !== 'paragraph') context.report('unexpected_block', `${describeBlock(block)}: expected paragraphs (opening formula, preambular clauses, chapeau) before the objectives list`, [], block)
  }
  if (listAt === -1 || paragraphs.length < 2) {
    context.report(
      'missing_objectives',
      'expected the opening formula, the preambular clauses and the chapeau as paragraphs, then the objectives as a list (- I. **Title:** text)',
      ['objectives'],
      body[0] ?? titleNode,
    )
    return out
  }
  const opening = paragraphs[0]!
  const chapeau = paragraphs[paragraphs.length - 1]!
  context.mark(['opening'], opening)
  context.mark(['chapeau'], chapeau)
  out.opening = readPhrasing(opening.children, context, ['opening'])
  context.mark(['preamble'], paragraphs[1] ?? opening)
  out.preamble = present(paragraphs.slice(1, -1).map((node, index) => readPreamble(node, index, context)))
  out.chapeau = readPhrasing(chapeau.children, context, ['chapeau'])

  const list = body[listAt] as List
  context.mark(['objectives'], list)
  out.objectives = present(list.children.map((item, index) => readObjective(item, index, context)))

  const rest = body.slice(listAt + 1)
  const last = rest[rest.length - 1]
  const beforeLast = rest[rest.length - 2]
  let sectionBlocks = rest
  if (last?.type === 'list' && beforeLast?.type === 'paragraph') {
    sectionBlocks = rest.slice(0, -2)
    context.mark(['endorsement'], beforeLast)
    context.mark(['endorsement', 'note'], beforeLast)
    const note = takeId(beforeLast.children, context, ['endorsement'])
    out.endorsement = {
      id: note.id ?? positionalId.endorsement(),
      note: readPhrasing(note.children, context, ['endorsement', 'note']),
      items: present(last.children.map((item, index) => readClause(item, positionalId.endorsementItem(index), ['endorsement', 'items', index], context, `endorsement item ${index + 1}`))),
    }
  }
  context.mark(['sections'], sectionBlocks[0] ?? list.position?.end)
  out.sections = readSections(sectionBlocks, context)
  return out
}

function readSections(blocks: RootContent[], context: ParseContext): Section[] {
  const sections: Section[] = []
  for (const block of blocks) {
    const current = sections[sections.length - 1]
    if (block.type === 'heading' && block.depth === 2) {
      const index = sections.length
      context.mark(['sections', index], block)
      context.mark(['sections', index, 'title'], block)
      const pinned = takeId(block.children, context, ['sections', index])
      sections.push({ id: pinned.id ?? positionalId.section(index), title: pinned.children.map((child) => toString(child)).join('').trim(), paragraphs: [] })
    } else if (block.type === 'paragraph' && current) {
      const index = sections.length - 1
      const position = current.paragraphs.length
      const clause = readClause(block, positionalId.sectionParagraph(index, position), ['sections', index, 'paragraphs', position], context, 'section paragraph')
      if (clause) current.paragraphs.push(clause)
    } else {
      context.report(
        'unexpected_block',
        `${describeBlock(block)}: expected a section (## Title, then paragraphs) or, at the end, the endorsement (a paragraph and a list)`,
        ['sections'],
        block,
      )
    }
  }
  return sections
}

