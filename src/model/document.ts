import { z } from 'zod'
import { Declaration } from './declaration.js'
import { Letter } from './letter.js'

/** Any document this library carries, told apart by `type`. */
export const Document: z.ZodDiscriminatedUnion<[typeof Declaration, typeof Letter], 'type'> = z.discriminatedUnion('type', [Declaration, Letter])

export type Document = z.infer<typeof Document>

/** The document types, as written in front matter. */
export const documentTypes = ['declaration', 'letter'] as const
