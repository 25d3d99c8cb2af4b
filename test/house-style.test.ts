import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cop29Declaration, cop29Letter } from '../src/content/index.js'
import { DocumentError } from '../src/model/issues.js'
import { defaultHouseStyle, houseStyleSchema, ituHouseStyle, marginPoints } from '../src/render/house-style.js'
import { loadHyphenator, patternsFor } from '../src/render/pdf/hyphenate.js'
import { renderDocx } from '../src/render/docx/render.js'
import { emblemFormat, emblemRatio } from '../src/render/emblem.js'
import { renderPdf } from '../src/render/pdf/index.js'
import { words } from '../src/render/text.js'
import { paragraphs, parts, textOf } from './docx-support.js'
import { readPdf } from './pdf-reader.js'
import { cli } from './cli-run.js'
import { parseDocument } from '../src/parse/index.js'
import { typographicPunctuation, typographicText } from '../src/render/punctuation.js'
import { OPS } from './helpers/pdfjs.js'

describe('HouseStyle', () => {
  it('fills every field of the default: Noto Serif 11 pt on A4, 30 mm at the sides', () => {
    expect(defaultHouseStyle).toEqual({
      pageSize: 'A4',
      margins: { top: 22, bottom: 25, left: 30, right: 30 },
      font: { family: 'Noto Serif' },
      sizes: { body: 11, title: 14, heading: 11, small: 9 },
      leading: 1.32,
      punctuation: 'source',
      colours: { text: '#000000', rule: '#4d4d4d', link: '#0563c1' },
    })
    expect(marginPoints(defaultHouseStyle)).toEqual({ top: 62.36, bottom: 70.87, left: 85.04, right: 85.04 })
  })

  it('keeps what a file names and defaults the rest', () => {
    const style = houseStyleSchema.parse({ sizes: { body: 10 }, margins: { left: 25 } })
    expect([style.sizes, style.margins]).toEqual([{ body: 10, title: 14, heading: 11, small: 9 }, { top: 22, bottom: 25, left: 25, right: 30 }])
  })

  it('carries the ITU letterhead and address footer', () => {
    expect(ituHouseStyle.letterhead).toEqual({ lines: ['Union internationale des télécommunications'] })
    expect(ituHouseStyle.footer?.lines[0]).toBe('Union internationale des télécommunications • Place des Nations, CH-1211 Genève 20, Suisse')
  })

  it('rejects a bad house style in renderPdf with the path of each bad field', async () => {
    const error = await renderPdf(cop29Declaration, { houseStyle: { sizes: { body: -1 }, colours: { text: 'black' } } as never }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(DocumentError)
    expect((error as DocumentError).issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid_option', ['houseStyle', 'sizes', 'body']],
      ['invalid_option', ['houseStyle', 'colours', 'text']],
    ])
  })
})

describe('hyphenation', () => {
  it('picks British English for en-GB, American English for en, and French for fr-CH', () => {
    expect(['en-GB', 'en', 'en-US', 'fr-CH', 'ar'].map(patternsFor)).toEqual(['en-gb', 'en-us', 'en-us', 'fr', undefined])
  })

  it('breaks a word two letters or more from its start and three from its end, after an elision, never in an acronym', async () => {
    const french = (await loadHyphenator('fr'))!
    const english = (await loadHyphenator('en-GB'))!
    expect(french("l'environnement")).toEqual([4, 6, 9, 11])
    expect(english('infrastructure')).toEqual([2, 5, 10])
    expect(english('UNFCCC')).toEqual([])
    expect(english('technologies.')).toEqual([4, 6, 8])
  })
})

