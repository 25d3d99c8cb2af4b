import type { Document } from '../model/document.js'
import { DocumentError } from '../model/issues.js'
import { movedOlds, pairIndexes } from './match.js'
import { DIFF_VERSION, type Change, type DiffOptions, type DiffSummary, type DocumentDiff } from './model.js'
import { isTypographyOnly } from './tokenize.js'
import type { Unit } from '../render/units.js'
import { comparedClauses, sameText, type Clause } from './clauses.js'
import { DEFAULT_MAX_EDIT_LENGTH, diffText } from './word-diff.js'

const DEFAULT_THRESHOLD = 0.5

/**
 * Compares two drafts of a declaration (or of a letter) clause by clause and word by word.
 * @param oldDoc the earlier draft
 * @param newDoc the later draft, of the same document type
 * @param options edit bound and similarity threshold
 * @returns the versioned change model, in the new draft's reading order (removed units where they stood)
 */
export function diffDocuments(oldDoc: Document, newDoc: Document, options: DiffOptions = {}): DocumentDiff {
  if (oldDoc.type !== newDoc.type) {
    throw new DocumentError([
      { code: 'diff_type_mismatch', message: `cannot compare a ${oldDoc.type} with a ${newDoc.type}: both drafts must be of the same type`, path: ['type'] },
    ])
  }
  return diffUnits(comparedClauses(oldDoc), comparedClauses(newDoc), newDoc.language, options)
}

/** Compares two lists of units (see `diffDocuments`). */
export function diffUnits(oldUnits: readonly Clause[], newUnits: readonly Clause[], language: string, options: DiffOptions = {}): DocumentDiff {
  const changes: Change[] = []
  visitChanges(oldUnits, newUnits, options, (change) => {
    changes.push(change)
  })
  return { version: DIFF_VERSION, language, summary: summarize(changes), changes }
}

/** A change with the units it compares (the redline needs their formatting). */
export interface UnitChange {
  change: Change
  before?: Unit
  after?: Unit
}

/** Options of `unitChanges`. */
export type UnitChangeOptions = DiffOptions & { splitMoves?: boolean }

/**
 * The changes between two lists of units, each with its units, in the new draft's reading order.
 * With `splitMoves` a moved clause is reported removed where it stood and added where it now stands
 * (what a redline without move tracking needs so that rejecting all changes gives the old order).
 */
export function unitChanges(oldUnits: readonly Unit[], newUnits: readonly Unit[], options: UnitChangeOptions = {}): UnitChange[] {
  const out: UnitChange[] = []
  visitChanges(oldUnits, newUnits, options, (change, before, after) => {
    out.push(after ? { change, before, after } : { change, before })
  })
  return out
}

// Hands each change to `visit` in the new draft's reading order, with its units (a removed unit has no
// `after`): the one walk behind `diffUnits` and `unitChanges`, which keeps nothing per unit but indexes.
function visitChanges<U extends Clause>(oldUnits: readonly U[], newUnits: readonly U[], options: UnitChangeOptions, visit: (change: Change, before: U | undefined, after: U | undefined) => void): void {
  const newOf = pairIndexes(oldUnits, newUnits, options.threshold ?? DEFAULT_THRESHOLD)
  const moved = movedOlds(newOf)
  if (options.splitMoves) {
    moved.forEach((flag, old) => {
      if (flag) newOf[old] = -1
    })
    moved.fill(0)
  }
  const maxEditLength = options.maxEditLength ?? DEFAULT_MAX_EDIT_LENGTH
  const oldOf = new Int32Array(newUnits.length).fill(-1)
  newOf.forEach((neu, old) => {
    if (neu !== -1) oldOf[neu] = old
  })

  // A removed old unit goes right after the new place of the nearest earlier old unit that kept its
  // position (before every new unit when there is none), removed units at one place in old order: the
  // order a sort by (place, removed after kept, old index) gives, without sorting every unit.
  const removedAfter = new Map<number, number[]>()
  let anchor = -1
  newOf.forEach((neu, old) => {
    if (neu !== -1) {
      if (!moved[old]) anchor = neu
      return
    }
    const list = removedAfter.get(anchor)
    if (list) list.push(old)
    else removedAfter.set(anchor, [old])
  })
  const visitRemoved = (place: number) => {
    const olds = removedAfter.get(place)
    if (olds) for (const old of olds) visit(removed(oldUnits[old]!), oldUnits[old], undefined)
  }
  visitRemoved(-1)
  newUnits.forEach((unit, index) => {
    const old = oldOf[index]!
    const before = old === -1 ? undefined : oldUnits[old]!
    visit(before ? compare(before, unit, moved[old] === 1, maxEditLength) : added(unit), before, unit)
    visitRemoved(index)
  })
}

function compare(before: Clause, after: Clause, moved: boolean, maxEditLength: number): Change {
  const change: Change = {
    kind: sameText(before, after) ? (moved ? 'moved' : 'unchanged') : 'modified',
    oldId: before.id,
    newId: after.id,
    label: after.label,
    oldText: before.text,
    newText: after.text,
  }
  if (before.label !== after.label) change.oldLabel = before.label
  if (change.kind !== 'modified') return change
  if (moved) change.moved = true
  const { ops, fallback } = diffText(before.text, after.text, maxEditLength)
  change.ops = ops
  if (isTypographyOnly(before.text, after.text)) change.typographyOnly = true
  if (fallback) change.fallback = true
  return change
}

function added(unit: Clause): Change {
  return { kind: 'added', oldId: null, newId: unit.id, label: unit.label, oldText: null, newText: unit.text }
}

function removed(unit: Clause): Change {
  return { kind: 'removed', oldId: unit.id, newId: null, label: unit.label, oldText: unit.text, newText: null }
}

function summarize(changes: readonly Change[]): DiffSummary {
  const summary: DiffSummary = { added: 0, removed: 0, modified: 0, moved: 0, unchanged: 0 }
  for (const change of changes) summary[change.kind]++
  return summary
}
