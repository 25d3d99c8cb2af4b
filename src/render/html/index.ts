import type { Document } from '../../model/document.js'
import { assertShallow } from '../../model/guard.js'
import { resolveAnnexes, type AnnexOptions } from '../annexes.js'
import { declarationLines } from './declaration.js'
import { letterHtml } from './letter.js'
import { htmlPage } from './page.js'
import { scopeFor } from './scope.js'

export { renderDiffHtml } from './diff.js'

/** Options of `renderHtml`. */
export interface HtmlOptions extends AnnexOptions {}

/**
 * Renders a declaration or letter as one self-contained HTML5 page (embedded CSS for screen and print,
 * no script); the same document and options always give the same text. Throws a `DocumentError` for a missing
 * annex or a document built in code that nests too deep.
 */
export function renderHtml(doc: Document, options: HtmlOptions = {}): string {
  assertShallow(doc)
  for (const annexed of options.annexes ?? []) assertShallow(annexed)
  const scope = scopeFor(doc.language, 1)
  if (doc.type === 'declaration') {
    return htmlPage({ language: doc.language, title: doc.title, className: 'declaration', body: declarationLines(doc, scope) })
  }
  return htmlPage({ language: doc.language, title: doc.subject, className: 'letter', body: letterHtml(doc, resolveAnnexes(doc, options), scope) })
}
