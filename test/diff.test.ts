import { describe, expect, it } from 'vitest'
import { cop29Declaration, cop29Letter } from '../src/content/index.js'
import { alignDocuments, renderAlignmentMarkdown } from '../src/diff/align-documents.js'
import { diffDocuments } from '../src/diff/diff-documents.js'
import { diffToJson } from '../src/diff/json.js'
import { renderDiffMarkdown } from '../src/diff/markdown.js'
import type { Change } from '../src/diff/model.js'
import type { List, Section } from '../src/model/declaration.js'
import { text } from '../src/model/inline.js'
import type { Letter } from '../src/model/letter.js'
import { parseDeclaration } from '../src/parse/index.js'
import draft2Source from './fixtures/diff/declaration.draft-2.en.md'
import { edited, large } from './fixtures/diff/large.js'

const draft2 = parseDeclaration(draft2Source, { file: 'test/fixtures/diff/declaration.draft-2.en.md' })
const diff = diffDocuments(cop29Declaration, draft2)
const row = ({ kind, moved, oldId, newId, label, oldLabel, typographyOnly }: Change) => ({ kind, moved, oldId, newId, label, oldLabel, typographyOnly })
const changed = diff.changes.filter((change) => change.kind !== 'unchanged')

describe('diffDocuments on the bundled declaration and a second draft', () => {
  it('reports exactly the five edits of the draft, each as what it is', () => {
    expect(changed.map(row)).toEqual([
      { kind: 'added', oldId: null, newId: 'preamble-3', label: 'Preambular clause 3' },
      { kind: 'removed', oldId: 'preamble-6', newId: null, label: 'Preambular clause 6' },
      { kind: 'modified', oldId: 'para-5', newId: 'para-5', label: 'Paragraph V.' },
      { kind: 'moved', oldId: 'para-7', newId: 'para-8', label: 'Paragraph VIII.', oldLabel: 'Paragraph VII.' },
      { kind: 'modified', oldId: 'section-1-1', newId: 'section-1-1', label: 'Paragraph 1 (Implementation Framework)', typographyOnly: true },
    ].map((expected) => ({ moved: undefined, oldLabel: undefined, typographyOnly: undefined, ...expected })))
  })

  it('keeps the clauses renumbered by the insertion and the swap as unchanged, with their old labels', () => {
    const renumbered = diff.changes.filter((change) => change.kind === 'unchanged' && change.oldId !== change.newId)
    expect(renumbered.map((change) => [change.oldId, change.newId, change.oldLabel])).toEqual([
      ['preamble-3', 'preamble-4', 'Preambular clause 3'],
      ['preamble-4', 'preamble-5', 'Preambular clause 4'],
      ['preamble-5', 'preamble-6', 'Preambular clause 5'],
      ['para-8', 'para-7', 'Paragraph VIII.'],
    ])
  })

  it('counts every unit once in the summary', () => {
    expect(diff.summary).toEqual({ added: 1, removed: 1, modified: 2, moved: 1, unchanged: 21 })
    expect(diff.changes).toHaveLength(26)
    expect(diff.version).toBe(1)
  })

  it('gives the reworded objective its word operations', () => {
    const objective = changed[2]!
    expect(objective.ops!.filter((op) => op.op !== 'equal')).toEqual([
      { op: 'insert', text: 'robust ' },
      { op: 'delete', text: 'estimate' },
      { op: 'insert', text: 'measure' },
    ])
  })

  it('shows the typography-only change as the characters that changed', () => {
    expect(changed[4]!.ops!.filter((op) => op.op !== 'equal')).toEqual([
      { op: 'delete', text: ' ' },
      { op: 'insert', text: '\u00A0' },
      { op: 'delete', text: "'" },
      { op: 'insert', text: '’' },
    ])
  })

  it('places the removed clause where it stood, between its old neighbours', () => {
    const at = diff.changes.findIndex((change) => change.kind === 'removed')
    expect([diff.changes[at - 1]!.newId, diff.changes[at + 1]!.newId]).toEqual(['preamble-6', 'preamble-7'])
  })

  it('finds nothing between a draft and itself', () => {
    const self = diffDocuments(cop29Declaration, cop29Declaration)
    expect(self.summary).toEqual({ added: 0, removed: 0, modified: 0, moved: 0, unchanged: 25 })
  })

  it('refuses to compare a declaration with a letter', () => {
    expect(() => diffDocuments(cop29Declaration, cop29Letter)).toThrow('cannot compare a declaration with a letter')
  })
})

