import { similarityWords } from './tokenize.js'

/** A multiset of words: their numbers (from one shared `WordNumbers`) in ascending order, repeats kept. */
export type WordBag = Int32Array

/** Numbers given to words, so that bags compare numbers instead of strings. */
export type WordNumbers = Map<string, number>

/** The words of a text as a bag, for `similarity`; words new to `numbers` are numbered there. */
export function wordBag(text: string, numbers: WordNumbers): WordBag {
  const words = similarityWords(text)
  const bag = new Int32Array(words.length)
  words.forEach((word, index) => {
    let number = numbers.get(word)
    if (number === undefined) numbers.set(word, (number = numbers.size))
    bag[index] = number
  })
  return bag.sort()
}

/** Dice coefficient of two word bags: 1 for the same words, 0 for none in common (two empty texts: 1). */
export function similarity(a: WordBag, b: WordBag): number {
  const total = a.length + b.length
  return total === 0 ? 1 : (2 * sharedWords(a, b, 0)) / total
}

/**
 * The words two bags have in common, each as often as in the bag that has it fewer times: one merge of the
 * sorted numbers, given up (-1) as soon as the words left cannot bring the count to `need`.
 */
function sharedWords(a: WordBag, b: WordBag, need: number): number {
  let shared = 0
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (shared + Math.min(a.length - i, b.length - j) < need) return -1
    if (a[i] === b[j]) {
      shared++
      i++
      j++
    } else if (a[i]! < b[j]!) i++
    else j++
  }
  return shared < need ? -1 : shared
}

/** The highest similarity two bags of these sizes can have (all the smaller one's words in the larger). */
export function similarityBound(a: WordBag, b: WordBag): number {
  const total = a.length + b.length
  return total === 0 ? 1 : (2 * Math.min(a.length, b.length)) / total
}

/**
 * The similarity of two bags when it reaches `threshold` (`similarity(a, b) >= threshold`), else
 * `undefined`: the merge stops as soon as the words left cannot bring enough words in common.
 */
export function similarityReaching(a: WordBag, b: WordBag, threshold: number): number | undefined {
  const total = a.length + b.length
  if (total === 0) return 1 >= threshold ? 1 : undefined
  // Bags whose sizes alone keep them under the threshold are not compared word by word.
  if (similarityBound(a, b) < threshold) return undefined
  // The fewest words in common whose similarity, worked out as `similarity` does, reaches the threshold.
  let need = Math.max(0, Math.ceil((threshold * total) / 2) - 2)
  while (need <= total && (2 * need) / total < threshold) need++
  const shared = sharedWords(a, b, need)
  if (shared < 0) return undefined
  const score = (2 * shared) / total
  return score >= threshold ? score : undefined
}
