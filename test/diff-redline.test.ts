import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { strFromU8, unzipSync } from 'fflate'
import { validateXML } from 'xmllint-wasm'
import { beforeAll, describe, expect, it } from 'vitest'
import { cop29Declaration, cop29DeclarationSource, cop29Letter } from '../src/content/index.js'
import { renderRedlineDocx } from '../src/diff/redline-docx.js'
import { renderDocx } from '../src/render/docx/render.js'
import { parts } from './docx-support.js'
import { comparedUnits } from '../src/render/units.js'
import type { Document } from '../src/model/document.js'
import { text } from '../src/model/inline.js'
import type { Letter } from '../src/model/letter.js'
import { parseDeclaration } from '../src/parse/index.js'
import draft2Source from './fixtures/diff/declaration.draft-2.en.md'
import resolutionSource from './fixtures/real/a-res-73-8.en.md'

const draft2 = parseDeclaration(draft2Source)
const options = { author: 'Document team', date: new Date('2024-11-10T09:00:00Z') }

const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!)
const unescape = (xml: string) => xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

/** The text of each paragraph after accepting (or rejecting) every tracked change, as Word does (tabs as tabs). */
function resolve(xml: string, choice: 'accept' | 'reject'): string[] {
  return resolved(xml, choice).map(paragraphText)
}

/**
 * The paragraphs left after accepting (or rejecting) every tracked change. A paragraph whose mark is dropped merges
 * with the next one, which keeps its own style and list as in Word (`next`), or takes the first one's as in
 * LibreOffice (`first`).
 */
function resolved(xml: string, choice: 'accept' | 'reject', keeps: 'next' | 'first' = 'next'): string[] {
  const [drop, keep] = choice === 'accept' ? ['del', 'ins'] : ['ins', 'del']
  const body = xml
    .replace(new RegExp(`<w:${drop}\\b[^>]*[^/]>[\\s\\S]*?</w:${drop}>`, 'g'), '')
    .replace(new RegExp(`<w:${keep}\\b[^>]*[^/]>([\\s\\S]*?)</w:${keep}>`, 'g'), '$1')
    .replace(/<w:delText\b/g, '<w:t').replace(/<\/w:delText>/g, '</w:t>')
  const out: string[] = []
  let merging: { properties: string; content: string } | undefined
  for (const [, paragraph] of body.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)) {
    const properties = /^<w:pPr>[\s\S]*?<\/w:pPr>/.exec(paragraph!)?.[0] ?? ''
    const content = paragraph!.slice(properties.length)
    const dropped = new RegExp(`<w:${drop}\\b[^>]*/>`).test(properties)
    const merged = merging ? { properties: keeps === 'first' ? merging.properties : properties, content: merging.content + content } : { properties, content }
    if (dropped) merging = merged
    else {
      out.push(merged.properties.replace(new RegExp(`<w:rPr><w:${keep}\\b[^>]*/></w:rPr>`), '') + merged.content)
      merging = undefined
    }
  }
  return out
}

const paragraphText = (p: string) => unescape([...p.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)].map((match) => match[1] ?? (match[0] === '<w:br/>' ? '\n' : '\t')).join(''))
/** A paragraph's style, list and indent, without its tracked mark. */
const layout = (p: string) => (/^<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p)?.[1] ?? '').replace(/<w:rPr>[\s\S]*?<\/w:rPr>/, '')

const cleanParagraphs = async (doc: Document) => resolved(documentXml(await renderDocx(doc, { annex: false })), 'accept')

// Objective II reworded as an editor would: four changed words around kept short ones, and two words added.
const reworded = parseDeclaration(
  cop29DeclarationSource.replace('Emphasise the importance of designing digital infrastructure resilient', 'Stress the need to design digital infrastructure that is resilient'),
)

