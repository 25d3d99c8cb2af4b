import type { Block, Declaration, Paragraph } from '../../model/declaration.js'
import type { Phrasing } from '../../model/inline.js'
import { startsWithPunctuation } from '../../model/walk.js'
import type { Locale } from '../../i18n/types.js'
import { localeFor } from '../../i18n/index.js'
import { bookmark, type Outline } from './bookmarks.js'
import type { BlockStyle, Flow, ParagraphOptions } from './flow.js'
import { phrasingRuns, run, type Run } from './runs.js'

/** Heading tags for a declaration on its own (H1, H2) or inside a letter's annex (H2, H3). */
export type HeadingTags = readonly [title: string, section: string]

type Element = PDFKit.PDFStructureElement

interface Setting {
  flow: Flow
  locale: Locale
  tags: HeadingTags
  top: Outline
}

/** Splits inline content at its hard line breaks, one run of content per printed line. */
export function splitLines(content: Phrasing): Phrasing[] {
  const lines: Phrasing[] = [[]]
  for (const node of content) {
    if (node.type === 'break') lines.push([])
    else lines[lines.length - 1]!.push(node)
  }
  return lines.filter((line) => line.length > 0)
}

/** The runs of a paragraph: bold title, italic lead and text; its number is set apart as a label. */
function paragraphRuns(model: Paragraph, locale: Locale, content: Phrasing = model.text): Run[] {
  const runs: Run[] = []
  if (model.title) runs.push(run(model.title, 'bold'))
  if (model.lead) runs.push(...(runs.length ? [run(' ')] : []), run(model.lead, 'italic'))
  if (content.length) {
    if (runs.length && !startsWithPunctuation(content)) runs.push(run(' '))
    runs.push(...phrasingRuns(content, locale))
  }
  return runs
}

/** Sets a paragraph, line by line where it has hard breaks (a meeting line, a signature). */
function setLines(setting: Setting, parent: Element, content: Phrasing, style: BlockStyle): void {
  const lines = splitLines(content)
  lines.forEach((line, index) => {
    const last = index === lines.length - 1
    const spacing = { spaceBefore: index === 0 ? style.spaceBefore : 0, spaceAfter: last ? style.spaceAfter : 0 }
    setting.flow.paragraph(parent, 'P', phrasingRuns(line, setting.locale), { ...style, ...spacing }, last ? {} : { keepWithNext: style.leading })
  })
}

/** Runs `set` with the frame indented by `depth` label columns, so that nested numbers hang in their own column. */
function indented(flow: Flow, depth: number, set: () => void): void {
  const { frame } = flow
  const { labelWidth } = flow.theme
  flow.frame = { ...frame, left: frame.left + depth * labelWidth, width: frame.width - depth * labelWidth }
  try {
    set()
  } finally {
    flow.frame = frame
  }
}

function setParagraph(setting: Setting, parent: Element, model: Paragraph, depth: number, tag = 'P', options: ParagraphOptions = {}): void {
  const { flow, locale } = setting
  const { styles, labelWidth } = flow.theme
  const hasBreaks = model.text.some((node) => node.type === 'break')
  indented(flow, depth, () => {
    if (hasBreaks && !model.num) setLines(setting, parent, model.text, styles.body)
    else
      flow.paragraph(parent, tag, paragraphRuns(model, locale), styles.body, {
        ...options,
        ...(model.num ? { inset: labelWidth, label: { runs: [run(`${model.num} `)], tag: 'Lbl' as const } } : {}),
      })
  })
  if (model.children) setBlocks(setting, parent, model.children, depth + 1)
}

function setList(setting: Setting, parent: Element, list: Extract<Block, { type: 'list' }>, depth: number): void {
  const { flow, locale } = setting
  const { styles, labelWidth } = flow.theme
  if (list.intro) setParagraph(setting, parent, list.intro, depth, 'P', { keepWithNext: 2 * styles.body.leading })
  const element = flow.doc.struct('L')
  parent.add(element)
  for (const item of list.items) {
    const li = flow.doc.struct('LI')
    element.add(li)
    indented(flow, depth, () => {
      const options: ParagraphOptions = item.num
        ? { inset: labelWidth, label: { runs: [run(`${item.num} `)], tag: 'Lbl' } }
        : { inset: labelWidth, onPlace: (y) => flow.bullet(flow.frame.left + labelWidth / 2, y, styles.item.size) }
      if (item.title && depth === 0) {
        const numeral = item.num ?? ''
        options.onPlace = ((place) => (y: number) => {
          place?.(y)
          bookmark(flow.doc, setting.top, `${numeral} ${item.title!.replace(/:$/, '')}`.trim(), y)
        })(options.onPlace)
      }
      flow.paragraph(li, 'LBody', paragraphRuns(item, locale), styles.item, options)
    })
    if (item.children) setBlocks(setting, li, item.children, depth + 1)
    li.end()
  }
  element.end()
}

