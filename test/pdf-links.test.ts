import { defaultHouseStyle } from '../src/render/house-style.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { cop29Declaration } from '../src/content/index.js'
import type { Block, Declaration, List } from '../src/model/declaration.js'
import type { Inline } from '../src/model/inline.js'
import { renderPdf } from '../src/render/pdf/index.js'
import { renderText, words } from '../src/render/text.js'
import { readPdf, type Glyphs, type ReadLink, type ReadPdf } from './pdf-reader.js'

const link = (url: string, ...children: Inline[]): Inline => ({ type: 'link', url, children })
const text = (value: string): Inline => ({ type: 'text', value })

// A link whose text fills more than a page, so that it wraps over many lines and onto the next page.
const longText = Array.from({ length: 300 }, (_, index) => `green digital action ${index + 1}`).join(' ')

const [objectives, ...rest] = cop29Declaration.body as [List, ...Block[]]
const preamble = cop29Declaration.preamble!

const linked: Declaration = {
  ...cop29Declaration,
  preamble: {
    ...preamble,
    formula: { ...preamble.formula!, text: [text('We, the signatories, read '), link('https://example.org/long', text(longText)), text(', and agree.')] },
    paragraphs: preamble.paragraphs.slice(0, 1),
  },
  body: [
    {
      ...objectives,
      intro: {
        ...objectives.intro!,
        text: [
          text('See '),
          { type: 'strong', children: [link('https://www.itu.int/cop29/', text("ITU's COP29 pages"))] },
          text(' and '),
          link('https://www.itu.int/green', text('https://www.itu.int/green')),
          text(' or '),
          link('https://a.example/', text('one')),
          text(' '),
          link('https://b.example/', text('two')),
          text(':'),
        ],
      },
      items: objectives.items.slice(0, 1),
    },
    ...rest,
  ],
}

let read: ReadPdf

beforeAll(async () => {
  read = await readPdf(await renderPdf(linked))
})

// The glyphs of a link on one page, grouped by baseline (one group per line).
function lines(link: ReadLink): Map<number, Glyphs[]> {
  const byBaseline = new Map<number, Glyphs[]>()
  for (const glyph of link.glyphs) byBaseline.set(glyph.baseline, [...(byBaseline.get(glyph.baseline) ?? []), glyph])
  return byBaseline
}

const bodySize = defaultHouseStyle.sizes.body

describe('renderPdf links that wrap', () => {
  it('still gives back every word, in order', () => {
    expect(words(read.pages.join(' '))).toEqual(words(renderText(linked)))
  })

  it('gives a link that wraps one annotation per line fragment, on each page it reaches', () => {
    const long = read.links.map((page) => page.find((candidate) => candidate.text.startsWith('green') || candidate.text.includes('digital action 300')))
    expect(long[0]).toBeDefined()
    expect(long[1]).toBeDefined()
    expect(`${long[0]!.text} ${long[1]!.text}`).toBe(longText)
    for (const [index, part] of long.slice(0, 2).entries()) {
      const annotations = read.annotations[index]!.filter((annotation) => part!.objects.includes(annotation.id))
      expect(annotations).toHaveLength(lines(part!).size)
      expect(annotations.length).toBeGreaterThan(3)
      expect(annotations.every((annotation) => annotation.url === 'https://example.org/long' && annotation.contents === `${longText} (https://example.org/long)`)).toBe(true)
    }
  })

  it('puts each fragment over exactly the glyphs of the link on its line', () => {
    read.links.forEach((page, index) => {
      for (const part of page) {
        const annotations = read.annotations[index]!.filter((annotation) => part.objects.includes(annotation.id))
        expect(annotations.map((annotation) => annotation.rect)).toEqual(
          [...lines(part).values()].map((glyphs) => [
            expect.closeTo(Math.min(...glyphs.map((glyph) => glyph.left)), 3),
            expect.closeTo(glyphs[0]!.baseline - 0.293 * bodySize, 3),
            expect.closeTo(Math.max(...glyphs.map((glyph) => glyph.right)), 3),
            expect.closeTo(glyphs[0]!.baseline + 1.069 * bodySize, 3),
          ]),
        )
      }
    })
  })

  it('references every annotation from a Link element on its own page, and no annotation twice', () => {
    const ids = read.annotations.map((page) => page.map((annotation) => annotation.id).sort())
    expect(read.links.map((page) => page.flatMap((part) => part.objects).sort())).toEqual(ids)
  })

  it('makes links inside bold text, bare addresses and neighbouring links each a Link of their own, described for a listener', () => {
    const others = read.annotations.flat().filter((annotation) => annotation.url !== 'https://example.org/long')
    expect(others.map(({ url, contents }) => ({ url, contents }))).toEqual([
      { url: 'https://www.itu.int/cop29/', contents: "ITU's COP29 pages (https://www.itu.int/cop29/)" },
      { url: 'https://www.itu.int/green', contents: 'https://www.itu.int/green' },
      { url: 'https://a.example/', contents: 'one (https://a.example/)' },
      { url: 'https://b.example/', contents: 'two (https://b.example/)' },
      { url: 'mailto:digitalisation@cop29.az', contents: 'E-mail digitalisation@cop29.az' },
    ])
    expect(read.links.flat().map((part) => part.text).slice(-5)).toEqual(["ITU's COP29 pages", 'https://www.itu.int/green', 'one', 'two', 'digitalisation@cop29.az'])
  })
})
