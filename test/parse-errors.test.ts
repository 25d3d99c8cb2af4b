import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cop29DeclarationSource as declaration, cop29LetterSource as letter } from '../src/content/index.js'
import { DocumentError, formatIssue } from '../src/model/issues.js'
import { parseDeclaration, safeParseDocument } from '../src/parse/index.js'

const resolution = readFileSync(new URL('./fixtures/real/a-res-73-8.en.md', import.meta.url), 'utf8')

const bad: [string, string | Uint8Array, string[], string[]][] = [
  [
    'a missing title',
    declaration.replace('# COP29 Declaration on Green Digital Action\n\n', ''),
    ['x.md:8:1 expected the title as a level-1 heading (# Title) after the front matter'],
    ['missing_title'],
  ],
  [
    'nine objectives',
    declaration.replace('\n\n## Implementation', '\n- IX. **Extra Objective:** More text.\n\n## Implementation'),
    ['x.md:38:3 objective "IX.": the cop29 profile has exactly 8 objectives'],
    ['profile_count'],
  ],
  [
    'duplicate ids',
    declaration.replace(/(\*Acknowledging\*[^\n]*)/, '$1 <!-- id: preamble-2 -->'),
    ['x.md:18:318 preambular paragraph 4: id "preamble-2" is already used by preambular paragraph 2; ids must be unique'],
    ['duplicate_id'],
  ],
  [
    'a preambular paragraph that is only its italic lead',
    declaration.replace(/\*Highlighting\* [^\n]*/, '*Highlighting*'),
    ['x.md:14:1 preambular paragraph 2: expected text after the italic lead "Highlighting"'],
    ['empty_text'],
  ],
  [
    'a date that does not exist',
    letter.replace('le 7 novembre 2024', 'le 31 novembre 2024'),
    ['x.md:11:1 date line "Genève, le 31 novembre 2024": expected a place and an existing date such as "Genève, le 7 novembre 2024"'],
    ['invalid_date_line'],
  ],
  [
    'a javascript: link',
    declaration.replace('<digitalisation@cop29.az>', '[click](javascript:alert(1))'),
    ['x.md:49:101 paragraph 2 under "Collaboration": link "javascript:alert(1)": links must use https:, http: or mailto:'],
    ['invalid_link'],
  ],
  [
    'an unknown front-matter type',
    declaration.replace('type: declaration', 'type: memo'),
    ['x.md:2:1 front matter type "memo": expected "declaration" or "letter"'],
    ['unknown_type'],
  ],
  ['binary garbage', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe]), ['x.md:1:1 file is not UTF-8 text (byte 0x89 is not valid UTF-8 here); expected a Markdown document'], ['not_text']],
  ['binary that is valid UTF-8', 'PK\u0003\u0004abc', ['x.md:1:3 file is not text (control character U+0003); expected a Markdown document'], ['not_text']],
  ['an empty file', '', ['x.md:1:1 file is empty; expected YAML front matter (type: declaration or type: letter) and the document text'], ['empty_file']],
  [
    'no front matter',
    '# Title\n',
    ['x.md:1:1 expected YAML front matter at the top of the file, between --- lines, naming the document type (type: declaration or type: letter)'],
    ['missing_front_matter'],
  ],
  [
    'broken YAML',
    '---\ntype: [declaration\n---\n',
    ['x.md:2:19 front matter: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['invalid_front_matter'],
  ],
  [
    'an unknown front-matter key',
    declaration.replace('profile: cop29', 'profile: cop29\nauthor: me'),
    ['x.md:6:1 front matter "author": unknown key; expected one of type, id, language, profile, symbol, date, place, organ'],
    ['unknown_front_matter_key'],
  ],
  ['an unknown profile', declaration.replace('profile: cop29', 'profile: cop30'), ['x.md:5:1 profile "cop30": expected "cop29" or "un-resolution"'], ['invalid_value']],
  [
    'a preambular paragraph without its italic lead',
    declaration.replace('*Acknowledging*', 'Acknowledging'),
    ['x.md:18:1 preambular paragraph 4 "Acknowledging that more consistent, t…": expected its lead phrase in italics at the start (*Recognising* …)'],
    ['missing_lead'],
  ],
  [
    'an objective numbered out of order',
    declaration.replace('- IV. **', '- V. **'),
    ['x.md:33:3 objective 4: expected the number "IV." (objectives are numbered in order from I); found "V."'],
    ['objective_number'],
  ],
  [
    'an objective numbered with digits',
    declaration.replace('- III. **', '- 3. **'),
    ['x.md:32:1 list item 3: expected a paragraph first; found a nested list (a leading "3." starts one; write Roman numerals or escape it as "3\\.")'],
    ['invalid_list_item'],
  ],
  [
    'a contact e-mail that is not an address',
    letter.replace('<green@itu.int>', 'green at itu'),
    ['x.md:16:1 contact email "green at itu": expected an e-mail address such as name@example.org'],
    ['invalid_email'],
  ],
  [
    'seven preambular paragraphs',
    declaration.replace(/\*Highlighting\* [^\n]*\n\n/, ''),
    ['x.md:10:1 preamble: the cop29 profile has exactly 8 preambular paragraphs; found 7'],
    ['profile_count'],
  ],
  [
    'a missing section',
    declaration.replace('## Collaboration', '## Cooperation'),
    ['x.md:39:1 sections: the cop29 profile needs a section "Collaboration"; found "Implementation Framework", "Cooperation"'],
    ['profile_section'],
  ],
  [
    'a language that is not a BCP 47 tag',
    declaration.replace('language: en-GB', 'language: english!'),
    ['x.md:4:1 language "english!": expected a BCP 47 language tag such as "en-GB" or "fr"'],
    ['invalid_format'],
  ],
  [
    'an image',
    declaration.replace('*Recognising* the', '*Recognising* ![x](y.png) the'),
    ['x.md:12:15 image: not supported in document text; expected plain text, *emphasis*, **strong** or [links](https://…)'],
    ['unsupported_inline'],
  ],
  [
    'a letter in a language without a locale',
    letter.replace('language: fr', 'language: es'),
    ['x.md:4:1 language "es": letters are read through a locale; expected one of en, fr'],
    ['unsupported_language'],
  ],
  [
    'a letter without its subject line',
    letter.replace('Objet: **', '**'),
    ['x.md:25:1 paragraph "Invitation à participer à la table ronde": expected the subject line "Objet: **…**"'],
    ['missing_subject'],
  ],
  [
    'an unknown label in the reference block',
    letter.replace('Fax: ', 'Télécopie: '),
    ['x.md:15:1 reference block line "Télécopie: +41 22 733 7256": expected one of the labels "Référence:", "Tél.:", "Fax:", "Courriel:", "Contact:"'],
    ['unknown_label'],
  ],
  [
    'a resolution operative paragraph without its italic verb',
    resolution.replace('3. *Once again urges* States', '3. Once again urges States'),
    ['x.md:37:4 operative paragraph 3. "Once again urges States that have and…": expected its operative verb in italics at the start (*Decides* …)'],
    ['missing_lead'],
  ],
  [
    'a resolution operative paragraph ending with "." before the last',
    resolution.replace('legal regime;', 'legal regime.'),
    ['x.md:37:4 operative paragraph 3.: expected it to end with ";" (found ".")'],
    ['profile_punctuation'],
  ],
  [
    'a date in the front matter that does not exist',
    resolution.replace('date: 2018-11-01', 'date: 2018-11-31'),
    ['x.md:7:1 date "2018-11-31": expected an ISO date (YYYY-MM-DD) that exists'],
    ['invalid_date'],
  ],
  [
    'a footnote mark without its definition',
    resolution.replace('[^1]: A/73/85.', ''),
    ['x.md:35:97 footnote [^1]: no definition; expected a line "[^1]: the note" (usually at the end of the file)'],
    ['missing_footnote'],
  ],
  [
    'a footnote nothing refers to',
    resolution.replace('72/4;[^1]', '72/4;'),
    ['x.md:44:1 footnote [^1]: nothing refers to it; expected a reference [^1] in the text'],
    ['unused_footnote'],
  ],
  [
    'a second level-1 heading',
    declaration.replace('## Collaboration', '# Collaboration'),
    ['x.md:43:1 heading "Collaboration": a document has one title (# Title); expected ## or a deeper level'],
    ['unexpected_heading'],
  ],
  [
    'a code block',
    declaration.replace('## Collaboration', '```\ncode\n```\n\n## Collaboration'),
    ['x.md:43:1 code: not part of the content format; expected paragraphs, lists, ## headings, --- separators or footnotes [^1]: …'],
    ['unsupported_block'],
  ],
  [
    'objectives without their chapeau',
    declaration.replace('Affirm within our respective mandates the following common objectives:\n\n', ''),
    ['x.md:28:1 objectives: the cop29 profile introduces the objectives with a chapeau ending with ":"'],
    ['profile_chapeau'],
  ],
  [
    'an objective without its bold title',
    declaration.replace('- II. **Building Resilient Digital Infrastructure:** ', '- II. '),
    ['x.md:31:3 objective 2: expected a bold title ending with a colon (- II. **Title:** text)'],
    ['invalid_objective'],
  ],
]

