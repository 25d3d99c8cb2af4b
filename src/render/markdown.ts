import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import { defaultHandlers, type Handle } from 'mdast-util-to-markdown'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { stringify as stringifyYaml } from 'yaml'
import { localeFor } from '../i18n/index.js'
import type { Block, Clause, Declaration, Paragraph as ModelParagraph } from '../model/declaration.js'
import type { Document } from '../model/document.js'
import type { Inline } from '../model/inline.js'
import type { Letter } from '../model/letter.js'
import { ContainerIds, containerPrefix, positionalId } from '../model/ids.js'
import { startsWithPunctuation } from '../model/walk.js'
import { remarkFootnotes } from '../parse/footnotes.js'
import { annexMarker, idCommentFor, namesAnnex } from '../parse/ids.js'
import { listItem } from './markdown-list-item.js'
import { annexLine, referenceLines } from './text.js'

// Plain prose (no Markdown syntax character, no line ending, starting with a letter, not ending with
// white space) can neither open nor close a construct, so it skips the escaper, which runs some 40
// patterns over every text node and took half of a render; any other text goes through it as before.
const plainProse = /^[\p{L}"'‘’“”«][^\\*_`[\]<>&!#+=~|\n\r\t\u007F]*(?<![ \t\u00A0\u202F])$/u
const text: Handle = (node, parent, state, info) =>
  plainProse.test(node.value) && !state.stack.includes('autolink') ? node.value : defaultHandlers.text(node, parent, state, info)

const processor = unified()
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkFootnotes)
  .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', listItemIndent: 'one', rule: '-', handlers: { text, listItem } })

const textNode = (value: string): PhrasingContent => ({ type: 'text', value })
const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children })
const list = (items: PhrasingContent[][]): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items.map((children): ListItem => ({ type: 'listItem', spread: false, children: [paragraph(children)] })),
})

/** Converts model inline nodes to mdast phrasing content. */
export function phrasingToMdast(content: readonly Inline[]): PhrasingContent[] {
  return content.flatMap((node): PhrasingContent[] => {
    switch (node.type) {
      case 'text':
        return [textNode(node.value)]
      case 'link':
        return [{ type: 'link', url: node.url, children: phrasingToMdast(node.children) }]
      case 'break':
        return [{ type: 'break' }]
      case 'footnoteReference':
        return [{ type: 'footnoteReference', identifier: node.label.toLowerCase(), label: node.label }]
      case 'superscript':
        return [{ type: 'html', value: '<sup>' }, ...phrasingToMdast(node.children), { type: 'html', value: '</sup>' }]
      default:
        return [{ type: node.type, children: phrasingToMdast(node.children) }]
    }
  })
}

const frontMatter = (values: Record<string, unknown>): RootContent => ({
  type: 'yaml',
  value: stringifyYaml(Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined))).trimEnd(),
})

/** Appends the comment that pins a clause id, when the id is not the one its position gives. */
const pinned = (children: PhrasingContent[], id: string, positional: string): PhrasingContent[] =>
  id === positional ? children : [...children, textNode(' '), { type: 'html', value: idCommentFor(id) }]

const clauses = (items: readonly Clause[], positional: (index: number) => string): List =>
  list(items.map((item, index) => pinned(phrasingToMdast(item.text), item.id, positional(index))))

/** An annex's heading, marked as one by a comment when its words do not say so (a translated "Anlage"). */
const annexHeading = (heading: string): PhrasingContent[] =>
  namesAnnex(heading) ? [textNode(heading)] : [textNode(heading), textNode(' '), { type: 'html', value: annexMarker }]

/** The Markdown phrasing of a paragraph: number (unless a numbered list prints it), bold title, italic lead, text. */
function paragraphPhrasing(model: ModelParagraph, positional: string, withNumber: boolean): PhrasingContent[] {
  const out: PhrasingContent[] = []
  if (withNumber && model.num) out.push(textNode(`${model.num} `))
  if (model.title) out.push({ type: 'strong', children: [textNode(model.title)] })
  if (model.lead) out.push(...(model.title ? [textNode(' ')] : []), { type: 'emphasis', children: [textNode(model.lead)] })
  if (model.text.length) {
    if ((model.title || model.lead) && !startsWithPunctuation(model.text)) out.push(textNode(' '))
    out.push(...phrasingToMdast(model.text))
  }
  return pinned(out, model.id, positional)
}

interface Counters {
  sections: number
  annex?: number
}

