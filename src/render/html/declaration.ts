import type { Block, Declaration, List, Paragraph, Section } from '../../model/declaration.js'
import { paragraphContent } from '../../model/walk.js'
import { attributeList, escapeHtml } from './escape.js'
import { phrasingHtml, type NoteLinks } from './inline.js'
import { heading, type Scope } from './scope.js'

/** What the block handlers of one declaration share: its scope, its footnote links and the heading offset of the part they are in. */
interface Context {
  scope: Scope
  notes: NoteLinks
  /** Added to a section's level (2–6) to give its heading element: one more inside an annex. */
  offset: number
}

const idOf = (context: Context, id: string) => attributeList({ id: context.scope.id(id) })

/** A paragraph's printed content: its bold title, italic lead and text. */
function content(paragraph: Paragraph, context: Context): string {
  return phrasingHtml(paragraphContent(paragraph), context.notes)
}

/** A numbered paragraph as a list item: its own number ("I.", "1.", "(a)") stays text a screen reader announces. */
function numberedItem(paragraph: Paragraph, context: Context): string {
  const num = paragraph.num === undefined ? '' : `<span class="num">${escapeHtml(paragraph.num)}</span> `
  return `<li${idOf(context, paragraph.id)}>${num}${content(paragraph, context)}${children(paragraph, context)}</li>`
}

function children(paragraph: Paragraph, context: Context): string {
  return paragraph.children?.length ? `\n${blocks(paragraph.children, context)}` : ''
}

// A page is built as one list of lines, joined once: a long document's sections and lists, joined each into a
// string of their own and copied again into the next, left several copies of the page in the old generation.
type Lines = string[]

// One handler per block type: each pushes its lines; runs of numbered paragraphs are grouped into one <ol> by `blocksInto`.
const handlers: { [K in Block['type']]: (block: Extract<Block, { type: K }>, context: Context, lines: Lines, className?: string) => void } = {
  paragraph: (paragraph, context, lines, className) => {
    lines.push(paragraphHtml(paragraph, context, className))
  },
  list: (list: List, context, lines) => {
    if (list.intro) lines.push(paragraphHtml(list.intro, context, 'intro'))
    listInto(lines, list.items.some((item) => item.num !== undefined), list.items, context)
  },
  section: (section: Section, context, lines) => {
    const headingId = context.scope.id(`${section.id}-heading`)
    lines.push(`<section${idOf(context, section.id)} aria-labelledby="${escapeHtml(headingId)}">`)
    lines.push(heading(section.level + context.offset, attributeList({ id: headingId }), escapeHtml(section.heading)))
    blocksInto(lines, section.body, context)
    lines.push('</section>')
  },
  separator: (_separator, _context, lines) => {
    lines.push('<hr>')
  },
}

// Pushes an <ol class="numbered"> (or a <ul>) of the items, one line each; an empty line for no item.
function listInto(lines: Lines, numbered: boolean, items: readonly Paragraph[], context: Context): void {
  lines.push(numbered ? '<ol class="numbered">' : '<ul>')
  for (const item of items) lines.push(numberedItem(item, context))
  if (!items.length) lines.push('')
  lines.push(numbered ? '</ol>' : '</ul>')
}

function paragraphHtml(paragraph: Paragraph, context: Context, className?: string): string {
  return `<p${attributeList({ id: context.scope.id(paragraph.id), class: className })}>${content(paragraph, context)}</p>${paragraph.children?.length ? `\n<div class="sub">${children(paragraph, context)}</div>` : ''}`
}

/** The HTML of a run of blocks; consecutive numbered paragraphs form one ordered list. */
function blocks(list: readonly Block[], context: Context, className?: string): string {
  const lines: Lines = []
  blocksInto(lines, list, context, className)
  return lines.join('\n')
}

// Pushes the lines of a run of blocks (one empty line for none, as the joined text of no blocks is empty).
function blocksInto(lines: Lines, list: readonly Block[], context: Context, className?: string): void {
  const start = lines.length
  let run: Paragraph[] = []
  const flush = () => {
    if (run.length) listInto(lines, true, run, context)
    run = []
  }
  for (const block of list) {
    if (block.type === 'paragraph' && block.num !== undefined) {
      run.push(block)
      continue
    }
    flush()
    ;(handlers[block.type] as (block: Block, context: Context, lines: Lines, className?: string) => void)(block, context, lines, className)
  }
  flush()
  if (lines.length === start) lines.push('')
}