describe('renderPdf glyphs', () => {
  it('sets the non-breaking hyphen U+2011 and gives it back in the text layer', async () => {
    const doc = { ...cop29Declaration, title: 'Co\u2011operative and co\u2010ordinated action' }
    const read = await readPdf(await renderPdf(doc))
    expect(words(read.pages[0]!).slice(0, 4)).toEqual(['Co\u2011operative', 'and', 'co\u2010ordinated', 'action'])
  })

  it('refuses a character no font has, naming it and its code point, unless told to allow it', async () => {
    const doc = { ...cop29Declaration, title: 'Green \u{1F331} action' }
    const error = await renderPdf(doc).catch((caught: unknown) => caught)
    expect((error as DocumentError).issues).toEqual([
      { code: 'missing_glyph', message: 'character "\u{1F331}" (U+1F331) is in none of the document\'s fonts and would print as an empty box', path: [] },
    ])
    const missing: string[] = []
    await renderPdf(doc, { allowMissingGlyphs: true, onMissingGlyph: (character) => missing.push(character) })
    expect(missing).toEqual(['\u{1F331}'])
  })
})

// The bundled letter in the ITU house style, as `render` writes it, read with Debian's poppler-utils
// (pdftotext) and LibreOffice (.ci/run installs both).
describe('the letter in the ITU house style: letterhead and address footer on page 1 only', () => {
  const letterhead = 'Union internationale des télécommunications'
  const footer = [
    'Union internationale des télécommunications • Place des Nations, CH-1211 Genève 20, Suisse',
    'Tél.: +41 22 730 5111 • Fax: +41 22 733 7256 • Courriel: itumail@itu.int • www.itu.int',
  ]
  const options = { houseStyle: ituHouseStyle, annexes: [cop29Declaration] }
  // The letter in this style, rendered once for the tests that read it (a render gives the same bytes every time).
  let letterPdf: Promise<Uint8Array> | undefined
  let letterDocx: Promise<Uint8Array> | undefined
  const pdfOfLetter = () => (letterPdf ??= renderPdf(cop29Letter, options))
  const docxOfLetter = () => (letterDocx ??= renderDocx(cop29Letter, options))
  let work: string

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'declaration-kit-letterhead-'))
  })
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  function tool(name: string, pkg: string): string {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim()
    } catch {
      throw new Error(`${name} is not installed: apt-get install -y ${pkg} (.ci/run does it)`)
    }
  }

  /**
   * The text of one page of a PDF file, by pdftotext in its layout mode (one printed line a line, columns side by
   * side, so the reading order of a column heuristic does not matter), its lines trimmed and blank ones dropped.
   */
  function pageLines(pdf: string, page: number): string[] {
    const text = execFileSync(tool('pdftotext', 'poppler-utils'), ['-layout', '-f', String(page), '-l', String(page), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
    return text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
  }

  /** Where a word first shows on page 1, in points from the top edge (pdftotext -bbox). */
  function wordTop(pdf: string, word: string): number {
    const boxes = execFileSync(tool('pdftotext', 'poppler-utils'), ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' })
    return Number(new RegExp(`<word xMin="[\\d.]+" yMin="([\\d.]+)"[^>]*>${word}</word>`).exec(boxes)![1])
  }

  it('PDF: page 1 opens with the letterhead and ends with the two address lines; page 2 has neither, only its page number', async () => {
    const pdf = path.join(work, 'letter.fr.pdf')
    writeFileSync(pdf, await pdfOfLetter())
    const first = pageLines(pdf, 1)
    expect(first[0]).toBe(letterhead)
    // The office and the date share one line, the office at the left margin and the date at the right.
    expect(first[1]!.split(/\s{2,}/)).toEqual(['Secrétariat général (SG)', 'Genève, le 7 novembre 2024'])
    expect(first.slice(-2)).toEqual(footer)
    expect(first.filter((line) => line.includes('Place des Nations') || line.includes('www.itu.int'))).toEqual(footer)
    const second = pageLines(pdf, 2)
    expect([second[0], second[second.length - 1]]).toEqual(['CL-24/63', '2/5'])
    expect(second.filter((line) => line.includes(letterhead) || line.includes('Place des Nations') || line.includes('www.itu.int'))).toEqual([])
  })

  it('DOCX: the letterhead is the first-page header and the address the first-page footer; later pages have the reference and the page number', async () => {
    const files = parts(await docxOfLetter())
    const document = files['word/document.xml']!
    const rels = files['word/_rels/document.xml.rels']!
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]!
    const reference = (kind: string, type: string) => target(new RegExp(`<w:${kind}Reference w:type="${type}" r:id="([^"]+)"`).exec(document)![1]!)
    const lines = (part: string) => paragraphs(files[`word/${part}`]!).map(textOf)
    // One section, whose first page has its own header and footer.
    expect(document.match(/<w:sectPr>.*?<\/w:sectPr>/g)).toHaveLength(1)
    expect(document).toContain('<w:titlePg/>')
    expect(lines(reference('header', 'first'))).toEqual([letterhead])
    expect(lines(reference('footer', 'first'))).toEqual(footer)
    expect(lines(reference('header', 'default'))).toEqual(['CL-24/63'])
    expect(files[`word/${reference('footer', 'default')}`]).toContain('PAGE')
    expect(lines(reference('footer', 'default')).join('')).not.toContain('Place des Nations')
    // The letterhead and the address are page furniture, not text of the letter.
    expect(paragraphs(document).map(textOf).filter((text) => text.includes(letterhead) || text.includes('Place des Nations'))).toEqual([])
  })

  it('DOCX through LibreOffice: page 1 shows the letterhead and the address lines where the PDF has them and the addressees with no word hyphenated, page 2 neither', async () => {
    const docx = path.join(work, 'letter.fr.docx')
    writeFileSync(docx, await docxOfLetter())
    // A profile of its own, so that a LibreOffice already running for someone else does not take the job.
    const profile = `file://${path.join(work, 'lo-profile')}`
    execFileSync(tool('soffice', 'libreoffice-writer-nogui'), [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx], { stdio: 'ignore', timeout: 120_000 })
    const pdf = path.join(work, 'letter.fr.pdf')
    const first = pageLines(pdf, 1)
    expect(first[0]).toBe(letterhead)
    expect(first.slice(-2)).toEqual(footer)
    // The addressees are set ragged and whole, as in the PDF: no word of theirs is hyphenated at a line's end.
    const head = first.slice(0, first.findIndex((line) => line.startsWith('Objet:')) + 4)
    expect(head.filter((line) => /\p{L}-$/u.test(line))).toEqual([])
    expect(head.find((line) => line.startsWith('Contact:'))).toMatch(/ {2}universitaires participant aux travaux de$/)
    // Page 1 sits where the PDF's does: the letterhead at the top margin, the letter a line of text under its rule.
    const ours = path.join(work, 'letter.fr.ours.pdf')
    writeFileSync(ours, await pdfOfLetter())
    const tops = (file: string) => ['Union', 'Secrétariat', 'Référence:', 'Objet:', 'Madame,'].map((word) => wordTop(file, word))
    const [docxTops, pdfTops] = [tops(pdf), tops(ours)]
    expect(docxTops.map((top, index) => Math.abs(top - pdfTops[index]!) < 3)).toEqual([true, true, true, true, true])
    const second = pageLines(pdf, 2)
    expect(second[0]).toBe('CL-24/63')
    expect(second.filter((line) => line.includes(letterhead) || line.includes('Place des Nations') || line.includes('www.itu.int'))).toEqual([])
  }, 150_000)

  // A square SVG emblem: a blue disc crossed by a white bar.
  const svg = '<?xml version="1.0" encoding="UTF-8"?>\n<!-- emblem -->\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="45" fill="#009cd6"/><path d="M20 50 L80 50" stroke="#ffffff" stroke-width="8"/></svg>\n'
  // The smallest PNG: one pixel.
  const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'))

  /** Where the letterhead's first word starts on page 1, in points from the left edge (pdftotext -bbox). */
  async function letterheadLeft(bytes: Uint8Array, name: string): Promise<number> {
    const pdf = path.join(work, name)
    writeFileSync(pdf, bytes)
    const words = execFileSync(tool('pdftotext', 'poppler-utils'), ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' })
    return Number(/<word xMin="([\d.]+)"[^>]*>Union<\/word>/.exec(words)![1])
  }

  it('tells a PNG from an SVG emblem and reads its proportions (PNG header, SVG viewBox or width and height)', () => {
    const bytes = (text: string) => new TextEncoder().encode(text)
    expect([emblemFormat(png), emblemFormat(bytes(svg)), emblemFormat(bytes('<html></html>')), emblemFormat(png.slice(0, 8))]).toEqual(['png', 'svg', undefined, undefined])
    expect([emblemRatio(png), emblemRatio(bytes(svg)), emblemRatio(bytes('<svg width="30mm" height="20mm"></svg>')), emblemRatio(bytes('<svg></svg>'))]).toEqual([1, 1, 1.5, 1])
  })

  it('PDF: an SVG emblem is drawn as vectors before the letterhead, which moves right by its width and a 10 pt gap', async () => {
    const plain = await pdfOfLetter()
    const withEmblem = await renderPdf(cop29Letter, { ...options, emblem: new TextEncoder().encode(svg) })
    // Two lines of the title's leading high (the letterhead has one line), as wide as high.
    const side = Math.ceil(2 * Math.round(ituHouseStyle.sizes.title * ituHouseStyle.leading * 10) / 10)
    expect((await letterheadLeft(withEmblem, 'svg.pdf')) - (await letterheadLeft(plain, 'plain.pdf'))).toBeCloseTo(side + 10, 2)
    // Vectors, not an image: the disc's colour is a fill of page 1, and the page has no image.
    const read = await readPdf(withEmblem)
    const page = await read.pdf.getPage(1)
    const { fnArray, argsArray } = await page.getOperatorList()
    const fills = fnArray.flatMap((fn, index) => (fn === OPS.setFillRGBColor ? [String(argsArray[index])] : []))
    expect(fills).toContain('#009cd6')
    expect(fnArray.filter((fn) => fn === OPS.paintImageXObject)).toEqual([])
  })

  it('DOCX: a PNG emblem opens the letterhead in the first-page header; an SVG one is left out (Word would want a PNG beside it)', async () => {
    const header = async (emblem: Uint8Array) => {
      const files = parts(await renderDocx(cop29Letter, { ...options, emblem }))
      const id = /<w:headerReference w:type="first" r:id="([^"]+)"/.exec(files['word/document.xml']!)![1]!
      return files[`word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(files['word/_rels/document.xml.rels']!)![1]!}`]!
    }
    const withPng = await header(png)
    expect(withPng.match(/<w:drawing>/g)).toHaveLength(1)
    expect(paragraphs(withPng).map(textOf)).toEqual([`  ${letterhead}`])
    const withSvg = await header(new TextEncoder().encode(svg))
    expect(withSvg).not.toContain('<w:drawing>')
    expect(paragraphs(withSvg).map(textOf)).toEqual([letterhead])
  })

  it('CLI: reads an SVG emblem named by the house style, renders both formats and warns that the DOCX has none; refuses a file that is neither PNG nor SVG', async () => {
    writeFileSync(path.join(work, 'emblem.svg'), svg)
    writeFileSync(path.join(work, 'emblem.txt'), 'not an image')
    const style = (emblem: string) => JSON.stringify({ letterhead: { lines: [letterhead], emblem }, footer: { lines: footer } })
    writeFileSync(path.join(work, 'svg.json'), style('emblem.svg'))
    writeFileSync(path.join(work, 'txt.json'), style('emblem.txt'))
    const rendered = await cli(['render', 'content/letter.fr.md', '--house-style', path.join(work, 'svg.json'), '--format', 'pdf,docx', '--out', path.join(work, 'cli'), '--quiet'])
    expect([rendered.code, rendered.stderr]).toEqual([0, `${path.join(work, 'svg.json')}: warning: letterhead.emblem: an SVG emblem is drawn in the PDF only; give a PNG to have it in the DOCX too\n`])
    const refused = await cli(['render', 'content/letter.fr.md', '--house-style', path.join(work, 'txt.json'), '--format', 'pdf', '--out', path.join(work, 'cli'), '--quiet'])
    expect([refused.code, refused.stderr]).toEqual([1, `${path.join(work, 'txt.json')}: letterhead.emblem: ${path.join(work, 'emblem.txt')} is not a PNG or SVG image\n`])
  })

  it("CLI: a house style with a field of the wrong type or an unknown field is refused in zod's own English words, naming each field", async () => {
    writeFileSync(path.join(work, 'typo.json'), JSON.stringify({ font: { family: 12, size: 'big' } }))
    const refused = await cli(['render', 'content/declaration.en.md', '--house-style', path.join(work, 'typo.json'), '--out', path.join(work, 'cli'), '--quiet'])
    const file = path.join(work, 'typo.json')
    expect([refused.code, refused.stderr]).toEqual([1, `${file}: font.family: Invalid input: expected string, received number\n${file}: font: Unrecognized key: "size"\n`])
  })
})

