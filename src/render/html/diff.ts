import { changeHeading, visibleSpaces } from '../../diff/markdown.js'
import type { Change, DocumentDiff, WordOp } from '../../diff/model.js'
import { localeFor } from '../../i18n/index.js'
import type { Locale } from '../../i18n/types.js'
import { attributeList, escapeHtml } from './escape.js'
import { htmlPage } from './page.js'

/**
 * Renders a diff as a self-contained HTML page for reviewers: the summary at the top, then each changed
 * clause under its label with deleted words in `<del>` and inserted words in `<ins>`. Unchanged clauses are left out.
 * @param diff the result of `diffDocuments`
 * @returns the page's HTML, the same for the same diff
 */
export function renderDiffHtml(diff: DocumentDiff): string {
  const locale = localeFor(diff.language)
  const kinds = Object.keys(locale.report.kinds) as (keyof Locale['report']['kinds'])[]
  const summary = kinds.map((kind) => `${diff.summary[kind]} ${locale.report.kinds[kind]}`).join(', ')
  const changed = diff.changes.filter((change) => change.kind !== 'unchanged')
  const parts = [`<h1>${escapeHtml(locale.report.changes)}</h1>`, `<p class="summary">${escapeHtml(summary)}.</p>`]
  if (!changed.length) parts.push(`<p>${escapeHtml(locale.report.noChanges)}</p>`)
  changed.forEach((change, index) => {
    const id = `change-${index + 1}`
    parts.push(
      `<section${attributeList({ id, class: `change ${change.kind}` })} aria-labelledby="${id}-heading">` +
        `<h2 id="${id}-heading">${escapeHtml(changeHeading(change, locale))}</h2><p>${body(change)}</p></section>`,
    )
  })
  return htmlPage({ language: diff.language, title: locale.report.changes, className: 'diff', body: parts.join('\n') })
}

function body(change: Change): string {
  if (change.kind === 'added') return ops([{ op: 'insert', text: change.newText! }])
  if (change.kind === 'removed') return ops([{ op: 'delete', text: change.oldText! }])
  if (change.kind === 'moved') return escapeHtml(change.newText!)
  return ops(change.ops ?? [])
}

// A change of white space alone would be invisible: its characters are named instead.
function ops(list: readonly WordOp[]): string {
  return list
    .map(({ op, text }) => {
      if (op === 'equal') return escapeHtml(text)
      const shown = text.trim() ? escapeHtml(text) : visibleSpaces(text)
      return op === 'insert' ? `<ins>${shown}</ins>` : `<del>${shown}</del>`
    })
    .join('')
}
