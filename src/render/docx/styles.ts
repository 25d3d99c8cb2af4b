import { AlignmentType, type IParagraphPropertiesOptions, type IParagraphStyleOptions, type IStylesOptions, TabStopType } from 'docx'

/** The ids of the paragraph styles every paragraph of a rendered document carries; a team restyles by editing one. */
export const paragraphStyle = {
  title: 'Title',
  annexTitle: 'AnnexTitle',
  heading1: 'Heading1',
  heading2: 'Heading2',
  opening: 'OpeningFormula',
  preambularClause: 'PreambularClause',
  chapeau: 'Chapeau',
  objective: 'Objective',
  sectionText: 'SectionText',
  endorsement: 'Endorsement',
  endorsementItem: 'EndorsementItem',
  preface: 'Preface',
  subtitle: 'Subtitle',
  closing: 'Closing',
  footnote: 'FootnoteText',
  separator: 'Separator',
  numberedParagraph: 'NumberedParagraph',
  office: 'LetterOffice',
  dateLine: 'DateLine',
  reference: 'ReferenceBlock',
  addressee: 'Addressee',
  subject: 'Subject',
  salutation: 'Salutation',
  body: 'BodyText',
  signature: 'Signature',
  annexLine: 'AnnexLine',
  header: 'Header',
  footer: 'Footer',
} as const

/** The ids of the character styles used for emphasis, lead phrases, objective titles and links. */
export const characterStyle = {
  leadPhrase: 'LeadPhrase',
  objectiveTitle: 'ObjectiveTitle',
  emphasis: 'Emphasis',
  strong: 'Strong',
  strongEmphasis: 'StrongEmphasis',
  hyperlink: 'Hyperlink',
} as const

const font = 'Calibri'
const black = '000000'
const pt = (points: number) => points * 2
const justified = AlignmentType.JUSTIFIED
// Consecutive paragraphs of one style (addressees, reference lines) sit together; the block keeps its space around it.
const block = { contextualSpacing: true, spacing: { before: 240, after: 240 } }

// docx's style options type leaves out page breaks and tab stops, which Word allows in a style and docx writes.
type ParagraphStyle = IParagraphStyleOptions & { paragraph?: Pick<IParagraphPropertiesOptions, 'pageBreakBefore' | 'tabStops'> }

const heading = (id: string, name: string, size: number, outlineLevel: number): ParagraphStyle => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font, size: pt(size), bold: true, color: black },
  paragraph: { keepNext: true, keepLines: true, outlineLevel, spacing: { before: 360, after: 160 } },
})

