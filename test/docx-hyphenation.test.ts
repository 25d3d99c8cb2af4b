import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { cop29Declaration, cop29Letter } from '../src/content/index.js'
import { suppressHyphenation } from '../src/render/docx/hyphenation.js'
import { renderDocx } from '../src/render/docx/render.js'
import { paragraphStyle, raggedStyles } from '../src/render/docx/styles.js'

const style = (id: string, body: string, type = 'paragraph') => `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${id}"/>${body}</w:style>`

describe('suppressHyphenation', () => {
  it('puts w:suppressAutoHyphens where ECMA-376 orders it: after tabs and borders, before spacing, indents and alignment', () => {
    const part = [
      style('A', '<w:pPr><w:keepNext/><w:tabs><w:tab w:val="left" w:pos="1265"/></w:tabs><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/></w:rPr>'),
      style('B', '<w:pPr><w:keepNext/><w:pBdr><w:bottom w:val="single"/></w:pBdr></w:pPr>'),
      style('C', '<w:basedOn w:val="Normal"/><w:rPr><w:i/></w:rPr>'),
      style('D', '<w:basedOn w:val="Normal"/>'),
    ].join('')
    expect(suppressHyphenation(part, ['A', 'B', 'C', 'D'])).toBe(
      [
        style('A', '<w:pPr><w:keepNext/><w:tabs><w:tab w:val="left" w:pos="1265"/></w:tabs><w:suppressAutoHyphens/><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/></w:rPr>'),
        style('B', '<w:pPr><w:keepNext/><w:pBdr><w:bottom w:val="single"/></w:pBdr><w:suppressAutoHyphens/></w:pPr>'),
        style('C', '<w:basedOn w:val="Normal"/><w:pPr><w:suppressAutoHyphens/></w:pPr><w:rPr><w:i/></w:rPr>'),
        style('D', '<w:basedOn w:val="Normal"/><w:pPr><w:suppressAutoHyphens/></w:pPr>'),
      ].join(''),
    )
  })

  it('leaves other styles, character styles of the same id and a style that already says it as they are', () => {
    const part = [style('A', '<w:pPr><w:jc w:val="both"/></w:pPr>'), style('B', '<w:rPr><w:i/></w:rPr>', 'character'), style('C', '<w:pPr><w:suppressAutoHyphens/></w:pPr>')].join('')
    expect(suppressHyphenation(part, ['B', 'C'])).toBe(part)
  })
})

describe('renderDocx: hyphenation as in the PDF', () => {
  const styles = async (doc: Parameters<typeof renderDocx>[0]) => strFromU8(unzipSync(await renderDocx(doc, { embedFont: false, annex: false }))['word/styles.xml']!)
  const suppressed = (xml: string) => [...xml.matchAll(/<w:style w:type="paragraph" w:styleId="([^"]+)">(?:(?!<\/w:style>)[\s\S])*<w:suppressAutoHyphens\/>/g)].map((match) => match[1])

  it('turns hyphenation off in every paragraph style that is not justified, the addressees and the subject among them', async () => {
    const ragged = raggedStyles()
    // Headings, the letter's furniture, its address block, subject, salutation and signature: the PDF sets them ragged or centred.
    expect(ragged).toEqual([
      ...['Title', 'AnnexTitle', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6', 'Preface', 'Subtitle', 'Closing', 'Separator'],
      ...['LetterOffice', 'DateLine', 'ReferenceBlock', 'Addressee', 'Subject', 'Salutation', 'Signature', 'AnnexLine', 'Header', 'Footer', 'Letterhead'],
    ])
    expect(ragged).not.toContain(paragraphStyle.footnote)
    for (const doc of [cop29Letter, cop29Declaration]) expect(suppressed(await styles(doc)).sort()).toEqual([...ragged].sort())
  })
})
