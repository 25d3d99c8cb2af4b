import { foldTypography } from './tokenize.js'
import { sameText, type Clause } from './clauses.js'
import { textKey } from './text-key.js'
import { similarityReaching, wordBag, type WordNumbers } from './similarity.js'
import { reachablePairs } from './similar-pairs.js'

/** A pair of unit indexes: old draft, new draft. */
export type Pair = [oldIndex: number, newIndex: number]

// Past this many candidate pairs in a group, content matching looks only at nearby clauses.
const FULL_SEARCH_LIMIT = 250_000
const NEARBY = 100

/** What matching reads of a unit: its group, whether it pairs by id alone, its id, its text and the text's key if known. */
export type Matched = Pick<Clause, 'id' | 'group' | 'single' | 'text' | 'key' | 'plain' | 'paragraph' | 'content'>

function groupIndexes(units: readonly Matched[]): Map<string, number[]> {
  const groups = new Map<string, number[]>()
  units.forEach((unit, index) => {
    const list = groups.get(unit.group)
    if (list) list.push(index)
    else groups.set(unit.group, [index])
  })
  return groups
}

/**
 * Pairs the units of two drafts, group by group: first identical texts (up to typography), then
 * same ids whose texts are similar and each other's best match, then the rest by content similarity
 * (best first). An inserted, deleted or swapped clause thus stays one change instead of a cascade.
 * @returns the pairs in old order
 */
export function matchUnits(oldUnits: readonly Matched[], newUnits: readonly Matched[], threshold: number): Pair[] {
  const pairs: Pair[] = []
  pairIndexes(oldUnits, newUnits, threshold).forEach((neu, old) => {
    if (neu !== -1) pairs.push([old, neu])
  })
  return pairs
}

/**
 * The pairs of `matchUnits` as one array indexed by old unit: the index of its new unit, or -1. One
 * typed array instead of an object per pair, which a long document would keep for the whole diff.
 */
export function pairIndexes(oldUnits: readonly Matched[], newUnits: readonly Matched[], threshold: number): Int32Array {
  const newOf = new Int32Array(oldUnits.length).fill(-1)
  // Which units are paired already, by index (shared by every group: a unit is in one group only).
  const used: Used = {
    old: new Uint8Array(oldUnits.length),
    new: new Uint8Array(newUnits.length),
    newOf,
    oldKeys: keysOf(oldUnits),
    newKeys: keysOf(newUnits),
    sameText: new Int32Array(oldUnits.length),
  }
  const newGroups = groupIndexes(newUnits)
  for (const [group, olds] of groupIndexes(oldUnits)) {
    const news = newGroups.get(group) ?? []
    if (oldUnits[olds[0]!]!.single) {
      // Single units (a letter's reference lines and signature share a group) pair by id.
      for (const old of olds) {
        const neu = news.find((index) => newUnits[index]!.id === oldUnits[old]!.id)
        if (neu !== undefined) newOf[old] = neu
      }
      continue
    }
    matchGroup(oldUnits, newUnits, olds, news, threshold, used)
  }
  return newOf
}

/** The keys (see `TextKey`) of units' texts, and whether each text is plain, by unit index. */
interface Keys {
  key: Int32Array
  plain: Uint8Array
}

function keysOf(units: readonly Matched[]): Keys {
  const keys: Keys = { key: new Int32Array(units.length), plain: new Uint8Array(units.length) }
  units.forEach((unit, index) => {
    if (unit.key !== undefined) {
      keys.key[index] = unit.key
      keys.plain[index] = unit.plain ? 1 : 0
    } else {
      const found = textKey(unit.text)
      keys.key[index] = found.key
      keys.plain[index] = found.plain ? 1 : 0
    }
  })
  return keys
}

// Whether an old unit not paired yet has a new unit's text up to typography (their keys being equal):
// two plain texts when they are equal, other texts when they fold to the same text.
function sameUnused(oldUnits: readonly Matched[], newUnits: readonly Matched[], used: Used, o: number, n: number): boolean {
  if (used.old[o]) return false
  if (used.oldKeys.plain[o] && used.newKeys.plain[n]) return sameText(oldUnits[o]!, newUnits[n]!)
  return foldTypography(oldUnits[o]!.text) === foldTypography(newUnits[n]!.text)
}

// What matching shares across groups: which units are paired already, the pairs, the text keys.
interface Used {
  old: Uint8Array
  new: Uint8Array
  newOf: Int32Array
  oldKeys: Keys
  newKeys: Keys
  // The next old unit with the same key, in old order (-1 for none): one chain per key.
  sameText: Int32Array
}

