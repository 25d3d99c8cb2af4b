import type { Inline } from '../model/inline.js'
import { isSafeLink } from '../model/links.js'
import { el, textEl, type XmlNode } from './xml.js'

/** Writes inline content as Akoma Ntoso inlines: emphasis as `i`, strong as `b`, links as `a href`. */
export function inlineToAkn(content: readonly Inline[]): XmlNode[] {
  return content.flatMap((node): XmlNode[] => {
    if (node.type === 'text') return node.value ? [node.value] : []
    // A link that breaks the link rule (a document built in code) is written as its text.
    if (node.type === 'link') return isSafeLink(node.url) ? [el('a', { href: node.url }, inlineToAkn(node.children))] : inlineToAkn(node.children)
    return [el(node.type === 'emphasis' ? 'i' : 'b', {}, inlineToAkn(node.children))]
  })
}

/** A paragraph (`p`) holding inline content. */
export function paragraph(content: readonly XmlNode[]): XmlNode {
  return textEl('p', {}, content)
}
