import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cop29Declaration } from '../src/content/index.js'
import type { Declaration } from '../src/model/declaration.js'
import type { Document } from '../src/model/document.js'
import type { Inline } from '../src/model/inline.js'
import { safeValidate } from '../src/model/validate.js'
import { parseDeclaration, parseDocument } from '../src/parse/index.js'
import { renderMarkdown } from '../src/render/markdown.js'
import { declaration, letter } from './arbitraries.js'

const withOpening = (value: string): Declaration => ({ ...cop29Declaration, opening: [{ type: 'text', value }] })

describe('renderMarkdown', () => {
  it.each([
    ['asterisks', 'a * b *c* d'],
    ['underscores', 'snake_case and _under_'],
    ['a leading hash', '# not a heading'],
    ['link syntax', 'see [x](https://example.org)'],
    ['HTML', 'a <b>bold</b> claim'],
    ['a leading ordered-list marker', '1. not a list'],
    ['a leading bullet', '- not a list'],
    ['an id comment', 'text <!-- id: x -->'],
    ['backslashes and backticks', 'C:\\path and `code`'],
    ['French spacing', 'Objet\u00A0: « oui\u202F»\u202F; l’UIT'],
  ])('writes text containing %s so that it reads back as the same literal text', (_name, value) => {
    const doc = withOpening(value)
    expect(parseDeclaration(renderMarkdown(doc)).opening).toEqual([{ type: 'text', value }])
  })

  it('pins an id that is not positional with a comment, and reads it back', () => {
    const doc: Declaration = { ...cop29Declaration, preamble: cop29Declaration.preamble.map((c, i) => (i === 2 ? { ...c, id: 'pp-concern' } : c)) }
    const markdown = renderMarkdown(doc)
    expect(markdown).toContain('that need to be addressed; <!-- id: pp-concern -->\n')
    expect(parseDeclaration(markdown).preamble.map((c) => c.id)).toEqual([
      'preamble-1',
      'preamble-2',
      'pp-concern',
      'preamble-4',
      'preamble-5',
      'preamble-6',
      'preamble-7',
      'preamble-8',
    ])
  })

  it('writes a letter with its labels and date line taken from the locale', () => {
    const markdown = renderMarkdown({
      type: 'letter',
      id: 'l',
      language: 'en-GB',
      office: 'Secretary-General',
      place: 'Geneva',
      date: '2025-03-01',
      reference: 'CL-25/1',
      contact: { email: 'green@itu.int' },
      addressees: [],
      subject: 'Invitation',
      salutation: 'Dear Sir or Madam,',
      body: [{ id: 'body-1', text: [{ type: 'text', value: 'Text.' }] }],
      signed: true,
      signatory: { name: 'A. Person', title: 'Secretary-General' },
      annexes: [],
    })
    expect(markdown).toBe(
      [
        '---',
        'type: letter',
        'id: l',
        'language: en-GB',
        '---',
        '',
        'Secretary-General',
        '',
        'Geneva, 1 March 2025',
        '',
        'Reference: **CL-25/1**\\',
        'E-mail: <green@itu.int>',
        '',
        'Subject: **Invitation**',
        '',
        'Dear Sir or Madam,',
        '',
        'Text.',
        '',
        '(signed)',
        '',
        'A. Person\\',
        'Secretary-General',
        '',
      ].join('\n'),
    )
  })
})

describe('the Markdown round trip', () => {
  it('keeps emphasis, strong and links glued to letters and punctuation on either side', () => {
    const small: Declaration = {
      ...cop29Declaration,
      preamble: cop29Declaration.preamble.slice(0, 1),
      objectives: cop29Declaration.objectives.slice(0, 1),
      sections: [],
    }
    delete small.profile
    const glue = fc.constantFrom('', '.', '(', ')', '"', '’', 'x', '*', '_', ',', '-', '«\u00A0', ' ', '2')
    const inner = fc.constantFrom('bar', 'a.b', '.lead', 'end.', '(x)', 'l’UIT', 'é', '*x*', 'a_b')
    const node = fc.tuple(fc.constantFrom('emphasis', 'strong', 'link'), inner).map(([type, value]): Inline =>
      type === 'link'
        ? { type: 'link', url: 'https://example.org/x', children: [{ type: 'text', value }] }
        : { type: type as 'emphasis' | 'strong', children: [{ type: 'text', value }] },
    )
    fc.assert(
      fc.property(glue, node, glue, (before, inline, after) => {
        const opening: Inline[] = [{ type: 'text', value: `word${before}` }, inline, { type: 'text', value: `${after}word` }]
        expect(parseDeclaration(renderMarkdown({ ...small, opening })).opening).toEqual(opening)
      }),
      { numRuns: 500 },
    )
  })

  const roundTrips = (documents: fc.Arbitrary<Document>) =>
    fc.assert(
      fc.property(documents, (doc) => {
        expect(safeValidate(doc)).toEqual({ success: true, data: doc })
        expect(parseDocument(renderMarkdown(doc))).toEqual(doc)
      }),
      { numRuns: 200 },
    )

  it('gives back every generated valid declaration: parse(renderMarkdown(doc)) deep-equals doc', () => roundTrips(declaration))

  it('gives back every generated valid letter', () => roundTrips(letter))
})
