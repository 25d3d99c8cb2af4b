// Realistic authoring mistakes, one per row: each gives exactly one issue, at the place of the
// mistake, saying what was found, what was expected and how to fix it.
import { readFileSync } from 'node:fs'
import { describe, it } from 'vitest'
import { formatIssue } from '../src/model/issues.js'
import { safeParseDocument } from '../src/parse/index.js'

const content = (name: string) => readFileSync(new URL(`../content/${name}`, import.meta.url), 'utf8')

// Replaces `find` (which must occur) in `text`.
function edit(text: string, find: string | RegExp, replace: string): string {
  const next = text.replace(find, replace)
  if (next === text) throw new Error(`not found: ${String(find)}`)
  return next
}

/** The documents the mistakes are made in, each valid as it is. */
const bases: Record<string, { file: string; text: string }> = {
  resolution: {
    file: 'resolution.en.md',
    text: [
      '---',
      'type: declaration',
      'id: ocean-data',
      'language: en',
      '---',
      '',
      '# Declaration on Open Ocean Data',
      '',
      '*The Conference*,',
      '',
      '*Recognising* the value of shared observations;',
      '',
      '*Noting* the cost of closed data;',
      '',
      '1. *Decides* to publish data openly;',
      '2. *Requests* the secretariat to report[^1].',
      '',
      '[^1]: At its next session.',
      '',
    ].join('\n'),
  },
  cop29: { file: 'declaration.en.md', text: content('declaration.en.md') },
  lettre: { file: 'letter.fr.md', text: content('letter.fr.md') },
  letter: {
    file: 'letter.en.md',
    text: [
      ['language: fr', 'language: en'],
      ['Secrétariat général (SG)', 'General Secretariat (SG)'],
      ['Genève, le 7 novembre 2024', 'Geneva, 7 November 2024'],
      ['Référence:', 'Reference:'],
      ['Tél.:', 'Tel.:'],
      ['Courriel:', 'E-mail:'],
      ['Objet:', 'Subject:'],
      ['(signé)', '(signed)'],
      ['Annexe –', 'Annex –'],
    ].reduce((text, [find, replace]) => edit(text, find!, replace!), content('letter.fr.md')),
  },
}

type Mistake = [name: string, base: keyof typeof bases, find: string | RegExp, replace: string, issue: string]