function matchGroup(oldUnits: readonly Matched[], newUnits: readonly Matched[], olds: number[], news: number[], threshold: number, used: Used): void {
  const take = (o: number, n: number) => {
    used.newOf[o] = n
    used.old[o] = 1
    used.new[n] = 1
  }

  // 1. Identical texts (up to typography), preferring the same id among duplicates, else the first in
  //    old order. The olds of one key are a chain through `sameText`, in old order; a taken one is skipped.
  const { oldKeys, newKeys, sameText } = used
  const firstOfKey = new Map<number, number>()
  for (let at = olds.length - 1; at >= 0; at--) {
    const o = olds[at]!
    sameText[o] = firstOfKey.get(oldKeys.key[o]!) ?? -1
    firstOfKey.set(oldKeys.key[o]!, o)
  }
  for (const n of news) {
    const key = newKeys.key[n]!
    let first = firstOfKey.get(key)
    if (first === undefined) continue
    if (used.old[first]) {
      while (first !== -1 && used.old[first]) first = sameText[first]!
      firstOfKey.set(key, first)
    }
    let found = first
    while (found !== -1 && !sameUnused(oldUnits, newUnits, used, found, n)) found = sameText[found]!
    if (found === -1) continue
    const id = newUnits[n]!.id
    let chosen = found
    if (oldUnits[found]!.id !== id) {
      for (let o = sameText[found]!; o !== -1; o = sameText[o]!) {
        if (oldUnits[o]!.id === id && sameUnused(oldUnits, newUnits, used, o, n)) {
          chosen = o
          break
        }
      }
    }
    take(chosen, n)
  }

  const restOld = olds.filter((o) => !used.old[o])
  const restNew = news.filter((n) => !used.new[n])
  if (!restOld.length || !restNew.length) return
  const numbers: WordNumbers = new Map()
  const oldBags = restOld.map((o) => wordBag(oldUnits[o]!.text, numbers))
  const newBags = restNew.map((n) => wordBag(newUnits[n]!.text, numbers))
  const full = restOld.length * restNew.length <= FULL_SEARCH_LIMIT
  const candidates: { o: number; n: number; score: number; distance: number }[] = []
  // Only pairs that can reach the threshold are scored, in the order of a loop over all pairs.
  reachablePairs(oldBags, newBags, threshold, (oi, ni) => {
    const o = restOld[oi]!
    const n = restNew[ni]!
    const distance = Math.abs(oi / restOld.length - ni / restNew.length) * Math.max(restOld.length, restNew.length)
    const sameId = oldUnits[o]!.id === newUnits[n]!.id
    if (!full && !sameId && distance > NEARBY) return
    const score = similarityReaching(oldBags[oi]!, newBags[ni]!, threshold)
    if (score !== undefined) candidates.push({ o, n, score, distance })
  })

  // 2. Same id, similar, and neither has a better partner.
  const bestOld = new Map<number, number>()
  const bestNew = new Map<number, number>()
  for (const { o, n, score } of candidates) {
    bestOld.set(o, Math.max(bestOld.get(o) ?? 0, score))
    bestNew.set(n, Math.max(bestNew.get(n) ?? 0, score))
  }
  for (const { o, n, score } of candidates) {
    if (oldUnits[o]!.id !== newUnits[n]!.id || used.old[o] || used.new[n]) continue
    if (score >= bestOld.get(o)! && score >= bestNew.get(n)!) take(o, n)
  }

  // 3. The rest by similarity, best first, nearer first among equals.
  candidates.sort((a, b) => b.score - a.score || a.distance - b.distance || a.o - b.o || a.n - b.n)
  for (const { o, n } of candidates) if (!used.old[o] && !used.new[n]) take(o, n)
}

/**
 * The pairs that changed position relative to the others: those outside one longest run of pairs
 * kept in the same order in both drafts (a longest increasing subsequence of new indexes).
 * @param newOf the pairs, as `pairIndexes` gives them
 * @returns by old index, 1 for a paired old unit that moved
 */
export function movedOlds(newOf: Int32Array): Uint8Array {
  // Over the paired old indexes in order: the last one of the longest run ending at each length, and
  // the one before each in its run.
  const tails: number[] = []
  const previous = new Int32Array(newOf.length)
  newOf.forEach((neu, old) => {
    if (neu === -1) return
    let low = 0
    let high = tails.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (newOf[tails[mid]!]! < neu) low = mid + 1
      else high = mid
    }
    previous[old] = low > 0 ? tails[low - 1]! : -1
    tails[low] = old
  })
  const moved = new Uint8Array(newOf.length)
  newOf.forEach((neu, old) => {
    if (neu !== -1) moved[old] = 1
  })
  for (let at = tails[tails.length - 1] ?? -1; at !== -1; at = previous[at]!) moved[at] = 0
  return moved
}
