import { AlignmentType, type IParagraphPropertiesOptions, type IParagraphStyleOptions, type IStylesOptions, LineRuleType, TabStopType } from 'docx'
import { defaultHouseStyle, labelColumnEms, type HouseStyle } from '../house-style.js'

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
  letterhead: 'Letterhead',
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

const pt = (points: number) => Math.round(points * 2)
const colourOf = (hex: string) => hex.slice(1).toUpperCase()
/** Twentieths of a point in a millimetre. */
export const twipsPerMillimetre = 1440 / 25.4
const justified = AlignmentType.JUSTIFIED
// Reference lines and addressees sit line under line in their table cells, as on the PDF; the space around the table is the office's and the subject's.
const block = { contextualSpacing: true, spacing: { before: 0, after: 0 } }

// docx's style options type leaves out page breaks and tab stops, which Word allows in a style and docx writes.
type ParagraphStyle = IParagraphStyleOptions & { paragraph?: Pick<IParagraphPropertiesOptions, 'pageBreakBefore' | 'tabStops'> }

function paragraphStylesOf(house: HouseStyle): ParagraphStyle[] {
  const font = house.font.family
  const black = colourOf(house.colours.text)
  const { body: bodySize, title: titleSize, heading: headingSize, small } = house.sizes
  // A tab stop at the right margin, for the date line on the office's line.
  const textWidth = Math.round((pageWidthMillimetres(house) - house.margins.left - house.margins.right) * twipsPerMillimetre)
  // The reference values and the subject line up at the PDF's label column.
  const labelStop = Math.round(bodySize * 20 * labelColumnEms)
  const leading = bodyLeading(house)

const heading = (id: string, name: string, size: number, outlineLevel: number): ParagraphStyle => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font, size: pt(size), bold: true, color: black },
  paragraph: { keepNext: true, keepLines: true, outlineLevel, spacing: { before: 280, after: 120 } },
})

return [
  {
    id: paragraphStyle.title,
    name: 'Title',
    basedOn: 'Normal',
    next: paragraphStyle.opening,
    quickFormat: true,
    run: { font, size: pt(titleSize), bold: true, color: black },
    // The title is in the outline so Word's Navigation pane lists the declaration above its sections.
    paragraph: { alignment: AlignmentType.CENTER, keepNext: true, outlineLevel: 0, spacing: { before: 0, after: 360 } },
  },
  // An annex's label or heading: bold at the body size, centred, at the top of a new page, as on the PDF.
  {
    id: paragraphStyle.annexTitle,
    name: 'Annex Title',
    basedOn: 'Normal',
    next: paragraphStyle.title,
    quickFormat: true,
    run: { font, size: pt(bodySize), bold: true, color: black },
    paragraph: { alignment: AlignmentType.CENTER, keepNext: true, pageBreakBefore: true, outlineLevel: 0, spacing: { before: 0, after: 360 } },
  },
  heading(paragraphStyle.heading1, 'heading 1', headingSize, 0),
  heading(paragraphStyle.heading2, 'heading 2', headingSize, 1),
  // docx's own lower headings are blue; they stay black like the rest for a team that adds them.
  ...[3, 4, 5, 6].map((level) => heading(`Heading${level}`, `heading ${level}`, headingSize, level - 1)),
  { id: paragraphStyle.opening, name: 'Opening Formula', basedOn: 'Normal', next: paragraphStyle.preambularClause, paragraph: { alignment: justified } },
  { id: paragraphStyle.preambularClause, name: 'Preambular Clause', basedOn: 'Normal', next: paragraphStyle.preambularClause, paragraph: { alignment: justified, indent: { firstLine: 567 } } },
  { id: paragraphStyle.chapeau, name: 'Chapeau', basedOn: 'Normal', next: paragraphStyle.objective, paragraph: { alignment: justified, keepNext: true } },
  { id: paragraphStyle.objective, name: 'Objective', basedOn: 'Normal', next: paragraphStyle.objective, paragraph: { alignment: justified } },
  { id: paragraphStyle.sectionText, name: 'Section Text', basedOn: 'Normal', next: paragraphStyle.sectionText, paragraph: { alignment: justified } },
  { id: paragraphStyle.endorsement, name: 'Endorsement', basedOn: 'Normal', next: paragraphStyle.endorsementItem, paragraph: { alignment: justified, keepNext: true, spacing: { before: 240 } } },
  { id: paragraphStyle.preface, name: 'Preface', basedOn: 'Normal', next: paragraphStyle.preface, paragraph: { contextualSpacing: true } },
  { id: paragraphStyle.subtitle, name: 'Subtitle', basedOn: 'Normal', next: paragraphStyle.opening, run: { italics: true }, paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { after: 360 } } },
  { id: paragraphStyle.closing, name: 'Closing', basedOn: 'Normal', next: paragraphStyle.closing, run: { italics: true }, paragraph: { keepLines: true, spacing: { before: 360 } } },
  // Justified and hyphenated, as the PDF sets its footnotes.
  { id: paragraphStyle.footnote, name: 'footnote text', basedOn: 'Normal', run: { size: pt(9) }, paragraph: { alignment: justified, spacing: { after: 0 } } },
  { id: paragraphStyle.separator, name: 'Separator', basedOn: 'Normal', next: 'Normal', paragraph: { border: { bottom: { style: 'single', size: 6, color: black, space: 1 } } } },
  { id: paragraphStyle.numberedParagraph, name: 'Numbered Paragraph', basedOn: 'Normal', next: paragraphStyle.numberedParagraph, paragraph: { alignment: justified, indent: { left: 567, hanging: 567 }, tabStops: [{ type: TabStopType.LEFT, position: 567 }] } },
  { id: paragraphStyle.endorsementItem, name: 'Endorsement Item', basedOn: 'Normal', next: paragraphStyle.endorsementItem, paragraph: { alignment: justified } },
  // The office and, at a right tab, the date line share one line, as on the PDF.
  // One blank line under it, as on the PDF.
  { id: paragraphStyle.office, name: 'Letter Office', basedOn: 'Normal', next: paragraphStyle.reference, paragraph: { spacing: { after: leading }, tabStops: [{ type: TabStopType.RIGHT, position: textWidth }] } },
  { id: paragraphStyle.dateLine, name: 'Date Line', basedOn: 'Normal', next: paragraphStyle.reference, paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 280 } } },
  {
    id: paragraphStyle.reference,
    name: 'Reference Block',
    basedOn: 'Normal',
    next: paragraphStyle.reference,
    // The values line up at a tab stop after the labels, as on the printed letterhead.
    paragraph: { ...block, keepNext: true, tabStops: [{ type: TabStopType.LEFT, position: labelStop }] },
  },
  { id: paragraphStyle.addressee, name: 'Addressee', basedOn: 'Normal', next: paragraphStyle.addressee, paragraph: { ...block, keepNext: true } },
  // 20 pt under the reference block and the addressees, as on the PDF.
  { id: paragraphStyle.subject, name: 'Subject', basedOn: 'Normal', next: paragraphStyle.salutation, paragraph: { spacing: { before: 400, after: 360 }, indent: { left: labelStop, hanging: labelStop }, tabStops: [{ type: TabStopType.LEFT, position: labelStop }] } },
  { id: paragraphStyle.salutation, name: 'Salutation', basedOn: 'Normal', next: paragraphStyle.body },
  { id: paragraphStyle.body, name: 'Body Text', basedOn: 'Normal', next: paragraphStyle.body, paragraph: { alignment: justified } },
  // The signature flush left under the text, as on the PDF.
  { id: paragraphStyle.signature, name: 'Signature', basedOn: 'Normal', next: paragraphStyle.signature, paragraph: { keepNext: true, keepLines: true, contextualSpacing: true, spacing: { before: 480, after: 0 } } },
  { id: paragraphStyle.annexLine, name: 'Annex Line', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { before: 360 } } },
  { id: paragraphStyle.header, name: 'header', basedOn: 'Normal', run: { size: pt(small) }, paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } } },
  { id: paragraphStyle.footer, name: 'footer', basedOn: 'Normal', run: { size: pt(small) }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } } },
  { id: paragraphStyle.letterhead, name: 'Letterhead', basedOn: 'Normal', run: { size: pt(titleSize), bold: true }, paragraph: { spacing: { after: 0 } } },
]
}

