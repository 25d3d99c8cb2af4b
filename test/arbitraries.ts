// fast-check generators of valid documents, shared by the property tests.
import fc from 'fast-check'
import type { Block, Declaration, Paragraph } from '../src/model/declaration.js'
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

const superscript = fc.constantFrom('e', 'er', 'th', 'st', '2').map((value): Inline => ({ type: 'superscript', children: [{ type: 'text', value }] }))

/** Inline content in the model's normal form: text runs joined, no empty nodes, trimmed ends. */
export const phrasing: fc.Arbitrary<Inline[]> = fc
  .tuple(sentence, fc.array(fc.tuple(fc.oneof({ weight: 3, arbitrary: formatted }, { weight: 1, arbitrary: superscript }, { weight: 1, arbitrary: fc.constant({ type: 'break' } as Inline) }), sentence), { maxLength: 3 }))
  .map(([first, rest]) => [
    { type: 'text', value: first } as Inline,
    ...rest.flatMap(([node, after]): Inline[] =>
      node.type === 'break'
        ? [node, { type: 'text', value: after }]
        : node.type === 'superscript'
          ? [node, { type: 'text', value: ` ${after}` }]
          : [{ type: 'text', value: ' ' }, node, { type: 'text', value: ` ${after}` }],
    ),
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

// A generated declaration is first drawn as a draft without ids, then given the positional ids the
// parser gives (formula, preamble-N, para-N, intro-N, section-N, section-N-M, <parent>-M, closing-N,
// annex-N, fn-<label>) or, for about one block in eight, a pinned id written as a comment.

interface DraftParagraph {
  pin: boolean
  num?: string
  title?: string
  lead?: string
  text: Inline[]
  children?: DraftBlock[]
}
type DraftList = { type: 'list'; ordered: boolean; start?: number; intro?: DraftParagraph; items: DraftParagraph[] }
type DraftSection = { type: 'section'; pin: boolean; level: number; heading: string; body: DraftBlock[] }
type DraftBlock = ({ type: 'paragraph' } & DraftParagraph) | DraftList | DraftSection | { type: 'separator' }

const pin = fc.nat(7).map((n) => n === 0)
const lead = letters
const boldTitle = fc.tuple(letters, fc.boolean()).map(([value, colon]) => (colon ? `${value}:` : value))
const marker = fc.constantFrom('I.', 'IV.', 'A.', '(a)', '(iv)', '(1)', 'a)', '12.')
/** Text after an italic lead may start with punctuation that joins the lead ("*Reaffirming*, among …"). */
const afterLead = fc.tuple(fc.nat(4), phrasing).map(([n, text]): Inline[] => (n === 0 && text[0]?.type === 'text' ? [{ type: 'text', value: `, ${text[0].value}` }, ...text.slice(1)] : text))

/** Adds the fields that are defined, so that a generated object has no `undefined` values (as parsed ones have none). */
const withOptional = <T>(base: object, extra: Record<string, unknown>): T =>
  Object.assign(base, Object.fromEntries(Object.entries(extra).filter(([, value]) => value !== undefined))) as T

/** A paragraph with any of number, bold title and italic lead. */
const paragraphDraft = (numbered: boolean): fc.Arbitrary<DraftParagraph> =>
  fc
    .record({
      pin,
      num: numbered ? fc.option(marker, { nil: undefined }) : fc.constant(undefined),
      title: fc.option(boldTitle, { nil: undefined, freq: 4 }),
      lead: fc.option(lead, { nil: undefined, freq: 3 }),
      text: phrasing,
    })
    .chain((draft) => (draft.lead ? afterLead.map((text) => ({ ...draft, text })) : fc.constant(draft)))
    .map(({ pin, num, title, lead, text }) => withOptional<DraftParagraph>({ pin, text }, { num, title, lead }))

const intro = fc.record({ pin, lead: fc.option(lead, { nil: undefined, freq: 3 }), text: phrasing }).map(({ pin, lead, text }) =>
  withOptional<DraftParagraph>({ pin, text: mergeText([...text, { type: 'text', value: ':' }]) }, { lead }),
)

/** Lists, their items and their sub-paragraphs (items may hold paragraphs and lists, `depth` levels down). */
const listDraft = (depth: number): fc.Arbitrary<DraftList> =>
  fc
    .record({
      ordered: fc.boolean(),
      start: fc.option(fc.constantFrom(0, 2, 7), { nil: undefined, freq: 4 }),
      intro: fc.option(intro, { nil: undefined }),
      items: fc.array(
        fc.tuple(paragraphDraft(true), depth > 0 ? fc.option(itemChildren(depth - 1), { nil: undefined, freq: 3 }) : fc.constant(undefined)),
        { minLength: 1, maxLength: 3 },
      ),
    })
    .map(({ ordered, start, intro, items }) => {
      const list: DraftList = withOptional<DraftList>(
        { type: 'list', ordered, items: items.map(([item, children], index) => withOptional<DraftParagraph>({ ...item, num: ordered ? `${(start ?? 1) + index}.` : item.num }, { children })) },
        { intro, start: ordered ? start : undefined },
      )
      if (!ordered) list.items.forEach((item) => item.num === undefined && delete item.num)
      return list
    })

/** The blocks a list item holds after its own paragraph: paragraphs (numbered or not) and lists, no two lists in a row without a lead-in. */
function itemChildren(depth: number): fc.Arbitrary<DraftBlock[]> {
  return fc.array(fc.oneof(paragraphDraft(true).map((p): DraftBlock => ({ type: 'paragraph', ...p })), listDraft(depth)), { minLength: 1, maxLength: 2 })
}

const plainBlocks = (depth: number): fc.Arbitrary<DraftBlock[]> =>
  fc.array(
    fc.oneof(
      { weight: 3, arbitrary: paragraphDraft(true).map((p): DraftBlock => ({ type: 'paragraph', ...p })) },
      { weight: 2, arbitrary: listDraft(depth) },
      { weight: 1, arbitrary: fc.constant<DraftBlock>({ type: 'separator' }) },
    ),
    { maxLength: 3 },
  )

/** Sections of one level (their headings close each other), each holding blocks then deeper sections. */
const sectionsDraft = (level: number, depth: number): fc.Arbitrary<DraftSection[]> =>
  fc.array(
    fc.record({
      pin,
      heading: title,
      body: plainBlocks(1),
      subsections: level < 6 && depth > 0 ? fc.tuple(fc.integer({ min: level + 1, max: Math.min(6, level + 2) })).chain(([sub]) => sectionsDraft(sub, depth - 1)) : fc.constant([]),
    }),
    { maxLength: 2 },
  ).map((sections) => sections.map(({ pin, heading, body, subsections }): DraftSection => ({ type: 'section', pin, level, heading, body: [...body, ...subsections] })))

/** A body whose first block is not a plain paragraph (leading plain paragraphs are read as the preamble): blocks, then sections. */
const bodyDraft = fc
  .tuple(
    fc.oneof(
      listDraft(2),
      paragraphDraft(true).filter((p) => p.num !== undefined).map((p): DraftBlock => ({ type: 'paragraph', ...p })),
      fc.constant<DraftBlock>({ type: 'separator' }),
    ),
    plainBlocks(2),
    fc.integer({ min: 2, max: 3 }).chain((level) => sectionsDraft(level, 2)),
    fc.nat(5),
  )
  .map(([first, rest, sections, shape]): DraftBlock[] => (shape === 0 ? sections : [first, ...rest, ...sections]))
  .filter((blocks) => blocks[0] === undefined || blocks[0].type !== 'paragraph' || blocks[0].num !== undefined)

/** Lines written wholly in italics: meeting and date lines, possibly joined by a hard break. */
const closingLine = fc.array(letters, { minLength: 1, maxLength: 2 }).map((lines): Inline[] =>
  lines.flatMap((value, index): Inline[] => [...(index ? [{ type: 'break' } as Inline] : []), { type: 'emphasis', children: [{ type: 'text', value }] }]),
)

const formula = fc.oneof(
  letters.map((value): Inline[] => [{ type: 'emphasis', children: [{ type: 'text', value }] }, { type: 'text', value: ',' }]),
  fc.tuple(phrasing, fc.constantFrom(',', ';')).map(([text, end]) => mergeText([...text, { type: 'text', value: end }])),
)

const footnoteLabels = ['1', '2', 'a', 'note_3']

/** Valid declarations of the generic genre: preface, title, subtitle, preamble, body, closing, annexes and footnotes; ids positional or pinned. */
export const declaration: fc.Arbitrary<Declaration> = fc
  .record({
    language: fc.constantFrom('en-GB', 'en', 'fr', 'es-419'),
    symbol: fc.option(fc.constantFrom('A/RES/73/8', 'E/2024/L.1'), { nil: undefined }),
    date: fc.option(fc.constantFrom('2018-11-01', '2024-02-29'), { nil: undefined }),
    place: fc.option(fc.constantFrom('Genève', 'New York'), { nil: undefined }),
    organ: fc.option(fc.constantFrom('General Assembly', 'Conseil'), { nil: undefined }),
    preface: fc.array(fc.record({ pin, text: phrasing }), { maxLength: 2 }),
    title,
    subtitle: fc.option(fc.tuple(fc.constantFrom('emphasis', 'strong'), letters).map(([type, value]): Inline[] => [{ type: type as 'emphasis' | 'strong', children: [{ type: 'text', value }] }]), { nil: undefined }),
    preamble: fc.option(
      fc.record({
        heading: fc.option(fc.constantFrom('Preamble', 'Préambule'), { nil: undefined }),
        formula: fc.option(fc.record({ pin, text: formula }), { nil: undefined }),
        paragraphs: fc.array(fc.tuple(pin, lead, afterLead).map(([pin, lead, text]): DraftParagraph => ({ pin, lead, text })), { minLength: 1, maxLength: 4 }),
      }),
      { nil: undefined },
    ),
    body: bodyDraft,
    closing: fc.array(fc.record({ pin, text: closingLine }), { maxLength: 2 }),
    annexes: fc.array(fc.record({ pin, heading: fc.tuple(fc.constantFrom('Annex', 'Annexe', 'Annex I'), fc.option(title, { nil: undefined })).map(([a, t]) => (t ? `${a}: ${t}` : a)), body: fc.tuple(plainBlocks(1), sectionsDraft(3, 1)).map(([b, s]) => [...b, ...s]) }), { maxLength: 2 }),
    footnotes: fc.uniqueArray(fc.tuple(fc.constantFrom(...footnoteLabels), phrasing, fc.nat(50)), { maxLength: 3, selector: ([label]) => label }),
  })
  // Closing lines are read only after a body (or preamble): right after the title the first would be the subtitle.
  .map((d) => (d.body.length || d.preamble ? d : { ...d, closing: [] }))
  .map((d): Declaration => {
    let pins = 0
    const id = (draft: { pin: boolean }, positional: string) => (draft.pin ? `pinned-${++pins}` : positional)
    const notable: Paragraph[] = []
    const paragraph = (draft: DraftParagraph, positional: string, note = true): Paragraph => {
      const out: Paragraph = withOptional<Paragraph>({ type: 'paragraph', id: id(draft, positional), text: draft.text }, { num: draft.num, title: draft.title, lead: draft.lead })
      // Key order as the parser builds it: type, id, num, title, lead, text, children.
      const ordered: Paragraph = withOptional<Paragraph>({ type: 'paragraph', id: out.id }, { num: out.num, title: out.title, lead: out.lead })
      ordered.text = draft.text
      if (draft.children) ordered.children = blocks(draft.children, `${ordered.id}-`, counters)
      if (note) notable.push(ordered)
      return ordered
    }
    let counters = { sections: 0, annex: undefined as number | undefined }
    function blocks(drafts: readonly DraftBlock[], prefix: string, shared: typeof counters): Block[] {
      let paragraphs = 0
      let intros = 0
      return drafts.map((draft): Block => {
        switch (draft.type) {
          case 'paragraph':
            return paragraph(draft, `${prefix}${++paragraphs}`)
          case 'list':
            return withOptional<Block>(
              {
                type: 'list',
                ordered: draft.ordered,
                ...(draft.start === undefined || draft.start === 1 ? {} : { start: draft.start }),
                ...(draft.intro ? { intro: paragraph(draft.intro, `${prefix === 'para-' ? '' : prefix}intro-${++intros}`) } : {}),
                items: draft.items.map((item) => paragraph(item, `${prefix}${++paragraphs}`)),
              },
              {},
            )
          case 'section': {
            const number = ++shared.sections
            const sectionId = id(draft, shared.annex === undefined ? `section-${number}` : `annex-${shared.annex}-section-${number}`)
            return { type: 'section', id: sectionId, level: draft.level, heading: draft.heading, body: blocks(draft.body, `${sectionId}-`, shared) }
          }
          case 'separator':
            return { type: 'separator' }
        }
      })
    }
    const out: Declaration = withOptional<Declaration>(
      { type: 'declaration', id: 'generated', language: d.language },
      { symbol: d.symbol, date: d.date, place: d.place, organ: d.organ },
    )
    out.preface = d.preface.map((line, index) => paragraph(line, `preface-${index + 1}`, false))
    out.title = d.title
    if (d.subtitle) out.subtitle = d.subtitle
    if (d.preamble) {
      const { heading, formula, paragraphs } = d.preamble
      out.preamble = withOptional({}, { heading }) as Declaration['preamble'] & object
      if (formula) out.preamble.formula = paragraph(formula, 'formula', false)
      out.preamble.paragraphs = paragraphs.map((p, index) => paragraph(p, `preamble-${index + 1}`))
    }
    counters = { sections: 0, annex: undefined }
    out.body = blocks(d.body, 'para-', counters)
    out.closing = d.closing.map((line, index) => paragraph(line, `closing-${index + 1}`, false))
    out.annexes = d.annexes.map((annex, index) => {
      const annexId = id(annex, `annex-${index + 1}`)
      counters = { sections: 0, annex: index + 1 }
      return { id: annexId, heading: annex.heading, body: blocks(annex.body, `${annexId}-`, counters) }
    })
    // Each footnote is referred to from the end of one paragraph that may carry a mark.
    out.footnotes = notable.length
      ? d.footnotes.map(([label, text, at]) => {
          const target = notable[at % notable.length]!
          target.text = [...target.text, { type: 'footnoteReference', label }]
          return { id: `fn-${label}`, label, text }
        })
      : []
    return out
  })

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
