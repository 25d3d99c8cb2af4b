import { similarityWords } from './tokenize.js'

/** A multiset of words, counted. */
export type WordBag = Map<string, number>

/** The words of a text counted, for `similarity`. */
export function wordBag(text: string): WordBag {
  const bag: WordBag = new Map()
  for (const word of similarityWords(text)) bag.set(word, (bag.get(word) ?? 0) + 1)
  return bag
}

function size(bag: WordBag): number {
  let total = 0
  for (const count of bag.values()) total += count
  return total
}

/** Dice coefficient of two word bags: 1 for the same words, 0 for none in common (two empty texts: 1). */
export function similarity(a: WordBag, b: WordBag): number {
  const total = size(a) + size(b)
  if (total === 0) return 1
  let shared = 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  for (const [word, count] of small) shared += Math.min(count, large.get(word) ?? 0)
  return (2 * shared) / total
}
