import type { Inline } from '../model/inline.js'
import { isSafeLink } from '../model/links.js'
import { el, textEl, type XmlElement, type XmlNode } from './xml.js'

/** The `authorialNote` element of a footnote label, written where the note is referred to. */
export type NoteWriter = (label: string) => XmlElement | undefined

/** Writes inline content as Akoma Ntoso inlines: emphasis as `i`, strong as `b`, superscript as `sup`, links as `a href`, breaks as `br`, footnotes as `authorialNote`. */
export function inlineToAkn(content: readonly Inline[], notes?: NoteWriter): XmlNode[] {
  return content.flatMap((node): XmlNode[] => {
    switch (node.type) {
      case 'text':
        return node.value ? [node.value] : []
      case 'link':
        // A link that breaks the link rule (a document built in code) is written as its text.
        return isSafeLink(node.url) ? [el('a', { href: node.url }, inlineToAkn(node.children, notes))] : inlineToAkn(node.children, notes)
      case 'break':
        return [el('br', {}, [])]
      case 'footnoteReference': {
        const note = notes?.(node.label)
        return note ? [note] : [el('sup', {}, [node.label])]
      }
      case 'superscript':
        return [el('sup', {}, inlineToAkn(node.children, notes))]
      default:
        return [el(node.type === 'emphasis' ? 'i' : 'b', {}, inlineToAkn(node.children, notes))]
    }
  })
}

/** A paragraph (`p`) holding inline content. */
export function paragraph(content: readonly XmlNode[]): XmlNode {
  return textEl('p', {}, content)
}