const paragraphStyles: ParagraphStyle[] = [
  {
    id: paragraphStyle.title,
    name: 'Title',
    basedOn: 'Normal',
    next: paragraphStyle.opening,
    quickFormat: true,
    run: { font, size: pt(16), bold: true, color: black },
    // The title is in the outline so Word's Navigation pane lists the declaration above its sections.
    paragraph: { alignment: AlignmentType.CENTER, keepNext: true, outlineLevel: 0, spacing: { before: 0, after: 360 } },
  },
  { id: paragraphStyle.annexTitle, name: 'Annex Title', basedOn: paragraphStyle.title, next: paragraphStyle.opening, quickFormat: true, paragraph: { pageBreakBefore: true } },
  heading(paragraphStyle.heading1, 'heading 1', 13, 0),
  heading(paragraphStyle.heading2, 'heading 2', 11, 1),
  // docx's own lower headings are blue; they stay black like the rest for a team that adds them.
  ...[3, 4, 5, 6].map((level) => heading(`Heading${level}`, `heading ${level}`, 11, level - 1)),
  { id: paragraphStyle.opening, name: 'Opening Formula', basedOn: 'Normal', next: paragraphStyle.preambularClause, paragraph: { alignment: justified } },
  { id: paragraphStyle.preambularClause, name: 'Preambular Clause', basedOn: 'Normal', next: paragraphStyle.preambularClause, paragraph: { alignment: justified, indent: { firstLine: 567 } } },
  { id: paragraphStyle.chapeau, name: 'Chapeau', basedOn: 'Normal', next: paragraphStyle.objective, paragraph: { alignment: justified, keepNext: true } },
  { id: paragraphStyle.objective, name: 'Objective', basedOn: 'Normal', next: paragraphStyle.objective, paragraph: { alignment: justified } },
  { id: paragraphStyle.sectionText, name: 'Section Text', basedOn: 'Normal', next: paragraphStyle.sectionText, paragraph: { alignment: justified } },
  { id: paragraphStyle.endorsement, name: 'Endorsement', basedOn: 'Normal', next: paragraphStyle.endorsementItem, paragraph: { alignment: justified, keepNext: true, spacing: { before: 240 } } },
  { id: paragraphStyle.preface, name: 'Preface', basedOn: 'Normal', next: paragraphStyle.preface, paragraph: { contextualSpacing: true } },
  { id: paragraphStyle.subtitle, name: 'Subtitle', basedOn: 'Normal', next: paragraphStyle.opening, run: { italics: true }, paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { after: 360 } } },
  { id: paragraphStyle.closing, name: 'Closing', basedOn: 'Normal', next: paragraphStyle.closing, run: { italics: true }, paragraph: { keepLines: true, spacing: { before: 360 } } },
  { id: paragraphStyle.footnote, name: 'footnote text', basedOn: 'Normal', run: { size: pt(9) }, paragraph: { spacing: { after: 0 } } },
  { id: paragraphStyle.separator, name: 'Separator', basedOn: 'Normal', next: 'Normal', paragraph: { border: { bottom: { style: 'single', size: 6, color: black, space: 1 } } } },
  { id: paragraphStyle.numberedParagraph, name: 'Numbered Paragraph', basedOn: 'Normal', next: paragraphStyle.numberedParagraph, paragraph: { alignment: justified, indent: { left: 567, hanging: 567 }, tabStops: [{ type: TabStopType.LEFT, position: 567 }] } },
  { id: paragraphStyle.endorsementItem, name: 'Endorsement Item', basedOn: 'Normal', next: paragraphStyle.endorsementItem, paragraph: { alignment: justified } },
  { id: paragraphStyle.office, name: 'Letter Office', basedOn: 'Normal', next: paragraphStyle.dateLine, run: { bold: true }, paragraph: { spacing: { after: 480 } } },
  { id: paragraphStyle.dateLine, name: 'Date Line', basedOn: 'Normal', next: paragraphStyle.reference, paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 360 } } },
  {
    id: paragraphStyle.reference,
    name: 'Reference Block',
    basedOn: 'Normal',
    next: paragraphStyle.reference,
    // The values line up at a tab stop after the labels, as on the printed letterhead.
    paragraph: { ...block, keepNext: true, tabStops: [{ type: TabStopType.LEFT, position: 1418 }] },
  },
  { id: paragraphStyle.addressee, name: 'Addressee', basedOn: 'Normal', next: paragraphStyle.addressee, paragraph: { ...block, keepNext: true } },
  { id: paragraphStyle.subject, name: 'Subject', basedOn: 'Normal', next: paragraphStyle.salutation, paragraph: { spacing: { before: 240, after: 360 }, indent: { left: 1418, hanging: 1418 }, tabStops: [{ type: TabStopType.LEFT, position: 1418 }] } },
  { id: paragraphStyle.salutation, name: 'Salutation', basedOn: 'Normal', next: paragraphStyle.body },
  { id: paragraphStyle.body, name: 'Body Text', basedOn: 'Normal', next: paragraphStyle.body, paragraph: { alignment: justified } },
  { id: paragraphStyle.signature, name: 'Signature', basedOn: 'Normal', next: paragraphStyle.signature, paragraph: { keepNext: true, keepLines: true, contextualSpacing: true, spacing: { before: 480, after: 0 }, indent: { left: 4536 } } },
  { id: paragraphStyle.annexLine, name: 'Annex Line', basedOn: 'Normal', next: 'Normal', run: { size: pt(10) }, paragraph: { spacing: { before: 720 } } },
  { id: paragraphStyle.header, name: 'header', basedOn: 'Normal', run: { size: pt(9) }, paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } } },
  { id: paragraphStyle.footer, name: 'footer', basedOn: 'Normal', run: { size: pt(9) }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } } },
]

// Widow and orphan control is off unless a style turns it on (ECMA-376 17.3.1.44); docx's types leave it out here.
const defaultParagraph: Pick<IParagraphPropertiesOptions, 'widowControl'> & IParagraphStyleOptions['paragraph'] = {
  widowControl: true,
  spacing: { after: 160, line: 264 },
}

/**
 * The document's styles: Calibri 11 pt in the document's language by default, black headings with outline levels,
 * and one named style for each part of a declaration and of a letter.
 * @param language the `w:lang` of the document's text, such as `fr-FR`
 * @returns docx style options
 */
export function documentStyles(language: string): IStylesOptions {
  return {
    default: {
      document: {
        run: { font, size: pt(11), color: black, language: { value: language } },
        paragraph: defaultParagraph,
      },
    },
    paragraphStyles,
    characterStyles: [
      { id: characterStyle.leadPhrase, name: 'Lead Phrase', basedOn: 'DefaultParagraphFont', quickFormat: true, run: { italics: true } },
      { id: characterStyle.objectiveTitle, name: 'Objective Title', basedOn: 'DefaultParagraphFont', quickFormat: true, run: { bold: true } },
      { id: characterStyle.emphasis, name: 'Emphasis', basedOn: 'DefaultParagraphFont', quickFormat: true, run: { italics: true } },
      { id: characterStyle.strong, name: 'Strong', basedOn: 'DefaultParagraphFont', quickFormat: true, run: { bold: true } },
      { id: characterStyle.strongEmphasis, name: 'Strong Emphasis', basedOn: characterStyle.strong, run: { italics: true } },
      { id: characterStyle.hyperlink, name: 'Hyperlink', basedOn: 'DefaultParagraphFont', run: { color: '0563C1', underline: {} } },
    ],
  }
}