const mistakes: Mistake[] = [
  // Blank lines and italics
  ['a missing blank line merges two preambular clauses', 'resolution', ';\n\n*Noting*', ';\n*Noting*', 'resolution.en.md:12:1 preambular paragraph 1: a new line starts with the italic lead "Noting" inside the paragraph; expected a blank line before it (two clauses have merged)'],
  ['a lead phrase not in italics', 'cop29', '*Highlighting* that', 'Highlighting that', 'declaration.en.md:14:1 preambular paragraph 2 "Highlighting that digital innovations…": expected its lead phrase in italics at the start (*Recognising* …)'],
  // Annex lines of a letter
  ['an annex line with a hyphen', 'lettre', /^Annexe – /m, 'Annexe - ', 'letter.fr.md:50:1 annex line "Annexe - …": expected an en dash (–, U+2013) with a space on each side between "Annexe" and the title; write "Annexe – Déclaration …"'],
  ['an annex line with an em dash', 'lettre', /^Annexe – /m, 'Annexe — ', 'letter.fr.md:50:1 annex line "Annexe — …": expected an en dash (–, U+2013) with a space on each side between "Annexe" and the title; write "Annexe – Déclaration …"'],
  ['an annex line with a colon', 'lettre', /^Annexe – /m, 'Annexe: ', 'letter.fr.md:50:1 annex line "Annexe: …": expected an en dash (–, U+2013) with a space on each side between "Annexe" and the title; write "Annexe – Déclaration …"'],
  // Numbering
  ['a wrong numeral', 'cop29', '- III. **Mitigating', '- IV. **Mitigating', 'declaration.en.md:32:3 objective 3: expected the number "III." (objectives are numbered in order from I); found "IV."'],
  ['a numeral repeated from the next objective', 'cop29', '- VII. **Encouraging', '- VIII. **Encouraging', 'declaration.en.md:36:3 objective 7: expected the number "VII." (objectives are numbered in order from I); found "VIII."'],
  // Links
  ['a link without its scheme', 'resolution', 'shared observations', '[shared observations](www.example.org)', 'resolution.en.md:11:28 preambular paragraph 1: link "www.example.org": links must use https:, http: or mailto:'],
  ['a script link', 'resolution', 'shared observations', '[shared observations](javascript:alert(1))', 'resolution.en.md:11:28 preambular paragraph 1: link "javascript:alert(1)": links must use https:, http: or mailto:'],
  ['an image', 'resolution', 'shared observations', '![logo](https://example.org/logo.png)', 'resolution.en.md:11:28 image: not supported in document text; expected plain text, *emphasis*, **strong** or [links](https://…)'],
  ['a reference-style link', 'resolution', 'shared observations', '[shared observations][ref]\n\n[ref]: https://example.org', 'resolution.en.md:11:28 linkReference: not supported in document text; expected plain text, *emphasis*, **strong** or [links](https://…)'],
  // Dates
  ['a date line with the month in English in a French letter', 'lettre', 'Genève, le 7 novembre 2024', 'Genève, le 7 November 2024', 'letter.fr.md:11:1 date line "Genève, le 7 November 2024": expected a place and an existing date such as "Genève, le 7 novembre 2024"'],
  ['a date line in figures', 'lettre', 'Genève, le 7 novembre 2024', 'Genève, le 07/11/2024', 'letter.fr.md:11:1 date line "Genève, le 07/11/2024": expected a place and an existing date such as "Genève, le 7 novembre 2024"'],
  ['a date that does not exist', 'lettre', 'Genève, le 7 novembre 2024', 'Genève, le 31 novembre 2024', 'letter.fr.md:11:1 date line "Genève, le 31 novembre 2024": expected a place and an existing date such as "Genève, le 7 novembre 2024"'],
  ['a front matter date in the wrong format', 'resolution', 'language: en\n', 'language: en\ndate: 01/11/2018\n', 'resolution.en.md:5:1 date "01/11/2018": expected an ISO date (YYYY-MM-DD) that exists'],
  ['a front matter date that does not exist', 'resolution', 'language: en\n', 'language: en\ndate: 2018-02-30\n', 'resolution.en.md:5:1 date "2018-02-30": expected an ISO date (YYYY-MM-DD) that exists'],
  // Labels of the other language
  ['an English label in a French letter', 'lettre', 'Référence:', 'Reference:', 'letter.fr.md:13:1 reference block line "Reference: CL-24/63": "Reference" is the English label; expected "Référence:" in a French letter (language: fr)'],
  ['"(signé)" left in an English letter', 'letter', '(signed)', '(signé)', 'letter.en.md:45:1 signed mark "(signé)": it is the French mark; expected "(signed)" in an English letter (language: en)'],
  ['"(signed)" left in a French letter', 'lettre', '(signé)', '(signed)', 'letter.fr.md:45:1 signed mark "(signed)": it is the English mark; expected "(signé)" in a French letter (language: fr)'],
  ['a missing reference line', 'lettre', 'Référence: **CL-24/63**\\\n', '', 'letter.fr.md:13:1 reference block: expected a line "Référence: …"'],
  ['an e-mail address without a domain', 'lettre', '<green@itu.int>', '<green@itu>', 'letter.fr.md:16:1 contact email "green@itu": expected an e-mail address such as name@example.org'],
  // Ids and footnotes
  ['a duplicated clause with its pinned id', 'resolution', '*Noting* the cost of closed data;', '*Noting* the cost of closed data; <!-- id: noting -->\n\n*Noting* the cost of closed data; <!-- id: noting -->', 'resolution.en.md:15:35 preambular paragraph 3: id "noting" is already used by preambular paragraph 2; ids must be unique'],
  ['a footnote nothing refers to', 'resolution', 'report[^1].', 'report.', 'resolution.en.md:18:1 footnote [^1]: nothing refers to it; expected a reference [^1] in the text'],
  // Front matter
  ['a tab in the front matter', 'resolution', 'language: en', '\tlanguage: en', 'resolution.en.md:4:1 front matter: a tab indents this line; YAML indents with spaces only: replace the tab with spaces'],
  ['smart quotes in the front matter', 'resolution', 'id: ocean-data', 'id: “ocean-data”', 'resolution.en.md:3:5 front matter "id": the value is in typographic quotes “…”; expected no quotes or straight ones: id: ocean-data'],
  ['a key given twice', 'resolution', 'language: en\n', 'language: en\nid: ocean-data-2\n', 'resolution.en.md:5:1 front matter: the key "id" is given twice; expected each key once: delete one of them'],
  ['an unknown front matter key', 'resolution', 'language: en\n', 'language: en\ntitle: Ocean\n', 'resolution.en.md:5:1 front matter "title": unknown key; expected one of type, id, language, profile, symbol, date, place, organ'],
  ['no type', 'resolution', 'type: declaration\n', '', 'resolution.en.md:1:1 front matter type is missing: expected "declaration" or "letter"'],
  ['a capitalised type', 'resolution', 'type: declaration', 'type: Declaration', 'resolution.en.md:2:1 front matter type "Declaration": expected "declaration" or "letter"'],
  ['a language name instead of a tag', 'resolution', 'language: en', 'language: english', 'resolution.en.md:4:1 language "english": expected a BCP 47 language tag such as "en-GB" or "fr"'],
  ['an id with a space', 'resolution', 'id: ocean-data', "id: 'ocean data'", 'resolution.en.md:3:1 id "ocean data": expected an id of letters, digits, ".", "_" or "-", starting with a letter'],
  ['an unknown profile', 'resolution', 'language: en\n', 'language: en\nprofile: cop30\n', 'resolution.en.md:5:1 profile "cop30": expected "cop29" or "un-resolution"'],
  // Title
  ['a second level-1 heading', 'resolution', '*The Conference*', '# Second title\n\n*The Conference*', 'resolution.en.md:9:1 heading "Second title": a document has one title (# Title); expected ## or a deeper level'],
]

describe('authoring mistakes: one issue each, at the mistake, with what was found, what was expected and the fix', () => {
  it('covers at least 20 mistakes, each in a document that is valid without it', ({ expect }) => {
    expect(mistakes.length).toBeGreaterThanOrEqual(20)
    for (const { file, text } of Object.values(bases)) expect(safeParseDocument(text, { file })).toMatchObject({ success: true })
  })

  it.for(mistakes)('%s', ([, base, find, replace, issue], { expect }) => {
    const { file, text } = bases[base]!
    const result = safeParseDocument(edit(text, find, replace), { file })
    expect(result.success ? [] : result.issues.map(formatIssue)).toEqual([issue])
  })
})
