import { z } from 'zod'
import { Id, LanguageTag, NonEmptyString } from './common.js'
import { Phrasing } from './inline.js'

/** A paragraph-level unit with a stable id. */
export const Clause = z.strictObject({
  id: Id,
  text: Phrasing,
})

/** A preambular clause: its lead phrase ("Recognising", "Noting with concern") and the rest of its text. */
export const PreambularClause = z.strictObject({
  id: Id,
  lead: NonEmptyString,
  text: Phrasing,
})

/** An operative objective, numbered from 1 (shown as I, II, III …). */
export const Objective = z.strictObject({
  id: Id,
  number: z.number().int().min(1),
  title: NonEmptyString,
  text: Phrasing,
})

/** A titled section of paragraphs ("Implementation Framework", "Collaboration"). */
export const Section = z.strictObject({
  id: Id,
  title: NonEmptyString,
  paragraphs: z.array(Clause).min(1),
})

/** How to endorse the declaration: a note and its list of means. */
export const Endorsement = z.strictObject({
  id: Id,
  note: Phrasing,
  items: z.array(Clause).min(1),
})

/** Declaration profiles that add rules on top of the generic ones. */
export const DeclarationProfile = z.enum(['cop29'])

/** A UN-style declaration: opening formula, preamble, operative objectives, sections, endorsement. */
export const Declaration = z.strictObject({
  type: z.literal('declaration'),
  id: Id,
  language: LanguageTag,
  profile: DeclarationProfile.optional(),
  title: NonEmptyString,
  opening: Phrasing,
  preamble: z.array(PreambularClause),
  chapeau: Phrasing,
  objectives: z.array(Objective),
  sections: z.array(Section),
  endorsement: Endorsement.optional(),
})

export type Clause = z.infer<typeof Clause>
export type PreambularClause = z.infer<typeof PreambularClause>
export type Objective = z.infer<typeof Objective>
export type Section = z.infer<typeof Section>
export type Endorsement = z.infer<typeof Endorsement>
export type DeclarationProfile = z.infer<typeof DeclarationProfile>
export type Declaration = z.infer<typeof Declaration>
