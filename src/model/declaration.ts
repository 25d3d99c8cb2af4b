import { z } from 'zod'
import { Id, LanguageTag, NonEmptyString } from './common.js'
import { Phrasing } from './inline.js'

// The generic model of the genre follows Akoma Ntoso's hierarchy: a preface (the title block), a
// preamble (formula and recitals), a main body of numbered paragraphs, lists and headed parts,
// conclusions (the closing lines), attachments (annexes) and authorial notes (footnotes).
//
// Each schema's type is written out, naming the schemas it is made of: the declaration files then
// say `z.ZodArray<typeof Block>` where an inferred type would unroll every schema it reaches (4 MB of
// .d.ts, most of the build's time). `satisfies` keeps each shape and its type the same, field for field.

type ClauseShape = { id: typeof Id; text: typeof Phrasing }
type ParagraphShape = {
  type: z.ZodLiteral<'paragraph'>
  id: typeof Id
  num: z.ZodOptional<typeof NonEmptyString>
  title: z.ZodOptional<typeof NonEmptyString>
  lead: z.ZodOptional<typeof NonEmptyString>
  text: typeof Phrasing
  children: z.ZodOptional<z.ZodArray<typeof Block>>
}
type ListShape = {
  type: z.ZodLiteral<'list'>
  ordered: z.ZodBoolean
  start: z.ZodOptional<z.ZodNumber>
  intro: z.ZodOptional<typeof Paragraph>
  items: z.ZodArray<typeof Paragraph>
}
type SectionShape = {
  type: z.ZodLiteral<'section'>
  id: typeof Id
  level: z.ZodNumber
  heading: typeof NonEmptyString
  body: z.ZodArray<typeof Block>
}
type SeparatorShape = { type: z.ZodLiteral<'separator'> }
type PreambleShape = { heading: z.ZodOptional<typeof NonEmptyString>; formula: z.ZodOptional<typeof Paragraph>; paragraphs: z.ZodArray<typeof Paragraph> }
type DeclarationAnnexShape = { id: typeof Id; heading: typeof NonEmptyString; body: z.ZodArray<typeof Block> }
type FootnoteShape = { id: typeof Id; label: z.ZodString; text: typeof Phrasing }
type DeclarationShape = {
  type: z.ZodLiteral<'declaration'>
  id: typeof Id
  language: typeof LanguageTag
  profile: z.ZodOptional<typeof DeclarationProfile>
  symbol: z.ZodOptional<typeof NonEmptyString>
  date: z.ZodOptional<z.ZodISODate>
  place: z.ZodOptional<typeof NonEmptyString>
  organ: z.ZodOptional<typeof NonEmptyString>
  preface: z.ZodArray<typeof Paragraph>
  title: typeof NonEmptyString
  subtitle: z.ZodOptional<typeof Phrasing>
  preamble: z.ZodOptional<typeof Preamble>
  body: z.ZodArray<typeof Block>
  closing: z.ZodArray<typeof Paragraph>
  annexes: z.ZodArray<typeof DeclarationAnnex>
  footnotes: z.ZodArray<typeof Footnote>
}

/** A paragraph-level unit with a stable id (a letter's addressee or body paragraph). */
export const Clause: z.ZodObject<ClauseShape, z.core.$strict> = z.strictObject({
  id: Id,
  text: Phrasing,
} satisfies ClauseShape)

/**
 * A paragraph of a declaration: an optional number as printed ("1.", "I.", "(a)"), an optional bold
 * title, an optional italic lead ("Recognising", "Decides"), its text, and its sub-paragraphs.
 */
export const Paragraph: z.ZodObject<ParagraphShape, z.core.$strict> = z.strictObject({
  type: z.literal('paragraph'),
  id: Id,
  num: NonEmptyString.optional(),
  title: NonEmptyString.optional(),
  lead: NonEmptyString.optional(),
  text: Phrasing,
  get children(): z.ZodOptional<z.ZodArray<typeof Block>> {
    return z.array(Block).optional()
  },
} satisfies ParagraphShape)

