import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cop29Declaration } from '../src/content/index.js'
import type { Declaration } from '../src/model/declaration.js'
import type { Document } from '../src/model/document.js'
import type { Inline } from '../src/model/inline.js'
import { safeValidate } from '../src/model/guard.js'
import { parseDeclaration, parseDocument } from '../src/parse/index.js'
import { renderMarkdown } from '../src/render/markdown.js'
import { declaration, letter } from './arbitraries.js'

/** The COP29 declaration with a line printed above its title (a preface line is read with no number, title or lead). */
const withPreface = (text: Inline[]): Declaration => ({ ...cop29Declaration, preface: [{ type: 'paragraph', id: 'preface-1', text }] })

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
    ['a footnote mark that is not a reference', 'see [^1] and [^x]'],
  ])('writes text containing %s so that it reads back as the same literal text', (_name, value) => {
    const doc = withPreface([{ type: 'text', value }])
    expect(parseDeclaration(renderMarkdown(doc)).preface[0]?.text).toEqual([{ type: 'text', value }])
  })

  it('pins an id that is not positional with a comment, and reads it back', () => {
    const preamble = cop29Declaration.preamble!
    const doc: Declaration = { ...cop29Declaration, preamble: { ...preamble, paragraphs: preamble.paragraphs.map((c, i) => (i === 2 ? { ...c, id: 'pp-concern' } : c)) } }
    const markdown = renderMarkdown(doc)
    expect(markdown).toContain('that need to be addressed; <!-- id: pp-concern -->\n')
    expect(parseDeclaration(markdown).preamble?.paragraphs.map((c) => c.id)).toEqual([
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

const t = (value: string): Inline[] => [{ type: 'text', value }]
const em = (value: string): Inline => ({ type: 'emphasis', children: t(value) })

/** A small document that uses every construct of the generic model once. */
const everything: Declaration = {
  type: 'declaration',
  id: 'everything',
  language: 'en',
  symbol: 'A/RES/1/1',
  preface: [{ type: 'paragraph', id: 'preface-1', text: t('Resolution adopted by the General Assembly on 1 November 2018') }],
  title: '1/1. A resolution',
  subtitle: [{ type: 'strong', children: t('A subtitle') }],
  preamble: {
    heading: 'Preamble',
    formula: { type: 'paragraph', id: 'formula', text: [em('The General Assembly'), ...t(',')] },
    paragraphs: [{ type: 'paragraph', id: 'preamble-1', lead: 'Recalling', text: [...t('its resolution 72/4'), { type: 'footnoteReference', label: '1' }, ...t(',')] }],
  },
  body: [
    {
      type: 'list',
      ordered: true,
      intro: { type: 'paragraph', id: 'intro-1', text: t('Decides the following:') },
      items: [
        {
          type: 'paragraph',
          id: 'para-1',
          num: '1.',
          lead: 'Decides',
          text: t('to act on:'),
          children: [{ type: 'list', ordered: false, items: [{ type: 'paragraph', id: 'para-1-1', num: '(a)', text: [...t('the 9'), { type: 'superscript', children: t('e') }, ...t(' session;')] }] }],
        },
        { type: 'paragraph', id: 'anchor', num: '2.', lead: 'Requests', text: t('a report.') },
      ],
    },
    { type: 'separator' },
    { type: 'section', id: 'section-1', level: 2, heading: 'Annexed plan', body: [{ type: 'paragraph', id: 'section-1-1', num: 'I.', title: 'Scope:', text: t('all States.') }] },
  ],
  closing: [{ type: 'paragraph', id: 'closing-1', text: [em('30th plenary meeting'), { type: 'break' }, em('1 November 2018')] }],
  annexes: [{ id: 'annex-1', heading: 'Annex', body: [{ type: 'paragraph', id: 'annex-1-1', text: t('The plan.') }] }],
  footnotes: [{ id: 'fn-1', label: '1', text: t('A/73/85.') }],
}

describe('the Markdown of the generic model', () => {
  it('writes every construct as an author types it, and reads it back', () => {
    const markdown = renderMarkdown(everything)
    expect(markdown).toBe(
      [
        '---',
        'type: declaration',
        'id: everything',
        'language: en',
        'symbol: A/RES/1/1',
        '---',
        '',
        'Resolution adopted by the General Assembly on 1 November 2018',
        '',
        '# 1/1. A resolution',
        '',
        '**A subtitle**',
        '',
        '## Preamble',
        '',
        '*The General Assembly*,',
        '',
        '*Recalling* its resolution 72/4[^1],',
        '',
        'Decides the following:',
        '',
        '1. *Decides* to act on:',
        '   - (a) the 9<sup>e</sup> session;',
        '2. *Requests* a report. <!-- id: anchor -->',
        '',
        '---',
        '',
        '## Annexed plan',
        '',
        'I. **Scope:** all States.',
        '',
        '*30th plenary meeting*\\',
        '*1 November 2018*',
        '',
        '## Annex',
        '',
        'The plan.',
        '',
        '[^1]: A/73/85.',
        '',
      ].join('\n'),
    )
    expect(parseDeclaration(markdown)).toEqual(everything)
  })

  it('reads a pinned id after the formula and after a lead-in as a comment, not as their last character', () => {
    const pinned: Declaration = {
      ...everything,
      preamble: { ...everything.preamble!, formula: { ...everything.preamble!.formula!, id: 'opening' } },
      body: everything.body.map((block) => (block.type === 'list' ? { ...block, intro: { ...block.intro!, id: 'chapeau' } } : block)),
    }
    const markdown = renderMarkdown(pinned)
    expect(markdown).toContain('*The General Assembly*, <!-- id: opening -->\n')
    expect(markdown).toContain('Decides the following: <!-- id: chapeau -->\n')
    expect(parseDeclaration(markdown)).toEqual(pinned)
  })

  it('reads a paragraph whose text begins with a number marker as numbered: `1\\.` in the source is the number "1."', () => {
    const numbered = parseDeclaration('---\ntype: declaration\nid: x\nlanguage: en\n---\n\n# T\n\n1\\. We, the Leaders, met.\n')
    expect(numbered.body).toEqual([{ type: 'paragraph', id: 'para-1', num: '1.', text: t('We, the Leaders, met.') }])
    expect(renderMarkdown(numbered)).toBe('---\ntype: declaration\nid: x\nlanguage: en\n---\n\n# T\n\n1\\. We, the Leaders, met.\n')
  })
})

describe('the Markdown round trip', () => {
  it('keeps emphasis, strong and links glued to letters and punctuation on either side', () => {
    const { profile: _profile, ...small } = { ...cop29Declaration, body: cop29Declaration.body.slice(0, 1) }
    const glue = fc.constantFrom('', '.', '(', ')', '"', '’', 'x', '*', '_', ',', '-', '«\u00A0', ' ', '2')
    const inner = fc.constantFrom('bar', 'a.b', '.lead', 'end.', '(x)', 'l’UIT', 'é', '*x*', 'a_b')
    const node = fc.tuple(fc.constantFrom('emphasis', 'strong', 'link'), inner).map(([type, value]): Inline =>
      type === 'link'
        ? { type: 'link', url: 'https://example.org/x', children: [{ type: 'text', value }] }
        : { type: type as 'emphasis' | 'strong', children: [{ type: 'text', value }] },
    )
    fc.assert(
      fc.property(glue, node, glue, (before, inline, after) => {
        const text: Inline[] = [{ type: 'text', value: `word${before}` }, inline, { type: 'text', value: `${after}word` }]
        expect(parseDeclaration(renderMarkdown({ ...small, preface: [{ type: 'paragraph', id: 'preface-1', text }] })).preface[0]?.text).toEqual(text)
      }),
      { numRuns: 500 },
    )
  }, 300_000)

  // node's deep strict equality first, vitest's `toEqual` (and its report) only when it finds a difference:
  // a test passes exactly when `toEqual` passes, at a fraction of its cost on a whole document.
  const roundTrips = (documents: fc.Arbitrary<Document>) =>
    fc.assert(
      fc.property(documents, (doc) => {
        const validated = safeValidate(doc)
        if (!isDeepStrictEqual(validated, { success: true, data: doc })) expect(validated).toEqual({ success: true, data: doc })
        const back = parseDocument(renderMarkdown(doc))
        if (!isDeepStrictEqual(back, doc)) expect(back).toEqual(doc)
      }),
      { numRuns: 200 },
    )

  it('gives back every generated valid declaration: parse(renderMarkdown(doc)) deep-equals doc', () => roundTrips(declaration), 300_000)

  it('gives back every generated valid letter', () => roundTrips(letter), 300_000)
})
