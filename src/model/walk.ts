import type { Block, Declaration, Paragraph } from './declaration.js'
import { text, type Phrasing } from './inline.js'

/** A path into the document model, as in `Issue.path`. */
export type ModelPath = (string | number)[]

/** What a printed block is. */
export type BlockRole =
  | 'preface' | 'title' | 'subtitle' | 'preamble-heading' | 'formula' | 'recital'
  | 'heading' | 'paragraph' | 'intro' | 'item' | 'separator' | 'closing' | 'annex-heading' | 'footnote'

/** The part of the document a printed block belongs to. */
export type DocumentPart = 'front' | 'preamble' | 'body' | 'closing' | 'annex' | 'notes'

/**
 * One printed block of a declaration in reading order: the one walk of the document's structure that
 * plain text, diff and alignment units, XLIFF units, validation and the page renderers share.
 */
export interface PrintedBlock {
  role: BlockRole
  /** The block's id (`preamble-3`, `para-2-1`, `section-1`); fields without one are named by role (`title`). */
  id: string
  /** Where the block's object lives in the model (the paragraph, or the object holding the heading). */
  path: ModelPath
  part: DocumentPart
  /** Nesting of lists and sub-paragraphs: 0 at the top of a part. */
  depth: number
  /** The heading level of a title (1), section (2–6) or annex heading (1). */
  level?: number
  /** The paragraph itself, for roles that are paragraphs. */
  paragraph?: Paragraph
  /** The item belongs to a numbered list (its number is generated, not typed). */
  ordered?: boolean
  /** The text of a heading, title or subtitle; a paragraph's text without its number, title and lead. */
  content: Phrasing
  /** The position among the blocks of its kind in its container (1-based): "preambular paragraph 3". */
  ordinal: number
  /** The heading of the section or annex the block is in, if any. */
  under?: string
  /** The index of the annex the block is in. */
  annex?: number
}

interface Place {
  part: DocumentPart
  depth: number
  under?: string
  annex?: number
}

// A paragraph's own block. Its sub-paragraphs (`childBlocks`) follow it; the walk yields the block itself
// rather than delegating to a generator per paragraph, which cost a generator and its results per clause.
function paragraphBlock(paragraph: Paragraph, role: BlockRole, path: ModelPath, place: Place, ordinal: number, ordered?: boolean): PrintedBlock {
  // Optional keys assigned in place (same key order as spreads, without a temporary object per block).
  const block: PrintedBlock = { role, id: paragraph.id, path, part: place.part, depth: place.depth, paragraph, content: paragraph.text, ordinal }
  if (ordered !== undefined) block.ordered = ordered
  if (place.under !== undefined) block.under = place.under
  if (place.annex !== undefined) block.annex = place.annex
  return block
}

function childBlocks(children: readonly Block[], path: ModelPath, place: Place): Generator<PrintedBlock> {
  return blocks(children, [...path, 'children'], { ...place, depth: place.depth + 1 })
}

function placeExtra(place: Place): { under?: string; annex?: number } {
  return { ...(place.under === undefined ? {} : { under: place.under }), ...(place.annex === undefined ? {} : { annex: place.annex }) }
}

function* blocks(list: readonly Block[], path: ModelPath, place: Place): Generator<PrintedBlock> {
  let ordinal = 0
  for (let index = 0; index < list.length; index++) {
    const block = list[index]!
    const here = [...path, index]
    switch (block.type) {
      case 'paragraph':
        yield paragraphBlock(block, 'paragraph', here, place, ++ordinal)
        if (block.children) yield* childBlocks(block.children, here, place)
        break
      case 'list':
        if (block.intro) {
          const intro = [...here, 'intro']
          yield paragraphBlock(block.intro, 'intro', intro, place, ordinal)
          if (block.intro.children) yield* childBlocks(block.intro.children, intro, place)
        }
        for (let at = 0; at < block.items.length; at++) {
          const item = block.items[at]!
          const itemPath = [...here, 'items', at]
          yield paragraphBlock(item, 'item', itemPath, place, ++ordinal, block.ordered)
          if (item.children) yield* childBlocks(item.children, itemPath, place)
        }
        break
      case 'section': {
        const extra = placeExtra(place)
        yield { role: 'heading', id: block.id, path: here, part: place.part, depth: place.depth, level: block.level, content: text(block.heading), ordinal: 0, ...extra }
        yield* blocks(block.body, [...here, 'body'], { ...place, depth: 0, under: block.heading })
        break
      }
      case 'separator': {
        const extra = placeExtra(place)
        yield { role: 'separator', id: 'separator', path: here, part: place.part, depth: place.depth, content: [], ordinal: 0, ...extra }
        break
      }
    }
  }
}

