import type { FootnoteDefinition, List as MdList, ListItem, Paragraph as MdParagraph, PhrasingContent, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { List, Paragraph, type Block, type Footnote } from '../model/declaration.js'
import { ContainerIds, containerPrefix, positionalId } from '../model/ids.js'
import type { ParseContext } from './context.js'
import { isAnnexMarker, namesAnnex, takeId } from './ids.js'
import { readPhrasing } from './inline.js'
import { inSchemaOrder } from './schema-order.js'
import type { FrontMatter } from './source.js'

type Path = (string | number)[]

/** How deep lists and sub-paragraphs may nest. */
export const maxNesting = 8

const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 37)}…` : text)

const describeNode = (node: RootContent): string =>
  node.type === 'heading' ? `heading "${clip(toString(node))}"` : node.type === 'paragraph' ? `paragraph "${clip(toString(node))}"` : node.type

/** Names what a list item opens with instead of a paragraph; a nested list there comes from a number typed at the start of the item ("- 3. **Title**"). */
const describeItemStart = (node: RootContent): string =>
  node.type !== 'list'
    ? describeNode(node)
    : node.ordered
      ? `a nested list (a leading "${node.start ?? 1}." starts one; write Roman numerals or escape it as "${node.start ?? 1}\\.")`
      : 'a nested list (a leading "-", "*" or "+" starts one; escape it as "\\-")'

/** A number as printed at the start of a paragraph: "1.", "I.", "A.", "(a)", "(iv)", "(1)", "a)". */
const numberMarker = /^(\d{1,3}\.|[IVXLCDM]{1,7}\.|[A-Z]\.|\([a-z]{1,4}\)|\([A-Z]{1,4}\)|\(\d{1,3}\)|[a-z]\))[ \t\u00A0]+/u

/** Headings that open an annex, and the preamble's own heading, in the languages of the genre. */
const preambleHeading = /^(preamble|préambule|preámbulo|преамбула)$/iu

/** The single paragraph of a list item, or reports what else it holds. */
export function itemParagraph(item: ListItem, context: ParseContext, path: Path, what: string): MdParagraph | undefined {
  const [first, ...rest] = item.children
  if (first?.type !== 'paragraph' || rest.length > 0) {
    const found = first?.type === 'list' ? 'a nested list' : first ? `${first.type}${rest.length ? ' and more blocks' : ''}` : 'nothing'
    context.report('invalid_list_item', `${what}: expected one paragraph in the list item; found ${found}`, path, item)
    return undefined
  }
  return first
}

/** Whether phrasing is wholly emphasised (or strong), apart from white space, line breaks and a final punctuation mark. */
function wholly(all: readonly PhrasingContent[], types: readonly string[], allowFinal: boolean): boolean {
  // A pinned id comment at the end is not printed: the final punctuation mark is the one before it.
  const pinned = all[all.length - 1]?.type === 'html' && /^<!--/.test((all[all.length - 1] as { value: string }).value)
  const children = pinned ? all.slice(0, -1) : all
  let seen = false
  for (const [index, child] of children.entries()) {
    if (child.type === 'break') continue
    if (child.type === 'text' && child.value.trim() === '') continue
    if (child.type === 'html' && /^<!--/.test(child.value)) continue
    if (types.includes(child.type)) {
      seen = true
      continue
    }
    if (allowFinal && child.type === 'text' && index === children.length - 1 && /^[,;:.]$/.test(child.value.trim())) continue
    return false
  }
  return seen
}

const leadOf = (paragraph: MdParagraph): boolean => paragraph.children[0]?.type === 'emphasis' && paragraph.children.length > 1
/** Whether a paragraph's printed text ends with one of `marks`; a pinned id comment (`<!-- id: … -->`) is not printed. */
const endsWith = (paragraph: MdParagraph, marks: string): boolean => {
  const printed = paragraph.children.filter((child) => !(child.type === 'html' && /^<!--/.test(child.value)))
  return marks.includes(toString({ type: 'paragraph', children: printed }).trimEnd().slice(-1))
}
const isNumbered = (node: RootContent): boolean => node.type === 'paragraph' && node.children[0]?.type === 'text' && numberMarker.test(node.children[0].value)

/** Reports a paragraph that swallowed the next one: a line that starts with an italic lead after a clause ending. */
function checkSwallowed(paragraph: MdParagraph, what: string | (() => string), context: ParseContext, path: Path): void {
  paragraph.children.forEach((child, index) => {
    const next = paragraph.children[index + 1]
    if (index > 0 && child.type === 'text' && /[;,.:]\s*\n\s*$/.test(child.value) && next?.type === 'emphasis') {
      context.report(
        'missing_blank_line',
        `${typeof what === 'string' ? what : what()}: a new line starts with the italic lead "${toString(next)}" inside the paragraph; expected a blank line before it (two clauses have merged)`,
        path,
        next,
      )
    }
  })
}

interface ReadOptions {
  /** Read a leading italic phrase as the paragraph's lead. */
  lead: boolean
  /** Read a leading number marker as the paragraph's number. */
  number: boolean
  /** The paragraph's number when a Markdown ordered list gives it. */
  num?: string
  /** How issues name the paragraph (a function when the name costs a walk of its text: it is needed only for an issue). */
  what: string | (() => string)
}

/** Reads one Markdown paragraph into a model paragraph: number, bold title, italic lead and text. */
function readParagraph(node: MdParagraph, id: string, path: Path, context: ParseContext, options: ReadOptions): Paragraph {
  context.mark(path, node)
  const pinned = takeId(node.children, context, path)
  let children = pinned.children
  const out: Paragraph = { type: 'paragraph', id: pinned.id ?? id, text: [] }
  if (options.num) out.num = options.num
  const first = children[0]
  if (options.number && !options.num && first?.type === 'text') {
    const match = numberMarker.exec(first.value)
    if (match) {
      out.num = match[1]!
      const rest = first.value.slice(match[0].length)
      children = rest ? [{ ...first, value: rest }, ...children.slice(1)] : children.slice(1)
    }
  }
  const skipSpace = () => {
    const head = children[0]
    if (head?.type === 'text' && /^[ \t\n]/.test(head.value)) {
      const rest = head.value.replace(/^[ \t\n]+/, '')
      children = rest ? [{ ...head, value: rest }, ...children.slice(1)] : children.slice(1)
    }
  }
  if (children[0]?.type === 'strong' && children.length > 1) {
    context.mark([...path, 'title'], children[0])
    out.title = toString(children[0]).trim()
    children = children.slice(1)
    skipSpace()
  }
  if (options.lead && children[0]?.type === 'emphasis' && children.length > 1) {
    context.mark([...path, 'lead'], children[0])
    out.lead = toString(children[0]).trim()
    children = children.slice(1)
    skipSpace()
  }
  checkSwallowed(node, options.what, context, path)
  out.text = readPhrasing(children, context, [...path, 'text'])
  return inSchemaOrder(Paragraph, out)
}

interface Shared {
  sections: number
  /** Index of the annex being read, when inside one. */
  annex?: number
}

function readList(node: MdList, intro: MdParagraph | undefined, counter: ContainerIds, path: Path, shared: Shared, context: ParseContext, depth: number): List {
  context.mark(path, node)
  const ordered = node.ordered === true
  const start = node.start ?? 1
  const out: List = { type: 'list', ordered, items: [] }
  if (ordered && start !== 1) out.start = start
  if (intro) out.intro = readParagraph(intro, counter.intro(), [...path, 'intro'], context, { lead: true, number: false, what: 'lead-in' })
  node.children.forEach((item, index) => {
    const itemPath = [...path, 'items', index]
    const id = counter.paragraph()
    const num = ordered ? `${start + index}.` : undefined
    const [first, ...rest] = item.children
    context.mark(itemPath, item)
    if (first?.type !== 'paragraph') {
      context.report('invalid_list_item', `list item ${index + 1}: expected a paragraph first; found ${first ? describeItemStart(first) : 'nothing'}`, itemPath, item)
      return
    }
    const paragraph = readParagraph(first, id, itemPath, context, { lead: true, number: !ordered, ...(num ? { num } : {}), what: `list item ${num ?? index + 1}` })
    if (rest.length) {
      if (depth + 1 >= maxNesting) {
        context.report('too_deep', `list item ${index + 1}: sub-paragraphs nest deeper than ${maxNesting} levels; expected at most ${maxNesting}`, itemPath, rest[0])
      } else {
        paragraph.children = readBlocks(rest, new ContainerIds(containerPrefix.children(paragraph.id)), [...itemPath, 'children'], shared, context, depth + 1, false)
      }
    }
    out.items.push(paragraph)
  })
  return inSchemaOrder(List, out)
}

/** Reads a run of Markdown blocks into model blocks: paragraphs, lists with their lead-in, sections under headings, separators. */
function readBlocks(nodes: readonly RootContent[], counter: ContainerIds, path: Path, shared: Shared, context: ParseContext, depth: number, headings: boolean): Block[] {
  const root: Block[] = []
  const frames: { level: number; body: Block[]; counter: ContainerIds; path: Path }[] = [{ level: 1, body: root, counter, path }]
  for (const [index, node] of nodes.entries()) {
    const frame = frames[frames.length - 1]!
    const here = [...frame.path, frame.body.length]
    const next = nodes[index + 1]
    switch (node.type) {
      case 'heading': {
        if (!headings || node.depth === 1) {
          context.report('unexpected_heading', `${describeNode(node)}: ${node.depth === 1 ? 'a document has one title (# Title); expected ## or a deeper level' : 'expected paragraphs or lists inside a list item'}`, here, node)
          break
        }
        while (frames.length > 1 && frames[frames.length - 1]!.level >= node.depth) frames.pop()
        const parent = frames[frames.length - 1]!
        const sectionPath = [...parent.path, parent.body.length]
        context.mark(sectionPath, node)
        const pinned = takeId(node.children, context, sectionPath)
        const number = shared.sections++
        const id = pinned.id ?? (shared.annex === undefined ? positionalId.section(number) : positionalId.annexSection(shared.annex, number))
        const heading = pinned.children.map((child) => toString(child)).join('').trim()
        const section: Block = { type: 'section', id, level: node.depth, heading, body: [] }
        parent.body.push(section)
        frames.push({ level: node.depth, body: section.body, counter: new ContainerIds(containerPrefix.section(id)), path: [...sectionPath, 'body'] })
        break
      }
      case 'paragraph': {
        if (next?.type === 'list' && endsWith(node, ':')) break // read as the list's lead-in
        const id = frame.counter.paragraph()
        frame.body.push(readParagraph(node, id, here, context, { lead: true, number: true, what: () => `paragraph "${clip(toString(node))}"` }))
        break
      }
      case 'list': {
        const previous = nodes[index - 1]
        const intro = previous?.type === 'paragraph' && endsWith(previous, ':') ? previous : undefined
        frame.body.push(readList(node, intro, frame.counter, here, shared, context, depth))
        break
      }
      case 'thematicBreak':
        frame.body.push({ type: 'separator' })
        break
      case 'definition':
      case 'footnoteDefinition':
        break
      default:
        context.report(
          'unsupported_block',
          `${describeNode(node)}: not part of the content format; expected paragraphs, lists, ## headings, --- separators or footnotes [^1]: …`,
          here,
          node,
        )
    }
  }
  return root
}

