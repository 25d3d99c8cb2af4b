import { defaultHouseStyle } from '../src/render/house-style.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { cop29Declaration, cop29Letter } from '../src/content/index.js'
import { renderPdf } from '../src/render/pdf/index.js'
import { addresseeDash } from '../src/render/pdf/letter.js'
import { renderText, words } from '../src/render/text.js'
import { horizontalStrokes, infoOf, pdfObjects, readPdf, structureTypes, tally, type ReadPdf } from './pdf-reader.js'

let declarationBytes: Uint8Array
let letterBytes: Uint8Array
let declaration: ReadPdf
let letter: ReadPdf

beforeAll(async () => {
  declarationBytes = await renderPdf(cop29Declaration)
  letterBytes = await renderPdf(cop29Letter, { annexes: [cop29Declaration] })
  ;[declaration, letter] = await Promise.all([readPdf(declarationBytes), readPdf(letterBytes)])
})

const objectiveTitles = [
  'I. Leveraging Digital Technologies and Tools for Climate Action',
  'II. Building Resilient Digital Infrastructure',
  "III. Mitigating Digitalisation's Climate Impact",
  'IV. Promoting Digital Inclusion and Literacy',
  'V. Data-driven decision-making',
  'VI. Fostering Sustainable Innovation',
  'VII. Encouraging Sustainable Consumer Practices',
  'VIII. Facilitating the Sharing of Best Practices',
]

const bodySize = defaultHouseStyle.sizes.body

describe('renderPdf text', () => {
  it('gives back every word of the declaration, in order, as an independent reader extracts it', () => {
    expect(words(declaration.pages.join(' '))).toEqual(words(renderText(cop29Declaration)))
  })

  it('gives back every word of the letter and its annex, in order', () => {
    expect(words(letter.pages.join(' '))).toEqual(words(renderText(cop29Letter, { annexes: [cop29Declaration] })))
  })

  it('numbers every page after the first as a pagination artifact, outside the text, with the letter reference at the head', () => {
    expect(declaration.artifacts).toEqual(['', '2/3', '3/3'])
    expect(letter.artifacts).toEqual(['', 'CL-24/63 2/5', 'CL-24/63 3/5', 'CL-24/63 4/5', 'CL-24/63 5/5'])
  })

  it('leaves no page without text', () => {
    for (const page of [...declaration.pages, ...letter.pages]) expect(page.trim()).not.toBe('')
  })

  it('starts the annex on a page of its own, under its French title', () => {
    expect(letter.pages[2]!.startsWith('Annexe – Déclaration de la COP29')).toBe(true)
    expect(letter.pages[1]!.trim().endsWith('Doreen Bogdan-Martin Secrétaire générale')).toBe(true)
  })
})

describe('renderPdf fonts', () => {
  it('embeds every font it uses, as a Noto Serif subset, and never a standard font', () => {
    // The second Regular is the copy that sets the hyphens of line breaks, mapped to U+00AD in the text layer.
    expect(declaration.fonts).toEqual([
      { name: 'BZZZZZ+NotoSerif-Bold', embedded: true },
      { name: 'CZZZZZ+NotoSerif-Regular', embedded: true },
      { name: 'DZZZZZ+NotoSerif-Regular', embedded: true },
      { name: 'EZZZZZ+NotoSerif-Italic', embedded: true },
    ])
    expect(letter.fonts.every((font) => font.embedded && /^[A-Z]{6}\+NotoSerif-/.test(font.name))).toBe(true)
  })

  it('writes a font file and a ToUnicode map for every font in the file', () => {
    for (const bytes of [declarationBytes, letterBytes]) {
      const objects = pdfObjects(bytes)
      const descriptors = objects.filter((object) => object.includes('/Type /FontDescriptor'))
      const composite = objects.filter((object) => object.includes('/Subtype /Type0'))
      expect(descriptors).toHaveLength(4)
      expect(descriptors.every((object) => /\/FontFile2 \d+ 0 R/.test(object))).toBe(true)
      expect(composite).toHaveLength(4)
      expect(composite.every((object) => /\/ToUnicode \d+ 0 R/.test(object))).toBe(true)
      expect(objects.some((object) => /\/Subtype \/Type1/.test(object))).toBe(false)
    }
  })
})

