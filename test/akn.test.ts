import { beforeAll, describe, expect, it } from 'vitest'
import type { Element } from '@xmldom/xmldom'
import { cop29Declaration, cop29Letter } from '../src/content/index.js'
import { DocumentError } from '../src/model/issues.js'
import { parseDeclaration } from '../src/parse/index.js'
import { renderText, words } from '../src/render/text.js'
import { fromXliff, toAkomaNtoso, toXliff } from '../src/interchange/index.js'
import resolutionSource from './fixtures/real/a-res-73-8.en.md'
import { fillTargets, hasSchemas, parseXml, validateAknEach } from './helpers/interchange.js'

const AKN = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'

let declarationAkn: string
let letterAkn: string
let frenchAkn: string
let resolutionAkn: string

beforeAll(() => {
  declarationAkn = toAkomaNtoso(cop29Declaration, { date: '2024-11-07' })
  letterAkn = toAkomaNtoso(cop29Letter, { annexes: [cop29Declaration] })
  const french = fromXliff(fillTargets(toXliff(cop29Declaration, { targetLanguage: 'fr' })), cop29Declaration)
  frenchAkn = toAkomaNtoso(french, { date: '2024-11-07' })
  resolutionAkn = toAkomaNtoso(parseDeclaration(resolutionSource))
})

function eIds(xml: string): string[] {
  return Array.from(parseXml(xml).getElementsByTagName('*'))
    .map((e) => e.getAttribute('eId'))
    .filter((id): id is string => id !== null)
}

function byEId(xml: string, eId: string): Element {
  return Array.from(parseXml(xml).getElementsByTagName('*')).find((e) => e.getAttribute('eId') === eId)!
}

function attr(xml: string, tag: string, name: string): (string | null)[] {
  return Array.from(parseXml(xml).getElementsByTagName(tag)).map((e) => e.getAttribute(name))
}

// The words a reader sees: every text outside meta, line breaks as spaces. Objective titles are printed "Title:" but an
// AKN heading holds the title alone, so a colon ending a word is not compared.
function printedWords(xml: string): string[] {
  const doc = parseXml(xml)
  for (const meta of Array.from(doc.getElementsByTagName('meta'))) meta.parentNode!.removeChild(meta)
  // A line break (eol) separates words as a space does.
  for (const eol of Array.from(doc.getElementsByTagName('eol'))) eol.parentNode!.replaceChild(doc.createTextNode(' '), eol)
  const blocks = Array.from(doc.getElementsByTagName('*')).filter((e) => ['p', 'num', 'heading', 'listIntroduction'].includes(e.localName!))
  return words(blocks.map((b) => b.textContent).join(' ')).map((w) => w.replace(/:$/, ''))
}

