import { readFileSync } from 'node:fs'
import mammoth from 'mammoth'
import { beforeAll, describe, expect, it } from 'vitest'
import { alignDocuments } from '../src/diff/align-documents.js'
import { diffDocuments } from '../src/diff/diff-documents.js'
import { fromXliff, toAkomaNtoso, toXliff } from '../src/interchange/index.js'
import type { Declaration } from '../src/model/declaration.js'
import { phrasingText } from '../src/model/inline.js'
import type { Document } from '../src/model/document.js'
import { walkDeclaration } from '../src/model/walk.js'
import { documentUnits } from '../src/render/units.js'
import { parseDeclaration } from '../src/parse/index.js'
import { listFormat } from '../src/render/docx/numbering.js'
import { renderDocx } from '../src/render/docx/render.js'
import { renderMarkdown } from '../src/render/markdown.js'
import { renderPdf } from '../src/render/pdf/index.js'
import { renderText, words } from '../src/render/text.js'
import { fillTargets, hasSchemas, validateAknEach, validateXliffEach } from './helpers/interchange.js'
import { readPdf } from './pdf-reader.js'

// Real declarations and resolutions nobody on this project wrote, transcribed word for word
// (test/fixtures/real/SOURCES.md): the genre, not one template.
const names = ['udhr.en', 'udhr.fr', 'a-res-73-8.en', 'g20-bali.en', 'apec-golden-gate.en'] as const
const docs = {} as Record<(typeof names)[number], Declaration>
const sources = {} as Record<(typeof names)[number], string>

beforeAll(() => {
  for (const name of names) {
    const file = `test/fixtures/real/${name}.md`
    sources[name] = readFileSync(file, 'utf8')
    docs[name] = parseDeclaration(sources[name], { file })
  }
})

// Numbers Word generates from a list's numbering are not text in the document, and mammoth's raw text
// leaves out line breaks (w:br): neither is in what it prints.
function withoutWordNumbers(doc: Declaration): string {
  const generated = new Set<string>()
  for (const block of walkDeclaration(doc)) if (block.role === 'item' && block.paragraph?.num && listFormat(block)) generated.add(block.id)
  const stripped: Declaration = JSON.parse(JSON.stringify(doc), (_key, value) =>
    value && typeof value === 'object' && value.type === 'break' ? { type: 'text', value: '' } : value && typeof value === 'object' && generated.has(value.id) && 'num' in value ? { ...value, num: undefined } : value,
  )
  return renderText(stripped)
}

// Every document's XLIFF and Akoma Ntoso in one run of each schema's validator (most of a run's cost is
// loading the validator and its schema); each document's test reads its own errors.
let schemaRuns: Promise<{ xliff: string[][]; akn: string[][] }> | undefined
const schemaErrors = () =>
  (schemaRuns ??= Promise.all([
    validateXliffEach(names.map((name) => toXliff(docs[name], { targetLanguage: 'de' }))),
    validateAknEach(names.map((name) => toAkomaNtoso(docs[name], { date: '1948-12-10' }))),
  ]).then(([xliff, akn]) => ({ xliff, akn })))

/** The first place two word lists differ, with a few words around it, or `undefined` when they are equal. */
function firstDifference(got: readonly string[], expected: readonly string[]): { at: number; got: string[]; expected: string[] } | undefined {
  for (let at = 0; at < Math.max(got.length, expected.length); at++) {
    if (got[at] !== expected[at]) return { at, got: got.slice(Math.max(0, at - 3), at + 4), expected: expected.slice(Math.max(0, at - 3), at + 4) }
  }
  return undefined
}

