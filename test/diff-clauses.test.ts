import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cop29Declaration } from '../src/content/index.js'
import { comparedClauses, sameText, type Clause } from '../src/diff/clauses.js'
import { diffDocuments, diffUnits } from '../src/diff/diff-documents.js'
import { textKey } from '../src/diff/text-key.js'
import type { Declaration, Paragraph } from '../src/model/declaration.js'
import type { Document } from '../src/model/document.js'
import type { Phrasing } from '../src/model/inline.js'
import { parseDocument } from '../src/parse/index.js'
import { comparedUnits } from '../src/render/units.js'
import { startsWithPunctuation } from '../src/model/walk.js'
import { edited, large } from './fixtures/diff/large.js'

const realDir = new URL('./fixtures/real/', import.meta.url)
const real = readdirSync(realDir)
  .filter((name) => name.endsWith('.md') && name !== 'SOURCES.md')
  .map((name) => parseDocument(readFileSync(new URL(name, realDir), 'utf8')))
const documents: Document[] = [cop29Declaration, large(), ...real]

// The diff's reference path: the units' ids, groups, labels and joined texts, keyed and compared as joined strings.
const joined = (doc: Document) => comparedUnits(doc).map(({ id, group, single, label, text }) => ({ id, group, single, label, text }))
const slowDiff = (before: Document, after: Document) => diffUnits(joined(before), joined(after), after.language)

// Pieces a translator or an editor leaves in a clause: the three kinds of space, both apostrophes,
// punctuation a French space goes before, a decomposed accent.
const pieces = ['Recalling', 'climate', 'action', ' ', '  ', '\u00A0', '\u202F', "'", '’', ';', ':', '!', '?', ',', '.', 'e\u0301', 'é']
const piece = fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((parts) => parts.join(''))
const phrasing: fc.Arbitrary<Phrasing> = fc.array(
  fc.oneof(
    piece.map((value) => ({ type: 'text' as const, value })),
    piece.map((value) => ({ type: 'emphasis' as const, children: [{ type: 'text' as const, value }] })),
  ),
  { maxLength: 3 },
)
const paragraph: fc.Arbitrary<Paragraph> = fc.record({
  title: fc.option(piece.filter(Boolean), { nil: undefined }),
  lead: fc.option(piece.filter(Boolean), { nil: undefined }),
  text: phrasing,
}).map(({ title, lead, text }) => ({ type: 'paragraph', id: 'p', text, ...(title ? { title } : {}), ...(lead ? { lead } : {}) }))
const withPreamble = (paragraphs: Paragraph[]): Declaration => ({
  ...cop29Declaration,
  preamble: { ...cop29Declaration.preamble, paragraphs: paragraphs.map((p, index) => ({ ...p, id: `preamble-${index + 1}` })) },
})
const clausesOf = (paragraphs: Paragraph[]) => comparedClauses(withPreamble(paragraphs)).filter((clause) => clause.group === 'preamble')

describe('comparedClauses', () => {
  it('gives the ids, groups, labels and texts of the compared units', () => {
    for (const doc of documents) {
      const pick = ({ id, group, single, label, text }: Clause) => ({ id, group, single, label, text })
      expect(comparedClauses(doc).map(pick)).toEqual(comparedUnits(doc).map(pick))
    }
  })

  it('keys a text from its pieces as from the joined text', () => {
    for (const doc of documents) {
      for (const clause of comparedClauses(doc)) expect({ key: clause.key, plain: clause.plain }).toEqual(textKey(clause.text))
    }
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), (paragraphs) =>
        clausesOf(paragraphs).every((clause) => clause.key === textKey(clause.text).key && clause.plain === textKey(clause.text).plain),
      ),
      { numRuns: 300 },
    )
  })

  it('calls a plain text plain only when folding gives it back', () => {
    expect(textKey('Recalling climate action;').plain).toBe(true)
    expect(textKey('Recalling  climate').plain).toBe(false)
    expect(textKey('l’action').plain).toBe(false)
    expect(textKey('Oui ; non').plain).toBe(false)
    expect(textKey(' leading').plain).toBe(false)
    expect(textKey('l’action').key).toBe(textKey("l'action").key)
  })
})

describe('sameText', () => {
  it('says whether two texts are equal, whatever pieces they are joined from', () => {
    fc.assert(
      fc.property(paragraph, paragraph, (a, b) => {
        const [x, y] = clausesOf([a, b]) as [Clause, Clause]
        return sameText(x, y) === (x.text === y.text) && sameText(x, x) && sameText(y, y)
      }),
      { numRuns: 500 },
    )
  })

  it('finds a lead moved into the text the same text', () => {
    const [x, y] = clausesOf([
      { type: 'paragraph', id: 'p', lead: 'Recalling', text: [{ type: 'text', value: 'the Paris Agreement' }] },
      { type: 'paragraph', id: 'p', text: [{ type: 'text', value: 'Recalling the Paris Agreement' }] },
    ]) as [Clause, Clause]
    expect(sameText(x, y)).toBe(true)
  })
})

describe('diffDocuments on light clauses', () => {
  it('gives what the full units give, for the bundled, real and generated drafts', () => {
    const before = large()
    const pairs: [Document, Document][] = [[before, edited(before)], [edited(before), before], [before, before]]
    const small = [cop29Declaration, ...real]
    for (const a of small) for (const b of small) pairs.push([a, b])
    for (const [a, b] of pairs) expect(diffDocuments(a, b)).toEqual(slowDiff(a, b))
  })

  it('gives what the full units give for drafts with typography, moves and duplicates', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 8 }), fc.array(paragraph, { maxLength: 8 }), (olds, news) => {
        const [a, b] = [withPreamble(olds), withPreamble([...news, ...olds.slice(0, 2)])]
        expect(diffDocuments(a, b)).toEqual(slowDiff(a, b))
      }),
      { numRuns: 300 },
    )
  })
})

describe('startsWithPunctuation', () => {
  it('answers as the regular expression it replaced, for every first character', () => {
    const joining = /^[,;:.)\]’”»]/u
    const firsts = [...Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)), '😀', '\u{1F600}', '']
    const differ = firsts.filter((first) => startsWithPunctuation([{ type: 'text', value: `${first}x` }]) !== joining.test(`${first}x`))
    expect(differ).toEqual([])
    expect(startsWithPunctuation([{ type: 'text', value: '' }])).toBe(false)
    expect(startsWithPunctuation([{ type: 'emphasis', children: [{ type: 'text', value: ',' }] }])).toBe(false)
    expect(startsWithPunctuation([])).toBe(false)
  })
})
