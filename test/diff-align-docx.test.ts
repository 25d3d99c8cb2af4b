import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { cop29Declaration } from '../src/content/index.js'
import { alignDocuments } from '../src/diff/align-documents.js'
import { renderAlignmentDocx } from '../src/diff/align-docx.js'
import type { Section } from '../src/model/declaration.js'
import { text } from '../src/model/inline.js'

const french = structuredClone(cop29Declaration)
french.language = 'fr'
french.title = 'Déclaration de la COP29 sur l’action du secteur du numérique pour l’environnement'
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
    expect(rows[0]).toEqual(['Clause', 'en-GB', 'fr'])
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

  it('repeats its bytes', async () => {
    expect(await renderAlignmentDocx(alignment)).toEqual(bytes)
  })
})
