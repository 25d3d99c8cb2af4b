import type { WordBag } from './similarity.js'

// Past this many index lookups per pair of bags on average, every pair is compared instead.
const LOOKUPS_PER_PAIR = 4

/**
 * Hands `visit` every pair of bags, one of each list, whose similarity can reach `threshold`, in the
 * order of a loop over all pairs (old index, then new index), skipping only pairs that share too few
 * words to reach it. Two bags of sizes a and b reach a Dice threshold t only with at least
 * t·a/(2−t) words in common, so with the words of all bags ranked rarest first, such a pair shares a
 * word among the first a − t·a/(2−t) + 1 of one bag and the first b − t·b/(2−t) + 1 of the other (the
 * rarest word they share): an index of those prefixes finds the pairs without comparing every bag of
 * one list with every bag of the other. A repeated word counts once per repeat, as in `similarity`.
 * A threshold outside (0, 1] (where pairs with no word in common can reach it, or none can) visits every pair.
 */
export function reachablePairs(oldBags: readonly WordBag[], newBags: readonly WordBag[], threshold: number, visit: (oldIndex: number, newIndex: number) => void): void {
  if (!(threshold > 0 && threshold <= 1)) {
    for (let oi = 0; oi < oldBags.length; oi++) for (let ni = 0; ni < newBags.length; ni++) visit(oi, ni)
    return
  }
  let words = 0
  for (const bags of [oldBags, newBags]) for (const bag of bags) if (bag.length) words = Math.max(words, bag[bag.length - 1]! + 1)
  // How many bags have each word: the rarest words make the shortest lists in the index.
  const frequency = new Int32Array(words)
  for (const bags of [oldBags, newBags]) {
    for (const bag of bags) bag.forEach((word, at) => {
      if (at === 0 || bag[at - 1] !== word) frequency[word]!++
    })
  }
  let repeats = 1
  for (const bags of [oldBags, newBags]) for (const bag of bags) repeats = Math.max(repeats, longestRun(bag))
  const prefix = (bag: WordBag) => rarestFirst(bag, frequency, words, repeats).subarray(0, prefixLength(bag.length, threshold))

  // Each new bag under the words of its prefix (a word's second occurrence is a word of its own), in new order.
  const index = new Map<number, number[]>()
  const emptyNews: number[] = []
  newBags.forEach((bag, ni) => {
    if (!bag.length) emptyNews.push(ni)
    for (const key of prefix(bag)) {
      const list = index.get(key)
      if (list) list.push(ni)
      else index.set(key, [ni])
    }
  })
  // Looking up a word costs a step per bag under it; comparing two bags, a step per word. Where most pairs
  // share several of their rarest words (a small vocabulary), the lookups cost more than they save: from
  // the first old bag at which they pass LOOKUPS_PER_PAIR per pair so far, every pair is visited.
  const seen = new Int32Array(newBags.length).fill(-1)
  let lookups = 0
  let everyPair = false
  for (let oi = 0; oi < oldBags.length; oi++) {
    const bag = oldBags[oi]!
    everyPair ||= lookups > LOOKUPS_PER_PAIR * oi * newBags.length
    if (everyPair) {
      for (let ni = 0; ni < newBags.length; ni++) visit(oi, ni)
      continue
    }
    // Two empty bags are alike (similarity 1); an empty bag shares no word with any other.
    if (!bag.length) {
      for (const ni of emptyNews) visit(oi, ni)
      continue
    }
    const found: number[] = []
    for (const key of prefix(bag)) {
      const list = index.get(key)
      if (!list) continue
      lookups += list.length
      for (const ni of list) {
        if (seen[ni] === oi) continue
        seen[ni] = oi
        found.push(ni)
      }
    }
    found.sort((a, b) => a - b)
    for (const ni of found) visit(oi, ni)
  }
}

/**
 * How many of a bag's words, rarest first, hold at least one of the words it shares with any bag it
 * can reach `threshold` with: its size, less the fewest words such a pair has in common, plus one. The
 * fewest is taken a hair low, so that a pair whose similarity rounds up to the threshold is kept.
 */
export function prefixLength(size: number, threshold: number): number {
  const fewestShared = Math.max(1, Math.ceil((threshold * size) / (2 - threshold) - 1e-9))
  return Math.max(0, size - fewestShared + 1)
}

// A bag's words as index keys, in the order of their keys: rarest word first (then by number), a repeated
// word's occurrences in order; a key names the word and which occurrence of it it is.
function rarestFirst(bag: WordBag, frequency: Int32Array, words: number, repeats: number): Float64Array {
  const keys = new Float64Array(bag.length)
  let occurrence = 0
  for (let at = 0; at < bag.length; at++) {
    const word = bag[at]!
    occurrence = at > 0 && bag[at - 1] === word ? occurrence + 1 : 0
    keys[at] = (frequency[word]! * words + word) * repeats + occurrence
  }
  return keys.sort()
}

// The most times one word is in a (sorted) bag.
function longestRun(bag: WordBag): number {
  let longest = 0
  for (let at = 0, run = 0; at < bag.length; at++) {
    run = at > 0 && bag[at - 1] === bag[at] ? run + 1 : 1
    longest = Math.max(longest, run)
  }
  return longest
}
