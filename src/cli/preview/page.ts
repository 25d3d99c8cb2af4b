import { formatIssue, type Issue } from '../../model/issues.js'
import { escapeHtml } from '../../render/html/escape.js'
import { htmlPage } from '../../render/html/page.js'

// Only the preview adds a script: it reloads the page when the server says the sources changed.
const reloadScript = "<script>new EventSource('/events').onmessage = function () { location.reload() }</script>"

const panelStyle =
  '<style>.preview-issues { border: 2px solid #a00000; background: #fff0f0; color: #1a1a1a; margin: 0; padding: 0.75rem 1.25rem; font-family: system-ui, sans-serif; }' +
  ' .preview-issues h2 { font-size: 1rem; margin: 0 0 0.4em; } .preview-issues ul { margin: 0; padding-left: 1.2em; }</style>'

/** The panel listing a file's issues as `file:line:column message`, shown above the last good rendering. */
export function issuesPanel(issues: readonly Issue[]): string {
  if (!issues.length) return ''
  const items = issues.map((issue) => `<li>${escapeHtml(formatIssue(issue))}</li>`).join('')
  const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`
  return `${panelStyle}<aside class="preview-issues" role="alert" aria-labelledby="preview-issues-heading"><h2 id="preview-issues-heading">${count}: showing the last good rendering</h2><ul>${items}</ul></aside>`
}

/** A rendered page as the preview serves it: the issues panel after `<body>` and the reload script before `</body>`. */
export function previewPage(html: string | undefined, issues: readonly Issue[], title: string): string {
  const page = html ?? htmlPage({ language: 'en', title, className: 'preview', body: '<h1>No rendering yet</h1>' })
  return page.replace('<body>\n', `<body>\n${issuesPanel(issues)}`).replace('\n</body>', `\n${reloadScript}\n</body>`)
}

/** The preview's index of several files, each a link to its page. */
export function indexPage(entries: readonly { name: string; href: string; issues: number }[]): string {
  const items = entries.map(({ name, href, issues }) => `<li><a href="${escapeHtml(href)}">${escapeHtml(name)}</a>${issues ? ` (${issues === 1 ? '1 issue' : `${issues} issues`})` : ''}</li>`)
  const body = `<h1>Preview</h1><ul>${items.join('')}</ul>`
  return previewPage(htmlPage({ language: 'en', title: 'Preview', className: 'preview', body }), [], 'Preview')
}