function readFootnote(node: FootnoteDefinition, index: number, context: ParseContext): Footnote | undefined {
  const path = ['footnotes', index]
  context.mark(path, node)
  const [first, ...rest] = node.children
  if (first?.type !== 'paragraph' || rest.length) {
    context.report('invalid_footnote', `footnote [^${node.label ?? node.identifier}]: expected one paragraph of text`, path, node)
    return undefined
  }
  const label = node.label ?? node.identifier
  return { id: positionalId.footnote(label.replace(/[^A-Za-z0-9_-]/g, '_')), label, text: readPhrasing(first.children, context, [...path, 'text']) }
}

/** Splits the preamble from the blocks after the title block: explicit (a "Preamble" heading) or implicit (the paragraphs before the numbered ones). */
function splitPreamble(main: RootContent[]): { heading?: MdParagraph | RootContent; paragraphs: MdParagraph[]; rest: RootContent[] } | undefined {
  const first = main[0]
  if (first?.type === 'heading' && first.depth === 2 && preambleHeading.test(toString(first).trim())) {
    let end = 1
    while (main[end]?.type === 'paragraph' && !isNumbered(main[end]!)) end++
    // As without the heading, the lead-in of the first list opens the operative part.
    if (end > 1 && main[end]?.type === 'list' && endsWith(main[end - 1] as MdParagraph, ':')) end--
    return { heading: first, paragraphs: main.slice(1, end) as MdParagraph[], rest: main.slice(end) }
  }
  let end = 0
  while (main[end]?.type === 'paragraph' && !isNumbered(main[end]!)) end++
  let paragraphs = main.slice(0, end) as MdParagraph[]
  const next = main[end]
  const operativeFollows = next !== undefined && (next.type === 'list' || isNumbered(next))
  // The lead-in of the first list ("Affirm … the following common objectives:") opens the operative part.
  if (next?.type === 'list' && paragraphs.length && endsWith(paragraphs[paragraphs.length - 1]!, ':')) paragraphs = paragraphs.slice(0, -1)
  if (!paragraphs.length) return undefined
  if (!operativeFollows && !paragraphs.some(leadOf)) return undefined
  return { paragraphs, rest: main.slice(paragraphs.length) }
}

