import { describe, expect, it } from 'vitest'
import { cop29Declaration } from '../src/content/index.js'
import { DocumentError } from '../src/model/issues.js'
import { defaultHouseStyle, houseStyleSchema, ituHouseStyle, marginPoints } from '../src/render/house-style.js'
import { loadHyphenator, patternsFor } from '../src/render/pdf/hyphenate.js'
import { renderPdf } from '../src/render/pdf/index.js'
import { words } from '../src/render/text.js'
import { readPdf } from './pdf-reader.js'

describe('HouseStyle', () => {
  it('fills every field of the default: Noto Serif 11 pt on A4, 30 mm at the sides', () => {
    expect(defaultHouseStyle).toEqual({
      pageSize: 'A4',
      margins: { top: 22, bottom: 25, left: 30, right: 30 },
      font: { family: 'Noto Serif' },
      sizes: { body: 11, title: 14, heading: 11, small: 9 },
      leading: 1.32,
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
