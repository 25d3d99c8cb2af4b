import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { cop29Declaration, cop29Letter } from '../src/content/index.js'
import { renderRedlineDocx } from '../src/diff/redline-docx.js'
import { comparedUnits } from '../src/render/units.js'
import type { Document } from '../src/model/document.js'
import { text } from '../src/model/inline.js'
import type { Letter } from '../src/model/letter.js'
import { parseDeclaration } from '../src/parse/index.js'
import draft2Source from './fixtures/diff/declaration.draft-2.en.md'

const draft2 = parseDeclaration(draft2Source)
const options = { author: 'Document team', date: new Date('2024-11-10T09:00:00Z') }

const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!)
const unescape = (xml: string) => xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

/** The text of each paragraph after accepting (or rejecting) every tracked change, as Word does. */
function resolve(xml: string, choice: 'accept' | 'reject'): string[] {
  const [drop, keep] = choice === 'accept' ? ['del', 'ins'] : ['ins', 'del']
  const body = xml
    .replace(new RegExp(`<w:${drop}\\b[^>]*[^/]>[\\s\\S]*?</w:${drop}>`, 'g'), '')
    .replace(new RegExp(`<w:${keep}\\b[^>]*[^/]>([\\s\\S]*?)</w:${keep}>`, 'g'), '$1')
    .replace(/<w:delText\b/g, '<w:t').replace(/<\/w:delText>/g, '</w:t>')
  const paragraphs = [...body.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((match) => match[1]!)
  // A paragraph whose mark is tracked as dropped merges away; ours are then empty.
  return paragraphs
    .filter((p) => !new RegExp(`<w:pPr>[\\s\\S]*<w:${drop}\\b[^>]*/>[\\s\\S]*</w:pPr>`).test(p))
    .map((p) => unescape([...p.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((match) => match[1]!).join('')))
}

const printed = (doc: Document) => comparedUnits(doc).map((unit) => `${unit.prefix ?? ''}${unit.text}`)

describe('renderRedlineDocx on the bundled declaration and its second draft', () => {
  let bytes: Uint8Array
  let xml: string
  beforeAll(async () => {
    bytes = await renderRedlineDocx(cop29Declaration, draft2, options)
    xml = documentXml(bytes)
  })

  it('gives the new draft when every change is accepted', () => {
    expect(resolve(xml, 'accept')).toEqual(printed(draft2))
  })

  it('gives the old draft when every change is rejected', () => {
    expect(resolve(xml, 'reject')).toEqual(printed(cop29Declaration))
  })

  it('tracks the changes where they are, with the author and date given', () => {
    const inserted = [...xml.matchAll(/<w:ins w:id="\d+" w:author="Document team" w:date="2024-11-10T09:00:00Z">[\s\S]*?<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!))
    const deleted = [...xml.matchAll(/<w:del w:id="\d+" w:author="Document team" w:date="2024-11-10T09:00:00Z">[\s\S]*?<w:delText[^>]*>([^<]*)<\/w:delText>/g)].map((m) => unescape(m[1]!))
    expect(inserted).toEqual([
      'Welcoming',
      ' the growing number of national strategies that address both digital transformation and climate action;',
      'robust ',
      'measure',
      'VII. ',
      'VIII. ',
      'Encouraging Sustainable Consumer Practices:',
      ' Promote awareness and education on sustainable digital consumption and practices among consumers.',
      '\u00A0',
      '’',
    ])
    expect(deleted).toEqual([
      'Expressing deep concern',
      ' about the potential effects that disinformation and misinformation may have on the credibility of scientific knowledge and on the global perception of the causes and potential impacts of climate change, as well as on public awareness, mobilisation and collective action to prevent and combat these impacts;',
      'estimate',
      'VII. ',
      'Encouraging Sustainable Consumer Practices:',
      ' Promote awareness and education on sustainable digital consumption and practices among consumers.',
      'VIII. ',
      ' ',
      "'",
    ])
  })

  it('keeps the lead phrases italic and the objective titles bold, inside tracked changes too', () => {
    expect(xml).toMatch(/<w:ins [^>]*><w:r><w:rPr><w:i\/>(<w:iCs\/>)?<\/w:rPr><w:t xml:space="preserve">Welcoming<\/w:t>/)
    expect(xml).toMatch(/<w:r><w:rPr><w:b\/>(<w:bCs\/>)?<\/w:rPr><w:t xml:space="preserve">Data-driven decision-making:<\/w:t>/)
  })

  it('repeats its bytes', async () => {
    expect(await renderRedlineDocx(cop29Declaration, draft2, options)).toEqual(bytes)
  })
})

describe('renderRedlineDocx on letters', () => {
  const edited: Letter = structuredClone(cop29Letter)
  edited.subject = edited.subject.replaceAll("'", '’')
  edited.addressees.splice(1, 1)
  edited.body.splice(2, 0, { id: 'body-new', text: text('Un paragraphe ajouté, avec une espace fine\u202F; et une insécable\u00A0: voilà.') })
  edited.date = '2024-11-08'

  it('accepts to the new letter and rejects to the old one', async () => {
    const xml = documentXml(await renderRedlineDocx(cop29Letter, edited))
    expect(resolve(xml, 'accept')).toEqual(printed(edited))
    expect(resolve(xml, 'reject')).toEqual(printed(cop29Letter))
    expect(xml).toContain('w:author="declaration-kit" w:date="2024-11-08T00:00:00Z"')
  })
})
