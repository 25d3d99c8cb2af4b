// Real declarations and resolutions that nobody on this project wrote (test/fixtures/real, see its
// SOURCES.md): each parses into the generic model with the structure its source prints.
import { readFileSync } from 'node:fs'
import { describe, it } from 'vitest'
import type { Block, Declaration } from '../src/model/declaration.js'
import { parseDeclaration } from '../src/parse/index.js'
import { renderMarkdown } from '../src/render/markdown.js'
import { fromXliff, toXliff } from '../src/interchange/index.js'
import { fillTargets, pseudo } from './helpers/interchange.js'

const read = (name: string) => readFileSync(new URL(`./fixtures/real/${name}`, import.meta.url), 'utf8')

// A one-line outline of blocks: P1. for a paragraph numbered "1.", Lo5 for an ordered list of 5 items, S(heading:n).
const outline = (blocks: readonly Block[]): string =>
  blocks
    .map((block) =>
      block.type === 'section' ? `S(${block.heading}:${block.body.length})` : block.type === 'list' ? `L${block.ordered ? 'o' : 'u'}${block.items.length}` : block.type === 'paragraph' ? `P${block.num ?? ''}` : '---',
    )
    .join(' ')

const summary = (doc: Declaration) => ({
  preface: doc.preface.length,
  title: doc.title,
  subtitle: doc.subtitle !== undefined,
  preamble: doc.preamble && { heading: doc.preamble.heading, formula: doc.preamble.formula !== undefined, leads: doc.preamble.paragraphs.map((p) => p.lead ?? '') },
  body: outline(doc.body),
  closing: doc.closing.length,
  annexes: doc.annexes.map((annex) => `${annex.heading} ${outline(annex.body)}`),
  footnotes: doc.footnotes.map((note) => note.label),
})

const articles = (first: string) => [first, ...Array.from({ length: 29 }, (_, index) => `Article ${index + 2}`)]
const udhrBody = (first: string) =>
  articles(first)
    .map((heading, index) => `S(${heading}:${[2].includes(index + 1) ? 2 : 1})`)
    .join(' ')