/** A bulleted or numbered list of paragraphs, with the lead-in paragraph that introduces it ("… the following objectives:"). */
export const List: z.ZodObject<ListShape, z.core.$strict> = z.strictObject({
  type: z.literal('list'),
  ordered: z.boolean(),
  start: z.number().int().min(0).optional(),
  intro: Paragraph.optional(),
  items: z.array(Paragraph).min(1),
} satisfies ListShape)

/** A headed part of the document ("Implementation Framework", "Article 1") holding any blocks. */
export const Section: z.ZodObject<SectionShape, z.core.$strict> = z.strictObject({
  type: z.literal('section'),
  id: Id,
  level: z.number().int().min(2).max(6),
  heading: NonEmptyString,
  get body(): z.ZodArray<typeof Block> {
    return z.array(Block)
  },
} satisfies SectionShape)

/** A separator between blocks (a rule, `---` in Markdown). */
export const Separator: z.ZodObject<SeparatorShape, z.core.$strict> = z.strictObject({
  type: z.literal('separator'),
} satisfies SeparatorShape)

/** One block of a declaration's body: a paragraph, a list, a headed section or a separator. */
export const Block: z.ZodDiscriminatedUnion<[typeof Paragraph, typeof List, typeof Section, typeof Separator], 'type'> = z
  .discriminatedUnion('type', [Paragraph, List, Section, Separator])
  .meta({ id: 'Block', description: 'One block of a declaration body: paragraph, list, section or separator.' })

/** The preamble: an optional heading, the formula ("The General Assembly,", "We, …;") and the preambular paragraphs. */
export const Preamble: z.ZodObject<PreambleShape, z.core.$strict> = z.strictObject({
  heading: NonEmptyString.optional(),
  formula: Paragraph.optional(),
  paragraphs: z.array(Paragraph),
} satisfies PreambleShape)

/** An annex inside the document ("Annex: Plan of Action"), with its own body and numbering. */
export const DeclarationAnnex: z.ZodObject<DeclarationAnnexShape, z.core.$strict> = z.strictObject({
  id: Id,
  heading: NonEmptyString,
  body: z.array(Block),
} satisfies DeclarationAnnexShape)

/** A footnote: the label its references use and its text. */
export const Footnote: z.ZodObject<FootnoteShape, z.core.$strict> = z.strictObject({
  id: Id,
  label: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, { message: 'expected a footnote label of letters, digits, "_" or "-"' }),
  text: Phrasing,
} satisfies FootnoteShape)

/** Declaration profiles that add rules on top of the generic ones. */
export const DeclarationProfile: z.ZodEnum<{ cop29: 'cop29'; 'un-resolution': 'un-resolution' }> = z.enum(['cop29', 'un-resolution'])

/**
 * A UN-style declaration or resolution: title block, optional preamble, body (operative part and
 * headed parts), closing lines, annexes and footnotes. `symbol`, `date`, `place` and `organ` are
 * metadata (front matter); everything printed is in the other fields.
 */
export const Declaration: z.ZodObject<DeclarationShape, z.core.$strict> = z.strictObject({
  type: z.literal('declaration'),
  id: Id,
  language: LanguageTag,
  profile: DeclarationProfile.optional(),
  symbol: NonEmptyString.optional(),
  date: z.iso.date({ message: 'expected an ISO date (YYYY-MM-DD) that exists' }).optional(),
  place: NonEmptyString.optional(),
  organ: NonEmptyString.optional(),
  preface: z.array(Paragraph),
  title: NonEmptyString,
  subtitle: Phrasing.optional(),
  preamble: Preamble.optional(),
  body: z.array(Block),
  closing: z.array(Paragraph),
  annexes: z.array(DeclarationAnnex),
  footnotes: z.array(Footnote),
} satisfies DeclarationShape)

export type Clause = z.infer<typeof Clause>
export type Paragraph = z.infer<typeof Paragraph>
export type List = z.infer<typeof List>
export type Section = z.infer<typeof Section>
export type Separator = z.infer<typeof Separator>
export type Block = z.infer<typeof Block>
export type Preamble = z.infer<typeof Preamble>
export type DeclarationAnnex = z.infer<typeof DeclarationAnnex>
export type Footnote = z.infer<typeof Footnote>
export type DeclarationProfile = z.infer<typeof DeclarationProfile>
export type Declaration = z.infer<typeof Declaration>
