import { Paragraph, type ParagraphChild } from 'docx'

/** A list a paragraph belongs to: one of the document's numbering references, and which list of it. */
export interface ListPlace {
  reference: string
  instance?: number
}

/**
 * A paragraph in a named style, optionally an item of a Word list.
 * @param style the paragraph style id
 * @param children the paragraph's runs and hyperlinks
 * @param list the list it is an item of, at the first level
 * @returns a docx paragraph
 */
export function styledParagraph(style: string, children: ParagraphChild[], list?: ListPlace): Paragraph {
  // `custom` keeps the paragraph's own style: without it docx puts list items in "List Paragraph".
  return new Paragraph({ style, children, ...(list ? { numbering: { ...list, level: 0, custom: true } } : {}) })
}
