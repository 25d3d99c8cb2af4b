import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { validateXML } from 'xmllint-wasm'
import { beforeAll, describe, expect, it } from 'vitest'
import { cop29Declaration, cop29Letter } from '../src/content/index.js'
import type { Block, Declaration, List, Paragraph } from '../src/model/declaration.js'
import { DocumentError } from '../src/model/issues.js'
import { notoSerifFonts, renderPdf, type PdfFontFaces } from '../src/render/pdf/index.js'
import { renderText, words } from '../src/render/text.js'
import { infoOf, readPdf, structureTypes, tally } from './pdf-reader.js'

const xmpOf = (bytes: Uint8Array) => /<\?xpacket begin[\s\S]*?<\?xpacket end="w"\?>/.exec(new TextDecoder().decode(bytes))![0]

const [objectives, ...rest] = cop29Declaration.body as [List, ...Block[]]
const preamble = cop29Declaration.preamble!
/** A formula paragraph with this text. */
const formula = (value: string): Paragraph => ({ ...preamble.formula!, text: [{ type: 'text', value }] })

const tricky: Declaration = {
  ...cop29Declaration,
  title: 'Trade & <Climate> “Łódź” Declaration',
  preamble: { ...preamble, paragraphs: preamble.paragraphs.slice(0, 1) },
  body: [{ ...objectives, items: objectives.items.slice(0, 1) }, ...rest],
}

describe('renderPdf metadata escaping', () => {
  let bytes: Uint8Array
  beforeAll(async () => {
    bytes = await renderPdf(tricky, { author: 'R&D <Unit>', keywords: ['a&b', '<c>'] })
  })

  it('writes well-formed XMP for a title with & and <', async () => {
    const result = await validateXML({ xml: [{ fileName: 'xmp.xml', contents: xmpOf(bytes) }], normalization: 'format' })
    expect(result.errors).toEqual([])
    expect(xmpOf(bytes)).toContain('<rdf:li xml:lang="x-default">Trade &amp; &lt;Climate&gt; “Łódź” Declaration</rdf:li>')
    expect(xmpOf(bytes)).toContain('<pdf:Keywords>a&amp;b, &lt;c&gt;</pdf:Keywords>')
  })

  it('keeps the real characters in the document information', async () => {
    const info = await infoOf(await readPdf(bytes))
    expect(info).toMatchObject({ Title: 'Trade & <Climate> “Łódź” Declaration', Author: 'R&D <Unit>', Keywords: 'a&b, <c>' })
  })

  it('sets letters outside the first font set from the fallback set, and still extracts every word', async () => {
    const read = await readPdf(bytes)
    expect(words(read.pages.join(' '))).toEqual(words(renderText(tricky)))
    expect(read.fonts.map((font) => font.name).sort()).toEqual([
      'BZZZZZ+NotoSerif-Bold',
      'CZZZZZ+NotoSerif-Bold',
      'DZZZZZ+NotoSerif-Regular',
      // The copy of the regular face that sets hyphens (line-end and U+2010/U+2011) apart from the text layer.
      'EZZZZZ+NotoSerif-Regular',
      'FZZZZZ+NotoSerif-Italic',
    ])
  })
})

describe('renderPdf in other scripts', () => {
  it('sets a Russian declaration in the Cyrillic faces and extracts every word', async () => {
    const russian: Declaration = {
      ...tricky,
      language: 'ru',
      title: 'Декларация КС29 о «зелёных» цифровых действиях',
      preamble: {
        formula: formula('Мы, национальные правительства и другие заинтересованные стороны;'),
        paragraphs: [{ type: 'paragraph', id: 'preamble-1', lead: 'Признавая', text: [{ type: 'text', value: 'необходимость смягчения последствий изменения климата;' }] }],
      },
    }
    const read = await readPdf(await renderPdf(russian))
    expect(words(read.pages.join(' '))).toEqual(words(renderText(russian)))
    expect(read.fonts.every((font) => /^[A-Z]{6}\+NotoSerif-/.test(font.name))).toBe(true)
  })
})

