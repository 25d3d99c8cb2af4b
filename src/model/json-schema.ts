import { z } from 'zod'
import { Declaration } from './declaration.js'
import type { documentTypes } from './document.js'
import { Letter } from './letter.js'

const schemas = { declaration: Declaration, letter: Letter } as const

/** The JSON Schema (draft 2020-12) of a document type, generated from its zod schema. */
export function documentJsonSchema(type: (typeof documentTypes)[number]): Record<string, unknown> {
  const schema = z.toJSONSchema(schemas[type], { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>
  return {
    $schema: schema.$schema,
    $id: `https://unpkg.com/declaration-kit/schema/${type}.schema.json`,
    title: type === 'declaration' ? 'declaration-kit Declaration' : 'declaration-kit Letter',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  }
}
