import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import { describe, it } from 'vitest'
import { notoSerifFonts, type PdfFontFaces } from '../src/render/pdf/index.js'
import { TableShaper, type ShapedFont } from '../src/render/pdf/shaping.js'
import { sfntOf } from '../src/render/pdf/woff.js'

interface FontkitRun {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[]
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[]
}
type Fontkit = ShapedFont & { layout(text: string): FontkitRun }

const root = path.resolve(import.meta.dirname, '..')
const texts = [
  'content/declaration.en.md',
  'content/letter.fr.md',
  ...readdirSync(path.join(root, 'test/fixtures/real'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `test/fixtures/real/${name}`),
].map((file) => readFileSync(path.join(root, file), 'utf8'))

// Every word of the bundled and real documents, alone and with the space pdfkit lays out after it, and every
// pair of the letters, digits and signs they use: pair kerning is all a table-laid word may differ by.
const words = new Set<string>()
for (const word of texts.join(' ').split(/\s+/)) if (word) words.add(word).add(`${word} `)
const characters = [...new Set([...texts.join('')])].filter((character) => character.trim())
for (const first of characters) for (const second of characters) words.add(first + second)

// A fresh fontkit font (pdfkit's), so that its glyph objects are made in the order the test lays words out.
function fontkitFont(bytes: Uint8Array): Fontkit {
  const doc = new PDFDocument({ font: null as unknown as string })
  doc.registerFont('face', sfntOf(bytes) as Buffer)
  doc.font('face')
  return (doc as unknown as { _font: { font: Fontkit } })._font.font
}

// What pdfkit's layoutRun makes of fontkit's layout: positions scaled to 1000 units per em, each with its glyph's advance.
function expected(font: Fontkit, text: string) {
  const run = font.layout(text)
  const scale = 1000 / font.unitsPerEm
  return {
    glyphs: run.glyphs.map(({ id, codePoints }) => ({ id, codePoints })),
    positions: run.positions.map((position, index) => ({
      xAdvance: position.xAdvance * scale,
      yAdvance: position.yAdvance * scale,
      xOffset: position.xOffset * scale,
      yOffset: position.yOffset * scale,
      advanceWidth: run.glyphs[index]!.advanceWidth * scale,
    })),
    advanceWidth: run.positions.reduce((sum, position) => sum + position.xAdvance * scale, 0),
  }
}

describe('TableShaper', async () => {
  const [latin] = await notoSerifFonts()
  const faces = Object.keys(latin!) as (keyof PdfFontFaces)[]

  it.for(faces)('lays out each word of the documents in Noto Serif %s as fontkit does, or leaves it to fontkit', (face, { expect }) => {
    const reference = fontkitFont(latin![face])
    const font = fontkitFont(latin![face])
    const shaper = TableShaper.for(font)!
    let laid = 0
    const differences: string[] = []
    for (const word of words) {
      const run = shaper.run(word)
      if (!run) continue
      laid++
      const actual = { glyphs: run.glyphs.map(({ id, codePoints }) => ({ id, codePoints })), positions: run.positions, advanceWidth: run.advanceWidth }
      if (JSON.stringify(actual) !== JSON.stringify(expected(reference, word))) differences.push(word)
    }
    expect(differences).toEqual([])
    // Most words qualify: all but those with a ligature's letters, a mark or a character outside Latin-1 and punctuation.
    expect(laid / words.size).toBeGreaterThan(0.6)
  })

  it('leaves to fontkit a word with a ligature, a combining mark or a fraction slash', ({ expect }) => {
    const shaper = TableShaper.for(fontkitFont(latin!.regular))!
    expect(shaper.run('office')).toBeUndefined()
    expect(shaper.run('cafe\u0301')).toBeUndefined()
    expect(shaper.run('1\u20442')).toBeUndefined()
    expect(shaper.run('Recognising')?.glyphs.map((glyph) => glyph.codePoints[0])).toEqual([...'Recognising'].map((character) => character.codePointAt(0)))
  })
})