function blocksToMdast(blocks: readonly Block[], ids: ContainerIds, counters: Counters): RootContent[] {
  return blocks.flatMap((block): RootContent[] => {
    switch (block.type) {
      case 'paragraph': {
        const positional = ids.paragraph()
        return [paragraph(paragraphPhrasing(block, positional, true)), ...(block.children ? blocksToMdast(block.children, new ContainerIds(containerPrefix.children(block.id)), counters) : [])]
      }
      case 'list': {
        const intro = block.intro ? [paragraph(paragraphPhrasing(block.intro, ids.intro(), false))] : []
        const items = block.items.map((item): ListItem => {
          const positional = ids.paragraph()
          const children = item.children ? blocksToMdast(item.children, new ContainerIds(containerPrefix.children(item.id)), counters) : []
          return { type: 'listItem', spread: false, children: [paragraph(paragraphPhrasing(item, positional, !block.ordered)), ...(children as ListItem['children'])] }
        })
        const list: List = { type: 'list', ordered: block.ordered, spread: false, children: items, ...(block.ordered ? { start: block.start ?? 1 } : {}) }
        return [...intro, list]
      }
      case 'section': {
        const number = counters.sections++
        const positional = counters.annex === undefined ? positionalId.section(number) : positionalId.annexSection(counters.annex, number)
        return [
          { type: 'heading', depth: block.level as 2, children: pinned([textNode(block.heading)], block.id, positional) },
          ...blocksToMdast(block.body, new ContainerIds(containerPrefix.section(block.id)), counters),
        ]
      }
      case 'separator':
        return [{ type: 'thematicBreak' }]
    }
  })
}

/** Builds the mdast tree of a declaration: one handler per block type, the parts in reading order. */
export function declarationToMdast(doc: Declaration): Root {
  const { preamble } = doc
  const children: RootContent[] = [
    frontMatter({ type: doc.type, id: doc.id, language: doc.language, profile: doc.profile, symbol: doc.symbol, date: doc.date, place: doc.place, organ: doc.organ }),
    ...doc.preface.map((line, index) => paragraph(paragraphPhrasing(line, `preface-${index + 1}`, false))),
    { type: 'heading', depth: 1, children: [textNode(doc.title)] },
    ...(doc.subtitle ? [paragraph(phrasingToMdast(doc.subtitle))] : []),
    ...(preamble?.heading ? [{ type: 'heading', depth: 2, children: [textNode(preamble.heading)] } as RootContent] : []),
    ...(preamble?.formula ? [paragraph(paragraphPhrasing(preamble.formula, positionalId.formula(), false))] : []),
    ...(preamble?.paragraphs ?? []).map((clause, index) => paragraph(paragraphPhrasing(clause, positionalId.preamble(index), false))),
    ...blocksToMdast(doc.body, new ContainerIds(containerPrefix.body), { sections: 0 }),
    ...doc.closing.map((line, index) => paragraph(paragraphPhrasing(line, positionalId.closing(index), false))),
    ...doc.annexes.flatMap((annex, index): RootContent[] => [
      { type: 'heading', depth: 2, children: pinned(annexHeading(annex.heading), annex.id, positionalId.annex(index)) },
      ...blocksToMdast(annex.body, new ContainerIds(containerPrefix.annex(annex.id)), { sections: 0, annex: index }),
    ]),
    ...doc.footnotes.map((note): RootContent => ({ type: 'footnoteDefinition', identifier: note.label.toLowerCase(), label: note.label, children: [paragraph(phrasingToMdast(note.text))] })),
  ]
  return { type: 'root', children }
}

/** Builds the mdast tree of a letter: every printed line, labels from the letter's locale. */
export function letterToMdast(doc: Letter): Root {
  const locale = localeFor(doc.language)
  const { labels } = locale
  const referenceBlock: PhrasingContent[] = referenceLines(doc).flatMap((line, index): PhrasingContent[] => {
    const value: PhrasingContent =
      line.field === 'reference'
        ? { type: 'strong', children: [textNode(line.value)] }
        : line.field === 'email'
          ? { type: 'link', url: `mailto:${line.value}`, children: [textNode(line.value)] }
          : textNode(line.value)
    return [...(index ? [{ type: 'break' } as PhrasingContent] : []), textNode(`${line.label}${labels.separator}`), value]
  })
  const children: RootContent[] = [
    frontMatter({ type: doc.type, id: doc.id, language: doc.language, annexes: doc.annexes.length ? doc.annexes.map((a) => a.ref) : undefined }),
    paragraph([textNode(doc.office)]),
    paragraph([textNode(locale.dateLine(doc.place, doc.date))]),
    paragraph(referenceBlock),
    ...(doc.addressees.length ? [clauses(doc.addressees, positionalId.addressee)] : []),
    paragraph([textNode(`${labels.subject}${labels.separator}`), { type: 'strong', children: [textNode(doc.subject)] }]),
    paragraph([textNode(doc.salutation)]),
    ...doc.body.map((p, index) => paragraph(pinned(phrasingToMdast(p.text), p.id, positionalId.body(index)))),
    ...(doc.signed ? [paragraph([textNode(labels.signed)])] : []),
    paragraph([textNode(doc.signatory.name), { type: 'break' }, textNode(doc.signatory.title)]),
    ...doc.annexes.map((annex, index) => paragraph(pinned([textNode(annexLine(doc, index))], annex.id, positionalId.annex(index)))),
  ]
  return { type: 'root', children }
}

/** Renders a document as Markdown that reads as the document itself and parses back to the same model. */
export function renderMarkdown(doc: Document): string {
  const tree = doc.type === 'declaration' ? declarationToMdast(doc) : letterToMdast(doc)
  return processor.stringify(tree)
}
