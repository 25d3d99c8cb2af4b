/** The version of the change model; bumped when a field changes meaning or shape. */
export const DIFF_VERSION = 1

/** What happened to one clause-level unit between two drafts. */
export type ChangeKind = 'unchanged' | 'modified' | 'added' | 'removed' | 'moved'

/** One word-level operation: a run of tokens kept, inserted or deleted. */
export interface WordOp {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

/** One clause-level unit (preambular clause, objective, field …) compared between two drafts. */
export interface Change {
  /** `moved` means same words, new position; a clause that moved and changed is `modified` with `moved: true`. */
  kind: ChangeKind
  /** Present (true) only on a `modified` clause that also changed position. */
  moved?: true
  /** The unit's id in the old draft (`preamble-4`, `objective-3`, `subject` …), `null` when added. */
  oldId: string | null
  /** The unit's id in the new draft, `null` when removed. */
  newId: string | null
  /** The unit as a reader names it, in the document's language ("Objective III"), after the new draft's numbering. */
  label: string
  /** The label in the old draft, present only when it differs (a renumbered clause). */
  oldLabel?: string
  /** The unit's text in the old draft, exactly as written, `null` when added. */
  oldText: string | null
  /** The unit's text in the new draft, exactly as written, `null` when removed. */
  newText: string | null
  /** For `modified`: equal+delete runs rebuild `oldText`, equal+insert runs rebuild `newText`. */
  ops?: WordOp[]
  /** Present (true) when only typography changed: kinds of space, ' vs ’, composed vs decomposed accents. */
  typographyOnly?: true
  /** Present (true) when the word diff hit its bound and reports the whole clause deleted and inserted. */
  fallback?: true
}

/** How many changes of each kind; the counts add up to `changes.length`. */
export interface DiffSummary {
  added: number
  removed: number
  modified: number
  moved: number
  unchanged: number
}

/** The result of comparing two drafts: every unit of both, in the new draft's reading order. */
export interface DocumentDiff {
  version: typeof DIFF_VERSION
  /** BCP 47 tag of the new draft; labels are in its language. */
  language: string
  summary: DiffSummary
  changes: Change[]
}

/** Options of `diffDocuments`. */
export interface DiffOptions {
  /**
   * Largest word-level edit distance (in tokens) worked out inside one clause before falling back to
   * "whole clause deleted, whole clause inserted" (default 500). A bound on work, not on a clock,
   * so the same drafts always give the same diff.
   */
  maxEditLength?: number
  /** Lowest similarity (0–1, Dice over words) at which two clauses count as the same clause (default 0.5). */
  threshold?: number
}
