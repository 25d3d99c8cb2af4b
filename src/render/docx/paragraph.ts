import { type IParagraphOptions, Paragraph, type ParagraphChild } from 'docx'

/** A list a paragraph belongs to: one of the document's numbering references, which list of it, and the level. */
export interface ListPlace {
  reference: string
  instance?: number
  level?: number
}

/**
 * A paragraph in a named style, optionally an item of a Word list, or indented as a sub-paragraph.
 * @param style the paragraph style id
 * @param children the paragraph's runs and hyperlinks
 * @param list the list it is an item of
 * @param depth nesting of a paragraph outside a Word list, indented one centimetre a level
 * @param mark the paragraph mark's run properties (a redline tracks the mark of a paragraph added or removed)
 * @returns a docx paragraph
 */
export function styledParagraph(style: string, children: ParagraphChild[], list?: ListPlace, depth = 0, mark?: IParagraphOptions['run']): Paragraph {
  const run = mark ? { run: mark } : {}
  // `custom` keeps the paragraph's own style: without it docx puts list items in "List Paragraph".
  if (list) return new Paragraph({ style, children, numbering: { reference: list.reference, level: list.level ?? 0, custom: true, ...(list.instance === undefined ? {} : { instance: list.instance }) }, ...run })
  return new Paragraph({ style, children, ...(depth ? { indent: { left: 567 * depth } } : {}), ...run })
}
