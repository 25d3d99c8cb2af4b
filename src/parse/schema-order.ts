import type { z } from 'zod'

/**
 * The same fields in the order of the schema's shape, the order zod's parse gives them in, then any
 * field the schema does not know (for validation to report). Validation returns the parser's objects
 * themselves, not zod's copy: in this order, a document's JSON does not depend on the order its source
 * gave the fields in (front matter, contact lines) or the parser found them in.
 * @param schema the object schema the value is read for
 * @param value the fields as the parser found them
 * @returns a new object holding the same fields, in the schema's order
 */
export function inSchemaOrder<T extends object>(schema: z.ZodObject, value: T): T {
  const fields = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(schema.shape)) if (Object.hasOwn(fields, key)) out[key] = fields[key]
  for (const key of Object.keys(fields)) if (!Object.hasOwn(out, key)) out[key] = fields[key]
  return out as T
}
