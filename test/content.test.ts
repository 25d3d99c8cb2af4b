import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cop29Declaration, cop29DeclarationSource, cop29Letter, cop29LetterSource } from '../src/content/index.js'
import { phrasingText } from '../src/model/inline.js'
import { renderMarkdown } from '../src/render/markdown.js'
import { renderText, words } from '../src/render/text.js'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const seedPath = new URL('../../shared/seed/000_ce506c71ccceb36e.txt', import.meta.url)

describe('the bundled documents', () => {
  it('give the declaration plain text of the seed, paragraph for paragraph', () => {
    expect(renderText(cop29Declaration)).toBe(fixture('declaration.en.txt'))
  })

  it('give the letter plain text of the seed, paragraph for paragraph', () => {
    expect(renderText(cop29Letter, { annex: false })).toBe(fixture('letter.fr.txt'))
  })

  it('give the letter followed by its annex when the declaration is supplied', () => {
    expect(renderText(cop29Letter, { annexes: [cop29Declaration] })).toBe(`${fixture('letter.fr.txt')}\n${fixture('declaration.en.txt')}`)
  })

  it.skipIf(!existsSync(seedPath))('equal the seed word for word, in order (skipped without ../shared/seed)', () => {
    const seed = readFileSync(seedPath, 'utf8')
      .replaceAll('**', '')
      .replace(/\[([^\]]*)\]\(#\)/g, '$1')
      .replace(/^- /gm, '')
    const bundled = renderText(cop29Letter, { annexes: [cop29Declaration] })
    expect(words(bundled)).toEqual(words(seed))
    expect(words(bundled)).toHaveLength(1821)
  })

  it('are in canonical form: rendering the parsed Markdown gives the file back byte for byte', () => {
    expect(renderMarkdown(cop29Declaration)).toBe(cop29DeclarationSource)
    expect(renderMarkdown(cop29Letter)).toBe(cop29LetterSource)
  })

  it('carry the structure of the declaration: formula, eight recitals, the objectives list with its lead-in, two sections', () => {
    const { preamble, body, closing, annexes, footnotes, preface, subtitle } = cop29Declaration
    expect(preamble?.formula?.id).toBe('formula')
    expect(phrasingText(preamble!.formula!.text)).toMatch(/^We, national governments .* civil society organisations;$/)
    expect(preamble?.paragraphs.map((p) => [p.id, p.lead])).toEqual(
      ['Recognising', 'Highlighting', 'Noting with concern', 'Acknowledging', 'Underlining', 'Expressing deep concern', 'Reaffirming', 'Emphasising'].map((lead, i) => [`preamble-${i + 1}`, lead]),
    )
    expect(body.map((block) => (block.type === 'section' ? `${block.type} ${block.id} ${block.heading}` : block.type))).toEqual([
      'list',
      'section section-1 Implementation Framework',
      'section section-2 Collaboration',
    ])
    const objectives = body[0]!.type === 'list' ? body[0] : undefined
    expect(objectives?.ordered).toBe(false)
    expect(objectives?.intro).toEqual({ type: 'paragraph', id: 'intro-1', text: [{ type: 'text', value: 'Affirm within our respective mandates the following common objectives:' }] })
    expect(objectives?.items.map((item) => [item.id, item.num])).toEqual(
      ['I.', 'II.', 'III.', 'IV.', 'V.', 'VI.', 'VII.', 'VIII.'].map((num, i) => [`para-${i + 1}`, num]),
    )
    expect(objectives?.items[5]!.title).toBe('Fostering Sustainable Innovation:')
    const collaboration = body[2]!.type === 'section' ? body[2] : undefined
    expect(collaboration?.body.map((block) => (block.type === 'list' ? [block.intro?.id, ...block.items.map((item) => item.id)] : block.type === 'paragraph' ? block.id : block.type))).toEqual([
      'section-2-1',
      ['section-2-intro-1', 'section-2-2'],
    ])
    const endorsement = collaboration?.body[1]?.type === 'list' ? collaboration.body[1] : undefined
    expect(endorsement?.items[0]?.text.at(-1)).toEqual({
      type: 'link',
      url: 'mailto:digitalisation@cop29.az',
      children: [{ type: 'text', value: 'digitalisation@cop29.az' }],
    })
    expect({ preface, subtitle, closing, annexes, footnotes }).toEqual({ preface: [], subtitle: undefined, closing: [], annexes: [], footnotes: [] })
  })

  it('carry the fields of the letter', () => {
    expect({ ...cop29Letter, addressees: cop29Letter.addressees.length, body: cop29Letter.body.length }).toEqual({
      type: 'letter',
      id: 'cl-24-63',
      language: 'fr',
      office: 'Secrétariat général (SG)',
      place: 'Genève',
      date: '2024-11-07',
      reference: 'CL-24/63',
      contact: { tel: '+41 22 730 5316', fax: '+41 22 733 7256', email: 'green@itu.int', name: 'Catalin Marinescu' },
      addressees: 5,
      subject:
        "Invitation à participer à la table ronde de haut niveau tenue dans le cadre de la Journée du développement du numérique à l'occasion de la COP29 et à approuver la Déclaration de la COP29 sur l'action du secteur du numérique pour l'environnement",
      salutation: 'Madame, Monsieur,',
      body: 8,
      signed: true,
      signatory: { name: 'Doreen Bogdan-Martin', title: 'Secrétaire générale' },
      annexes: [
        {
          id: 'annex-1',
          ref: 'cop29-green-digital-action',
          title: "Déclaration de la COP29 sur l'action du secteur du numérique pour l'environnement (version anglaise uniquement)",
        },
      ],
    })
  })
})
