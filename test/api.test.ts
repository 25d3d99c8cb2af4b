import { describe, expect, it } from 'vitest'

describe('the public API of the core entry', () => {
  it('exports exactly these names (a change here is a change of the public API)', async () => {
    expect(Object.keys(await import('../src/index.js')).sort()).toEqual([
      'Annex',
      'Block',
      'Break',
      'Clause',
      'ContactBlock',
      'DIFF_VERSION',
      'Declaration',
      'DeclarationAnnex',
      'DeclarationProfile',
      'Document',
      'DocumentError',
      'Email',
      'Emphasis',
      'Footnote',
      'FootnoteReference',
      'Inline',
      'IsoDate',
      'Letter',
      'Link',
      'List',
      'Paragraph',
      'Phrasing',
      'Preamble',
      'Section',
      'Separator',
      'Signatory',
      'Strong',
      'Superscript',
      'Text',
      'alignDocuments',
      'checkDocument',
      'cop29Declaration',
      'cop29DeclarationSource',
      'cop29Letter',
      'cop29LetterSource',
      'defaultHouseStyle',
      'describeBlock',
      'diffDocuments',
      'diffToJson',
      'documentJsonSchema',
      'documentUnits',
      'en',
      'findLocale',
      'foldTypography',
      'formatIssue',
      'fr',
      'frenchTypography',
      'fromRoman',
      'fromXliff',
      'houseStyleSchema',
      'isTypographyOnly',
      'ituHouseStyle',
      'localeFor',
      'locales',
      'paragraphContent',
      'parseDeclaration',
      'parseDocument',
      'parseLetter',
      'phrasingText',
      'printedBlocks',
      'profiles',
      'renderAlignmentMarkdown',
      'renderDiffMarkdown',
      'renderMarkdown',
      'renderText',
      'resolveAnnexes',
      'safeFromXliff',
      'safeImportXliff',
      'safeParseDeclaration',
      'safeParseDocument',
      'safeParseLetter',
      'safeValidate',
      'toAkomaNtoso',
      'toRoman',
      'toTmx',
      'toXliff',
      'tokenize',
      'walkDeclaration',
      'words',
      'xliffStatus',
    ])
  })

  it('exports the zod schemas, which validate unknown data', async () => {
    const { Declaration, Letter, cop29Declaration, cop29Letter } = await import('../src/index.js')
    expect(Declaration.parse(JSON.parse(JSON.stringify(cop29Declaration)))).toEqual(cop29Declaration)
    expect(Letter.safeParse({ ...cop29Letter, date: '7 November 2024' }).success).toBe(false)
  })
})

describe('the public API of the HTML entry (declaration-kit/html)', () => {
  it('exports exactly these names', async () => {
    expect(Object.keys(await import('../src/render/html/index.js')).sort()).toEqual(['renderDiffHtml', 'renderHtml'])
  })
})