describe('typographic punctuation, when the house style asks for it', () => {
  const source = parseDocument(
    [
      '---',
      'type: declaration',
      'id: dashes',
      'language: en',
      '---',
      '',
      '# The Geneva - Baku Declaration',
      '',
      '1. We meet on 12 - 14 May - e.g. - in [Geneva - Centre](https://example.org/geneva).',
      '',
      '2. A co-operative, the years 2020-2030, a -5 balance and a trailing hyphen - stay as they are -',
      '',
    ].join('\n'),
    { file: 'dashes.en.md' },
  )

  it('sets an en dash for a spaced hyphen between words, and nothing else', () => {
    expect(typographicText('Geneva - Baku - 12 - 14 May - e.g. - here')).toBe('Geneva \u2013 Baku \u2013 12 \u2013 14 May \u2013 e.g. \u2013 here')
    expect(typographicText('- leading, co-operative, 2020-2030, -5, trailing -, a -- b, a  -  b')).toBe('- leading, co-operative, 2020-2030, -5, trailing -, a -- b, a  -  b')
  })

  it('changes the printed text of a document, link texts included, and leaves the source document as it was', () => {
    const typographic = typographicPunctuation(source)
    expect(typographic.type === 'declaration' && typographic.title).toBe('The Geneva \u2013 Baku Declaration')
    const json = JSON.stringify(typographic)
    expect(json).toContain('"url":"https://example.org/geneva"')
    expect(json).toContain('"We meet on 12 \u2013 14 May \u2013 e.g. \u2013 in "')
    expect(json).toContain('"value":"Geneva \u2013 Centre"')
    expect(json).toContain('a trailing hyphen \u2013 stay as they are -')
    expect(JSON.stringify(source)).not.toContain('\u2013')
  })

  it('PDF and DOCX print the en dashes with punctuation "typographic" and the source hyphens by default', async () => {
    const dashes = (text: string) => [...text.matchAll(/ ([-\u2013]) /g)].map((match) => match[1])
    const typographic = await readPdf(await renderPdf(source, { houseStyle: { punctuation: 'typographic' } }))
    expect(dashes(typographic.body)).toEqual(['\u2013', '\u2013', '\u2013', '\u2013', '\u2013', '\u2013'])
    const plain = await readPdf(await renderPdf(source))
    expect(dashes(plain.body)).toEqual(['-', '-', '-', '-', '-', '-'])
    const docxText = async (options: Parameters<typeof renderDocx>[1]) => paragraphs(parts(await renderDocx(source, options))['word/document.xml']!).map(textOf).join(' ')
    expect(dashes(await docxText({ houseStyle: { punctuation: 'typographic' } }))).toEqual(['\u2013', '\u2013', '\u2013', '\u2013', '\u2013', '\u2013'])
    expect(dashes(await docxText({}))).toEqual(['-', '-', '-', '-', '-', '-'])
  })

  it('a house-style file with another punctuation value is refused, naming the field', () => {
    const result = houseStyleSchema.safeParse({ punctuation: 'smart' })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['punctuation'])
  })
})
