import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { cop29Declaration } from '../src/content/index.js'
import { alignDocuments } from '../src/diff/align-documents.js'
import { languageNames, renderAlignmentDocx } from '../src/diff/align-docx.js'
import type { Section } from '../src/model/declaration.js'
import { text } from '../src/model/inline.js'

const french = structuredClone(cop29Declaration)
french.language = 'fr'
french.title = 'Déclaration de la COP29 sur l’action du secteur du numérique pour l’environnement'
french.preamble!.paragraphs[0]!.lead = 'Reconnaissant'
french.preamble!.paragraphs.splice(3, 1)
;(french.body[2] as Section).body.push({ type: 'paragraph', id: 'section-2-3', text: text('Paragraphe ajouté\u202F!') })
const alignment = alignDocuments(cop29Declaration, french)

const unescape = (xml: string) => xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
const cellText = (cell: string) => unescape([...cell.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))

describe('renderAlignmentDocx', () => {
  let bytes: Uint8Array
  let rows: string[][]
  let xml: string
  beforeAll(async () => {
    bytes = await renderAlignmentDocx(alignment)
    xml = strFromU8(unzipSync(bytes)['word/document.xml']!)
    rows = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((row) => [...row[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => cellText(cell[1]!)))
  })

  it('has one table row per clause under a header, label | source | target', () => {
    expect(rows).toHaveLength(alignment.rows.length + 1)
    expect(rows[0]).toEqual(['Clause', 'English', 'français'])
    expect(rows[1]).toEqual(['Title', 'COP29 Declaration on Green Digital Action', 'Déclaration de la COP29 sur l’action du secteur du numérique pour l’environnement'])
    expect(rows.slice(1).map((row) => row[1])).toEqual(alignment.rows.map((row) => row.source ?? ''))
    expect(rows.slice(1).map((row) => row[2])).toEqual(alignment.rows.map((row) => row.target ?? ''))
  })

  it('names what is missing and what is extra', () => {
    expect(rows.slice(1).filter((_, index) => ['missing', 'extra'].includes(alignment.rows[index]!.status)).map((row) => row[0])).toEqual([
      'Preambular clause 4 (missing in target)',
      'Paragraphe 3 (Collaboration) (only in target)',
    ])
  })

  it('tags the target column with the target language', () => {
    expect(xml).toContain('<w:lang w:val="fr-FR"/></w:rPr><w:t xml:space="preserve">Paragraphe ajouté\u202F!</w:t>')
  })

  it('repeats the header row on every page and never splits a row across two', () => {
    const rowProperties = [...xml.matchAll(/<w:tr>(<w:trPr>[\s\S]*?<\/w:trPr>)?/g)].map((m) => m[1])
    expect(rowProperties).toHaveLength(alignment.rows.length + 1)
    expect(rowProperties[0]).toBe('<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>')
    expect(new Set(rowProperties.slice(1))).toEqual(new Set(['<w:trPr><w:cantSplit/></w:trPr>']))
  })

  it('heads each text column with its language’s name in that language, tagged with it', () => {
    expect(xml).toContain('<w:r><w:rPr><w:rStyle w:val="Strong"/><w:lang w:val="en-GB"/></w:rPr><w:t xml:space="preserve">English</w:t></w:r>')
    expect(xml).toContain('<w:r><w:rPr><w:rStyle w:val="Strong"/><w:lang w:val="fr-FR"/></w:rPr><w:t xml:space="preserve">français</w:t></w:r>')
  })

  it('keeps the lead phrases italic and the objective titles bold, in both columns', () => {
    const row = [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]).find((r) => r.includes('Reconnaissant'))!
    expect(row).toContain('<w:r><w:rPr><w:rStyle w:val="Emphasis"/><w:lang w:val="en-GB"/></w:rPr><w:t xml:space="preserve">Recognising</w:t></w:r><w:r><w:rPr><w:lang w:val="en-GB"/></w:rPr><w:t xml:space="preserve"> the imperative')
    expect(row).toContain('<w:r><w:rPr><w:rStyle w:val="Emphasis"/><w:lang w:val="fr-FR"/></w:rPr><w:t xml:space="preserve">Reconnaissant</w:t></w:r><w:r><w:rPr><w:lang w:val="fr-FR"/></w:rPr><w:t xml:space="preserve"> the imperative')
    expect(xml).toContain('<w:r><w:rPr><w:rStyle w:val="Strong"/><w:lang w:val="fr-FR"/></w:rPr><w:t xml:space="preserve">Leveraging Digital Technologies and Tools for Climate Action:</w:t></w:r>')
    // The eight preambular leads of the source, and the seven left in the target (one clause removed).
    expect(xml.match(/<w:rStyle w:val="Emphasis"\/>/g)).toHaveLength(8 + 7)
  })

  it('numbers its pages in the footer', () => {
    const footer = strFromU8(unzipSync(bytes)['word/footer1.xml']!)
    expect(xml).toMatch(/<w:sectPr><w:footerReference w:type="default" r:id="rId\d+"\/><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/)
    expect([...footer.matchAll(/<w:instrText xml:space="preserve">([^<]*)<\/w:instrText>|<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1] ?? m[2])).toEqual(['PAGE', '/', 'NUMPAGES'])
  })

  it('repeats its bytes', async () => {
    expect(await renderAlignmentDocx(alignment)).toEqual(bytes)
  })
})

describe('languageNames', () => {
  it('names each language in itself, and tells two variants of one language apart by region', () => {
    expect(languageNames('en-GB', 'fr')).toEqual(['English', 'français'])
    expect(languageNames('fr', 'es')).toEqual(['français', 'español'])
    expect(languageNames('en-GB', 'en-US')).toEqual(['British English', 'American English'])
    expect(languageNames('en', 'not a tag')).toEqual(['English', 'not a tag'])
  })
})
