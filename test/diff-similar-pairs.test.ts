import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { prefixLength, reachablePairs } from '../src/diff/similar-pairs.js'
import { similarity, similarityReaching, type WordBag } from '../src/diff/similarity.js'
import { random } from './bench/generate.mjs'

const sorted = (words: number[]): WordBag => Int32Array.from(words).sort()
// Bags of words drawn from `vocabulary` words, the first few much more often (as "the" and "of" are).
const bags = (vocabulary: number, count: number, seed: number): WordBag[] => {
  const next = random(seed)
  return Array.from({ length: count }, () => {
    const size = Math.floor(next() * 30)
    return sorted(Array.from({ length: size }, () => Math.floor(vocabulary * next() ** 3)))
  })
}
// What the loop over all pairs kept: every pair, in order, whose similarity reaches the threshold.
const allPairs = (olds: WordBag[], news: WordBag[], threshold: number) => {
  const pairs: string[] = []
  olds.forEach((a, oi) => news.forEach((b, ni) => {
    if (similarity(a, b) >= threshold) pairs.push(`${oi}-${ni}`)
  }))
  return pairs
}
const visited = (olds: WordBag[], news: WordBag[], threshold: number) => {
  const pairs: string[] = []
  reachablePairs(olds, news, threshold, (oi, ni) => pairs.push(`${oi}-${ni}`))
  return pairs
}
const thresholds = [0.5, 0.2, 0.35, 0.7, 0.9, 1, 1e-9, 0, -1, 1.5, Number.NaN]

describe('reachablePairs', () => {
  it('visits, in the order of a loop over all pairs, every pair whose similarity reaches the threshold', () => {
    let pruned = 0
    let all = 0
    for (const [vocabulary, seed] of [[8, 1], [40, 2], [400, 3], [5000, 4]] as const) {
      const olds = bags(vocabulary, 60, seed)
      const news = [...bags(vocabulary, 50, seed + 10), sorted([]), ...olds.slice(0, 5)]
      for (const threshold of thresholds) {
        const pairs = visited(olds, news, threshold)
        const order = pairs.map((pair) => pair.split('-').map(Number) as [number, number])
        expect(order.every(([o, n], at) => at === 0 || o > order[at - 1]![0] || (o === order[at - 1]![0] && n > order[at - 1]![1]))).toBe(true)
        const kept = pairs.filter((pair) => {
          const [o, n] = pair.split('-').map(Number) as [number, number]
          return similarity(olds[o]!, news[n]!) >= threshold
        })
        expect(kept).toEqual(allPairs(olds, news, threshold))
        pruned += olds.length * news.length - pairs.length
        all += olds.length * news.length
      }
    }
    // With a large vocabulary most pairs share none of their rarest words and are never compared.
    expect(pruned / all).toBeGreaterThan(0.3)
  })

  it('finds the same pairs as the loop over all pairs for random bags and thresholds', () => {
    const bag = fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 25 }).map(sorted)
    fc.assert(
      fc.property(fc.array(bag, { maxLength: 12 }), fc.array(bag, { maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), (olds, news, threshold) => {
        const kept = visited(olds, news, threshold).filter((pair) => {
          const [o, n] = pair.split('-').map(Number) as [number, number]
          return similarity(olds[o]!, news[n]!) >= threshold
        })
        expect(kept).toEqual(allPairs(olds, news, threshold))
      }),
      { numRuns: 2000, seed: 15 },
    )
  })

  it('indexes all but the fewest words a reachable pair has in common, less one', () => {
    expect(prefixLength(30, 0.5)).toBe(21)
    expect(prefixLength(3, 0.5)).toBe(3)
    expect(prefixLength(10, 1)).toBe(1)
    expect(prefixLength(0, 0.5)).toBe(0)
  })
})

describe('similarityReaching', () => {
  it('gives the similarity when it reaches the threshold, else nothing', () => {
    const bag = fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 30 }).map(sorted)
    const threshold = fc.oneof(fc.constantFrom(...thresholds), fc.double({ min: -0.5, max: 1.5, noNaN: true }))
    fc.assert(
      fc.property(bag, bag, threshold, (a, b, t) => {
        const score = similarity(a, b)
        expect(similarityReaching(a, b, t)).toBe(score >= t ? score : undefined)
      }),
      { numRuns: 5000, seed: 15 },
    )
    // Thresholds a hair from a score: 2/3 as the float 0.666…67 and just above it.
    expect(similarityReaching(sorted([1, 2]), sorted([1, 3, 4, 5]), 2 / 3)).toBeUndefined()
    expect(similarityReaching(sorted([1, 2]), sorted([1, 2, 4, 5]), 2 / 3)).toBe(2 / 3)
    expect(similarityReaching(sorted([1, 2]), sorted([1, 2, 4, 5]), 2 / 3 + 1e-16)).toBe(2 / 3 >= 2 / 3 + 1e-16 ? 2 / 3 : undefined)
  })
})
