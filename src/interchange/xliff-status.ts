import { phrasingText } from '../model/inline.js'
import { DocumentError } from '../model/issues.js'
import { sourceHash } from './hash.js'
import { readXliff, type ReadUnit } from './xliff-read.js'

/** Where a unit of a translation stands. */
export type UnitProgress = 'untranslated' | 'stale' | 'translated' | 'final'

/**
 * Where a unit stands: `untranslated` without a target, with an empty one, or with a copy of its
 * source in a state written as initial (a pre-filled target); `stale` when its target was carried from
 * an earlier source (a `source-diff` note) and is still in the initial state; `final` when its state
 * is final; `translated` otherwise.
 */
export function unitProgress(unit: ReadUnit): UnitProgress {
  if (!unit.target || phrasingText(unit.target).trim() === '') return 'untranslated'
  if (unit.state === 'final') return 'final'
  if (unit.state !== 'initial') return 'translated'
  if (unit.notes.some((note) => note.category === 'source-diff')) return 'stale'
  return unit.stateGiven && sourceHash(unit.target) === sourceHash(unit.source) ? 'untranslated' : 'translated'
}

/** Units and source words in each progress state. */
export type ProgressCounts = Record<UnitProgress, { units: number; words: number }>

/** What is left to translate in an XLIFF file: totals and one line per part. */
export interface XliffStatus {
  version: string
  sourceLanguage: string
  targetLanguage: string | null
  total: ProgressCounts
  parts: { part: string; counts: ProgressCounts }[]
}

function emptyCounts(): ProgressCounts {
  return { untranslated: { units: 0, words: 0 }, stale: { units: 0, words: 0 }, translated: { units: 0, words: 0 }, final: { units: 0, words: 0 } }
}

/** The words of a text: runs of non-space characters. */
function wordCount(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length
}

/**
 * Counts the units of an XLIFF file (1.2 or 2.x) by progress, with their source words, in total and
 * per part (the `group` a unit is in; `-` for units outside any group).
 * @param xliff the XLIFF string
 * @returns the counts; throws a `DocumentError` when the XLIFF cannot be read
 */
export function xliffStatus(xliff: string): XliffStatus {
  const read = readXliff(xliff)
  if (!read.success) throw new DocumentError(read.issues)
  const total = emptyCounts()
  const parts = new Map<string, ProgressCounts>()
  for (const unit of read.data.files.flatMap((file) => file.units)) {
    const progress = unitProgress(unit)
    const words = wordCount(phrasingText(unit.source))
    const part = unit.group ?? '-'
    const counts = parts.get(part) ?? emptyCounts()
    parts.set(part, counts)
    for (const c of [total, counts]) {
      c[progress].units++
      c[progress].words += words
    }
  }
  return {
    version: read.data.version,
    sourceLanguage: read.data.srcLang,
    targetLanguage: read.data.trgLang ?? null,
    total,
    parts: [...parts].map(([part, counts]) => ({ part, counts })),
  }
}
