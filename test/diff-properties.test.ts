import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cop29Declaration } from '../src/content/index.js'
import { diffDocuments } from '../src/diff/diff-documents.js'
import type { WordOp } from '../src/diff/model.js'
import { isTypographyOnly, tokenize } from '../src/diff/tokenize.js'
import { diffText, phraseOps } from '../src/diff/word-diff.js'
import type { Declaration, List } from '../src/model/declaration.js'
import { text } from '../src/model/inline.js'

// French text pieces with the characters a plain word diff gets wrong: the three kinds of space,
// both apostrophes, and accents composed (NFC) and decomposed (NFD).
const pieces = [
  'élève', 'e\u0301le\u0300ve', 'à', 'a\u0300', 'déclaration', 'de\u0301claration', 'l', 'UIT', 'COP29', 'numérique', 'Genève',
  ' ', '  ', '\u00A0', '\u202F', "'", '’', ';', ':', '!', '?', '«', '»', ',', '.', '-', '\n',
]
const frenchText = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''))
const anyText = fc.oneof(frenchText, fc.string({ unit: 'grapheme', maxLength: 40 }))

const rebuild = (ops: readonly WordOp[], skip: WordOp['op']) => ops.filter((op) => op.op !== skip).map((op) => op.text).join('')

describe('tokenize', () => {
  it('gives the text back when its tokens are joined', () => {
    fc.assert(fc.property(anyText, (value) => tokenize(value).join('') === value))
  })

  it('keeps each kind of space and each apostrophe a token of its own', () => {
    expect(tokenize("l'UIT,\u00A0 \u202F’;")).toEqual(['l', "'", 'UIT', ',', '\u00A0', ' ', '\u202F', '’', ';'])
  })

  it('keeps a decomposed accent inside its word', () => {
    expect(tokenize('e\u0301le\u0300ve à')).toEqual(['e\u0301le\u0300ve', ' ', 'à'])
  })
})

describe('diffText', () => {
  it('rebuilds the old text from equal+delete and the new text from equal+insert, character for character', () => {
    fc.assert(
      fc.property(anyText, anyText, (before, after) => {
        const { ops } = diffText(before, after)
        return rebuild(ops, 'insert') === before && rebuild(ops, 'delete') === after
      }),
      { numRuns: 500 },
    )
  })

  it('reports a decomposed accent replaced by a composed one as a change, flagged typography only', () => {
    const { ops } = diffText('La de\u0301claration', 'La déclaration')
    expect(ops).toEqual([
      { op: 'equal', text: 'La ' },
      { op: 'delete', text: 'de\u0301claration' },
      { op: 'insert', text: 'déclaration' },
    ])
    expect(isTypographyOnly('La de\u0301claration', 'La déclaration')).toBe(true)
  })

  it('flags spaces and apostrophes as typography, and a changed word as not', () => {
    expect(isTypographyOnly("l'UIT ; oui", 'l’UIT\u202F; oui')).toBe(true)
    expect(isTypographyOnly("l'UIT ; oui", 'l’UIT\u202F; non')).toBe(false)
    expect(isTypographyOnly('même', 'même')).toBe(false)
  })

  it('falls back to the whole clause deleted and inserted when the edit bound is hit, and never hangs', () => {
    const random = fc.sample(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 10_000, maxLength: 10_000 }), { numRuns: 2, seed: 42 })
    const [before, after] = random.map((words) => words.join(' '))
    const result = diffText(before!, after!)
    expect(tokenize(before!)).toHaveLength(19_999)
    expect(result.fallback).toBe(true)
    expect(result.ops).toEqual([
      { op: 'delete', text: before },
      { op: 'insert', text: after },
    ])
  })

  it('stays exact on a long clause with a few changes, under the same bound', () => {
    const before = Array.from({ length: 5000 }, (_, index) => `mot${index}`).join(' ')
    const after = before.replace('mot10 ', 'mot10 nouveau ').replace(' mot4000', '')
    const result = diffText(before, after)
    expect(result.fallback).toBe(false)
    expect(result.ops.filter((op) => op.op !== 'equal')).toEqual([
      { op: 'insert', text: 'nouveau ' },
      { op: 'delete', text: 'mot4000 ' },
    ])
  })
})

