import { ExternalHyperlink, FootnoteReferenceRun, type ParagraphChild, TextRun } from 'docx'
import { isEmail, phrasingText, type Inline } from '../../model/inline.js'
import { isSafeLink } from '../../model/links.js'
import { characterStyle } from './styles.js'

/** How the runs of a paragraph are written: their language when it differs from the document's, and a base style. */
export interface RunContext {
  /** `w:lang` for runs in another language than the document's (the English annex of a French letter). */
  lang?: string
  /** Character style of runs that have no emphasis of their own. */
  style?: string
  /** Word footnote ids of the document's footnote labels. */
  footnotes?: ReadonlyMap<string, number>
}

interface Marks {
  emphasis: boolean
  strong: boolean
  superscript?: boolean
}

// An address written in running text ("… à l'adresse green@itu.int.") is found without its trailing full stop.
const emailInText = /[^\s@<>()[\]\\,;:"«»]+@[^\s@<>()[\]\\,;:"«»]+\.[^\s@<>()[\]\\,;:".«»]{2,}/gu

function styleOf(marks: Marks, context: RunContext): string | undefined {
  if (marks.strong && marks.emphasis) return characterStyle.strongEmphasis
  if (marks.strong) return characterStyle.strong
  if (marks.emphasis) return characterStyle.emphasis
  return context.style
}

/**
 * A text run with a character style and, when it differs from the document's, a language.
 * @param text the run's text
 * @param context the paragraph's language and base style
 * @param style a character style that replaces the context's
 * @returns a docx run
 */
export function run(text: string, context: RunContext, style = context.style, superScript = false): TextRun {
  return new TextRun({ text, ...(style ? { style } : {}), ...(superScript ? { superScript } : {}), ...(context.lang ? { language: { value: context.lang } } : {}) })
}

/**
 * A `mailto:` or web hyperlink whose runs carry the Hyperlink character style. A link shown as an address (no
 * space in it) is in no language (`zxx`), so it is never hyphenated, as in the PDF ("green@itu.int", not "green@i-tu.int").
 * @param url the link target
 * @param text the text shown
 * @param context the paragraph's language
 * @returns a docx external hyperlink
 */
export function hyperlink(url: string, text: string, context: RunContext): ExternalHyperlink {
  return new ExternalHyperlink({ link: url, children: [run(text, /\s/.test(text) ? context : { ...context, lang: 'zxx' }, characterStyle.hyperlink)] })
}

/**
 * Plain text as runs, with each e-mail address in it turned into a `mailto:` hyperlink.
 * @param text running text
 * @param context the paragraph's language and base style
 * @param style the character style of the text around the addresses
 * @returns docx paragraph children
 */
export function textRuns(text: string, context: RunContext, style = context.style, superScript = false): ParagraphChild[] {
  const children: ParagraphChild[] = []
  let last = 0
  for (const match of text.matchAll(emailInText)) {
    if (!isEmail(match[0])) continue
    if (match.index > last) children.push(run(text.slice(last, match.index), context, style, superScript))
    children.push(hyperlink(`mailto:${match[0]}`, match[0], context))
    last = match.index + match[0].length
  }
  if (last < text.length) children.push(run(text.slice(last), context, style, superScript))
  return children
}

function inlineRuns(nodes: readonly Inline[], context: RunContext, marks: Marks): ParagraphChild[] {
  return nodes.flatMap((node): ParagraphChild[] => {
    switch (node.type) {
      case 'text':
        return textRuns(node.value, context, styleOf(marks, context), marks.superscript === true)
      case 'superscript':
        return inlineRuns(node.children, context, { ...marks, superscript: true })
      case 'break':
        return [new TextRun({ break: 1 })]
      case 'footnoteReference': {
        const id = context.footnotes?.get(node.label)
        return id === undefined ? [run(node.label, context, undefined, true)] : [new FootnoteReferenceRun(id)]
      }
      case 'emphasis':
        return inlineRuns(node.children, context, { ...marks, emphasis: true })
      case 'strong':
        return inlineRuns(node.children, context, { ...marks, strong: true })
      case 'link':
        // A run has one character style: a link's text is one Hyperlink run, whatever emphasis it had inside.
        // A link that breaks the link rule (a document built in code) is its text, never a live link.
        if (!isSafeLink(node.url)) return inlineRuns(node.children, context, marks)
        return [hyperlink(node.url, flatText(node.children), context)]
    }
  })
}

function flatText(nodes: readonly Inline[]): string {
  return phrasingText(nodes)
}

/**
 * The runs of a paragraph's inline content: emphasis and strong as character styles, links and e-mail addresses
 * as hyperlinks.
 * @param nodes the paragraph's phrasing
 * @param context the paragraph's language and base style
 * @returns docx paragraph children
 */
export function phrasingRuns(nodes: readonly Inline[], context: RunContext = {}): ParagraphChild[] {
  return inlineRuns(nodes, context, { emphasis: false, strong: false })
}