describe('renderPdf metadata', () => {
  it('names the declaration language, title and subject, and shows the title in the window', async () => {
    const info = await infoOf(declaration)
    expect(info).toMatchObject({
      Language: 'en-GB',
      Title: 'COP29 Declaration on Green Digital Action',
      Keywords: 'cop29-green-digital-action, cop29',
      Creator: 'declaration-kit',
      CreationDate: 'D:20000101000000Z',
      ModDate: 'D:20000101000000Z',
    })
    expect(info.Subject).toMatch(/^We, national governments/)
    expect(await declaration.pdf.getViewerPreferences()).toEqual({ DisplayDocTitle: true })
  })

  it('dates the letter by its own date and names its office as author', async () => {
    const info = await infoOf(letter)
    expect(info).toMatchObject({
      Language: 'fr',
      Title: cop29Letter.subject,
      Author: 'Secrétariat général (SG)',
      Subject: 'Référence: CL-24/63',
      Keywords: 'CL-24/63, cop29-green-digital-action',
      CreationDate: 'D:20241107000000Z',
    })
    expect(await letter.pdf.getViewerPreferences()).toEqual({ DisplayDocTitle: true })
  })

  it('bookmarks the title, each objective and each section', async () => {
    const outline = await declaration.pdf.getOutline()
    expect(outline.map((item) => item.title)).toEqual(['COP29 Declaration on Green Digital Action'])
    expect(outline[0]!.items.map((item) => item.title)).toEqual([...objectiveTitles, 'Implementation Framework', 'Collaboration'])
  })

  it('bookmarks the letter, then its annex with the declaration inside', async () => {
    const outline = await letter.pdf.getOutline()
    expect(outline.map((item) => item.title)).toEqual([
      cop29Letter.subject,
      "Annexe – Déclaration de la COP29 sur l'action du secteur du numérique pour l'environnement (version anglaise uniquement)",
    ])
    expect(outline[1]!.items.map((item) => item.title)).toEqual(['COP29 Declaration on Green Digital Action'])
    expect(outline[1]!.items[0]!.items).toHaveLength(10)
  })
})

describe('renderPdf structure', () => {
  it('tags the declaration as one Document with headings, paragraphs and lists matching the model', () => {
    expect(tally(structureTypes(declarationBytes))).toEqual({ Document: 1, H1: 1, H2: 2, P: 13, L: 2, LI: 9, Lbl: 8, LBody: 9, Link: 1 })
    expect(declaration.roles[0]!.slice(0, 3)).toEqual(['Document', 'H1', 'P'])
  })

  it('tags the letter in French with the English annex as a section of its own language', () => {
    expect(tally(structureTypes(letterBytes))).toEqual({ Document: 1, P: 33, Link: 4, L: 3, LI: 14, LBody: 14, H1: 1, Sect: 1, H2: 1, Lbl: 8, H3: 2 })
    expect(letter.roles[0]).not.toContain('Sect@en-GB')
    expect(letter.roles[2]!.slice(0, 4)).toEqual(['Document', 'H1', 'Sect@en-GB', 'H2'])
  })

  it('never leaves a heading as the last element of a page', () => {
    for (const page of [...declaration.roles, ...letter.roles]) expect(page[page.length - 1]).not.toMatch(/^H\d/)
  })
})

