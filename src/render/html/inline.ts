import type { Inline } from '../../model/inline.js'
import { isSafeLink } from '../../model/links.js'
import { element, escapeHtml } from './escape.js'

/** How footnote references link to their notes: the page id of each note and of each reference. */
export interface NoteLinks {
  /** The page id of the note with this label, or `undefined` when the document has none. */
  note(label: string): string | undefined
  /** A fresh page id for the next reference to the note with this label (`fnref-1`, `fnref-1-2`). */
  reference(label: string): string
  /** The accessible name of a reference ("Footnote 1"). */
  name(label: string): string
}

type Handlers = { [K in Inline['type']]: (node: Extract<Inline, { type: K }>, notes: NoteLinks | undefined) => string }

// One handler per inline node type: a new node type in the model is a type error here until handled.
const handlers: Handlers = {
  text: (node) => escapeHtml(node.value),
  emphasis: (node, notes) => `<em>${phrasingHtml(node.children, notes)}</em>`,
  strong: (node, notes) => `<strong>${phrasingHtml(node.children, notes)}</strong>`,
  superscript: (node, notes) => `<sup>${phrasingHtml(node.children, notes)}</sup>`,
  // A link that breaks the link rule (a document built in code) is its text, never a live link.
  link: (node, notes) => (isSafeLink(node.url) ? element('a', { href: node.url }, phrasingHtml(node.children, notes)) : phrasingHtml(node.children, notes)),
  break: () => '<br>',
  footnoteReference: (node, notes) => {
    const target = notes?.note(node.label)
    if (!notes || !target) return `<sup>${escapeHtml(node.label)}</sup>`
    return `<sup>${element('a', { id: notes.reference(node.label), href: `#${target}`, class: 'fnref', role: 'doc-noteref', 'aria-label': notes.name(node.label) }, escapeHtml(node.label))}</sup>`
  },
}

/** The HTML of inline content: emphasis as `<em>`, strong as `<strong>`, links as `<a>`, footnote references as linked `<sup>`. */
export function phrasingHtml(content: readonly Inline[], notes?: NoteLinks): string {
  let out = ''
  for (const node of content) out += (handlers[node.type] as (node: Inline, notes: NoteLinks | undefined) => string)(node, notes)
  return out
}
