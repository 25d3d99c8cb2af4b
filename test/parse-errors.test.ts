import { describe, expect, it } from 'vitest'
import { cop29DeclarationSource as declaration, cop29LetterSource as letter } from '../src/content/index.js'
import { DocumentError, formatIssue } from '../src/model/issues.js'
import { parseDeclaration, safeParseDocument } from '../src/parse/index.js'

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
    ['x.md:38:1 objective "IX": the cop29 profile has exactly 8 objectives'],
    ['profile_count'],
  ],
  [
    'duplicate ids',
    declaration.replace(/(\*Acknowledging\*[^\n]*)/, '$1 <!-- id: preamble-2 -->'),
    ['x.md:18:318 preambular clause 4: id "preamble-2" is already used by preambular clause 2; ids must be unique'],
    ['duplicate_id'],
  ],
  [
    'an empty clause',
    declaration.replace(/\*Highlighting\* [^\n]*/, '*Highlighting*'),
    ['x.md:14:1 preambular clause 2: expected non-empty text'],
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
    ['x.md:49:101 endorsement item 1: link "javascript:alert(1)": links must use https:, http: or mailto:'],
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
    ['x.md:6:1 front matter "author": unknown key; expected one of type, id, language, profile'],
    ['unknown_front_matter_key'],
  ],
  ['an unknown profile', declaration.replace('profile: cop29', 'profile: cop30'), ['x.md:5:1 profile "cop30": expected "cop29"'], ['invalid_value']],
  [
    'a preambular clause without its italic lead',
    declaration.replace('*Acknowledging*', 'Acknowledging'),
    ['x.md:18:1 preambular clause 4 "Acknowledging that more consistent, t…": expected its lead phrase in italics at the start (*Recognising* the …)'],
    ['missing_lead'],
  ],
  [
    'an objective numbered out of order',
    declaration.replace('- IV. **', '- V. **'),
    ['x.md:33:3 objective "V": expected number IV (objectives are numbered in order from I)'],
    ['objective_number'],
  ],
  [
    'an objective numbered with digits',
    declaration.replace('- III. **', '- 3. **'),
    ['x.md:32:1 objective 3: expected one paragraph in the list item; found a nested list (a leading "1." starts one; write Roman numerals or escape it as "1\\.")'],
    ['invalid_list_item'],
  ],
  [
    'a contact e-mail that is not an address',
    letter.replace('<green@itu.int>', 'green at itu'),
    ['x.md:16:1 contact email "green at itu": expected an e-mail address such as name@example.org'],
    ['invalid_email'],
  ],
  [
    'seven preambular clauses',
    declaration.replace(/\*Highlighting\* [^\n]*\n\n/, ''),
    ['x.md:12:1 preambular clauses: the cop29 profile has exactly 8 preambular clauses; found 7'],
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
          message: 'objective "V": expected number IV (objectives are numbered in order from I)',
          path: ['objectives', 3, 'number'],
          file: 'x.md',
          line: 33,
          column: 3,
        },
      ])
      expect((error as DocumentError).message).toBe('x.md:33:3 objective "V": expected number IV (objectives are numbered in order from I)')
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
    const { safeValidate } = await import('../src/model/validate.js')
    const { cop29Declaration } = await import('../src/content/index.js')
    const french = { ...cop29Declaration, language: 'fr', sections: cop29Declaration.sections.map((s, i) => ({ ...s, title: ['Cadre de mise en œuvre', 'Collaboration'][i]! })) }
    expect(safeValidate(french).success).toBe(true)
    expect(safeValidate({ ...french, sections: french.sections.slice(0, 1) })).toEqual({
      success: false,
      issues: [{ code: 'profile_section', message: 'sections: the cop29 profile needs 2 sections (Implementation Framework, Collaboration); found 1', path: ['sections'] }],
    })
  })
})
