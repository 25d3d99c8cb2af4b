import type { Change, DocumentDiff, WordOp } from './model.js'
import { localeFor } from '../i18n/index.js'
import type { Locale } from '../i18n/types.js'

/**
 * Renders a diff as a Markdown report: the summary first, then each changed clause under its label,
 * deleted words as `~~deleted~~` and inserted words as `**inserted**`. Unchanged clauses are left out.
 * @param diff the result of `diffDocuments`
 * @returns Markdown text ending with a newline
 */
export function renderDiffMarkdown(diff: DocumentDiff): string {
  const locale = localeFor(diff.language)
  const counts = (Object.keys(locale.report.kinds) as (keyof Locale['report']['kinds'])[]).map((kind) => `${diff.summary[kind]} ${locale.report.kinds[kind]}`)
  const blocks = [`# ${locale.report.changes}`, `${counts.join(', ')}.`]
  const changed = diff.changes.filter((change) => change.kind !== 'unchanged')
  if (!changed.length) blocks.push(locale.report.noChanges)
  for (const change of changed) blocks.push(`## ${escapeMarkdown(changeHeading(change, locale))}`, body(change))
  return `${blocks.join('\n\n')}\n`
}

/** A change's heading in a report: its label, what happened to it, and its old label when renumbered. */
export function changeHeading(change: Change, locale: Locale): string {
  const notes: string[] = [locale.report.kinds[change.kind]]
  if (change.moved) notes.push(locale.report.kinds.moved)
  if (change.typographyOnly) notes.push(locale.report.typographyOnly)
  if (change.fallback) notes.push(locale.report.fallback)
  const was = change.oldLabel ? `; ${locale.report.was} ${change.oldLabel}` : ''
  return `${change.label} (${notes.join(', ')}${was})`
}

function body(change: Change): string {
  if (change.kind === 'added') return inlineOps([{ op: 'insert', text: change.newText! }])
  if (change.kind === 'removed') return inlineOps([{ op: 'delete', text: change.oldText! }])
  if (change.kind === 'moved') return escapeMarkdown(change.newText!)
  return inlineOps(change.ops ?? [])
}

const punctuation = /[\p{P}\p{S}]/u
const space = /\s/u

// Emphasis delimiters only work when they "flank" the text (CommonMark): the emphasized text must
// not start or end with a space, and punctuation next to a letter outside breaks them; there we use
// the HTML elements instead.
function inlineOps(ops: readonly WordOp[]): string {
  let out = ''
  ops.forEach((op, index) => {
    if (op.op === 'equal') {
      out += escapeMarkdown(op.text)
      return
    }
    const [, lead = '', core = '', trail = ''] = /^(\s*)([^]*?)(\s*)$/u.exec(op.text) ?? []
    const marker = op.op === 'delete' ? '~~' : '**'
    const shown = core ? escapeMarkdown(core) : visibleSpaces(op.text)
    const next = ops[index + 1]
    const before = core ? (lead ? ' ' : out.slice(-1)) : out.slice(-1)
    const after = core && trail ? ' ' : next ? (next.op === 'equal' ? next.text[0] ?? '' : '*') : ''
    const prefix = core ? lead : ''
    const suffix = core ? trail : ''
    out += prefix + (flanks(shown, before, after) ? `${marker}${shown}${marker}` : html(op.op, shown)) + suffix
  })
  return out
}

function flanks(text: string, before: string, after: string): boolean {
  const first = text[0] ?? ''
  const last = text[text.length - 1] ?? ''
  const opens = !space.test(first) && (!punctuation.test(first) || before === '' || space.test(before) || punctuation.test(before))
  const closes = !space.test(last) && (!punctuation.test(last) || after === '' || space.test(after) || punctuation.test(after))
  return opens && closes
}

function html(op: WordOp['op'], text: string): string {
  return op === 'delete' ? `<del>${text}</del>` : `<ins>${text}</ins>`
}

/** Names invisible characters of a whitespace-only change ("⟨U+00A0⟩"). */
export function visibleSpaces(text: string): string {
  return [...text].map((char) => `⟨U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`).join('')
}

/** Escapes the characters Markdown would read as syntax. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_~[\]<>|]/g, '\\$&').replace(/^([#+-])(?=\s|$)/u, '\\$1').replace(/^(\d+)([.)])(?=\s|$)/u, '$1\\$2').replace(/\n/g, '  \n')
}