describe('diffDocuments on letters', () => {
  const edited: Letter = structuredClone(cop29Letter)
  edited.date = '2024-11-08'
  edited.subject = edited.subject.replaceAll("'", '’')
  edited.addressees.splice(1, 1)
  edited.body.push({ id: 'body-9', text: text('Nous vous prions d’agréer l’assurance de notre haute considération.') })
  delete edited.contact.fax
  const letterDiff = diffDocuments(cop29Letter, edited)

  it('compares each field, addressee and body paragraph, with French labels', () => {
    expect(letterDiff.changes.filter((change) => change.kind !== 'unchanged').map(row)).toEqual([
      { kind: 'modified', oldId: 'date', newId: 'date', label: 'Ligne de date' },
      { kind: 'removed', oldId: 'fax', newId: null, label: 'Fax' },
      { kind: 'removed', oldId: 'addressee-2', newId: null, label: 'Destinataire 2' },
      { kind: 'modified', oldId: 'subject', newId: 'subject', label: 'Objet', typographyOnly: true },
      { kind: 'added', oldId: null, newId: 'body-9', label: 'Paragraphe 9' },
    ].map((expected) => ({ moved: undefined, oldLabel: undefined, typographyOnly: undefined, ...expected })))
  })

  it('diffs the printed date line, not the ISO date', () => {
    const date = letterDiff.changes.find((change) => change.newId === 'date')!
    expect(date.ops).toEqual([
      { op: 'equal', text: 'Genève, le ' },
      { op: 'delete', text: '7' },
      { op: 'insert', text: '8' },
      { op: 'equal', text: ' novembre 2024' },
    ])
  })
})

describe('diffToJson', () => {
  it('writes the versioned model with a fixed key order', () => {
    const json = diffToJson(diff)
    expect(json.startsWith('{\n  "version": 1,\n  "language": "en-GB",\n  "summary": {\n    "added": 1,')).toBe(true)
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(diff)))
    expect(Object.keys(JSON.parse(json).changes[0])).toEqual(['kind', 'oldId', 'newId', 'label', 'oldText', 'newText'])
  })
})

describe('renderDiffMarkdown', () => {
  const report = renderDiffMarkdown(diff)

  it('starts with the summary, then each changed clause under its label', () => {
    expect(report.split('\n\n').slice(0, 2)).toEqual(['# Changes', '1 added, 1 removed, 2 modified, 1 moved, 21 unchanged.'])
    expect(report.match(/^## .*$/gm)).toEqual([
      '## Preambular clause 3 (added)',
      '## Preambular clause 6 (removed)',
      '## Paragraph V. (modified)',
      '## Paragraph VIII. (moved; was Paragraph VII.)',
      '## Paragraph 1 (Implementation Framework) (modified, typography only)',
    ])
  })

  it('strikes deleted words and bolds inserted ones', () => {
    expect(report).toContain('Data-driven decision-making: Deploy **robust** assessment methodologies to ~~estimate~~**measure** the net')
    expect(report).toContain('Practices: Promote awareness')
  })

  it('names invisible characters, and uses <del>/<ins> where ~~ and ** would not be read as marks', () => {
    expect(report).toContain('amongst others,~~⟨U+0020⟩~~<ins>⟨U+00A0⟩</ins>when')
    expect(report).toContain("countries<del>'</del>**’** Technology")
  })

  it('says so when there is nothing to report', () => {
    expect(renderDiffMarkdown(diffDocuments(cop29Letter, cop29Letter))).toBe('# Modifications\n\n0 ajoutés, 0 supprimés, 0 modifiés, 0 déplacés, 26 inchangés.\n\nAucune modification.\n')
  })
})

