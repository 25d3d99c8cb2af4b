import type { Document } from '../model/document.js'
import { DocumentError } from '../model/issues.js'
import { localeFor } from '../i18n/index.js'
import { escapeMarkdown } from './markdown.js'
import { comparedUnits, type Mark, type Unit } from '../render/units.js'

/** How a clause of the source version stands in the target version. */
export type AlignmentStatus = 'matched' | 'missing' | 'extra' | 'structure' | 'untranslated'

/** One row of a bilingual alignment: a clause id with its source and target texts. */
export interface AlignmentRow {
  /**
   * `missing`: only in the source; `extra`: only in the target; `structure`: same id, another kind of
   * clause, number or inline structure (title, lead, links); `untranslated`: the target's text is the
   * source's, in a document of another language.
   */
  status: AlignmentStatus
  id: string
  /** Label in the source language ("Objective III"), or the target's for an extra clause. */
  label: string
  /** Label in the target language. */
  targetLabel: string | null
  source: string | null
  target: string | null
  /** For `structure`: what differs, e.g. `objective III. -> preamble`. */
  note?: string
  /** The bold and italic ranges of `source`, present when it has any (a lead phrase, an objective's title). */
  sourceMarks?: Mark[]
  /** The bold and italic ranges of `target`, present when it has any. */
  targetMarks?: Mark[]
}

/** A bilingual alignment: every clause of both versions, in the source's reading order. */
export interface Alignment {
  version: 1
  sourceLanguage: string
  targetLanguage: string
  summary: Record<AlignmentStatus, number>
  rows: AlignmentRow[]
}

// A clause's place in the structure: its kind and printed number. Its position among its siblings is
// left out, so that one missing clause does not make every following one "different".
function place(unit: Unit): string {
  return unit.prefix && unit.group !== 'reference' ? `${unit.group} ${unit.prefix.trim()}` : unit.group
}

// The inline structure a translation keeps: the kinds of the unit's top-level codes, in order (a
// paragraph's bold title and italic lead, its links).
function shape(unit: Unit): string {
  return unit.content
    .filter((node) => node.type !== 'text')
    .map((node) => node.type)
    .join(', ')
}

function marksOf(key: 'sourceMarks' | 'targetMarks', unit: Unit | undefined): Partial<AlignmentRow> {
  return unit?.marks.length ? { [key]: unit.marks } : {}
}

function compareUnits(unit: Unit, other: Unit, translation: boolean): Partial<AlignmentRow> {
  const from = place(unit)
  const to = place(other)
  if (from !== to) return { status: 'structure', note: `${from} -> ${to}` }
  if (shape(unit) !== shape(other)) return { status: 'structure', note: `${shape(unit) || 'text'} -> ${shape(other) || 'text'}` }
  if (translation && unit.translatable && /\p{L}/u.test(unit.text) && unit.text.trim() === other.text.trim()) return { status: 'untranslated' }
  return {}
}

/**
 * Pairs the clauses of two language versions of one document by id (the English declaration and a
 * translation), reporting clauses missing from the target, extra in it, or at a different place.
 * @param source the version translated from
 * @param target the translation
 * @returns rows in the source's order; an extra clause follows the target clause before it
 */
export function alignDocuments(source: Document, target: Document): Alignment {
  if (source.type !== target.type) {
    throw new DocumentError([
      { code: 'align_type_mismatch', message: `cannot align a ${source.type} with a ${target.type}: both versions must be of the same type`, path: ['type'] },
    ])
  }
  const translation = source.language.toLowerCase() !== target.language.toLowerCase()
  const sourceUnits = comparedUnits(source)
  const targetUnits = comparedUnits(target)
  const targetById = new Map(targetUnits.map((unit) => [unit.id, unit]))
  const sourceIds = new Set(sourceUnits.map((unit) => unit.id))
  const rows: AlignmentRow[] = []
  const rowOfTarget = new Map<string, number>()
  for (const unit of sourceUnits) {
    const other = targetById.get(unit.id)
    const row: AlignmentRow = {
      status: other ? 'matched' : 'missing',
      id: unit.id,
      label: unit.label,
      targetLabel: other?.label ?? null,
      source: unit.text,
      target: other?.text ?? null,
      ...marksOf('sourceMarks', unit),
      ...marksOf('targetMarks', other),
    }
    if (other) {
      Object.assign(row, compareUnits(unit, other, translation))
      rowOfTarget.set(other.id, rows.length)
    }
    rows.push(row)
  }
  // Extra target clauses go after the row of the target clause before them, and after the missing
  // clauses that follow it (deleted before inserted, as in a diff).
  let after = -1
  const extras: { at: number; order: number; row: AlignmentRow }[] = []
  targetUnits.forEach((unit, order) => {
    if (sourceIds.has(unit.id)) after = rowOfTarget.get(unit.id) ?? after
    else extras.push({ at: after, order, row: { status: 'extra', id: unit.id, label: unit.label, targetLabel: unit.label, source: null, target: unit.text, ...marksOf('targetMarks', unit) } })
  })
  for (const extra of extras) while (rows[extra.at + 1]?.status === 'missing') extra.at++
  for (const extra of extras.sort((a, b) => b.at - a.at || b.order - a.order)) rows.splice(extra.at + 1, 0, extra.row)
  const summary: Record<AlignmentStatus, number> = { matched: 0, missing: 0, extra: 0, structure: 0, untranslated: 0 }
  for (const row of rows) summary[row.status]++
  return { version: 1, sourceLanguage: source.language, targetLanguage: target.language, summary, rows }
}

function cell(text: string | null): string {
  return text === null ? '' : escapeMarkdown(text).replace(/ {2}\n/g, '<br>')
}

/**
 * Renders an alignment as a Markdown table, one row per clause: label (and status when not matched),
 * source text, target text. Labels and statuses are in the source's language.
 * @param alignment the result of `alignDocuments`
 * @returns Markdown text ending with a newline
 */
export function renderAlignmentMarkdown(alignment: Alignment): string {
  const locale = localeFor(alignment.sourceLanguage)
  const counts = (Object.keys(alignment.summary) as AlignmentStatus[]).map((status) => `${alignment.summary[status]} ${locale.report.status[statusWord(status)]}`)
  const lines = [
    `# ${locale.report.alignment}`,
    '',
    `${counts.join(', ')}.`,
    '',
    `| ${locale.report.clause} | ${alignment.sourceLanguage} | ${alignment.targetLanguage} |`,
    '| --- | --- | --- |',
    ...alignment.rows.map((row) => `| ${cell(rowLabel(row, locale.report.status))} | ${cell(row.source)} | ${cell(row.target)} |`),
  ]
  return `${lines.join('\n')}\n`
}

/** The status word key for a status (`matched` is printed as "matched"). */
export function statusWord(status: AlignmentStatus): 'same' | 'missing' | 'extra' | 'structure' | 'untranslated' {
  return status === 'matched' ? 'same' : status
}

/** The first cell of a row: its label, then its status when it is not matched. */
export function rowLabel(row: AlignmentRow, status: Record<'same' | 'missing' | 'extra' | 'structure' | 'untranslated', string>): string {
  if (row.status === 'matched') return row.label
  return `${row.label} (${status[statusWord(row.status)]}${row.note ? `: ${row.note}` : ''})`
}
