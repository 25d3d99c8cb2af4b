import type { Document } from '../model/document.js'
import { assertShallow } from '../model/guard.js'
import { withSafeLinks } from '../model/links.js'
import { renderMarkdown as writeMarkdown } from './markdown.js'

/**
 * Renders a document as the Markdown an author writes (front matter, headings, lists); a link whose
 * target breaks the link rule (a document built in code) is written as its text, never as a link.
 * @param doc the document
 * @returns the Markdown source
 */
export function renderMarkdown(doc: Document): string {
  assertShallow(doc)
  return writeMarkdown(withSafeLinks(doc))
}