/** The ids of the paragraph styles whose text is not justified, which are not hyphenated (as in the PDF). */
export function raggedStyles(house: HouseStyle = defaultHouseStyle): string[] {
  return paragraphStylesOf(house)
    .filter((style) => style.paragraph?.alignment !== justified)
    .map((style) => style.id)
}

/** One line of body text in a house style, in twentieths of a point. */
export function bodyLeading(house: HouseStyle): number {
  return Math.round(house.sizes.body * house.leading * 20)
}

/** The width of a house style's paper in millimetres. */
function pageWidthMillimetres(house: HouseStyle): number {
  return house.pageSize === 'A4' ? 210 : 215.9
}

// Widow and orphan control is off unless a style turns it on (ECMA-376 17.3.1.44); docx's types leave it out here.
// Lines are set at the house style's leading exactly, as the PDF sets them.
const defaultParagraph = (house: HouseStyle): Pick<IParagraphPropertiesOptions, 'widowControl'> & IParagraphStyleOptions['paragraph'] => ({
  widowControl: true,
  spacing: { after: Math.round(house.sizes.body * house.leading * 10), line: bodyLeading(house), lineRule: LineRuleType.EXACT },
})

/**
 * The document's styles: the house style's face, size and leading in the document's language by default, black
 * headings with outline levels, and one named style for each part of a declaration and of a letter.
 * @param language the `w:lang` of the document's text, such as `fr-FR`
 * @param house the house style (default `defaultHouseStyle`: Noto Serif 11 pt)
 * @returns docx style options
 */
export function documentStyles(language: string, house: HouseStyle = defaultHouseStyle): IStylesOptions {
  const font = house.font.family
  return {
    default: {
      document: {
        run: { font, size: pt(house.sizes.body), color: colourOf(house.colours.text), language: { value: language } },
        paragraph: defaultParagraph(house),
      },
    },
    paragraphStyles: paragraphStylesOf(house),
    characterStyles: [
      { id: characterStyle.leadPhrase, name: 'Lead Phrase', basedOn: 'DefaultParagraphFont', quickFormat: true, run: { italics: true } },
      { id: characterStyle.objectiveTitle, name: 'Objective Title', basedOn: 'DefaultParagraphFont', quickFormat: true, run: { bold: true } },
      { id: characterStyle.emphasis, name: 'Emphasis', basedOn: 'DefaultParagraphFont', quickFormat: true, run: { italics: true } },
      { id: characterStyle.strong, name: 'Strong', basedOn: 'DefaultParagraphFont', quickFormat: true, run: { bold: true } },
      { id: characterStyle.strongEmphasis, name: 'Strong Emphasis', basedOn: characterStyle.strong, run: { italics: true } },
      { id: characterStyle.hyperlink, name: 'Hyperlink', basedOn: 'DefaultParagraphFont', run: { color: colourOf(house.colours.link), underline: {} } },
    ],
  }
}