describe('toAkomaNtoso: a declaration', () => {
  it('is a statement named declaration in the AKN 3.0 namespace', () => {
    const root = parseXml(declarationAkn).documentElement!
    expect([root.localName, root.namespaceURI]).toEqual(['akomaNtoso', AKN])
    expect(attr(declarationAkn, 'statement', 'name')).toEqual(['declaration'])
    expect(attr(declarationAkn, 'doc', 'name')).toEqual([])
  })

  it('identifies Work, Expression and Manifestation with FRBR URIs dated by the date option', () => {
    expect(attr(declarationAkn, 'FRBRthis', 'value')).toEqual([
      '/akn/un/statement/declaration/2024-11-07/cop29-green-digital-action/!main',
      '/akn/un/statement/declaration/2024-11-07/cop29-green-digital-action/eng@/!main',
      '/akn/un/statement/declaration/2024-11-07/cop29-green-digital-action/eng@/!main.xml',
    ])
    expect(attr(declarationAkn, 'FRBRdate', 'date')).toEqual(['2024-11-07', '2024-11-07', '2024-11-07'])
    expect(attr(declarationAkn, 'FRBRlanguage', 'language')).toEqual(['eng'])
  })

  it('puts the title in preface/longTitle, the opening formula and the recitals in the preamble', () => {
    expect(parseXml(declarationAkn).getElementsByTagName('longTitle')[0]!.textContent!.trim()).toBe('COP29 Declaration on Green Digital Action')
    expect(byEId(declarationAkn, 'preamble__formula_1').getAttribute('name')).toBe('enactingFormula')
    expect(attr(declarationAkn, 'recital', 'eId')).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `preamble__recs_1__rec_${n}`))
    expect(byEId(declarationAkn, 'preamble__recs_1__rec_3').textContent!.trim().startsWith('Noting with concern the adverse climate impacts')).toBe(true)
  })

  it('puts the numbered paragraphs in an hcontainer whose intro is their lead-in, one paragraph each with num, heading and content', () => {
    const objectives = byEId(declarationAkn, 'list_1')
    expect([objectives.localName, objectives.getAttribute('name')]).toEqual(['hcontainer', 'paragraphs'])
    expect(objectives.getElementsByTagName('intro')[0]!.textContent!.trim()).toBe('Affirm within our respective mandates the following common objectives:')
    const third = byEId(declarationAkn, 'list_1__para_III')
    expect(third.getElementsByTagName('num')[0]!.textContent).toBe('III.')
    expect(third.getElementsByTagName('heading')[0]!.textContent).toBe("Mitigating Digitalisation's Climate Impact:")
    expect(third.getElementsByTagName('content')[0]!.textContent!.trim().startsWith('Develop policies')).toBe(true)
  })

  it('gives each section an hcontainer, and the endorsement list one of its own inside its section', () => {
    expect(attr(declarationAkn, 'hcontainer', 'eId')).toEqual(['list_1', 'sec_1', 'sec_2', 'sec_2__list_1'])
    expect(byEId(declarationAkn, 'sec_2__para_1').parentNode!.nodeName).toBe('hcontainer')
    const endorsement = byEId(declarationAkn, 'sec_2__list_1')
    expect(endorsement.parentNode!.nodeName).toBe('hcontainer')
    expect(endorsement.getElementsByTagName('intro')[0]!.textContent!.trim()).toBe('National governments and other stakeholders can endorse this Declaration through:')
    expect(endorsement.getElementsByTagName('a')[0]!.getAttribute('href')).toBe('mailto:digitalisation@cop29.az')
  })

  it('prints every word of the declaration in reading order', () => {
    expect(printedWords(declarationAkn)).toEqual(words(renderText(cop29Declaration)).map((w) => w.replace(/:$/, '')))
  })

  it('has the same eIds in every language version', () => {
    expect(eIds(frenchAkn).filter((id) => !['issuer', 'declaration-kit'].includes(id))).toEqual(
      eIds(declarationAkn).filter((id) => !['issuer', 'declaration-kit'].includes(id)),
    )
    expect(attr(frenchAkn, 'FRBRuri', 'value')[0]).toBe(attr(declarationAkn, 'FRBRuri', 'value')[0])
    expect(attr(frenchAkn, 'FRBRlanguage', 'language')).toEqual(['fra'])
    expect(byEId(frenchAkn, 'preamble__recs_1__rec_1').textContent!.trim().startsWith('Récôgnîsîng thé')).toBe(true)
  })

  it('needs a date, which a declaration does not carry', () => {
    expect(() => toAkomaNtoso(cop29Declaration)).toThrow(DocumentError)
    expect(() => toAkomaNtoso(cop29Declaration, { date: '2024-02-30' })).toThrow('"2024-02-30" is not an ISO date (YYYY-MM-DD) that exists')
  })

  it('is a pure function', () => {
    expect(toAkomaNtoso(cop29Declaration, { date: '2024-11-07' })).toBe(declarationAkn)
  })
})

