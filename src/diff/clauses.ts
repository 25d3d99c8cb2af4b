import type { Paragraph } from '../model/declaration.js'
import type { Document } from '../model/document.js'
import { hasChildren, leafText, type Phrasing } from '../model/inline.js'
import { startsWithPunctuation, walkDeclaration } from '../model/walk.js'
import { localeFor } from '../i18n/index.js'
import { blockGroup, blockLabel, comparedUnits, isSingleBlock, type Unit } from '../render/units.js'
import { TextKey } from './text-key.js'

/**
 * What the diff reads of a unit: how it pairs (id, group, single), how it is named, and its text; and,
 * when worked out from the model's pieces, the text's key up to typography (see `TextKey`).
 */
export interface Clause extends Pick<Unit, 'id' | 'group' | 'single' | 'label' | 'text'> {
  key?: number
  plain?: boolean
  /** The paragraph the text is joined from, or else the content. */
  paragraph?: Paragraph
  content?: Phrasing
}

/**
 * The units of a document that a diff compares, with only what the diff reads: the ids, groups,
 * labels and texts of `comparedUnits`, without the content, marks and paths that a long document would
 * otherwise keep alive, clause by clause, for the whole comparison. A declaration's clause texts are
 * keyed from the model's strings, so an unchanged clause's text is never joined into one flat copy.
 */
export function comparedClauses(doc: Document): Clause[] {
  if (doc.type !== 'declaration') return comparedUnits(doc)
  const locale = localeFor(doc.language)
  const clauses: Clause[] = []
  const key = new TextKey()
  for (const block of walkDeclaration(doc)) {
    if (block.role === 'separator') continue
    key.reset()
    const { paragraph } = block
    if (paragraph) addParagraph(key, paragraph)
    else addPhrasing(key, block.content)
    const content = paragraph ? undefined : block.content
    clauses.push({ id: block.id, group: blockGroup(block.role), single: isSingleBlock(block.role), label: blockLabel(block, locale), text: key.text, key: key.finish(), plain: key.plain, paragraph, content })
  }
  return clauses
}

// The pieces of a paragraph's printed text (see `paragraphContent`), in order.
function addParagraph(key: TextKey, paragraph: Paragraph): void {
  if (paragraph.title) key.add(paragraph.title)
  if (paragraph.lead) {
    if (paragraph.title) key.add(' ')
    key.add(paragraph.lead)
  }
  if (paragraph.text.length) {
    if ((paragraph.title || paragraph.lead) && !startsWithPunctuation(paragraph.text)) key.add(' ')
    addPhrasing(key, paragraph.text)
  }
}

function addPhrasing(key: TextKey, content: Phrasing): void {
  for (const node of content) {
    if (hasChildren(node)) addPhrasing(key, node.children)
    else key.add(leafText(node))
  }
}

/** A clause's text and the pieces it is joined from. */
export type Pieces = Pick<Clause, 'text' | 'paragraph' | 'content'>

/**
 * Whether two clauses have the same text. Texts joined from pieces of the same shape (a paragraph's
 * title, lead and text runs) are compared piece by piece: comparing the joined texts would copy each
 * into one flat string.
 */
export function sameText(a: Pieces, b: Pieces): boolean {
  return samePieces(a, b) ?? a.text === b.text
}

// Compares the pieces while they line up: the first pair that differs decides (two runs of one length
// at one place that differ: different texts); `undefined` when the pieces stop lining up first.
function samePieces(a: Pieces, b: Pieces): boolean | undefined {
  const p = a.paragraph
  const q = b.paragraph
  if (p && q) {
    if (!p.title !== !q.title || !p.lead !== !q.lead || !p.text.length !== !q.text.length) return undefined
    if ((p.title || p.lead) && p.text.length && startsWithPunctuation(p.text) !== startsWithPunctuation(q.text)) return undefined
    const title = sameRun(p.title ?? '', q.title ?? '')
    if (title !== true) return title
    const lead = sameRun(p.lead ?? '', q.lead ?? '')
    return lead === true ? samePhrasing(p.text, q.text) : lead
  }
  return a.content && b.content ? samePhrasing(a.content, b.content) : undefined
}

function sameRun(x: string, y: string): boolean | undefined {
  if (x === y) return true
  return x.length === y.length ? false : undefined
}

function samePhrasing(a: Phrasing, b: Phrasing): boolean | undefined {
  if (a === b) return true
  for (let at = 0; at < a.length && at < b.length; at++) {
    const x = a[at]!
    const y = b[at]!
    let same: boolean | undefined
    if (hasChildren(x)) same = hasChildren(y) ? samePhrasing(x.children, y.children) : undefined
    else same = hasChildren(y) ? undefined : sameRun(leafText(x), leafText(y))
    if (same !== true) return same
  }
  return a.length === b.length ? true : undefined
}