describe('renderRedlineDocx on the bundled declaration and its second draft', () => {
  let bytes: Uint8Array
  let xml: string
  beforeAll(async () => {
    bytes = await renderRedlineDocx(cop29Declaration, draft2, options)
    xml = documentXml(bytes)
  })

  it('gives the clean new draft, paragraph for paragraph and list for list, when every change is accepted, as Word and as LibreOffice merge paragraphs', async () => {
    const clean = await cleanParagraphs(draft2)
    expect(resolve(xml, 'accept')).toEqual(clean.map(paragraphText))
    expect(resolved(xml, 'accept').map(layout)).toEqual(clean.map(layout))
    expect(resolved(xml, 'accept', 'first').map(layout)).toEqual(clean.map(layout))
  })

  it('gives the clean old draft when every change is rejected, as Word and as LibreOffice merge paragraphs', async () => {
    const clean = await cleanParagraphs(cop29Declaration)
    expect(resolve(xml, 'reject')).toEqual(clean.map(paragraphText))
    expect(resolved(xml, 'reject').map(layout)).toEqual(clean.map(layout))
    expect(resolved(xml, 'reject', 'first').map(layout)).toEqual(clean.map(layout))
  })

  it('tracks the mark of the objective before an objective added at the end of the list, so that rejecting it leaves the heading a heading', () => {
    const marks = [...xml.matchAll(/<w:p>(<w:pPr>[\s\S]*?<\/w:pPr>)/g)].map((m) => m[1]!).filter((pPr) => /<w:(ins|del) /.test(pPr))
    expect(marks.map((pPr) => /<w:(ins|del) /.exec(pPr)![1])).toEqual(['ins', 'del', 'del', 'ins'])
    expect(marks.map((pPr) => /w:pStyle w:val="([^"]*)"/.exec(pPr)![1])).toEqual(['PreambularClause', 'PreambularClause', 'Objective', 'Objective'])
  })

  it('numbers the objectives with the Word list of the clean document, not with tracked numbers', () => {
    expect(resolve(xml, 'accept').filter((p) => /^(Promote awareness|Leverage existing)/.test(p.replace(/^[^:]*: /, '')))).toEqual([
      expect.stringMatching(/^Facilitating the Sharing of Best Practices: Leverage/),
      expect.stringMatching(/^Encouraging Sustainable Consumer Practices: Promote/),
    ])
    expect(xml).not.toMatch(/>VII\. </)
    expect(xml.match(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/g)).toHaveLength(10)
  })

  it('has the clean document’s styles, lists, page, footer and faces, and tracks revisions', async () => {
    const clean = parts(await renderDocx(draft2))
    const redline = parts(bytes)
    for (const part of ['word/styles.xml', 'word/numbering.xml', 'word/footer1.xml', 'word/fontTable.xml']) expect(redline[part], part).toBe(clean[part])
    const section = (xml: string) => /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(xml)?.[0]
    expect(section(xml)).toBe(section(clean['word/document.xml']!))
    expect(redline['word/settings.xml']).toBe(clean['word/settings.xml']!.replace('<w:embedTrueTypeFonts/>', '<w:embedTrueTypeFonts/><w:trackRevisions/>'))
  })

  it('tracks the changes where they are, with the author and date given', () => {
    const inserted = [...xml.matchAll(/<w:ins w:id="\d+" w:author="Document team" w:date="2024-11-10T09:00:00Z">[\s\S]*?<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!))
    const deleted = [...xml.matchAll(/<w:del w:id="\d+" w:author="Document team" w:date="2024-11-10T09:00:00Z">[\s\S]*?<w:delText[^>]*>([^<]*)<\/w:delText>/g)].map((m) => unescape(m[1]!))
    expect(inserted).toEqual([
      'Welcoming',
      ' the growing number of national strategies that address both digital transformation and climate action;',
      'robust ',
      'measure',
      'Encouraging Sustainable Consumer Practices:',
      ' Promote awareness and education on sustainable digital consumption and practices among consumers.',
      '\u00A0',
      '’',
    ])
    expect(deleted).toEqual([
      'Expressing deep concern',
      ' about the potential effects that disinformation and misinformation may have on the credibility of scientific knowledge and on the global perception of the causes and potential impacts of climate change, as well as on public awareness, mobilisation and collective action to prevent and combat these impacts;',
      'estimate',
      'Encouraging Sustainable Consumer Practices:',
      ' Promote awareness and education on sustainable digital consumption and practices among consumers.',
      ' ',
      "'",
    ])
    expect(xml.match(/w:author="[^"]*"/g)!.every((author) => author === 'w:author="Document team"')).toBe(true)
  })

  it('keeps the lead phrases italic and the objective titles bold with the clean document’s character styles, inside tracked changes too', () => {
    expect(xml).toContain('<w:ins w:id="1" w:author="Document team" w:date="2024-11-10T09:00:00Z"><w:r><w:rPr><w:rStyle w:val="Emphasis"/></w:rPr><w:t xml:space="preserve">Welcoming</w:t></w:r></w:ins>')
    expect(xml).toContain('<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t xml:space="preserve">Data-driven decision-making:</w:t></w:r>')
  })

  it('repeats its bytes', async () => {
    expect(await renderRedlineDocx(cop29Declaration, draft2, options)).toEqual(bytes)
  })
})

describe('renderRedlineDocx on a reworded phrase', () => {
  it('deletes the old phrase in one run and inserts the new one in one run, not word by word', async () => {
    const xml = documentXml(await renderRedlineDocx(cop29Declaration, reworded, options))
    const objective = [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!).find((p) => p.includes('Stress'))!
    const readable = objective
      .replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, '')
      .replace(/<w:del [^>]*>[\s\S]*?<w:delText[^>]*>([^<]*)<\/w:delText>[\s\S]*?<\/w:del>/g, '[-$1-]')
      .replace(/<w:ins [^>]*>[\s\S]*?<w:t[^>]*>([^<]*)<\/w:t>[\s\S]*?<\/w:ins>/g, '{+$1+}')
      .replace(/<w:t[^>]*>([^<]*)<\/w:t>/g, '$1')
      .replace(/<[^>]+>/g, '')
    expect(readable).toBe(
      'Building Resilient Digital Infrastructure: [-Emphasise the importance of designing-]{+Stress the need to design+} digital infrastructure {+that is +}resilient to climate change impacts, ensuring the continued functionality of critical digital systems in adverse conditions.',
    )
    expect(objective).toContain(
      '<w:del w:id="1" w:author="Document team" w:date="2024-11-10T09:00:00Z"><w:r><w:delText xml:space="preserve">Emphasise the importance of designing</w:delText></w:r></w:del><w:ins w:id="2" w:author="Document team" w:date="2024-11-10T09:00:00Z"><w:r><w:t xml:space="preserve">Stress the need to design</w:t></w:r></w:ins>',
    )
  })
})