// Declarations built from arbitrary French clauses: the bundled one with other recitals and numbered paragraphs.
const [objectives, ...sections] = cop29Declaration.body as [List, ...Declaration['body']]
const clause = frenchText.filter((value) => value.trim().length > 0)
const declaration = fc
  .record({
    preamble: fc.array(fc.tuple(fc.constantFrom('Reconnaissant', 'Notant', 'Soulignant'), clause), { maxLength: 6 }),
    objectives: fc.array(fc.tuple(clause, clause), { maxLength: 6 }),
  })
  .map(({ preamble, objectives: paragraphs }): Declaration => ({
    ...cop29Declaration,
    language: 'fr',
    preamble: { ...cop29Declaration.preamble, paragraphs: preamble.map(([lead, value], index) => ({ type: 'paragraph', id: `preamble-${index + 1}`, lead, text: text(value) })) },
    body: [
      {
        ...objectives,
        items: paragraphs.map(([title, value], index) => ({ type: 'paragraph', id: `para-${index + 1}`, num: `${index + 1}.`, title: title.trim() || 'Titre', text: text(value) })),
      },
      ...sections,
    ],
  }))

describe('diffDocuments properties', () => {
  it('finds only unchanged clauses between a document and itself', () => {
    fc.assert(
      fc.property(declaration, (doc) => {
        const diff = diffDocuments(doc, structuredClone(doc))
        return diff.changes.every((change) => change.kind === 'unchanged') && diff.summary.unchanged === diff.changes.length
      }),
    )
  })

  it('rebuilds both texts of every modified clause from its operations, and counts every clause once', () => {
    fc.assert(
      fc.property(declaration, declaration, (before, after) => {
        const diff = diffDocuments(before, after)
        const total = Object.values(diff.summary).reduce((sum, count) => sum + count, 0)
        const modified = diff.changes.filter((change) => change.kind === 'modified')
        return total === diff.changes.length && modified.every((change) => rebuild(change.ops!, 'insert') === change.oldText && rebuild(change.ops!, 'delete') === change.newText)
      }),
      { numRuns: 200 },
    )
  })

  it('accounts for every clause of both drafts exactly once', () => {
    fc.assert(
      fc.property(declaration, declaration, (before, after) => {
        const diff = diffDocuments(before, after)
        const oldIds = diff.changes.flatMap((change) => (change.oldId === null ? [] : [change.oldId]))
        const newIds = diff.changes.flatMap((change) => (change.newId === null ? [] : [change.newId]))
        const count = (doc: Declaration) => doc.preamble!.paragraphs.length + (doc.body[0] as List).items.length + 9
        return oldIds.length === count(before) && new Set(oldIds).size === oldIds.length && newIds.length === count(after) && new Set(newIds).size === newIds.length
      }),
      { numRuns: 200 },
    )
  })
})

describe('phraseOps', () => {
  it('still rebuilds the old and the new text, and never puts two changes side by side', () => {
    fc.assert(
      fc.property(anyText, anyText, (before, after) => {
        const ops = phraseOps(diffText(before, after).ops)
        const alternating = ops.some((op, index) => index > 0 && op.op === 'delete' && ops[index - 1]!.op !== 'equal')
        return rebuild(ops, 'insert') === before && rebuild(ops, 'delete') === after && !alternating
      }),
      { numRuns: 500 },
    )
  })

  it('makes one deletion and one insertion of a reworded stretch, across the short words it keeps', () => {
    const before = 'Emphasise the importance of designing digital infrastructure resilient to climate change'
    const after = 'Stress the need to design digital infrastructure that is resilient to climate change'
    expect(phraseOps(diffText(before, after).ops)).toEqual([
      { op: 'delete', text: 'Emphasise the importance of designing' },
      { op: 'insert', text: 'Stress the need to design' },
      { op: 'equal', text: ' digital infrastructure ' },
      { op: 'insert', text: 'that is ' },
      { op: 'equal', text: 'resilient to climate change' },
    ])
  })

  it('keeps a longer kept run, or two short words, between two changes', () => {
    expect(phraseOps(diffText('one of the two', 'six of the ten').ops)).toEqual([
      { op: 'delete', text: 'one' },
      { op: 'insert', text: 'six' },
      { op: 'equal', text: ' of the ' },
      { op: 'delete', text: 'two' },
      { op: 'insert', text: 'ten' },
    ])
    expect(phraseOps(diffText('red, green; blue', 'amber, green; cyan').ops)).toEqual([
      { op: 'delete', text: 'red' },
      { op: 'insert', text: 'amber' },
      { op: 'equal', text: ', green; ' },
      { op: 'delete', text: 'blue' },
      { op: 'insert', text: 'cyan' },
    ])
  })

  it('folds a change of space kind between two reworded words into the stretch', () => {
    expect(phraseOps(diffText('le mot ; fin', 'la phrase\u202F; fin').ops)).toEqual([
      { op: 'delete', text: 'le mot ' },
      { op: 'insert', text: 'la phrase\u202F' },
      { op: 'equal', text: '; fin' },
    ])
  })
})