describe('toAkomaNtoso: a resolution', () => {
  it('is a statement named resolution, numbered by its symbol and dated by its own date', () => {
    expect(attr(resolutionAkn, 'statement', 'name')).toEqual(['resolution'])
    expect(attr(resolutionAkn, 'FRBRsubtype', 'value')).toEqual(['resolution'])
    expect(attr(resolutionAkn, 'FRBRnumber', 'value')).toEqual(['A/RES/73/8'])
    expect(attr(resolutionAkn, 'FRBRuri', 'value')[0]).toBe('/akn/un/statement/resolution/2018-11-01/a-res-73-8')
    expect(attr(resolutionAkn, 'FRBRdate', 'name')).toEqual(['adoption', 'adoption', 'adoption'])
  })

  it('gives every element a unique eId, an unnumbered paragraph and one numbered "1." included', () => {
    const doc = parseDeclaration(
      ['---', 'type: declaration', 'id: mixed', 'language: en', '---', '', '# Mixed', '', '## Part', '', 'Unnumbered text.', '', '1\\. Numbered text.', ''].join('\n'),
    )
    const xml = toAkomaNtoso(doc, { date: '2024-11-07' })
    expect(eIds(xml).filter((id) => id.startsWith('sec_'))).toEqual(['sec_1', 'sec_1__para_1', 'sec_1__para_1_2'])
    for (const ids of [eIds(xml), eIds(resolutionAkn)]) expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('toAkomaNtoso: a letter', () => {
  it('is a doc named circular, numbered and dated by the letter, with the declaration as attachment att_1', () => {
    expect(attr(letterAkn, 'doc', 'name')).toEqual(['circular'])
    expect(attr(letterAkn, 'statement', 'name')).toEqual(['declaration'])
    expect(attr(letterAkn, 'FRBRnumber', 'value')).toEqual(['CL-24/63'])
    expect(attr(letterAkn, 'docDate', 'date')).toEqual(['2024-11-07'])
    const attachment = byEId(letterAkn, 'att_1')
    expect(attachment.parentNode!.nodeName).toBe('attachments')
    // The annexed declaration keeps its Work URI; FRBRthis names it as the letter's first annex.
    expect(attr(letterAkn, 'FRBRthis', 'value')[3]).toBe('/akn/un/statement/declaration/2024-11-07/cop29-green-digital-action/!annex_1')
    expect(attr(letterAkn, 'FRBRuri', 'value')[3]).toBe(attr(declarationAkn, 'FRBRuri', 'value')[0])
  })

  it('prefixes the eIds of the attached declaration with att_1__', () => {
    const own = eIds(declarationAkn)
    const attached = eIds(letterAkn).filter((id) => id.startsWith('att_1__'))
    expect(attached).toEqual(own.map((id) => `att_1__${id}`))
  })

  it('gives every element a unique eId', () => {
    const ids = eIds(letterAkn)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('prints every word of the letter and its annex in reading order', () => {
    expect(printedWords(letterAkn)).toEqual(words(renderText(cop29Letter, { annexes: [cop29Declaration] })).map((w) => w.replace(/:$/, '')))
  })

  it('leaves the attachment out with annex: false, and names an annex that was not supplied', () => {
    expect(toAkomaNtoso(cop29Letter, { annex: false })).not.toContain('<attachments>')
    expect(() => toAkomaNtoso(cop29Letter)).toThrow('annex 1: document "cop29-green-digital-action" was not supplied')
  })
})

describe.skipIf(!hasSchemas)('Akoma Ntoso schema', () => {
  // The valid documents and the broken one in one run of the validator, each with its own errors.
  let errors: Promise<string[][]> | undefined
  const validated = () => (errors ??= validateAknEach([declarationAkn, frenchAkn, letterAkn, resolutionAkn, declarationAkn.replace('<mainBody>', '<mainBody><bogus/>')]))

  it('declaration, French translation and letter with annex are valid against the OASIS AKN 3.0 schema (skipped without ../shared/schemas)', async () => {
    const [declaration, french, letter, resolution] = await validated()
    expect(declaration).toEqual([])
    expect(french).toEqual([])
    expect(letter).toEqual([])
    expect(resolution).toEqual([])
  })

  it('the validator does report an invalid document (skipped without ../shared/schemas)', async () => {
    expect((await validated())[4]!.length).toBeGreaterThan(0)
  })
})
