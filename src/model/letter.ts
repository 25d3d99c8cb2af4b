import { z } from 'zod'
import { Id, LanguageTag, NonEmptyString } from './common.js'
import { Clause } from './declaration.js'
import { isEmail, Phrasing } from './inline.js'

/** A calendar date in ISO 8601 form (YYYY-MM-DD) that exists. */
export const IsoDate = z.iso.date({ message: 'expected an ISO date (YYYY-MM-DD) that exists' })

/** An e-mail address. */
export const Email = z.string().refine(isEmail, { message: 'expected an e-mail address such as name@example.org', params: { code: 'invalid_email' } })

/** The reference and contact block printed beside the addressees. */
export const ContactBlock = z.strictObject({
  tel: NonEmptyString.optional(),
  fax: NonEmptyString.optional(),
  email: Email.optional(),
  name: NonEmptyString.optional(),
})

/** The signatory of a letter. */
export const Signatory = z.strictObject({
  name: NonEmptyString,
  title: NonEmptyString,
})

/** An annex: its printed title and the id of the document it carries. */
export const Annex = z.strictObject({
  id: Id,
  ref: Id,
  title: NonEmptyString,
})

// The letter's type is written out, naming the schemas it is made of, so that its declaration file does
// not unroll them (see declaration.ts); `satisfies` keeps the shape and its type the same.
type LetterShape = {
  type: z.ZodLiteral<'letter'>
  id: typeof Id
  language: typeof LanguageTag
  office: typeof NonEmptyString
  place: typeof NonEmptyString
  date: typeof IsoDate
  reference: typeof NonEmptyString
  contact: typeof ContactBlock
  addressees: z.ZodArray<typeof Clause>
  subject: typeof NonEmptyString
  salutation: typeof NonEmptyString
  body: z.ZodArray<typeof Clause>
  signed: z.ZodBoolean
  signatory: typeof Signatory
  annexes: z.ZodArray<typeof Annex>
}

/** A circular letter (ITU CL style) transmitting one or more annexes. */
export const Letter: z.ZodObject<LetterShape, z.core.$strict> = z.strictObject({
  type: z.literal('letter'),
  id: Id,
  language: LanguageTag,
  office: NonEmptyString,
  place: NonEmptyString,
  date: IsoDate,
  reference: NonEmptyString,
  contact: ContactBlock,
  addressees: z.array(Clause),
  subject: NonEmptyString,
  salutation: NonEmptyString,
  body: z.array(Clause).min(1),
  signed: z.boolean(),
  signatory: Signatory,
  annexes: z.array(Annex),
} satisfies LetterShape)

export type ContactBlock = z.infer<typeof ContactBlock>
export type Signatory = z.infer<typeof Signatory>
export type Annex = z.infer<typeof Annex>
export type Letter = z.infer<typeof Letter>
