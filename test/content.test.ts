import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cop29Declaration, cop29DeclarationSource, cop29Letter, cop29LetterSource } from '../src/content/index.js'
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

  it('carry the structure of the declaration', () => {
    expect(cop29Declaration.preamble.map((clause) => clause.lead)).toEqual([
      'Recognising',
      'Highlighting',
      'Noting with concern',
      'Acknowledging',
      'Underlining',
      'Expressing deep concern',
      'Reaffirming',
      'Emphasising',
    ])
    expect(cop29Declaration.objectives.map((o) => [o.id, o.number])).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`objective-${n}`, n]))
    expect(cop29Declaration.objectives[5]!.title).toBe('Fostering Sustainable Innovation')
    expect(cop29Declaration.sections.map((s) => s.title)).toEqual(['Implementation Framework', 'Collaboration'])
    expect(cop29Declaration.endorsement?.items[0]?.text.at(-1)).toEqual({
      type: 'link',
      url: 'mailto:digitalisation@cop29.az',
      children: [{ type: 'text', value: 'digitalisation@cop29.az' }],
    })
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
