import { diffArrays } from 'diff'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diffTokens } from '../src/diff/token-diff.js'
import { tokenize } from '../src/diff/tokenize.js'
import { generateDeclaration } from './bench/generate.mjs'
import { phrasingText } from '../src/model/inline.js'

// jsdiff's runs without their values: what the word diff reads of them.
const jsdiffRuns = (a: string[], b: string[], maxEditLength: number) =>
  diffArrays(a, b, { maxEditLength })?.map(({ count, added, removed }) => ({ count, added, removed }))

// Few distinct tokens, so that lists share many of them and the search meets ties at every step.
const tokens = fc.array(fc.constantFrom('a', 'b', 'c', ' ', 'd'), { maxLength: 40 })

describe('diffTokens', () => {
  it('gives the runs of jsdiff for random token lists and edit bounds', () => {
    fc.assert(
      fc.property(tokens, tokens, fc.integer({ min: 0, max: 60 }), (a, b, bound) => {
        expect(diffTokens(a, b, bound)).toEqual(jsdiffRuns(a, b, bound))
      }),
      { numRuns: 3000, seed: 15 },
    )
  })

  it('gives the runs of jsdiff for pairs of generated clauses, related and not', () => {
    const doc = generateDeclaration(200)
    const texts = doc.preamble!.paragraphs.map((clause) => tokenize(phrasingText(clause.text)))
    let fallbacks = 0
    for (let at = 0; at + 1 < texts.length; at++) {
      const [a, b] = [texts[at]!, texts[at + 1]!]
      const edited = [...a.slice(0, 20), 'new', ...a.slice(25)]
      for (const bound of [40, 500]) {
        expect(diffTokens(a, b, bound)).toEqual(jsdiffRuns(a, b, bound))
        expect(diffTokens(a, edited, bound)).toEqual(jsdiffRuns(a, edited, bound))
        if (!diffTokens(a, b, bound)) fallbacks++
      }
    }
    // Both outcomes are compared: runs found, and the bound hit.
    expect(fallbacks).toBe(99)
  })

  it('reads a bound that is fractional, negative, infinite or not a number as jsdiff does', () => {
    const [a, b] = [['a', 'b', 'c', 'd'], ['b', 'x', 'd', 'y']]
    for (const bound of [2.5, 4.5, 5.5, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(diffTokens(a, b, bound)).toEqual(jsdiffRuns(a, b, bound))
      expect(diffTokens(a, a, bound)).toEqual(jsdiffRuns(a, a, bound))
    }
    expect(diffTokens(a, b, 5.5)).toEqual([
      { count: 1, added: false, removed: true },
      { count: 1, added: false, removed: false },
      { count: 1, added: false, removed: true },
      { count: 1, added: true, removed: false },
      { count: 1, added: false, removed: false },
      { count: 1, added: true, removed: false },
    ])
  })

  it('gives no runs for two empty lists and stops at once with a bound of 0', () => {
    expect(diffTokens([], [], 500)).toEqual([])
    expect(diffTokens(['a'], ['b'], 0)).toBeUndefined()
    expect(diffTokens(['a'], ['a'], 0)).toEqual([{ count: 1, added: false, removed: false }])
  })
})
