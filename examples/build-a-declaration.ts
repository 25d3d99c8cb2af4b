// For a developer: a new declaration of the same genre, built in TypeScript with the model's types,
// validated, then rendered to Markdown and PDF. Run it with `npx tsx examples/build-a-declaration.ts out`.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { formatIssue, renderMarkdown, safeValidate, type Declaration, type Phrasing } from 'declaration-kit'
import { renderPdf } from 'declaration-kit/pdf'

const text = (value: string): Phrasing => [{ type: 'text', value }]

const declaration: Declaration = {
  type: 'declaration',
  id: 'digital-water-resilience',
  language: 'en-GB',
  title: 'Declaration on Digital Tools for Water Resilience',
  opening: text('We, national governments and other stakeholders, including international organisations and civil society;'),
  preamble: [
    { id: 'preamble-1', lead: 'Recognising', text: text('that floods and droughts are becoming more frequent and more severe;') },
    { id: 'preamble-2', lead: 'Noting', text: text('that open data and early warning systems save lives when they reach everyone;') },
  ],
  chapeau: text('Affirm within our respective mandates the following common objectives:'),
  objectives: [
    { id: 'objective-1', number: 1, title: 'Early Warning for All', text: text('Extend mobile early warning of floods and droughts to every community.') },
    { id: 'objective-2', number: 2, title: 'Open Water Data', text: text('Publish river, rainfall and reservoir data openly and in real time.') },
  ],
  sections: [
    {
      id: 'section-1',
      title: 'Implementation Framework',
      paragraphs: [{ id: 'section-1-1', text: text('We intend to report on these objectives at the next annual meeting.') }],
    },
  ],
  endorsement: {
    id: 'endorsement',
    note: text('National governments and other stakeholders can endorse this Declaration through:'),
    items: [
      {
        id: 'endorsement-1',
        text: [
          { type: 'text', value: 'an email to ' },
          { type: 'link', url: 'mailto:endorse@example.org', children: text('endorse@example.org') },
        ],
      },
    ],
  },
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
console.log(`${declaration.title}: ${declaration.objectives.length} objectives, valid; wrote ${declaration.id}.md and .pdf in ${folder}`)

// The same check on a draft with a numbering mistake: the issue names the value and what was expected.
const misnumbered = { ...declaration, objectives: declaration.objectives.map((objective) => ({ ...objective, number: 1 })) }
const check = safeValidate(misnumbered)
if (!check.success) console.log(check.issues.map(formatIssue).join('\n'))
