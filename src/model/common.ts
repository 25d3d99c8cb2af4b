import { z } from 'zod'
import { printable } from './characters.js'
import { limits } from './limits.js'

/** A clause or document identifier: an XML NMTOKEN-safe name starting with a letter. */
export const Id = z
  .string()
  .max(limits.idLength, { message: `expected an id of at most ${limits.idLength} characters` })
  .regex(/^[A-Za-z][A-Za-z0-9._-]*$/, { message: 'expected an id of letters, digits, ".", "_" or "-", starting with a letter' })

/** A BCP 47 language tag such as `en-GB` or `fr`. */
export const LanguageTag = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?(-[a-zA-Z0-9]{5,8})*$/, {
    message: 'expected a BCP 47 language tag such as "en-GB" or "fr"',
  })

/** Non-empty text (not only white space). */
export const NonEmptyString = z
  .string()
  .min(1, { message: 'expected non-empty text' })
  .refine((value) => value.trim().length > 0, { message: 'expected non-empty text' })
  .check(printable)
