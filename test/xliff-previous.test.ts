import { beforeAll, describe, expect, it } from 'vitest'
import { cop29Declaration, cop29DeclarationSource } from '../src/content/index.js'
import type { Declaration } from '../src/model/declaration.js'
import { DocumentError } from '../src/model/issues.js'
import { parseDeclaration } from '../src/parse/index.js'
import { fromXliff, toXliff } from '../src/interchange/index.js'
import { fillTargets, hasSchemas, parseXml, pseudo, validateXliff } from './helpers/interchange.js'

// A second draft: a preambular clause inserted after the second (the later ones are renumbered),
// paragraph II reworded, the profile dropped (it fixes eight preambular clauses).
const draft2Source = cop29DeclarationSource
  .replace('profile: cop29\n', '')
  .replace('\n*Noting with concern*', '\n*Welcoming* the work of the Green Digital Action coalition;\n\n*Noting with concern*')
  .replace('Emphasise the importance of designing', 'Stress the importance of designing')

let previous: string
let draft2: Declaration
let updated: string

interface Segment {
  state: string | null
  target: string | null
  notes: Record<string, string>
}

function units(xliff: string): Map<string, Segment> {
  const out = new Map<string, Segment>()
  for (const unit of Array.from(parseXml(xliff).getElementsByTagName('unit'))) {
    const segment = unit.getElementsByTagName('segment')[0]!
    const target = segment.getElementsByTagName('target')[0]
    const notes = Object.fromEntries(Array.from(unit.getElementsByTagName('note')).map((n) => [n.getAttribute('category'), n.textContent]))
    out.set(unit.getAttribute('id')!, { state: segment.getAttribute('state'), target: target ? target.textContent : null, notes })
  }
  return out
}

beforeAll(() => {
  previous = fillTargets(toXliff(cop29Declaration, { targetLanguage: 'fr' }), 'reviewed')
  draft2 = parseDeclaration(draft2Source)
  updated = toXliff(draft2, { targetLanguage: 'fr', previous })
})

describe('toXliff with a previous translation', () => {
  it('keeps the target and state of unchanged units', () => {
    const unit = units(updated).get('preamble-1')!
    expect(unit.state).toBe('reviewed')
    expect(unit.target).toBe(pseudo('Recognising the imperative to mitigate and adapt to climate change and underscoring the important role of digital technologies in achieving these objectives, the objective of the United Nations Framework Convention on Climate Change (UNFCCC) and the goals of the Paris Agreement, the 2030 Agenda for Sustainable Development and the Pact of the Future;'))
    expect(units(updated).get('title')!.target).toBe(pseudo('COP29 Declaration on Green Digital Action'))
  })

  it('follows renumbered clauses by their source: old preamble-3 is now preamble-4', () => {
    const unit = units(updated).get('preamble-4')!
    expect([unit.state, unit.target]).toEqual(['reviewed', units(previous).get('preamble-3')!.target])
    expect(unit.target).toMatch(/^Nôtîng wîth côncérn thé àdvérsé clîmàté împàcts /)
    expect(units(updated).get('preamble-9')!.state).toBe('reviewed')
  })

  it('gives a new clause no target, even where its id was another clause', () => {
    const all = units(updated)
    expect(all.get('preamble-3')).toEqual({
      state: null,
      target: null,
      notes: { label: 'Preambular clause 3', 'source-hash': expect.stringMatching(/^sha256:/) },
    })
  })

  it('keeps the old target of a modified unit as initial, with the source word diff as a note', () => {
    const unit = units(updated).get('para-2')!
    expect(unit.state).toBe('initial')
    expect(unit.target).toBe(pseudo('Building Resilient Digital Infrastructure: Emphasise the importance of designing digital infrastructure resilient to climate change impacts, ensuring the continued functionality of critical digital systems in adverse conditions.'))
    expect(unit.notes['source-diff']).toBe(
      'Source changed since the previous translation: Building Resilient Digital Infrastructure: [-Emphasise-]{+Stress+} the importance of designing digital infrastructure resilient to climate change impacts, ensuring the continued functionality of critical digital systems in adverse conditions.',
    )
    // The bold title of paragraph II is inside its unit, unchanged.
    expect(units(updated).get('para-2')!.notes.label).toBe('Paragraph II.')
  })

  it('every unit with a state other than initial has a target', () => {
    for (const unit of units(updated).values()) if ((unit.state ?? 'initial') !== 'initial') expect(unit.target).not.toBeNull()
  })

  it('imports once the remaining units are translated', () => {
    const done = fillTargets(updated, 'translated', (id) => units(updated).get(id)!.target !== null && units(updated).get(id)!.state !== 'initial')
    const translated = fromXliff(done, draft2)
    expect(translated.type === 'declaration' && translated.preamble!.paragraphs[2]!.lead).toBe('Wélcômîng')
    expect(translated.type === 'declaration' && translated.preamble!.paragraphs[3]!.lead).toBe('Nôtîng wîth côncérn')
  })

  it('rejects a previous translation into another language or from another one', () => {
    expect(() => toXliff(draft2, { targetLanguage: 'es', previous })).toThrow(DocumentError)
    expect(() => toXliff(draft2, { targetLanguage: 'es', previous })).toThrow('previous translation: it is into "fr", not "es"')
    expect(() => toXliff({ ...draft2, language: 'en-US' }, { targetLanguage: 'fr', previous })).toThrow(
      'previous translation: it translates from "en-GB"; the document is in "en-US"',
    )
  })

  it.skipIf(!hasSchemas)('is valid against the XLIFF 2.0 core schema (skipped without ../shared/schemas)', async () => {
    expect(await validateXliff(updated)).toEqual([])
  })
})