describe('real texts parse into the generic model', () => {
  it('the UDHR in English: the Preamble heading, 10 paragraphs, then 30 articles', ({ expect }) => {
    const doc = parseDeclaration(read('udhr.en.md'), { file: 'udhr.en.md' })
    expect(summary(doc)).toEqual({
      preface: 0,
      title: 'Universal Declaration of Human Rights',
      subtitle: false,
      preamble: { heading: 'Preamble', formula: false, leads: Array(10).fill('') },
      body: udhrBody('Article 1'),
      closing: 0,
      annexes: [],
      footnotes: [],
    })
  })

  it('the UDHR in French: "Préambule", 9 paragraphs, "Article premier" … "Article 30"', ({ expect }) => {
    const doc = parseDeclaration(read('udhr.fr.md'), { file: 'udhr.fr.md' })
    expect(summary(doc)).toMatchObject({ title: 'Déclaration universelle des droits de l’homme', preamble: { heading: 'Préambule', formula: false, leads: Array(9).fill('') }, body: udhrBody('Article premier') })
  })

  it('A/RES/73/8: preface, formula, 8 preambular paragraphs with italic leads, 5 operative paragraphs, closing, footnote', ({ expect }) => {
    const doc = parseDeclaration(read('a-res-73-8.en.md'), { file: 'a-res-73-8.en.md' })
    expect(summary(doc)).toEqual({
      preface: 2,
      title: '73/8. Necessity of ending the economic, commercial and financial embargo imposed by the United States of America against Cuba',
      subtitle: false,
      preamble: { heading: undefined, formula: true, leads: ['Determined', 'Reaffirming', 'Recalling', 'Concerned', 'Taking note', 'Recalling', 'Recalling also', 'Concerned'] },
      body: 'Lo5',
      closing: 1,
      annexes: [],
      footnotes: ['1'],
    })
    expect(doc).toMatchObject({ profile: 'un-resolution', symbol: 'A/RES/73/8', date: '2018-11-01', organ: 'General Assembly' })
    const operative = doc.body[0]!.type === 'list' ? doc.body[0]!.items.map((item) => item.lead) : []
    expect(operative).toEqual(['Takes note', 'Reiterates its call upon', 'Once again urges', 'Requests', 'Decides'])
  })

  it('the G20 Bali declaration: a bold subtitle, paragraphs 1–52 (5 with its bullets), the closing thanks, footnote 1', ({ expect }) => {
    const doc = parseDeclaration(read('g20-bali.en.md'), { file: 'g20-bali.en.md' })
    expect(summary(doc)).toEqual({ preface: 0, title: 'G20 Bali Leaders’\u00a0Declaration', subtitle: true, preamble: undefined, body: 'Lo52 P', closing: 0, annexes: [], footnotes: ['1'] })
    const list = doc.body[0]!
    expect(list.type === 'list' && list.items[4]!.children?.map((child) => child.type === 'list' && child.items.length)).toEqual([5])
  })

  it('the APEC Golden Gate declaration: an italic bold subtitle, paragraphs 1–16 and the annex with its link', ({ expect }) => {
    const doc = parseDeclaration(read('apec-golden-gate.en.md'), { file: 'apec-golden-gate.en.md' })
    expect(summary(doc)).toEqual({
      preface: 0,
      title: '2023 APEC Leaders’ Golden Gate\u00a0Declaration',
      subtitle: true,
      preamble: undefined,
      body: Array.from({ length: 16 }, (_, index) => `P${index + 1}.`).join(' '),
      closing: 0,
      annexes: ['Annex: Lu1 P'],
      footnotes: [],
    })
  })

  it.for(['udhr.en.md', 'udhr.fr.md', 'a-res-73-8.en.md', 'g20-bali.en.md', 'apec-golden-gate.en.md'])('%s renders to Markdown that parses back to the same model', (name, { expect }) => {
    const doc = parseDeclaration(read(name), { file: name })
    expect(parseDeclaration(renderMarkdown(doc))).toEqual(doc)
  })

  it('an annex whose heading does not start with "Annex" is marked by a comment, and parses back as the annex', ({ expect }) => {
    const source = parseDeclaration(read('apec-golden-gate.en.md'), { file: 'apec-golden-gate.en.md' })
    const doc = { ...source, language: 'de', annexes: source.annexes.map((annex) => ({ ...annex, heading: 'Anlage:' })) }
    const markdown = renderMarkdown(doc)
    expect(markdown).toContain('\n## Anlage: <!-- annex -->\n')
    expect(markdown).not.toContain('## Annex')
    const back = parseDeclaration(markdown)
    expect(back.annexes.map((annex) => annex.heading)).toEqual(['Anlage:'])
    expect(back).toEqual(doc)
    // A heading that says "Annex" (or "Anhang") needs no marker.
    expect(renderMarkdown(source)).toContain('\n## Annex:\n')
    expect(renderMarkdown({ ...doc, annexes: doc.annexes.map((annex) => ({ ...annex, heading: 'Anhang' })) })).toContain('\n## Anhang\n')
  })

  it('a translated annex heading in any words imports from XLIFF: the pseudo-translated "Ànnéx:" stays the annex', ({ expect }) => {
    const source = parseDeclaration(read('apec-golden-gate.en.md'), { file: 'apec-golden-gate.en.md' })
    const translated = fromXliff(fillTargets(toXliff(source, { targetLanguage: 'de' })), source)
    if (translated.type !== 'declaration') throw new Error('expected a declaration back')
    expect(translated.annexes.map((annex) => annex.heading)).toEqual([pseudo('Annex:')])
    expect(pseudo('Annex:')).not.toMatch(/^Annex/)
    expect(parseDeclaration(renderMarkdown(translated))).toEqual(translated)
  })
})
