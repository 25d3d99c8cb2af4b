import { describe, expect, it } from 'vitest'
import { unitChanges } from '../src/diff/diff-documents.js'
import { matchUnits } from '../src/diff/match.js'
import { similarity, similarityBound, wordBag, type WordNumbers } from '../src/diff/similarity.js'
import type { Unit } from '../src/render/units.js'

// What matching reads of a unit: its id, group, whether it pairs by id alone, and its text.
const unit = (id: string, text: string, group = 'preamble'): Unit => ({ id, group, single: false, text, label: id }) as Unit

describe('similarity', () => {
  const numbers: WordNumbers = new Map()
  const bag = (text: string) => wordBag(text, numbers)

  it('counts a repeated word as often as the text with fewer of it has it (Dice of multisets)', () => {
    // Shared: "a" once (1 vs 2), "b" once (2 vs 1): 2 * 2 / 6.
    expect(similarity(bag('a a b'), bag('a b b'))).toBe(4 / 6)
    expect(similarity(bag('a a b'), bag('b a a'))).toBe(1)
  })

  it('folds case, typography and punctuation before comparing words', () => {
    expect(similarity(bag('Climate, action!'), bag('climate action'))).toBe(1)
    expect(similarity(bag('l’action'), bag("l'action"))).toBe(1)
  })

  it('is 0 for no word in common and 1 for two empty texts', () => {
    expect(similarity(bag('red green'), bag('blue'))).toBe(0)
    expect(similarity(bag(''), bag('...'))).toBe(1)
  })

  it('bounds the similarity of two bags by their sizes alone', () => {
    expect(similarityBound(bag('a'), bag('a a a'))).toBe(0.5)
    expect(similarityBound(bag('a b'), bag('c d'))).toBe(1)
    expect(similarityBound(bag('a'), bag('a b c d'))).toBe(0.4)
  })
})

describe('matchUnits', () => {
  it('pairs identical texts first, preferring the same id among duplicates', () => {
    const olds = [unit('preamble-1', 'Same text.'), unit('preamble-2', 'Same text.')]
    const news = [unit('preamble-2', 'Same text.'), unit('preamble-3', 'Same  text.')]
    expect(matchUnits(olds, news, 0.5)).toEqual([
      [0, 1],
      [1, 0],
    ])
  })

  it('pairs reworded clauses with their most similar counterpart, not their neighbour by position', () => {
    const olds = [
      unit('preamble-1', 'Recognising the role of digital technologies in climate action'),
      unit('preamble-2', 'Noting with concern the growth of electronic waste worldwide'),
      unit('preamble-3', 'Welcoming partnerships between governments and the private sector'),
    ]
    const news = [
      unit('preamble-1', 'Welcoming new partnerships between governments and the private sector'),
      unit('preamble-2', 'Recognising the central role of digital technologies in climate action'),
      unit('preamble-3', 'Noting with deep concern the growth of electronic waste'),
    ]
    expect(matchUnits(olds, news, 0.5)).toEqual([
      [0, 1],
      [1, 2],
      [2, 0],
    ])
  })

  it('keeps a clause whose words are under the threshold unpaired, and pairs one exactly at it', () => {
    // "climate" against "climate action policies now": 2 * 1 / 5 = 0.4, under 0.5.
    expect(matchUnits([unit('preamble-1', 'climate')], [unit('preamble-1', 'climate action policies now')], 0.5)).toEqual([])
    // "climate" against "climate climate climate": 2 * 1 / 4 = 0.5, the threshold itself.
    expect(matchUnits([unit('preamble-1', 'climate')], [unit('preamble-1', 'climate climate climate')], 0.5)).toEqual([[0, 0]])
  })

  it('pairs within a group only', () => {
    const olds = [unit('preamble-1', 'Recognising digital technologies'), unit('para-1', 'Welcoming ocean partnerships', 'paragraph')]
    const news = [unit('para-1', 'Recognising digital technologies', 'paragraph'), unit('preamble-1', 'Welcoming ocean partnerships')]
    expect(matchUnits(olds, news, 0.5)).toEqual([])
  })
})

describe('unitChanges', () => {
  it('lists changes in the new order, each removed clause right after the kept clause before it, in old order', () => {
    const olds = [
      unit('preamble-1', 'Alpha beta gamma'),
      unit('preamble-2', 'Delta epsilon zeta'),
      unit('preamble-3', 'Eta theta iota'),
      unit('preamble-4', 'Kappa lambda mu'),
      unit('preamble-5', 'Nu xi omicron'),
    ]
    const news = [unit('preamble-1', 'Pi rho sigma'), unit('preamble-2', 'Delta epsilon zeta'), unit('preamble-3', 'Nu xi omicron')]
    expect(unitChanges(olds, news).map(({ change }) => `${change.kind} ${change.oldId ?? '-'} ${change.newId ?? '-'}`)).toEqual([
      'removed preamble-1 -',
      'added - preamble-1',
      'unchanged preamble-2 preamble-2',
      'removed preamble-3 -',
      'removed preamble-4 -',
      'unchanged preamble-5 preamble-3',
    ])
  })

  it('reports a clause moved against the others as moved, and with splitMoves as removed where it stood and added where it is', () => {
    const olds = [unit('p-1', 'Alpha beta gamma'), unit('p-2', 'Delta epsilon zeta'), unit('p-3', 'Eta theta iota')]
    const news = [unit('p-1', 'Eta theta iota'), unit('p-2', 'Alpha beta gamma'), unit('p-3', 'Delta epsilon zeta')]
    const kinds = (split: boolean) => unitChanges(olds, news, { splitMoves: split }).map(({ change }) => `${change.kind} ${change.oldId ?? '-'} ${change.newId ?? '-'}`)
    expect(kinds(false)).toEqual(['moved p-3 p-1', 'unchanged p-1 p-2', 'unchanged p-2 p-3'])
    expect(kinds(true)).toEqual(['added - p-1', 'unchanged p-1 p-2', 'unchanged p-2 p-3', 'removed p-3 -'])
  })
})
