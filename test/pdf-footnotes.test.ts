import { readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Declaration } from '../src/model/declaration.js'
import { phrasingText } from '../src/model/inline.js'
import { parseDeclaration } from '../src/parse/index.js'
import { defaultHouseStyle } from '../src/render/house-style.js'
import { renderPdf } from '../src/render/pdf/index.js'
import { words } from '../src/render/text.js'
import { pdfObjects, readPdf, type ReadPdf } from './pdf-reader.js'

/** A text item as pdfjs reads it: its text, its baseline's left end (points from the page's bottom left corner) and its size. */
interface Item {
  str: string
  x: number
  y: number
  size: number
}

const round = (value: number) => Math.round(value * 100) / 100

/** The text items of every page, artifacts (page numbers), empty ones and whitespace left out. */
async function itemsOf(read: ReadPdf): Promise<Item[][]> {
  const pages: Item[][] = []
  for (let number = 1; number <= read.pdf.numPages; number++) {
    const content = await (await read.pdf.getPage(number)).getTextContent({ includeMarkedContent: true })
    const open: boolean[] = []
    const items: Item[] = []
    for (const item of content.items as { str?: string; transform?: number[]; type?: string; tag?: string }[]) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') open.push(item.tag === 'Artifact')
      else if (item.type === 'endMarkedContent') open.pop()
      else if (item.str?.trim() && item.transform && !open.includes(true)) items.push({ str: item.str, x: round(item.transform[4]!), y: round(item.transform[5]!), size: round(item.transform[0]!) })
    }
    pages.push(items)
  }
  return pages
}

function parse(file: string): Declaration {
  return parseDeclaration(readFileSync(file, 'utf8'), { file })
}

// The PDF of a fixture file, rendered once for every test of this file that reads it (renderPdf gives the
// same bytes every time: the determinism test below renders afresh to show it). Each reader gets a copy.
const rendered = new Map<string, Promise<Uint8Array>>()
async function pdfOf(file: string): Promise<Uint8Array> {
  if (!rendered.has(file)) rendered.set(file, renderPdf(parse(file)))
  return (await rendered.get(file)!).slice()
}

const { body: bodySize, small: noteSize } = defaultHouseStyle.sizes
// A superscript is set at 0.65 of the text size, its baseline raised by 0.35 of it.
const markSize = round(bodySize * 0.65)
const rise = round(bodySize * 0.35)

describe('PDF superscripts and footnote marks', () => {
  let read: ReadPdf
  let items: Item[][]
  beforeAll(async () => {
    read = await readPdf(await pdfOf('test/fixtures/notes/ordinaux.fr.md'))
    items = await itemsOf(read)
  })

  it('reads "9e", "1er" and each mark as one word with the text before it, notes at the end of the page', () => {
    expect(read.pages).toEqual([
      'Déclaration sur les ordinaux La Conférence, Rappelant sa 9e session et le 1er rapport du Comitéa, Notant les travaux de la 21e réunionb, ' +
        '1. Décide de tenir sa 10e session en 2027; 2. Prie le Secrétariat de publier le rapportc. ' +
        'a Rapport du Comité sur les travaux de sa première session, document publié à Genève. b Voir le compte rendu de la 21e réunion. c Le rapport paraîtra dans les six langues officielles.',
    ])
  })

  it('sets superscripts and marks smaller, on a raised baseline, right after the text they follow', () => {
    const page = items[0]!
    const at = (str: string) => page.findIndex((item) => item.str === str)
    const nine = page[at('sa 9')]!
    const ordinal = page[at('sa 9') + 1]!
    expect(ordinal).toMatchObject({ str: 'e', size: markSize })
    expect(nine.size).toBe(bodySize)
    expect(round(ordinal.y - nine.y)).toBe(rise)
    const mark = page.find((item) => item.str === 'c')!
    const before = page.find((item) => item.str === 'le Secrétariat de publier le rapport')!
    expect(mark.size).toBe(markSize)
    expect(round(mark.y - before.y)).toBe(rise)
    expect(mark.x).toBeGreaterThan(before.x)
  })

  it('sets the notes at the foot of the page, in the order of their marks, smaller and below the last line of text', () => {
    const page = items[0]!
    const notes = ['Rapport du Comité sur les travaux de sa première session, document publié à Genève.', 'Voir le compte rendu de la 21', 'Le rapport paraîtra dans les six langues officielles.'].map(
      (str) => page.find((item) => item.str === str)!,
    )
    expect(notes.map((note) => note.size)).toEqual([noteSize, noteSize, noteSize])
    // One note a line, from the foot's top down, 11.9 pt apart (9 pt at a leading of 1.32), the last on the foot's bottom line.
    expect(notes.map((note) => note.y)).toEqual([100.95, 87.05, 73.15])
    const lastBody = page.find((item) => item.str === 'le Secrétariat de publier le rapport')!
    expect(lastBody.y).toBe(648.27)
    // The notes' own marks are raised too.
    expect(page.filter((item) => ['a', 'b', 'c'].includes(item.str)).map((item) => [item.str, item.size])).toEqual([
      ['a', markSize],
      ['b', markSize],
      ['c', markSize],
      ['a', round(noteSize * 0.65)],
      ['b', round(noteSize * 0.65)],
      ['c', round(noteSize * 0.65)],
    ])
  })
})

