import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import { defaultHandlers, type Handle } from 'mdast-util-to-markdown'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { stringify as stringifyYaml } from 'yaml'
import { localeFor } from '../i18n/index.js'
import type { Clause, Declaration } from '../model/declaration.js'
import type { Document } from '../model/document.js'
import type { Inline } from '../model/inline.js'
import type { Letter } from '../model/letter.js'
import { positionalId } from '../model/ids.js'
import { toRoman } from '../model/roman.js'
import { idCommentFor } from '../parse/ids.js'
import { annexLine, referenceLines } from './text.js'

// Plain prose (no Markdown syntax character, no line ending, starting with a letter, not ending with
// white space) can neither open nor close a construct, so it skips the escaper, which runs some 40
// patterns over every text node and took half of a render; any other text goes through it as before.
const plainProse = /^[\p{L}"'‘’“”«][^\\*_`[\]<>&!#+=~|\n\r\t\u007F]*(?<![ \t\u00A0\u202F])$/u
const text: Handle = (node, parent, state, info) =>
  plainProse.test(node.value) && !state.stack.includes('autolink') ? node.value : defaultHandlers.text(node, parent, state, info)

const processor = unified()
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', listItemIndent: 'one', rule: '-', handlers: { text } })

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
  return content.map((node): PhrasingContent => {
    switch (node.type) {
      case 'text':
        return textNode(node.value)
      case 'link':
        return { type: 'link', url: node.url, children: phrasingToMdast(node.children) }
      default:
        return { type: node.type, children: phrasingToMdast(node.children) }
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

/** Builds the mdast tree of a declaration. */
export function declarationToMdast(doc: Declaration): Root {
  const children: RootContent[] = [
    frontMatter({ type: doc.type, id: doc.id, language: doc.language, profile: doc.profile }),
    { type: 'heading', depth: 1, children: [textNode(doc.title)] },
    paragraph(phrasingToMdast(doc.opening)),
    ...doc.preamble.map((clause, index) =>
      paragraph(pinned([{ type: 'emphasis', children: [textNode(clause.lead)] }, textNode(' '), ...phrasingToMdast(clause.text)], clause.id, positionalId.preamble(index))),
    ),
    paragraph(phrasingToMdast(doc.chapeau)),
    list(
      doc.objectives.map((o, index) =>
        pinned([textNode(`${toRoman(o.number)}. `), { type: 'strong', children: [textNode(`${o.title}:`)] }, textNode(' '), ...phrasingToMdast(o.text)], o.id, positionalId.objective(index)),
      ),
    ),
    ...doc.sections.flatMap((section, s): RootContent[] => [
      { type: 'heading', depth: 2, children: pinned([textNode(section.title)], section.id, positionalId.section(s)) },
      ...section.paragraphs.map((p, index) => paragraph(pinned(phrasingToMdast(p.text), p.id, positionalId.sectionParagraph(s, index)))),
    ]),
    ...(doc.endorsement
      ? [
          paragraph(pinned(phrasingToMdast(doc.endorsement.note), doc.endorsement.id, positionalId.endorsement())),
          clauses(doc.endorsement.items, positionalId.endorsementItem),
        ]
      : []),
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