function isFormula(paragraphs: readonly MdParagraph[]): boolean {
  const [first, ...others] = paragraphs
  if (!first) return false
  if (wholly(first.children, ['emphasis'], true)) return true
  if (leadOf(first)) return false
  return endsWith(first, ',;') && others.some(leadOf)
}

/** Builds a declaration candidate (not yet validated) from the Markdown blocks after the front matter. */
export function readDeclaration(blocks: RootContent[], frontMatter: FrontMatter, context: ParseContext): Record<string, unknown> {
  const out: Record<string, unknown> = { type: 'declaration', ...frontMatter.values }
  const footnotes = blocks.filter((block): block is FootnoteDefinition => block.type === 'footnoteDefinition')
  const content = blocks.filter((block) => block.type !== 'definition' && block.type !== 'footnoteDefinition')
  const titleAt = content.findIndex((block) => block.type === 'heading' && block.depth === 1)
  const titleNode = content[titleAt]
  if (titleNode?.type !== 'heading') {
    context.report('missing_title', 'expected the title as a level-1 heading (# Title) after the front matter', ['title'], content[0] ?? { line: frontMatter.line, column: 1 })
    return out
  }
  context.mark(['title'], titleNode)
  out.title = toString(titleNode).trim()

  out.preface = content.slice(0, titleAt).flatMap((node, index) => {
    if (node.type === 'paragraph') return [readParagraph(node, `preface-${index + 1}`, ['preface', index], context, { lead: false, number: false, what: `preface line ${index + 1}` })]
    context.report('unexpected_block', `${describeNode(node)}: expected only paragraphs (preface lines) before the title`, ['preface'], node)
    return []
  })

  let rest: RootContent[] = content.slice(titleAt + 1)
  const subtitle = rest[0]
  if (subtitle?.type === 'paragraph' && wholly(subtitle.children, ['emphasis', 'strong'], false) && subtitle.children.filter((c) => c.type !== 'text' || c.value.trim()).length === 1) {
    context.mark(['subtitle'], subtitle)
    out.subtitle = readPhrasing(subtitle.children, context, ['subtitle'])
    rest = rest.slice(1)
  }

  // Annexes: from a heading that starts with "Annex" (or carries the annex marker comment) to the next one.
  const opensAnnex = (block: RootContent): boolean =>
    block.type === 'heading' && block.depth >= 2 && (block.children.some(isAnnexMarker) || namesAnnex(toString({ type: 'paragraph', children: block.children.filter((child) => child.type !== 'html') })))
  const annexStarts = rest.flatMap((block, index) => (opensAnnex(block) ? [index] : []))
  let main: RootContent[] = annexStarts.length ? rest.slice(0, annexStarts[0]) : rest

  // Closing: trailing paragraphs written wholly in italics (meeting and date lines).
  let closingAt = main.length
  while (closingAt > 0) {
    const block = main[closingAt - 1]!
    if (block.type !== 'paragraph' || !wholly(block.children, ['emphasis'], false)) break
    closingAt--
  }
  const closing = main.slice(closingAt) as MdParagraph[]
  main = main.slice(0, closingAt)

  const preamble = splitPreamble(main)
  if (preamble) {
    const formula = isFormula(preamble.paragraphs) ? preamble.paragraphs[0] : undefined
    const recitals = formula ? preamble.paragraphs.slice(1) : preamble.paragraphs
    context.mark(['preamble'], preamble.heading ?? preamble.paragraphs[0])
    out.preamble = {
      ...(preamble.heading ? { heading: toString(preamble.heading).trim() } : {}),
      ...(formula ? { formula: readParagraph(formula, positionalId.formula(), ['preamble', 'formula'], context, { lead: false, number: false, what: 'formula' }) } : {}),
      paragraphs: recitals.map((node, index) =>
        readParagraph(node, positionalId.preamble(index), ['preamble', 'paragraphs', index], context, { lead: true, number: false, what: `preambular paragraph ${index + 1}` }),
      ),
    }
    main = preamble.rest
  }
  const shared: Shared = { sections: 0 }
  context.mark(['body'], main[0])
  out.body = readBlocks(main, new ContainerIds(containerPrefix.body), ['body'], shared, context, 0, true)
  out.closing = closing.map((node, index) => readParagraph(node, positionalId.closing(index), ['closing', index], context, { lead: false, number: false, what: `closing line ${index + 1}` }))
  out.annexes = annexStarts.map((start, index) => {
    const heading = rest[start]!
    const end = annexStarts[index + 1] ?? rest.length
    const path = ['annexes', index]
    context.mark(path, heading)
    const pinned = heading.type === 'heading' ? takeId(heading.children, context, path) : { children: [] }
    pinned.children = pinned.children.filter((child) => !isAnnexMarker(child))
    const id = pinned.id ?? positionalId.annex(index)
    const annexShared: Shared = { sections: 0, annex: index }
    return {
      id,
      heading: pinned.children.map((child) => toString(child)).join('').trim(),
      body: readBlocks(rest.slice(start + 1, end), new ContainerIds(containerPrefix.annex(id)), [...path, 'body'], annexShared, context, 0, true),
    }
  })
  out.footnotes = footnotes.flatMap((node, index) => readFootnote(node, index, context) ?? [])
  return out
}