describe('renderRedlineDocx on drafts with a separator', () => {
  it('keeps the separator where the new draft has it, with its style, and merges no paragraph into it', async () => {
    const separated = (source: string) => parseDeclaration(source.replace('## Implementation Framework', '---\n\n## Implementation Framework'))
    const [before, after] = [separated(cop29DeclarationSource), separated(draft2Source)]
    const xml = documentXml(await renderRedlineDocx(before, after, options))
    for (const [choice, doc] of [['accept', after], ['reject', before]] as const) {
      const clean = await cleanParagraphs(doc)
      expect(resolve(xml, choice)).toEqual(clean.map(paragraphText))
      expect(resolved(xml, choice).map(layout)).toEqual(clean.map(layout))
      expect(resolved(xml, choice, 'first').map(layout)).toEqual(clean.map(layout))
    }
    expect(xml.match(/<w:p><w:pPr><w:pStyle w:val="Separator"\/><\/w:pPr><\/w:p>/g)).toHaveLength(1)
  })
})

describe('renderRedlineDocx on a General Assembly resolution', () => {
  const resolution = parseDeclaration(resolutionSource)
  const amended = parseDeclaration(resolutionSource.replace('*Requests* the Secretary-General, in consultation with', '*Requests* the Secretary-General, in close consultation with'))
  let xml: string
  beforeAll(async () => {
    xml = documentXml(await renderRedlineDocx(resolution, amended, options))
  })

  it('gives the clean resolution each way, with its footnote at the end as a paragraph of its own', async () => {
    const withNotes = (paragraphs: string[]) => [...paragraphs.map((p) => p.replace(/<w:footnoteReference w:id="1"\/>/, '<w:t>1</w:t>')), '<w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:t>1 A/73/85.</w:t>']
    for (const [choice, doc] of [['accept', amended], ['reject', resolution]] as const) {
      const clean = withNotes(await cleanParagraphs(doc))
      expect(resolve(xml, choice)).toEqual(clean.map(paragraphText))
      expect(resolved(xml, choice).map(layout)).toEqual(clean.map(layout))
    }
    expect(resolve(xml, 'accept').filter((p) => p.includes('in close consultation'))).toHaveLength(1)
  })

  it('raises the footnote mark and breaks the meeting line as the clean document does', () => {
    expect(xml).toContain('<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t xml:space="preserve">1</w:t></w:r>')
    expect(xml).toContain('<w:r><w:rPr><w:rStyle w:val="Emphasis"/></w:rPr><w:t xml:space="preserve">30th plenary meeting</w:t></w:r><w:r><w:br/></w:r><w:r><w:rPr><w:rStyle w:val="Emphasis"/></w:rPr><w:t xml:space="preserve">1 November 2018</w:t></w:r>')
  })
})

