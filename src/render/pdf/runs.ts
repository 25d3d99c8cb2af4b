import { isSafeLink } from '../../model/links.js'
import type { Locale } from '../../i18n/types.js'
import { phrasingText, type Inline } from '../../model/inline.js'
import type { Face } from './fonts.js'

/** Where a link goes and how an assistive technology announces it (the annotation's `/Contents`). */
export interface LinkTarget {
  url: string
  description: string
}

/** A run of text set in one face, part of a link when `link` is set (runs of one link share the object), raised and smaller when `raised`, a footnote's mark when `note` is set. */
export interface Run {
  text: string
  face: Face
  link?: LinkTarget
  raised?: true
  note?: string
}

const emphasised: Record<Face, Face> = { regular: 'italic', italic: 'regular', bold: 'boldItalic', boldItalic: 'bold' }
const strengthened: Record<Face, Face> = { regular: 'bold', italic: 'boldItalic', bold: 'bold', boldItalic: 'boldItalic' }

/**
 * Flattens inline content into runs. Emphasis inside italic text turns back to roman, as UN documents
 * set an emphasised word inside an italic lead; link text keeps the face around it and carries its target.
 */
export function phrasingRuns(content: readonly Inline[], locale: Locale, face: Face = 'regular', link?: LinkTarget, raised = false): Run[] {
  const runs: Run[] = []
  const up = raised ? ({ raised: true } as const) : {}
  for (const node of content) {
    if (node.type === 'text') {
      // Unicode's line and paragraph separators (and NEL) end a line in running text: on a page they are word spaces.
      const text = node.value.replace(/[\u2028\u2029\u0085]/g, ' ')
      runs.push(link ? { text, face, link, ...up } : { text, face, ...up })
    }
    else if (node.type === 'emphasis') runs.push(...phrasingRuns(node.children, locale, emphasised[face], link, raised))
    else if (node.type === 'strong') runs.push(...phrasingRuns(node.children, locale, strengthened[face], link, raised))
    else if (node.type === 'superscript') runs.push(...phrasingRuns(node.children, locale, face, link, true))
    // A line break inside a run of text reads as a space where the paragraph is set as one block.
    else if (node.type === 'break') runs.push({ text: ' ', face })
    // A footnote's mark is raised, and tells the page which note to set at its foot.
    else if (node.type === 'footnoteReference') runs.push({ text: node.label, face, raised: true, note: node.label })
    // A link that breaks the link rule (a document built in code) is set as its text, never as a live link.
    else if (!isSafeLink(node.url)) runs.push(...phrasingRuns(node.children, locale, face, link, raised))
    else runs.push(...phrasingRuns(node.children, locale, face, linkTarget(node.url, phrasingText(node.children), locale), raised))
  }
  return runs
}

/**
 * The target of a link with its description: "E-mail green@itu.int" (in the document's language) for
 * an address, the link text for a web address shown as such, else the text followed by the address.
 */
export function linkTarget(url: string, text: string, locale: Locale): LinkTarget {
  if (/^mailto:/i.test(url)) return { url, description: `${locale.labels.email} ${url.slice('mailto:'.length)}` }
  const shown = text.trim()
  const bare = (value: string) => value.replace(/^https?:\/\//i, '').replace(/\/$/, '')
  return { url, description: shown && bare(shown) !== bare(url) ? `${shown} (${url})` : shown || url }
}

/** A single run. */
export function run(text: string, face: Face = 'regular'): Run {
  return { text, face }
}