describe('PDF footnotes in the structure tree', () => {
  it('tags each note as a Note element with its own ID, after the text it belongs to', async () => {
    const bytes = await pdfOf('test/fixtures/notes/ordinaux.fr.md')
    const read = await readPdf(bytes)
    expect(read.roles[0]!.filter((role) => role === 'Note')).toHaveLength(3)
    expect(read.roles[0]!.slice(-3)).toEqual(['Note', 'Note', 'Note'])
    expect(pdfObjects(bytes).flatMap((object) => /^<<\n\/S \/Note\n[\s\S]*?\/ID \((note-\d+)\)/.exec(object)?.slice(1) ?? [])).toEqual(['note-1', 'note-2', 'note-3'])
  })
})

describe('PDF footnotes of real documents', () => {
  const cases = [
    { name: 'a-res-73-8.en', after: 'resolution 72/4;', note: 'A/73/85.', page: 2 },
    { name: 'g20-bali.en', after: '33.', note: 'Noting that one member has divergent views on debt issues in paragraph 33, and emphasized the', page: 13 },
  ]
  for (const { name, after, note, page } of cases) {
    it(`${name}: the note is on the page of its mark, below the last line of text, the mark raised and smaller`, async () => {
      const pages = await itemsOf(await readPdf(await pdfOf(`test/fixtures/real/${name}.md`)))
      const markPage = pages.findIndex((items) => items.some((item, index) => item.str === '1' && item.size === markSize && items[index - 1]?.str.endsWith(after)))
      const notePage = pages.findIndex((items) => items.some((item) => item.str === note))
      expect([markPage + 1, notePage + 1]).toEqual([page, page])
      const items = pages[notePage]!
      const noteItem = items.find((item) => item.str === note)!
      expect(noteItem.size).toBe(noteSize)
      // Everything above the note's mark is body text, set at the body size or as a superscript of it.
      const body = items.filter((item) => item.size === bodySize)
      expect(Math.min(...body.map((item) => item.y))).toBeGreaterThan(noteItem.y + noteSize)
    })
  }
})

// Paragraphs of filler around one marked paragraph with a long note: however far down the page the mark
// lands, its note is on the same page, below the text, and no text runs into the notes.
describe('PDF footnote room', () => {
  const filler = 'The parties agree to keep the records of each meeting in good order and to share them with every member in good time. '
  const longNote = 'This note runs over several lines so that it needs room at the foot of the page: ' + 'it is set in the small size of the house style, justified, with its mark raised. '.repeat(4)
  const markdown = (before: number) =>
    [
      '---\ntype: declaration\nid: room\nlanguage: en\n---\n',
      '# Declaration on the room of notes\n',
      ...Array.from({ length: before }, (_, index) => `${filler.repeat(1 + (index % 3))}\n`),
      `${filler}The marked sentence ends here.[^n] ${filler}\n`,
      ...Array.from({ length: 12 }, () => `${filler.repeat(2)}\n`),
      `[^n]: ${longNote.trim()}\n`,
    ].join('\n')

  for (const before of [8, 9, 10, 11, 12, 13]) {
    it(`with ${before} paragraphs before the mark`, async () => {
      const doc = parseDeclaration(markdown(before), { file: `room-${before}.md` })
      const pages = await itemsOf(await readPdf(await renderPdf(doc)))
      const markPage = pages.findIndex((items) => items.some((item, index) => item.str === 'n' && item.size === markSize && items[index - 1]?.str.endsWith('here.')))
      const notePage = pages.findIndex((items) => items.some((item) => item.size === noteSize && item.str.startsWith('This note runs')))
      expect(markPage).toBeGreaterThanOrEqual(0)
      expect(notePage).toBe(markPage)
      const items = pages[notePage]!
      const notes = items.filter((item) => item.size === noteSize)
      const body = items.filter((item) => item.size === bodySize)
      expect(notes.length).toBeGreaterThan(2)
      // The note's first line sits below the last body line by at least a line of the note.
      expect(Math.min(...body.map((item) => item.y)) - Math.max(...notes.map((item) => item.y))).toBeGreaterThanOrEqual(noteSize)
    })
  }
})