describe('renderRedlineDocx on letters', () => {
  const edited: Letter = structuredClone(cop29Letter)
  edited.subject = edited.subject.replaceAll("'", '’')
  edited.addressees.splice(1, 1)
  edited.body.splice(2, 0, { id: 'body-new', text: text('Un paragraphe ajouté, avec une espace fine\u202F; et une insécable\u00A0: voilà.') })
  edited.date = '2024-11-08'
  let xml: string
  beforeAll(async () => {
    xml = documentXml(await renderRedlineDocx(cop29Letter, edited))
  })

  it('accepts to the clean new letter and rejects to the clean old one, with its first-page layout', async () => {
    for (const [choice, doc] of [['accept', edited], ['reject', cop29Letter]] as const) {
      const clean = await cleanParagraphs(doc)
      expect(resolve(xml, choice)).toEqual(clean.map(paragraphText))
      expect(resolved(xml, choice).map(layout)).toEqual(clean.map(layout))
      expect(resolved(xml, choice, 'first').map(layout)).toEqual(clean.map(layout))
    }
  })

  it('puts the office and the date line on one line, and the reference block beside the addressees', () => {
    expect(resolve(xml, 'accept').slice(0, 10)).toEqual([
      'Secrétariat général (SG)\tGenève, le 8 novembre 2024',
      'Référence:\tCL-24/63',
      'Tél.:\t+41 22 730 5316',
      'Fax:\t+41 22 733 7256',
      'Courriel:\tgreen@itu.int',
      'Contact:\tCatalin Marinescu',
      "Aux États Membres de l'UIT;",
      "Aux Membres des Secteurs de l'UIT;",
      "Aux Associés et établissements universitaires participant aux travaux de l'UIT;",
      'Aux institutions des Nations Unies',
    ])
    expect(xml).toContain('<w:r><w:t xml:space="preserve">Genève, le </w:t></w:r><w:del w:id="1" w:author="Reviewer" w:date="2024-11-08T00:00:00Z"><w:r><w:delText xml:space="preserve">7</w:delText></w:r></w:del><w:ins w:id="2" w:author="Reviewer" w:date="2024-11-08T00:00:00Z"><w:r><w:t xml:space="preserve">8</w:t></w:r></w:ins>')
    expect(xml).toMatch(/^[\s\S]*<w:body><w:p>[\s\S]*?<\/w:p><w:tbl>/)
  })

  it('dates every change with the new letter’s date, by "Reviewer" unless told', () => {
    expect([...new Set(xml.match(/w:author="[^"]*" w:date="[^"]*"/g))]).toEqual(['w:author="Reviewer" w:date="2024-11-08T00:00:00Z"'])
  })
})

const schemaRoot = fileURLToPath(new URL(process.env.OOXML_SCHEMAS ?? '../../shared/schemas/ooxml/', import.meta.url))
const hasSchemas = existsSync(join(schemaRoot, 'ISO-IEC29500-4_2016', 'wml.xsd'))

describe('renderRedlineDocx: OOXML schema', () => {
  it.skipIf(!hasSchemas)('writes a document part valid against wml.xsd, tracked runs, marks and tables included (skipped without ../shared/schemas)', async () => {
    const schemas = readdirSync(schemaRoot, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.xsd'))
      .sort()
      .map((path) => ({ fileName: relative(schemaRoot, join(schemaRoot, path)).replaceAll('\\', '/'), contents: readFileSync(join(schemaRoot, path), 'utf8') }))
    const schema = schemas.find((file) => file.fileName === 'ISO-IEC29500-4_2016/wml.xsd')!
    const letter: Letter = { ...structuredClone(cop29Letter), date: '2024-11-08' }
    letter.addressees.splice(1, 1)
    const redlines = [await renderRedlineDocx(cop29Declaration, draft2, options), await renderRedlineDocx(cop29Letter, letter, options), await renderRedlineDocx(parseDeclaration(resolutionSource), parseDeclaration(resolutionSource.replace('consultation', 'close consultation')), options)]
    const xml = redlines.map((bytes, index) => ({ fileName: `redline-${index}.xml`, contents: documentXml(bytes) }))
    const result = await validateXML({ xml, schema, preload: schemas.filter((file) => file !== schema), maxMemoryPages: 16384 })
    expect(result.errors.map((error) => error.rawMessage)).toEqual([])
    expect(result.valid).toBe(true)
  })
})