describe('renderPdf links', () => {
  const summary = (read: ReadPdf) =>
    read.annotations.flatMap((page, index) => page.map((annotation) => ({ page: index + 1, url: annotation.url, contents: annotation.contents })))

  it('makes the endorsement e-mail of the declaration a link annotation with its address and description', () => {
    expect(summary(declaration)).toEqual([{ page: 3, url: 'mailto:digitalisation@cop29.az', contents: 'E-mail digitalisation@cop29.az' }])
  })

  it('makes each e-mail of the letter a link, in reading order, described in the language of its part', () => {
    expect(summary(letter)).toEqual([
      { page: 1, url: 'mailto:green@itu.int', contents: 'Courriel green@itu.int' },
      { page: 2, url: 'mailto:digitalisation@cop29.az', contents: 'Courriel digitalisation@cop29.az' },
      { page: 2, url: 'mailto:green@itu.int', contents: 'Courriel green@itu.int' },
      { page: 5, url: 'mailto:digitalisation@cop29.az', contents: 'E-mail digitalisation@cop29.az' },
    ])
  })

  it('tags each link as a Link element holding its text and an object reference to its annotation on the same page', () => {
    const links = (read: ReadPdf) => read.links.flatMap((page, index) => page.map((link) => ({ page: index + 1, text: link.text, objects: link.objects })))
    const ids = (read: ReadPdf, page: number) => read.annotations[page - 1]!.map((annotation) => annotation.id)
    expect(links(declaration)).toEqual([{ page: 3, text: 'digitalisation@cop29.az', objects: ids(declaration, 3) }])
    expect(links(letter)).toEqual([
      { page: 1, text: 'green@itu.int', objects: ids(letter, 1) },
      { page: 2, text: 'digitalisation@cop29.az', objects: ids(letter, 2).slice(0, 1) },
      { page: 2, text: 'green@itu.int', objects: ids(letter, 2).slice(1) },
      { page: 5, text: 'digitalisation@cop29.az', objects: ids(letter, 5) },
    ])
  })

  const closeTo = (value: number) => expect.closeTo(value, 3)

  it('puts each annotation over exactly the glyphs of its link, from the top of the ascenders to the bottom of the descenders', () => {
    for (const read of [declaration, letter]) {
      read.links.forEach((page, index) => {
        for (const link of page) {
          const [glyphs] = link.glyphs
          const annotation = read.annotations[index]!.find((candidate) => candidate.id === link.objects[0])!
          expect(link.glyphs).toHaveLength(1)
          const [x1, y1, x2, y2] = annotation.rect
          expect([x1, x2]).toEqual([closeTo(glyphs!.left), closeTo(glyphs!.right)])
          // Noto Serif: ascender 1069, descender -293 units per em, at the house style's body size.
          expect([y1, y2]).toEqual([closeTo(glyphs!.baseline - 0.293 * bodySize), closeTo(glyphs!.baseline + 1.069 * bodySize)])
        }
      })
    }
  })

  it('gives each link annotation a key in the structure parent tree and each page a structure tab order', () => {
    for (const [read, bytes] of [[declaration, declarationBytes], [letter, letterBytes]] as const) {
      const keys = read.annotations.flat().map((annotation) => annotation.structParent)
      expect(keys.every((key) => Number.isInteger(key))).toBe(true)
      expect(new Set(keys).size).toBe(keys.length)
      const pages = pdfObjects(bytes).filter((object) => /\/Type \/Page\n/.test(object))
      expect(pages).toHaveLength(read.pages.length)
      expect(pages.every((page) => page.includes('/Tabs /S'))).toBe(true)
    }
  })
})

describe('renderPdf reproducibility', () => {
  it('gives the same bytes for the same document and options', async () => {
    expect(Buffer.from(await renderPdf(cop29Declaration)).equals(Buffer.from(declarationBytes))).toBe(true)
    expect(Buffer.from(await renderPdf(cop29Letter, { annexes: [cop29Declaration] })).equals(Buffer.from(letterBytes))).toBe(true)
  })
})

describe('the letter\'s addressee dash', () => {
  it('has the size and height of the DOCX bullet, Noto Serif\'s en dash: 0.5 em wide, 0.059 em thick, its middle 0.2685 em above the baseline', () => {
    expect(addresseeDash(10.5)).toEqual({ rise: 2.819, width: 5.25, thickness: 0.619 })
    expect(addresseeDash(11)).toEqual({ rise: 2.954, width: 5.5, thickness: 0.649 })
  })

  it('draws it before each addressee at that height: 2.954 pt over the baseline the fourth addressee shares with the e-mail line', async () => {
    const dashes = (await horizontalStrokes(letter, 1)).filter((stroke) => stroke.colour === '#000000')
    expect(dashes.map(({ left, right, width }) => ({ left, right, width }))).toEqual(Array(5).fill({ left: 266.29, right: 271.79, width: 0.649 }))
    const email = letter.links[0]![0]!.glyphs[0]!
    expect(Math.round((dashes[3]!.y - email.baseline) * 1000) / 1000).toBe(2.954)
  })
})

describe('the letter\'s label column', () => {
  it('sets the reference values and the subject 63.25 pt (5.75 em of 11 pt) from the margin, the DOCX\'s tab stop', () => {
    const email = letter.links[0]![0]!.glyphs[0]!
    expect(Math.round((email.left - 85.04) * 1000) / 1000).toBe(63.25)
  })
})

describe('the letter\'s links', () => {
  it('prints the e-mail of the reference block in the house style\'s link colour, underlined under its glyphs, as the DOCX\'s Hyperlink style does', async () => {
    const email = letter.links[0]![0]!
    expect(email.text).toBe('green@itu.int')
    const underlines = (await horizontalStrokes(letter, 1)).filter((stroke) => stroke.colour === defaultHouseStyle.colours.link)
    expect(underlines).toEqual([{ colour: '#0563c1', width: 1, left: 148.29, right: 219.999, y: 693.048 }])
    expect([underlines[0]!.left, underlines[0]!.right]).toEqual([email.glyphs[0]!.left, Math.round(email.glyphs[0]!.right * 1000) / 1000])
  })
})