// poppler's pdftotext, a second reader: each mark and superscript stays with its word, each note is
// read whole, and a hyphen of line breaking is a soft hyphen at the end of its line (where a reader
// that honours soft hyphens joins the word), never a character set apart from its line.
describe('PDF footnotes and superscripts read by pdftotext', () => {
  const pdftotext = (bytes: Uint8Array) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes }).toString('utf8')

  it('reads the marks with their words and every note', async () => {
    const text = pdftotext(await pdfOf('test/fixtures/notes/ordinaux.fr.md'))
    const read = words(text)
    for (const word of ['9e', '1er', 'Comitéa,', '21e', 'réunionb,', '10e', 'rapportc.']) expect(read).toContain(word)
    expect(text).toContain('Rapport du Comité sur les travaux de sa première session, document publié à Genève.')
    expect(text).toContain('Voir le compte rendu de la 21e réunion.')
    expect(text).toContain('Le rapport paraîtra dans les six langues officielles.')
  })

  it('A/RES/73/8: the mark after "72/4;", the note, and each soft hyphen at the end of its line', async () => {
    const text = pdftotext(await pdfOf('test/fixtures/real/a-res-73-8.en.md'))
    expect(words(text)).toContain('72/4;1')
    expect(text).toContain('A/73/85.')
    const lines = text.split('\n')
    expect(lines.filter((line) => line.includes('\u00AD')).map((line) => line.split(' ').pop())).toEqual(['princi\u00AD', 'interna\u00AD'])
  })
})

describe('PDF footnotes, determinism', () => {
  it('renders the same bytes twice', async () => {
    const doc = parse('test/fixtures/notes/ordinaux.fr.md')
    expect(Buffer.from(await renderPdf(doc)).equals(Buffer.from(await renderPdf(doc)))).toBe(true)
  })
})

// A note longer than a page's foot may be: its first lines at the foot of its mark's page, the rest at
// the foot of the pages after, never over the text.
describe('PDF footnote longer than a page foot', () => {
  it('goes on at the foot of the next pages, every word read once, in order', async () => {
    const doc = parse('test/fixtures/notes/long-note.en.md')
    const read = await readPdf(await renderPdf(doc))
    const pages = await itemsOf(read)
    const note = doc.footnotes[0]!
    expect(read.pdf.numPages).toBe(3)
    expect(read.notes).toHaveLength(3)
    expect(words(read.notes.join(' '))).toEqual(words(`${note.label} ${phrasingText(note.text)}`))
    expect(read.body).toBe('Declaration with a long note The Conference, 1. Recalls the report of its first session1 and the summary of its debates; 2. Decides to meet again next year.')
    // Page by page: the lines of the note (9 pt) and where the text (11 pt) ends above them.
    const shape = pages.map((items) => {
      const notes = items.filter((item) => item.size === noteSize)
      const body = items.filter((item) => item.size === bodySize)
      return { noteLines: new Set(notes.map((item) => item.y)).size, clear: body.length === 0 || Math.min(...body.map((item) => item.y)) - Math.max(...notes.map((item) => item.y)) >= noteSize }
    })
    expect(shape).toEqual([
      // Page 1: the room left below the text; page 2: two thirds of the page at most (38 lines of 11.9 pt
      // under the rule's 11.9 pt); page 3: the rest.
      { noteLines: 52, clear: true },
      { noteLines: 38, clear: true },
      { noteLines: 5, clear: true },
    ])
    expect(pages[0]!.some((item) => item.str === note.label && item.size === markSize)).toBe(true)
  })
})