describe('real documents of the genre', () => {
  it('read into the generic model: their parts where the genre puts them', () => {
    const shape = (doc: Declaration) => ({
      preface: doc.preface.length,
      subtitle: doc.subtitle !== undefined,
      formula: doc.preamble?.formula !== undefined,
      recitals: doc.preamble?.paragraphs.length ?? 0,
      leads: doc.preamble?.paragraphs.filter((p) => p.lead).length ?? 0,
      body: doc.body.map((block) => block.type),
      closing: doc.closing.length,
      annexes: doc.annexes.length,
      footnotes: doc.footnotes.map((note) => note.label),
    })
    expect(shape(docs['a-res-73-8.en'])).toEqual({ preface: 2, subtitle: false, formula: true, recitals: 8, leads: 8, body: ['list'], closing: 1, annexes: 0, footnotes: ['1'] })
    expect(shape(docs['udhr.en']).recitals).toBe(10)
    expect(shape(docs['udhr.en']).body).toEqual(Array(30).fill('section'))
    expect(shape(docs['udhr.fr']).body).toEqual(Array(30).fill('section'))
    expect(shape(docs['g20-bali.en']).subtitle).toBe(true)
    expect(shape(docs['g20-bali.en']).footnotes).toEqual(['1'])
    expect(shape(docs['apec-golden-gate.en']).subtitle).toBe(true)
  })

  it('A/RES/73/8 validates under the un-resolution profile, with its operative verbs as leads', () => {
    const resolution = docs['a-res-73-8.en']
    expect(resolution.profile).toBe('un-resolution')
    const list = resolution.body[0]
    expect(list?.type === 'list' && list.items.map((item) => [item.num, item.lead])).toEqual([
      ['1.', 'Takes note'],
      ['2.', 'Reiterates its call upon'],
      ['3.', 'Once again urges'],
      ['4.', 'Requests'],
      ['5.', 'Decides'],
    ])
  })

  for (const name of names) {
    describe(name, () => {
      it('renders to canonical Markdown that parses back to the same model, and is stable', () => {
        const markdown = renderMarkdown(docs[name])
        const again = parseDeclaration(markdown, { file: `${name}.canonical.md` })
        expect(again).toEqual(docs[name])
        expect(renderMarkdown(again)).toBe(markdown)
      })

      it('keeps every word in the PDF, read back by pdfjs, each footnote whole at a page foot', async () => {
        const read = await readPdf(await renderPdf(docs[name]))
        // The notes are set at the foot of the pages their marks are on: the text around them reads on without them.
        expect(firstDifference(words(read.body), words(renderText({ ...docs[name], footnotes: [] })))).toBeUndefined()
        expect(read.notes).toEqual(docs[name].footnotes.map((note) => `${note.label} ${phrasingText(note.text)}`))
      })

      it('keeps every word in the DOCX, read back by mammoth (but the numbers Word generates)', async () => {
        const raw = (await mammoth.extractRawText({ buffer: Buffer.from(await renderDocx(docs[name])) })).value
        const expected = words(withoutWordNumbers(docs[name]))
        const notes = docs[name].footnotes.flatMap((note) => words(renderText({ ...docs[name], preface: [], preamble: undefined, body: [], closing: [], annexes: [], footnotes: [note], title: '-' } as Declaration)).slice(1))
        // mammoth prints a footnote's text after the body; the reference mark is a Word field, not text.
        const body = expected.slice(0, expected.length - notes.length)
        const got = words(raw)
        // A footnote mark is a Word field mammoth does not print: a word's trailing label is not compared.
        const label = new RegExp(`(${docs[name].footnotes.map((n) => n.label).join('|') || '$^'})$`)
        const unmarked = (list: string[]) => list.map((word) => word.replace(label, '')).filter(Boolean)
        const printed = unmarked(body)
        expect(firstDifference(unmarked(got).slice(0, printed.length), printed)).toBeUndefined()
      })

      it('exports XLIFF whose translation imports back with every unit in place, and self-diffs as unchanged', async () => {
        const xliff = toXliff(docs[name], { targetLanguage: 'de' })
        const back = fromXliff(fillTargets(xliff), docs[name])
        const shape = (doc: Document) => documentUnits(doc).map((unit) => [unit.id, unit.part, unit.prefix ?? ''])
        expect(back.language).toBe('de')
        expect(shape(back)).toEqual(shape(docs[name]))
        expect(renderText(back)).not.toBe(renderText(docs[name]))
        const diff = diffDocuments(docs[name], docs[name])
        expect(diff.changes.every((change) => change.kind === 'unchanged')).toBe(true)
      })

      it.skipIf(!hasSchemas)('writes XLIFF 2 and Akoma Ntoso valid against their schemas (skipped without ../shared/schemas)', async () => {
        const { xliff, akn } = await schemaErrors()
        expect(xliff[names.indexOf(name)]).toEqual([])
        expect(akn[names.indexOf(name)]).toEqual([])
      })
    })
  }

  it('aligns the English and French UDHR article for article', () => {
    const alignment = alignDocuments(docs['udhr.en'], docs['udhr.fr'])
    const headings = alignment.rows.filter((row) => row.id.startsWith('section-') && !row.id.slice('section-'.length).includes('-'))
    expect(headings).toHaveLength(30)
    // "Article 2" reads the same in both languages, so the alignment lists it as untranslated; "Article premier" matches.
    expect(headings.map((row) => row.status)).toEqual(['matched', ...Array(29).fill('untranslated')])
  })
})