describe('bad input', () => {
  it.each(bad)('%s gives its exact issue with line and column', (_name, source, messages, codes) => {
    const result = safeParseDocument(source, { file: 'x.md' })
    expect(result.success).toBe(false)
    if (result.success) return
    expect(result.issues.map(formatIssue)).toEqual(messages)
    expect(result.issues.map((issue) => issue.code)).toEqual(codes)
  })

  it('throws a DocumentError carrying the same issues from the throwing variant', () => {
    const source = declaration.replace('- IV. **', '- V. **')
    expect(() => parseDeclaration(source, { file: 'x.md' })).toThrowError(DocumentError)
    try {
      parseDeclaration(source, { file: 'x.md' })
    } catch (error) {
      expect((error as DocumentError).issues).toEqual([
        {
          code: 'objective_number',
          message: 'objective 4: expected the number "IV." (objectives are numbered in order from I); found "V."',
          path: ['body', 0, 'items', 3, 'num'],
          file: 'x.md',
          line: 33,
          column: 3,
        },
      ])
      expect((error as DocumentError).message).toBe('x.md:33:3 objective 4: expected the number "IV." (objectives are numbered in order from I); found "V."')
    }
  })

  it('rejects a letter where a declaration is asked for', () => {
    const result = safeParseDocument(letter, { file: 'x.md' })
    expect(result.success).toBe(true)
    expect(() => parseDeclaration(letter, { file: 'l.md' })).toThrowError('l.md:2:1 front matter type "letter": expected "declaration"')
  })

  it('never throws anything but a DocumentError, whatever the bytes', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const bytes = new Uint8Array(64).map((_, i) => (seed * 7919 + i * 104729) % 251)
      expect(safeParseDocument(bytes).success).toBe(false)
      expect(safeParseDocument(declaration.slice(0, seed * 20)).success).toBe(false)
    }
  })
})

describe('the cop29 profile in another language', () => {
  it('checks a translation by its number of sections, not by their English titles', async () => {
    const { safeValidate } = await import('../src/model/guard.js')
    const { cop29Declaration } = await import('../src/content/index.js')
    const titles = ['Cadre de mise en œuvre', 'Collaboration']
    let at = 0
    const body = cop29Declaration.body.map((block) => (block.type === 'section' ? { ...block, heading: titles[at++]! } : block))
    const french = { ...cop29Declaration, language: 'fr', body }
    expect(safeValidate(french).success).toBe(true)
    expect(safeValidate({ ...french, body: body.slice(0, 2) })).toEqual({
      success: false,
      issues: [
        { code: 'profile_section', message: 'sections: the cop29 profile needs 2 sections (Implementation Framework, Collaboration); found 1', path: ['body', 1] },
        {
          code: 'profile_endorsement',
          message: 'section "Cadre de mise en œuvre": the cop29 profile ends with the endorsement, a lead-in ending with ":" and its list (- Any official written communications …)',
          path: ['body', 1],
        },
      ],
    })
  })
})
