import type { Document } from '../model/document.js'
import { phrasingText, type Phrasing } from '../model/inline.js'
import { DocumentError } from '../model/issues.js'
import { sourceHash } from './hash.js'
import type { Unit as TranslationUnit } from '../render/units.js'
import { wordDiffNote } from './word-diff-note.js'
import { readXliff, type ReadUnit } from './xliff-read.js'
import { xliffUnitId } from './xliff-ids.js'

/** What a unit takes over from an earlier translation. */
export interface CarriedTarget {
  target: Phrasing
  state: string
  /** The source word diff, for a unit whose source changed since the earlier translation. */
  sourceDiff?: string
}

// `preamble-3:lead` and `preamble-4:lead` are the same kind of unit; `doc:title` and a clause are not.
// Ids are compared as written in XLIFF (`preamble-3.lead`), the form of both old and new files.
function kind(id: string): string {
  const written = xliffUnitId(id)
  return written.startsWith('doc.') ? written : (/\.([a-z]+)$/.exec(written)?.[1] ?? '')
}

/**
 * Reads an earlier translation of a document and decides, unit by unit, what carries forward:
 * the same source under the same id (or, after renumbering, under another id of the same kind)
 * keeps its target and state; a changed source under the same id keeps its old target as
 * `initial` with the word diff, unless that old source now lives under another id (then the
 * unit is new); anything else starts without a target.
 * @returns the carried target of each unit id that has one
 */
export function carryForward(previous: string, doc: Document, units: readonly TranslationUnit[], targetLanguage: string): Map<string, CarriedTarget> {
  const read = readXliff(previous)
  if (!read.success) throw new DocumentError(read.issues.map((issue) => ({ ...issue, message: `previous translation: ${issue.message}` })))
  const { data } = read
  const mismatch =
    data.trgLang && data.trgLang.toLowerCase() !== targetLanguage.toLowerCase()
      ? `it is into "${data.trgLang}", not "${targetLanguage}"`
      : data.srcLang.toLowerCase() !== doc.language.toLowerCase()
        ? `it translates from "${data.srcLang}"; the document is in "${doc.language}"`
        : undefined
  if (mismatch) throw new DocumentError([{ code: 'language_mismatch', message: `previous translation: ${mismatch}`, path: [] }])
  const file = data.files.find((f) => f.id === doc.id) ?? (data.files.length === 1 ? data.files[0] : undefined)
  const translated = (file?.units ?? []).filter((u): u is ReadUnit & { target: Phrasing } => u.target !== undefined)
  const byId = new Map(translated.map((u) => [xliffUnitId(u.id), u]))
  const byHash = new Map<string, ReadUnit & { target: Phrasing }>()
  for (const unit of translated) {
    const key = `${kind(unit.id)} ${sourceHash(unit.source)}`
    if (!byHash.has(key)) byHash.set(key, unit)
  }
  const current = new Set(units.map((unit) => `${kind(unit.id)} ${sourceHash(unit.content)}`))
  const carried = new Map<string, CarriedTarget>()
  for (const unit of units) {
    const hash = sourceHash(unit.content)
    const same = byId.get(xliffUnitId(unit.id))
    const sameHash = same && sourceHash(same.source)
    const moved = byHash.get(`${kind(unit.id)} ${hash}`)
    if (same && sameHash === hash) carried.set(unit.id, { target: same.target, state: same.state })
    else if (moved) carried.set(unit.id, { target: moved.target, state: moved.state })
    else if (same && !current.has(`${kind(unit.id)} ${sameHash}`)) {
      carried.set(unit.id, { target: same.target, state: 'initial', sourceDiff: wordDiffNote(phrasingText(same.source), phrasingText(unit.content)) })
    }
  }
  return carried
}