describe('alignDocuments', () => {
  const french = structuredClone(cop29Declaration)
  french.language = 'fr'
  french.preamble!.paragraphs[0]!.lead = 'Reconnaissant'
  french.preamble!.paragraphs.splice(3, 1)
  ;(french.body[0] as List).items[1]!.id = 'preamble-x'
  ;(french.body[2] as Section).body.push({ type: 'paragraph', id: 'section-2-3', text: text('Paragraphe ajouté.') })
  const alignment = alignDocuments(cop29Declaration, french)

  it('pairs clauses by id and reports missing, extra and misplaced ones', () => {
    // Only preamble-1 was translated: the clauses still in English are listed as untranslated.
    expect(alignment.summary).toEqual({ matched: 1, missing: 2, extra: 2, structure: 0, untranslated: 22 })
    expect(alignment.rows.filter((r) => r.status === 'matched').map((r) => r.id)).toEqual(['preamble-1'])
    expect(alignment.rows.filter((r) => r.status !== 'matched' && r.status !== 'untranslated').map((r) => [r.status, r.id, r.label])).toEqual([
      ['missing', 'preamble-4', 'Preambular clause 4'],
      ['missing', 'para-2', 'Paragraph II.'],
      ['extra', 'preamble-x', 'Paragraphe II.'],
      ['extra', 'section-2-3', 'Paragraphe 3 (Collaboration)'],
    ])
  })

  it('reports a clause whose id is another kind of clause or number as structurally different', () => {
    const moved = structuredClone(cop29Declaration)
    moved.preamble!.paragraphs[0]!.id = 'para-1'
    ;(moved.body[0] as List).items[0]!.id = 'preamble-1'
    const rows = alignDocuments(cop29Declaration, moved).rows.filter((r) => r.status === 'structure')
    expect(rows.map((r) => [r.id, r.note])).toEqual([
      ['preamble-1', 'preamble -> paragraph I.'],
      ['para-1', 'paragraph I. -> preamble'],
    ])
  })

  it('renders a two-column table, source | target per clause', () => {
    const table = renderAlignmentMarkdown(alignment).split('\n')
    expect(table.slice(0, 6)).toEqual(['# Alignment', '', '1 matched, 2 missing in target, 2 only in target, 0 different structure, 22 untranslated.', '', '| Clause | en-GB | fr |', '| --- | --- | --- |'])
    expect(table).toContain('| Preambular clause 4 (missing in target) | Acknowledging that more consistent, technically rigorous and comprehensive data on GHG emissions and energy consumption from the Information and Communication Technology (ICT) sector can significantly enhance our progress towards accurately assessing its climate impacts and setting more effective climate targets; |  |')
    expect(table[7]).toBe('| Formula (untranslated) | We, national governments and other stakeholders, including international organisations, financial institutions, philanthropies, private sector entities, academia, and civil society organisations; | We, national governments and other stakeholders, including international organisations, financial institutions, philanthropies, private sector entities, academia, and civil society organisations; |')
  })
})

describe('diffDocuments on two 2,000-clause declarations with 1 % changed', () => {
  it('reports the 10 rewordings, 5 insertions and 5 removals, and nothing else', () => {
    // 2,045 units: 2,000 clauses, 40 section headings, title, formula, lead-in, endorsement lead-in and item.
    const before = large()
    const summary = diffDocuments(before, edited(before)).summary
    expect(summary).toEqual({ added: 5, removed: 5, modified: 10, moved: 0, unchanged: 2030 })
  })
})
