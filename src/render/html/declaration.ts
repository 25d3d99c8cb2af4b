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

// One handler per block type; runs of numbered paragraphs are grouped into one <ol> by `blocks`.
const handlers: { [K in Block['type']]: (block: Extract<Block, { type: K }>, context: Context, className?: string) => string } = {
  paragraph: (paragraph, context, className) =>
    `<p${attributeList({ id: context.scope.id(paragraph.id), class: className })}>${content(paragraph, context)}</p>${paragraph.children?.length ? `\n<div class="sub">${children(paragraph, context)}</div>` : ''}`,
  list: (list: List, context) => {
    const intro = list.intro ? `${handlers.paragraph(list.intro, context, 'intro')}\n` : ''
    const numbered = list.items.some((item) => item.num !== undefined)
    const items = list.items.map((item) => numberedItem(item, context)).join('\n')
    return `${intro}${numbered ? `<ol class="numbered">\n${items}\n</ol>` : `<ul>\n${items}\n</ul>`}`
  },
  section: (section: Section, context) => {
    const headingId = context.scope.id(`${section.id}-heading`)
    const title = heading(section.level + context.offset, attributeList({ id: headingId }), escapeHtml(section.heading))
    return `<section${idOf(context, section.id)} aria-labelledby="${escapeHtml(headingId)}">\n${title}\n${blocks(section.body, context)}\n</section>`
  },
  separator: () => '<hr>',
}

/** The HTML of a run of blocks; consecutive numbered paragraphs form one ordered list. */
function blocks(list: readonly Block[], context: Context, className?: string): string {
  const out: string[] = []
  let run: Paragraph[] = []
  const flush = () => {
    if (run.length) out.push(`<ol class="numbered">\n${run.map((paragraph) => numberedItem(paragraph, context)).join('\n')}\n</ol>`)
    run = []
  }
  for (const block of list) {
    if (block.type === 'paragraph' && block.num !== undefined) {
      run.push(block)
      continue
    }
    flush()
    out.push((handlers[block.type] as (block: Block, context: Context, className?: string) => string)(block, context, className))
  }
  flush()
  return out.join('\n')
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
  const context: Context = { scope, notes: noteLinks(doc, scope), offset: scope.level - 1 }
  const parts: string[] = []
  if (doc.preface.length) parts.push(`<div class="preface">\n${blocks(doc.preface, context, 'preface')}\n</div>`)
  parts.push(heading(scope.level, attributeList({ id: scope.id('title'), class: 'title' }), escapeHtml(doc.title)))
  if (doc.subtitle) parts.push(`<p class="subtitle"${idOf(context, 'subtitle')}>${phrasingHtml(doc.subtitle, context.notes)}</p>`)
  const { preamble } = doc
  if (preamble) {
    const headingId = preamble.heading ? scope.id('preamble') : undefined
    const inner = [
      ...(preamble.heading ? [heading(scope.level + 1, attributeList({ id: headingId }), escapeHtml(preamble.heading))] : []),
      ...(preamble.formula ? [handlers.paragraph(preamble.formula, context, 'formula')] : []),
      ...(preamble.paragraphs.length ? [blocks(preamble.paragraphs, context, 'recital')] : []),
    ]
    parts.push(`<section${attributeList({ class: 'preamble', 'aria-labelledby': headingId })}>\n${inner.join('\n')}\n</section>`)
  }
  if (doc.body.length) parts.push(`<section class="operative">\n${blocks(doc.body, context)}\n</section>`)
  if (doc.closing.length) parts.push(`<div class="closing">\n${blocks(doc.closing, context, 'closing')}\n</div>`)
  for (const annex of doc.annexes) {
    const headingId = scope.id(`${annex.id}-heading`)
    const inner = blocks(annex.body, { ...context, offset: context.offset + 1 })
    parts.push(
      `<section class="annex"${idOf(context, annex.id)} aria-labelledby="${escapeHtml(headingId)}">\n${heading(scope.level + 1, attributeList({ id: headingId }), escapeHtml(annex.heading))}\n${inner}\n</section>`,
    )
  }
  parts.push(footnotes(doc, context))
  return parts.filter(Boolean).join('\n')
}
