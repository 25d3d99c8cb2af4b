// For a developer: a new declaration of the same genre, built in TypeScript with the model's types,
// validated, then rendered to Markdown and PDF. Run it with `npx tsx examples/build-a-declaration.ts out`.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { formatIssue, renderMarkdown, safeValidate, type Declaration, type List, type Phrasing } from 'declaration-kit'
import { renderPdf } from 'declaration-kit/pdf'

const text = (value: string): Phrasing => [{ type: 'text', value }]

// The objectives: a numbered list introduced by its lead-in, each item with a bold title.
const objectives: List = {
  type: 'list',
  ordered: true,
  intro: { type: 'paragraph', id: 'intro-1', text: text('Affirm within our respective mandates the following common objectives:') },
  items: [
    { type: 'paragraph', id: 'para-1', num: '1.', title: 'Early Warning for All:', text: text('Extend mobile early warning of floods and droughts to every community.') },
    { type: 'paragraph', id: 'para-2', num: '2.', title: 'Open Water Data:', text: text('Publish river, rainfall and reservoir data openly and in real time.') },
  ],
}

const declaration: Declaration = {
  type: 'declaration',
  id: 'digital-water-resilience',
  language: 'en-GB',
  preface: [],
  title: 'Declaration on Digital Tools for Water Resilience',
  preamble: {
    formula: { type: 'paragraph', id: 'formula', text: text('We, national governments and other stakeholders, including international organisations and civil society;') },
    paragraphs: [
      { type: 'paragraph', id: 'preamble-1', lead: 'Recognising', text: text('that floods and droughts are becoming more frequent and more severe;') },
      { type: 'paragraph', id: 'preamble-2', lead: 'Noting', text: text('that open data and early warning systems save lives when they reach everyone;') },
    ],
  },
  body: [
    objectives,
    {
      type: 'section',
      id: 'section-1',
      level: 2,
      heading: 'Implementation Framework',
      body: [
        { type: 'paragraph', id: 'section-1-1', text: text('We intend to report on these objectives at the next annual meeting.') },
        {
          type: 'list',
          ordered: false,
          intro: { type: 'paragraph', id: 'section-1-intro-1', text: text('National governments and other stakeholders can endorse this Declaration through:') },
          items: [
            {
              type: 'paragraph',
              id: 'section-1-2',
              text: [
                { type: 'text', value: 'an email to ' },
                { type: 'link', url: 'mailto:endorse@example.org', children: text('endorse@example.org') },
              ],
            },
          ],
        },
      ],
    },
  ],
  closing: [],
  annexes: [],
  footnotes: [],
}

// Types catch a missing field; validation catches what types cannot (numbering, unique ids, empty text).
const result = safeValidate(declaration)
if (!result.success) {
  for (const issue of result.issues) console.error(formatIssue(issue))
  process.exit(1)
}

const folder = process.argv[2] ?? 'out'
await mkdir(folder, { recursive: true })
await writeFile(path.join(folder, `${declaration.id}.md`), renderMarkdown(result.data))
await writeFile(path.join(folder, `${declaration.id}.pdf`), await renderPdf(result.data))
console.log(`${declaration.title}: ${objectives.items.length} objectives, valid; wrote ${declaration.id}.md and .pdf in ${folder}`)

// The same check on a draft with a numbering mistake: the issue names the value and what was expected.
const misnumbered: Declaration = { ...declaration, body: [{ ...objectives, items: objectives.items.map((item) => ({ ...item, num: '1.' })) }, ...declaration.body.slice(1)] }
const check = safeValidate(misnumbered)
if (!check.success) console.log(check.issues.map(formatIssue).join('\n'))