/** Every printed block of a declaration in reading order, with its role, place and path. */
export function* walkDeclaration(doc: Declaration): Generator<PrintedBlock> {
  const front: Place = { part: 'front', depth: 0 }
  for (let index = 0; index < doc.preface.length; index++) yield* paragraphTree(doc.preface[index]!, 'preface', ['preface', index], front, index + 1)
  yield { role: 'title', id: 'title', path: [], part: 'front', depth: 0, level: 1, content: text(doc.title), ordinal: 0 }
  if (doc.subtitle) yield { role: 'subtitle', id: 'subtitle', path: [], part: 'front', depth: 0, content: doc.subtitle, ordinal: 0 }
  if (doc.preamble) {
    const { preamble } = doc
    const place: Place = { part: 'preamble', depth: 0 }
    if (preamble.heading) yield { role: 'preamble-heading', id: 'preamble', path: ['preamble'], part: 'preamble', depth: 0, level: 2, content: text(preamble.heading), ordinal: 0 }
    if (preamble.formula) yield* paragraphTree(preamble.formula, 'formula', ['preamble', 'formula'], place, 0)
    for (let index = 0; index < preamble.paragraphs.length; index++) {
      const paragraph = preamble.paragraphs[index]!
      const path = ['preamble', 'paragraphs', index]
      yield paragraphBlock(paragraph, 'recital', path, place, index + 1)
      if (paragraph.children) yield* childBlocks(paragraph.children, path, place)
    }
  }
  yield* blocks(doc.body, ['body'], { part: 'body', depth: 0 })
  for (let index = 0; index < doc.closing.length; index++) yield* paragraphTree(doc.closing[index]!, 'closing', ['closing', index], { part: 'closing', depth: 0 }, index + 1)
  for (let index = 0; index < doc.annexes.length; index++) {
    const annex = doc.annexes[index]!
    yield { role: 'annex-heading', id: annex.id, path: ['annexes', index], part: 'annex', depth: 0, level: 1, content: text(annex.heading), ordinal: 0, annex: index }
    yield* blocks(annex.body, ['annexes', index, 'body'], { part: 'annex', depth: 0, under: annex.heading, annex: index })
  }
  for (let index = 0; index < doc.footnotes.length; index++) {
    const note = doc.footnotes[index]!
    yield { role: 'footnote', id: note.id, path: ['footnotes', index], part: 'notes', depth: 0, content: note.text, ordinal: index + 1 }
  }
}

// A paragraph's block and its sub-paragraphs' (for the few paragraphs outside the long lists).
function* paragraphTree(paragraph: Paragraph, role: BlockRole, path: ModelPath, place: Place, ordinal: number): Generator<PrintedBlock> {
  yield paragraphBlock(paragraph, role, path, place, ordinal)
  if (paragraph.children) yield* childBlocks(paragraph.children, path, place)
}

/** The blocks of a declaration as an array (see `walkDeclaration`). */
export function printedBlocks(doc: Declaration): PrintedBlock[] {
  return [...walkDeclaration(doc)]
}

const roleNames: Record<BlockRole, string> = {
  preface: 'preface line',
  title: 'title',
  subtitle: 'subtitle',
  'preamble-heading': 'preamble heading',
  formula: 'formula',
  recital: 'preambular paragraph',
  heading: 'heading',
  paragraph: 'paragraph',
  intro: 'lead-in',
  item: 'paragraph',
  separator: 'separator',
  closing: 'closing line',
  'annex-heading': 'annex heading',
  footnote: 'footnote',
}

/** Names a printed block as a reader would, in English: `operative paragraph "3."`, `paragraph 2 under "Collaboration"`. */
export function describeBlock(block: PrintedBlock): string {
  const paragraph = block.paragraph
  if (block.role === 'heading') return `heading "${clip(block.content)}"`
  if (block.role === 'annex-heading') return `annex heading "${clip(block.content)}"`
  if (block.role === 'footnote') return `footnote ${block.ordinal}`
  let name = roleNames[block.role]
  if ((block.role === 'paragraph' || block.role === 'item') && block.part === 'body' && !block.under) name = 'operative paragraph'
  if (block.depth > 0) name = `sub-${name}`
  const position = paragraph?.num ? ` "${paragraph.num}"` : block.ordinal ? ` ${block.ordinal}` : ''
  const where = block.under ? ` under "${block.under}"` : ''
  return `${name}${position}${where}`
}

function clip(content: Phrasing): string {
  const value = content.map((node) => (node.type === 'text' ? node.value : '…')).join('')
  return value.length > 40 ? `${value.slice(0, 37)}…` : value
}

/** A paragraph's printed content as one run: bold title, italic lead and text (its number is printed apart). */
export function paragraphContent(paragraph: Paragraph): Phrasing {
  const out: Phrasing = []
  if (paragraph.title) out.push({ type: 'strong', children: text(paragraph.title) })
  if (paragraph.lead) {
    if (out.length) out.push({ type: 'text', value: ' ' })
    out.push({ type: 'emphasis', children: text(paragraph.lead) })
  }
  if (paragraph.text.length) {
    if (out.length && !startsWithPunctuation(paragraph.text)) out.push({ type: 'text', value: ' ' })
    out.push(...paragraph.text)
  }
  return out
}

// Punctuation that joins the word before it: , ; : . ) ] ’ ” » (each one UTF-16 unit).
const JOINING_PUNCTUATION = [0x2c, 0x3b, 0x3a, 0x2e, 0x29, 0x5d, 0x2019, 0x201d, 0xbb]

/** Whether text begins with punctuation that joins the word before it ("*Reaffirming*, among …"). */
export function startsWithPunctuation(content: Phrasing): boolean {
  const first = content[0]
  // A character test, not a regular expression: the diff asks this of every clause of both drafts.
  return first?.type === 'text' && JOINING_PUNCTUATION.includes(first.value.charCodeAt(0))
}