function setBlocks(setting: Setting, parent: Element, blocks: readonly Block[], depth: number): void {
  const { flow } = setting
  const { styles } = flow.theme
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        setParagraph(setting, parent, block, depth)
        break
      case 'list':
        setList(setting, parent, block, depth)
        break
      case 'section': {
        const tag = block.level === 2 ? setting.tags[1] : `H${Math.min(Number(setting.tags[1].slice(1)) + block.level - 2, 6)}`
        flow.paragraph(parent, tag, [run(block.heading, 'bold')], styles.heading, {
          keepWithNext: 2 * styles.body.leading,
          onPlace: (y) => bookmark(flow.doc, setting.top, block.heading, y),
        })
        setBlocks(setting, parent, block.body, 0)
        break
      }
      case 'separator':
        flow.separator()
        break
    }
  }
}

/**
 * Sets a declaration as UN documents do: preface lines, centred bold title, preambular paragraphs
 * with their lead in italics, numbered paragraphs with hanging numbers (sub-paragraphs one column
 * further in), headings, closing lines, annexes on a new page, and each footnote at the foot of the page
 * its mark is on.
 */
export function setDeclaration(flow: Flow, parent: Element, doc: Declaration, outline: Outline, tags: HeadingTags): void {
  const { styles, labelWidth } = flow.theme
  const keepLines = 2 * styles.body.leading
  const locale = localeFor(doc.language)
  const setting: Setting = { flow, locale, tags, top: outline }
  flow.footnotes(parent, doc.footnotes.map((note) => ({ label: note.label, runs: [{ text: note.label, face: 'regular', raised: true }, run(' '), ...phrasingRuns(note.text, locale)] })), styles.note)
  for (const line of doc.preface) setLines(setting, parent, line.text, { ...styles.plain, spaceAfter: 4 })
  flow.paragraph(parent, tags[0], [run(doc.title, 'bold')], styles.title, {
    keepWithNext: keepLines,
    onPlace: (y) => (setting.top = bookmark(flow.doc, outline, doc.title, y)),
  })
  if (doc.subtitle) flow.paragraph(parent, 'P', phrasingRuns(doc.subtitle, locale, 'italic'), { ...styles.title, size: styles.body.size }, { keepWithNext: keepLines })
  const { preamble } = doc
  if (preamble) {
    if (preamble.heading) flow.paragraph(parent, tags[1], [run(preamble.heading, 'bold')], styles.heading, { keepWithNext: keepLines })
    if (preamble.formula) flow.paragraph(parent, 'P', paragraphRuns(preamble.formula, locale), styles.body, { keepWithNext: keepLines })
    for (const paragraph of preamble.paragraphs) flow.paragraph(parent, 'P', paragraphRuns(paragraph, locale), styles.body, { firstIndent: labelWidth })
  }
  setBlocks(setting, parent, doc.body, 0)
  for (const line of doc.closing) setLines(setting, parent, line.text, { ...styles.plain, spaceBefore: 10, spaceAfter: 4 })
  for (const annex of doc.annexes) {
    flow.pageBreak()
    flow.paragraph(parent, tags[0], [run(annex.heading, 'bold')], styles.annexTitle, {
      keepWithNext: keepLines,
      onPlace: (y) => bookmark(flow.doc, setting.top, annex.heading, y),
    })
    setBlocks(setting, parent, annex.body, 0)
  }
  flow.endNotes()
}

/** Sets items as an `L` list of `LI` elements, each filled by `setItem`. */
export function list<T>(flow: Flow, parent: Element, items: readonly T[], setItem: (item: Element, value: T) => void): void {
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
