// fast-check generators of valid documents, shared by the property tests.
import fc from 'fast-check'
import type { Declaration } from '../src/model/declaration.js'
import type { Inline } from '../src/model/inline.js'
import type { Letter } from '../src/model/letter.js'

/** Words that include Markdown syntax, French typography and Unicode that must survive as literal text. */
const tricky = ['*', '_', '#', '[x](y)', '<b>', '1.', '-', '+', '`code`', '\\', '&amp;', '{#x}', '<!-- id: z -->', '>', '|', '~', 'l’UIT', 'l\'UIT', 'é', 'œuvre', '«\u00A0Oui\u00A0»', 'Genève\u202F;', '2024', 'I.', 'e\u0301té', '—', '–']
const plainWords = ['climate', 'digital', 'action', 'Paris', 'Agreement', 'national', 'States', 'numérique', 'développement', 'COP29', 'ICT', 'GHG', 'resilience', 'data']

const word = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...plainWords) }, { weight: 1, arbitrary: fc.constantFrom(...tricky) })
const separator = fc.constantFrom(' ', ' ', ' ', '\u00A0')
/** A run of words starting and ending with a letter, so it can carry emphasis. */
const letters = fc.array(fc.constantFrom(...plainWords), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '))
const sentence = fc
  .tuple(fc.constantFrom(...plainWords), fc.array(fc.tuple(separator, word), { maxLength: 12 }))
  .map(([first, rest]) => first + rest.map(([s, w]) => s + w).join(''))

const url = fc.constantFrom('https://www.itu.int/cop29', 'http://example.org/a_b*c', 'mailto:green@itu.int', 'https://example.org/(x)')

const formatted: fc.Arbitrary<Inline> = fc.oneof(
  letters.map((value): Inline => ({ type: 'emphasis', children: [{ type: 'text', value }] })),
  letters.map((value): Inline => ({ type: 'strong', children: [{ type: 'text', value }] })),
  fc.tuple(url, letters).map(([href, value]): Inline => ({ type: 'link', url: href, children: [{ type: 'text', value }] })),
)

/** Inline content in the model's normal form: text runs joined, no empty nodes, trimmed ends. */
export const phrasing: fc.Arbitrary<Inline[]> = fc
  .tuple(sentence, fc.array(fc.tuple(formatted, sentence), { maxLength: 3 }))
  .map(([first, rest]) => [
    { type: 'text', value: first } as Inline,
    ...rest.flatMap(([node, after]): Inline[] => [{ type: 'text', value: ' ' }, node, { type: 'text', value: ` ${after}` }]),
  ])
  .map(mergeText)

function mergeText(content: Inline[]): Inline[] {
  const out: Inline[] = []
  for (const node of content) {
    const last = out[out.length - 1]
    if (node.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + node.value }
    else out.push(node)
  }
  return out
}

const title = fc.tuple(fc.constantFrom(...plainWords), fc.array(word, { maxLength: 5 })).map(([first, rest]) => [first, ...rest].join(' '))
const idOf = (prefix: string) => fc.option(fc.constantFrom(`${prefix}-pinned`, `${prefix}.x_1`), { nil: undefined })

/** Valid declarations of the generic genre (ids positional or pinned, any number of clauses). */
export const declaration: fc.Arbitrary<Declaration> = fc
  .record({
    title,
    opening: phrasing,
    preamble: fc.array(fc.record({ lead: letters, text: phrasing, pin: idOf('pp') }), { maxLength: 4 }),
    chapeau: phrasing,
    objectives: fc.array(fc.record({ title, text: phrasing, pin: idOf('obj') }), { minLength: 1, maxLength: 4 }),
    sections: fc.array(fc.record({ title, paragraphs: fc.array(phrasing, { minLength: 1, maxLength: 2 }) }), { maxLength: 2 }),
    endorsement: fc.option(fc.record({ note: phrasing, items: fc.array(phrasing, { minLength: 1, maxLength: 2 }) }), { nil: undefined }),
    language: fc.constantFrom('en-GB', 'en', 'fr', 'es-419'),
  })
  .map((d): Declaration => ({
    type: 'declaration',
    id: 'generated',
    language: d.language,
    title: d.title,
    opening: d.opening,
    preamble: d.preamble.map((c, i) => ({ id: c.pin ? `${c.pin}${i}` : `preamble-${i + 1}`, lead: c.lead, text: c.text })),
    chapeau: d.chapeau,
    objectives: d.objectives.map((o, i) => ({ id: o.pin ? `${o.pin}${i}` : `objective-${i + 1}`, number: i + 1, title: o.title, text: o.text })),
    sections: d.sections.map((s, i) => ({
      id: `section-${i + 1}`,
      title: s.title,
      paragraphs: s.paragraphs.map((text, j) => ({ id: `section-${i + 1}-${j + 1}`, text })),
    })),
    ...(d.endorsement
      ? { endorsement: { id: 'endorsement', note: d.endorsement.note, items: d.endorsement.items.map((text, i) => ({ id: `endorsement-${i + 1}`, text })) } }
      : {}),
  }))

/** Valid letters in French or English. */
export const letter: fc.Arbitrary<Letter> = fc
  .record({
    language: fc.constantFrom('fr', 'en-GB'),
    office: title,
    place: fc.constantFrom('Genève', 'Geneva', 'New York'),
    date: fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    reference: fc.constantFrom('CL-24/63', 'DM-25/1', 'TSB 12'),
    tel: fc.option(fc.constantFrom('+41 22 730 5316', '+1 212 963 1234'), { nil: undefined }),
    email: fc.option(fc.constantFrom('green@itu.int', 'a.b@example.org'), { nil: undefined }),
    name: fc.option(fc.constantFrom('Catalin Marinescu', 'Ana Pérez'), { nil: undefined }),
    addressees: fc.array(phrasing, { maxLength: 3 }),
    subject: title,
    salutation: fc.constantFrom('Madame, Monsieur,', 'Dear Sir or Madam,'),
    body: fc.array(phrasing, { minLength: 1, maxLength: 3 }),
    signed: fc.boolean(),
    signatory: fc.record({ name: title, title }),
    annexes: fc.array(title, { maxLength: 2 }),
  })
  .map((l): Letter => ({
    type: 'letter',
    id: 'generated-letter',
    language: l.language,
    office: l.office,
    place: l.place,
    date: l.date,
    reference: l.reference,
    contact: { ...(l.tel ? { tel: l.tel } : {}), ...(l.email ? { email: l.email } : {}), ...(l.name ? { name: l.name } : {}) },
    addressees: l.addressees.map((text, i) => ({ id: `addressee-${i + 1}`, text })),
    subject: l.subject,
    salutation: l.salutation,
    body: l.body.map((text, i) => ({ id: `body-${i + 1}`, text })),
    signed: l.signed,
    signatory: l.signatory,
    annexes: l.annexes.map((t, i) => ({ id: `annex-${i + 1}`, ref: `declaration-${i + 1}`, title: t })),
  }))
