import type { Inline } from '../model/inline.js'
import { el, type XmlNode } from './xml.js'

/** The XLIFF 1.2 namespace. */
export const XLIFF12_NAMESPACE = 'urn:oasis:names:tc:xliff:document:1.2'

/** The XLIFF 1.x namespaces read as 1.2 (translate-toolkit's po2xliff writes the units it adds in the 1.1 one). */
export const XLIFF1_NAMESPACES: readonly string[] = [XLIFF12_NAMESPACE, 'urn:oasis:names:tc:xliff:document:1.1', 'urn:oasis:names:tc:xliff:document:1.0']

/** The XLIFF 1.2 `ctype` of a link code (an `x-` extension: 1.2 has no link type for `<g>`). */
export const LINK_CTYPE = 'x-link'

/** The XLIFF 1.2 `ctype` of a footnote reference (`<x>`, its label in `equiv-text`). */
export const FOOTNOTE_CTYPE = 'x-footnote'

/** The XLIFF 1.2 `ctype` of a superscript run. */
export const SUPERSCRIPT_CTYPE = 'x-superscript'

/** The `from` of the note holding link code N's URL (`link-2`): XLIFF 1.2 `<g>` has no place for it. */
export function linkNoteFrom(id: string): string {
  return `link-${id}`
}

/**
 * Writes inline content as XLIFF 1.2 inline codes: `<g ctype="italic">`, `<g ctype="bold">`,
 * `<g ctype="x-superscript">` and `<g ctype="x-link">`, `<x ctype="lb">` for a line break and
 * `<x ctype="x-footnote">` for a footnote reference, numbered from 1 in document order like the 2.x `pc` codes. Returns the nodes
 * and each link code's URL by id, written by the caller as notes.
 */
export function inlineToXliff12(content: readonly Inline[]): { nodes: XmlNode[]; links: [string, string][] } {
  let next = 1
  const links: [string, string][] = []
  const write = (nodes: readonly Inline[]): XmlNode[] =>
    nodes.flatMap((node): XmlNode[] => {
      if (node.type === 'text') return node.value ? [node.value] : []
      const id = String(next++)
      if (node.type === 'break') return [el('x', { id, ctype: 'lb' })]
      if (node.type === 'footnoteReference') return [el('x', { id, ctype: FOOTNOTE_CTYPE, 'equiv-text': node.label })]
      if (node.type === 'superscript') return [el('g', { id, ctype: SUPERSCRIPT_CTYPE }, write(node.children))]
      if (node.type === 'link') {
        links.push([id, node.url])
        return [el('g', { id, ctype: LINK_CTYPE }, write(node.children))]
      }
      return [el('g', { id, ctype: node.type === 'emphasis' ? 'italic' : 'bold' }, write(node.children))]
    })
  return { nodes: write(content), links }
}
