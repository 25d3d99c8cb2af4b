import type { Document } from '../model/document.js'
import { DocumentError } from '../model/issues.js'
import { matchUnits, movedPairs, type Pair } from './match.js'
import { DIFF_VERSION, type Change, type DiffOptions, type DiffSummary, type DocumentDiff } from './model.js'
import { isTypographyOnly } from './tokenize.js'
import { comparedUnits, type Unit } from '../render/units.js'
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
  return diffUnits(comparedUnits(oldDoc), comparedUnits(newDoc), newDoc.language, options)
}

/** Compares two lists of units (see `diffDocuments`). */
export function diffUnits(oldUnits: readonly Unit[], newUnits: readonly Unit[], language: string, options: DiffOptions = {}): DocumentDiff {
  const changes = unitChanges(oldUnits, newUnits, options).map(({ change }) => change)
  return { version: DIFF_VERSION, language, summary: summarize(changes), changes }
}

/** A change with the units it compares (the redline needs their formatting). */
export interface UnitChange {
  change: Change
  before?: Unit
  after?: Unit
}

/**
 * The changes between two lists of units, each with its units, in the new draft's reading order.
 * With `splitMoves` a moved clause is reported removed where it stood and added where it now stands
 * (what a redline without move tracking needs so that rejecting all changes gives the old order).
 */
export function unitChanges(oldUnits: readonly Unit[], newUnits: readonly Unit[], options: DiffOptions & { splitMoves?: boolean } = {}): UnitChange[] {
  const matched = matchUnits(oldUnits, newUnits, options.threshold ?? DEFAULT_THRESHOLD)
  const moved = movedPairs(matched)
  const pairs = options.splitMoves ? matched.filter((pair) => !moved.has(pair)) : matched
  const maxEditLength = options.maxEditLength ?? DEFAULT_MAX_EDIT_LENGTH
  // Indexed by unit position: one slot per unit, nothing allocated per pair.
  const oldToNew: (Pair | undefined)[] = new Array(oldUnits.length)
  const newToPair: (Pair | undefined)[] = new Array(newUnits.length)
  for (const pair of pairs) {
    oldToNew[pair[0]] = pair
    newToPair[pair[1]] = pair
  }

  // A removed old unit goes right after the new place of the nearest earlier old unit that kept its
  // position (before every new unit when there is none), removed units at one place in old order: the
  // order a sort by (place, removed after kept, old index) gives, without sorting every unit.
  const removedAfter = new Map<number, UnitChange[]>()
  let anchor = -1
  oldUnits.forEach((unit, index) => {
    const pair = oldToNew[index]
    if (pair && !moved.has(pair)) anchor = pair[1]
    if (pair) return
    const entry: UnitChange = { change: removed(unit), before: unit }
    const list = removedAfter.get(anchor)
    if (list) list.push(entry)
    else removedAfter.set(anchor, [entry])
  })
  const out: UnitChange[] = [...(removedAfter.get(-1) ?? [])]
  newUnits.forEach((unit, index) => {
    const pair = newToPair[index]
    const before = pair ? oldUnits[pair[0]]! : undefined
    const change = before ? compare(before, unit, moved.has(pair!), maxEditLength) : added(unit)
    out.push({ change, before, after: unit })
    const after = removedAfter.get(index)
    if (after) out.push(...after)
  })
  return out
}

function compare(before: Unit, after: Unit, moved: boolean, maxEditLength: number): Change {
  const change: Change = {
    kind: before.text === after.text ? (moved ? 'moved' : 'unchanged') : 'modified',
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

function added(unit: Unit): Change {
  return { kind: 'added', oldId: null, newId: unit.id, label: unit.label, oldText: null, newText: unit.text }
}

function removed(unit: Unit): Change {
  return { kind: 'removed', oldId: unit.id, newId: null, label: unit.label, oldText: unit.text, newText: null }
}

function summarize(changes: readonly Change[]): DiffSummary {
  const summary: DiffSummary = { added: 0, removed: 0, modified: 0, moved: 0, unchanged: 0 }
  for (const change of changes) summary[change.kind]++
  return summary
}