/** Footnote links of a declaration: each note's page id, and a fresh id for every reference to it. */
function noteLinks(doc: Declaration, scope: Scope): NoteLinks {
  const ids = new Map(doc.footnotes.map((note) => [note.label, scope.id(note.id)]))
  const seen = new Map<string, number>()
  return {
    note: (label) => ids.get(label),
    reference: (label) => {
      const count = (seen.get(label) ?? 0) + 1
      seen.set(label, count)
      return scope.id(`fnref-${label}${count > 1 ? `-${count}` : ''}`)
    },
    name: (label) => scope.labels.footnote(label),
  }
}

function footnotes(doc: Declaration, context: Context): string {
  if (!doc.footnotes.length) return ''
  const items = doc.footnotes.map((note) => {
    const back = `<a${attributeList({ href: `#${context.scope.id(`fnref-${note.label}`)}`, class: 'backref', role: 'doc-backlink', 'aria-label': context.scope.labels.backToReference(note.label) })}></a>`
    return `<li${idOf(context, note.id)}><span class="num">${escapeHtml(note.label)}</span> ${phrasingHtml(note.text, context.notes)}${back}</li>`
  })
  return `<section class="footnotes" role="doc-endnotes"${attributeList({ 'aria-label': context.scope.labels.footnotes })}>\n<ol class="numbered">\n${items.join('\n')}\n</ol>\n</section>`
}

/**
 * The HTML of a declaration: preface lines, its title as the heading of `scope.level`, the subtitle,
 * the preamble and the operative part as sections, numbered paragraphs as ordered lists that keep the
 * printed numbers, headed sections, closing lines, each annex as a section of its own, and footnotes
 * linked both ways.
 */
export function declarationHtml(doc: Declaration, scope: Scope): string {
  return declarationLines(doc, scope).join('\n')
}

/** The lines of `declarationHtml`, for a page that joins them once with its own. */
export function declarationLines(doc: Declaration, scope: Scope): string[] {
  const context: Context = { scope, notes: noteLinks(doc, scope), offset: scope.level - 1 }
  const lines: Lines = []
  if (doc.preface.length) {
    lines.push('<div class="preface">')
    blocksInto(lines, doc.preface, context, 'preface')
    lines.push('</div>')
  }
  lines.push(heading(scope.level, attributeList({ id: scope.id('title'), class: 'title' }), escapeHtml(doc.title)))
  if (doc.subtitle) lines.push(`<p class="subtitle"${idOf(context, 'subtitle')}>${phrasingHtml(doc.subtitle, context.notes)}</p>`)
  const { preamble } = doc
  if (preamble) {
    const headingId = preamble.heading ? scope.id('preamble') : undefined
    lines.push(`<section${attributeList({ class: 'preamble', 'aria-labelledby': headingId })}>`)
    const start = lines.length
    if (preamble.heading) lines.push(heading(scope.level + 1, attributeList({ id: headingId }), escapeHtml(preamble.heading)))
    if (preamble.formula) handlers.paragraph(preamble.formula, context, lines, 'formula')
    if (preamble.paragraphs.length) blocksInto(lines, preamble.paragraphs, context, 'recital')
    if (lines.length === start) lines.push('')
    lines.push('</section>')
  }
  if (doc.body.length) {
    lines.push('<section class="operative">')
    blocksInto(lines, doc.body, context)
    lines.push('</section>')
  }
  if (doc.closing.length) {
    lines.push('<div class="closing">')
    blocksInto(lines, doc.closing, context, 'closing')
    lines.push('</div>')
  }
  for (const annex of doc.annexes) {
    const headingId = scope.id(`${annex.id}-heading`)
    lines.push(`<section class="annex"${idOf(context, annex.id)} aria-labelledby="${escapeHtml(headingId)}">`)
    lines.push(heading(scope.level + 1, attributeList({ id: headingId }), escapeHtml(annex.heading)))
    blocksInto(lines, annex.body, { ...context, offset: context.offset + 1 })
    lines.push('</section>')
  }
  const notes = footnotes(doc, context)
  if (notes) lines.push(notes)
  return lines
}
