import { foldTypography } from './tokenize.js'
import type { Unit } from '../render/units.js'
import { similarity, similarityBound, wordBag, type WordNumbers } from './similarity.js'

/** A pair of unit indexes: old draft, new draft. */
export type Pair = [oldIndex: number, newIndex: number]

// Past this many candidate pairs in a group, content matching looks only at nearby clauses.
const FULL_SEARCH_LIMIT = 250_000
const NEARBY = 100

function groupIndexes(units: readonly Unit[]): Map<string, number[]> {
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
 */
export function matchUnits(oldUnits: readonly Unit[], newUnits: readonly Unit[], threshold: number): Pair[] {
  const pairs: Pair[] = []
  // Which units are paired already, by index (shared by every group: a unit is in one group only).
  const used: Used = { old: new Uint8Array(oldUnits.length), new: new Uint8Array(newUnits.length) }
  const newGroups = groupIndexes(newUnits)
  for (const [group, olds] of groupIndexes(oldUnits)) {
    const news = newGroups.get(group) ?? []
    if (oldUnits[olds[0]!]!.single) {
      // Single units (a letter's reference lines and signature share a group) pair by id.
      for (const old of olds) {
        const neu = news.find((index) => newUnits[index]!.id === oldUnits[old]!.id)
        if (neu !== undefined) pairs.push([old, neu])
      }
      continue
    }
    matchGroup(oldUnits, newUnits, olds, news, threshold, used, pairs)
  }
  return pairs.sort((a, b) => a[0] - b[0])
}

interface Used {
  old: Uint8Array
  new: Uint8Array
}

function matchGroup(oldUnits: readonly Unit[], newUnits: readonly Unit[], olds: number[], news: number[], threshold: number, used: Used, pairs: Pair[]): void {
  const take = (o: number, n: number) => {
    pairs.push([o, n])
    used.old[o] = 1
    used.new[n] = 1
  }

  // 1. Identical texts (up to typography), preferring the same id among duplicates.
  const byText = new Map<string, number[]>()
  for (const o of olds) {
    const key = foldTypography(oldUnits[o]!.text)
    const list = byText.get(key)
    if (list) list.push(o)
    else byText.set(key, [o])
  }
  for (const n of news) {
    const candidates = byText.get(foldTypography(newUnits[n]!.text))
    if (!candidates?.length) continue
    const sameId = candidates.length === 1 ? 0 : candidates.findIndex((o) => oldUnits[o]!.id === newUnits[n]!.id)
    take(candidates.splice(sameId === -1 ? 0 : sameId, 1)[0]!, n)
  }

  const restOld = olds.filter((o) => !used.old[o])
  const restNew = news.filter((n) => !used.new[n])
  if (!restOld.length || !restNew.length) return
  const numbers: WordNumbers = new Map()
  const oldBags = restOld.map((o) => wordBag(oldUnits[o]!.text, numbers))
  const newBags = restNew.map((n) => wordBag(newUnits[n]!.text, numbers))
  const full = restOld.length * restNew.length <= FULL_SEARCH_LIMIT
  const candidates: { o: number; n: number; score: number; distance: number }[] = []
  restOld.forEach((o, oi) => {
    restNew.forEach((n, ni) => {
      const distance = Math.abs(oi / restOld.length - ni / restNew.length) * Math.max(restOld.length, restNew.length)
      const sameId = oldUnits[o]!.id === newUnits[n]!.id
      if (!full && !sameId && distance > NEARBY) return
      // Bags whose sizes alone keep them under the threshold are not compared word by word.
      if (similarityBound(oldBags[oi]!, newBags[ni]!) < threshold) return
      const score = similarity(oldBags[oi]!, newBags[ni]!)
      if (score >= threshold) candidates.push({ o, n, score, distance })
    })
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
 */
export function movedPairs(pairs: readonly Pair[]): Set<Pair> {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0])
  const tails: number[] = []
  const previous: number[] = []
  sorted.forEach((pair, index) => {
    let low = 0
    let high = tails.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (sorted[tails[mid]!]![1] < pair[1]) low = mid + 1
      else high = mid
    }
    previous[index] = low > 0 ? tails[low - 1]! : -1
    tails[low] = index
  })
  const kept = new Set<number>()
  for (let at = tails[tails.length - 1] ?? -1; at !== -1; at = previous[at]!) kept.add(at)
  return new Set(sorted.filter((_, index) => !kept.has(index)))
}
