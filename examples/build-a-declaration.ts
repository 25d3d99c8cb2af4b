// For a developer: a new declaration of the same genre, built in TypeScript with the model's types,
// validated, then rendered to Markdown and PDF. Run it with `npx tsx examples/build-a-declaration.ts out`.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { formatIssue, renderMarkdown, safeValidate, type Declaration, type List, type Paragraph, type Phrasing } from 'declaration-kit'
import { renderPdf } from 'declaration-kit/pdf'

const text = (value: string): Phrasing => [{ type: 'text', value }]
// A paragraph with its positional id (`preamble-1`, `para-2`, …), the id the Markdown gives it.
const paragraph = (id: string, value: string | Phrasing): Paragraph => ({ type: 'paragraph', id, text: typeof value === 'string' ? text(value) : value })

const declaration: Declaration = {
  type: 'declaration',
  id: 'digital-water-resilience',
  language: 'en-GB',
  preface: [],
  title: 'Declaration on Digital Tools for Water Resilience',
  preamble: {
    formula: paragraph('formula', 'We, national governments and other stakeholders, including international organisations and civil society;'),
    paragraphs: [
      { ...paragraph('preamble-1', 'that floods and droughts are becoming more frequent and more severe;'), lead: 'Recognising' },
      { ...paragraph('preamble-2', 'that open data and early warning systems save lives when they reach everyone;'), lead: 'Noting' },
    ],
  },
  body: [
    {
      type: 'list',
      ordered: true,
      intro: paragraph('intro-1', 'Affirm within our respective mandates the following common objectives:'),
      items: [
        { ...paragraph('para-1', 'Extend mobile early warning of floods and droughts to every community.'), num: '1.', title: 'Early Warning for All:' },
        { ...paragraph('para-2', 'Publish river, rainfall and reservoir data openly and in real time.'), num: '2.', title: 'Open Water Data:' },
      ],
    },
    {
      type: 'section',
      id: 'section-1',
      level: 2,
      heading: 'Implementation Framework',
      body: [
        paragraph('section-1-1', 'We intend to report on these objectives at the next annual meeting.'),
        paragraph('section-1-2', [
          { type: 'text', value: 'National governments and other stakeholders can endorse this Declaration by an email to ' },
          { type: 'link', url: 'mailto:endorse@example.org', children: text('endorse@example.org') },
          { type: 'text', value: '.' },
        ]),
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

// A folder that cannot be written is reported in one line, not as a stack trace.
process.on('uncaughtException', (error) => {
  console.error(error.message)
  process.exit(1)
})

const folder = process.argv[2] ?? 'out'
await mkdir(folder, { recursive: true })
await writeFile(path.join(folder, `${declaration.id}.md`), renderMarkdown(result.data))
await writeFile(path.join(folder, `${declaration.id}.pdf`), await renderPdf(result.data))
const objectives = (declaration.body[0] as List).items
console.log(`${declaration.title}: ${objectives.length} objectives, valid; wrote ${declaration.id}.md and .pdf in ${folder}`)

// The same check on a draft with a numbering mistake: the issue names the paragraph and the number expected.
const misnumbered: Declaration = { ...declaration, body: [{ ...(declaration.body[0] as List), items: objectives.map((item) => ({ ...item, num: '1.' })) }, ...declaration.body.slice(1)] }
const check = safeValidate(misnumbered)
if (!check.success) console.log(check.issues.map(formatIssue).join('\n'))