describe('renderPdf line breaking', () => {
  it('cuts a word wider than the text column instead of running into the margin', async () => {
    const long = `https://example.org/${'green-digital-action/'.repeat(8)}`
    const doc: Declaration = { ...tricky, preamble: { ...tricky.preamble!, formula: formula(`See ${long} for more.`) } }
    const read = await readPdf(await renderPdf(doc))
    expect(Math.max(...read.right)).toBeLessThanOrEqual(595.28 - 71 + 0.01)
    expect(read.pages.join(' ').replace(/\s/g, '')).toContain(long)
  })
})

describe('renderPdf options', () => {
  it('sets US Letter pages when asked, and A4 by default', async () => {
    const firstPage = async (bytes: Promise<Uint8Array>) => (await readPdf(await bytes)).pdf.getPage(1)
    const letterSize = await firstPage(renderPdf(cop29Declaration, { pageSize: 'LETTER' }))
    const a4 = await firstPage(renderPdf(cop29Declaration))
    expect(letterSize.view).toEqual([0, 0, 612, 792])
    expect(a4.view).toEqual([0, 0, 595.28, 841.89])
  })

  it('renders the letter alone with annex: false, ending on its annex line', async () => {
    const bytes = await renderPdf(cop29Letter, { annex: false })
    const read = await readPdf(bytes)
    expect(words(read.pages.join(' '))).toEqual(words(renderText(cop29Letter, { annex: false })))
    expect(read.pdf.numPages).toBe(2)
    expect(tally(structureTypes(bytes)).Sect).toBeUndefined()
  })

  it('takes the creation date from the options', async () => {
    const bytes = await renderPdf(cop29Declaration, { creationDate: new Date(Date.UTC(2024, 10, 16, 9, 30)) })
    const info = await infoOf(await readPdf(bytes))
    expect(info).toMatchObject({ CreationDate: 'D:20241116093000Z', ModDate: 'D:20241116093000Z' })
  })

  it('embeds the fonts a caller passes instead of reading the bundled ones', async () => {
    const require = createRequire(import.meta.url)
    const file = (name: string) => readFile(require.resolve(`@fontsource/noto-serif/files/noto-serif-latin-${name}.woff`)).then((b) => new Uint8Array(b))
    const [regular, italic, bold, boldItalic] = await Promise.all(['400-normal', '400-italic', '700-normal', '700-italic'].map(file))
    const fonts: PdfFontFaces[] = [{ regular: regular!, italic: italic!, bold: bold!, boldItalic: boldItalic! }]
    const bytes = await renderPdf(cop29Declaration, { fonts })
    expect(Buffer.from(bytes).equals(Buffer.from(await renderPdf(cop29Declaration)))).toBe(true)
    expect((await notoSerifFonts()).length).toBe(7)
  })
})

describe('declaration-kit/pdf', () => {
  it('exports the renderer, the bundled font loader and the fixed declaration date, nothing else', async () => {
    expect(Object.keys(await import('../src/render/pdf/index.js')).sort()).toEqual(['declarationDate', 'notoSerifFonts', 'renderPdf'])
  })
})

describe('renderPdf errors', () => {
  it('names a missing annex as a DocumentError', async () => {
    const error = await renderPdf(cop29Letter).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(DocumentError)
    expect((error as DocumentError).issues).toEqual([
      {
        code: 'missing_annex',
        message: 'annex 1: document "cop29-green-digital-action" was not supplied; pass it in the annexes option, or set annex: false',
        path: ['annexes', 0, 'ref'],
      },
    ])
  })

  it('rejects an unknown page size and an empty font list', async () => {
    await expect(renderPdf(cop29Declaration, { pageSize: 'B5' as 'A4' })).rejects.toThrow('pageSize "B5": expected one of "A4", "LETTER"')
    await expect(renderPdf(cop29Declaration, { fonts: [] })).rejects.toThrow(DocumentError)
  })
})
