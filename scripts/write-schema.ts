// Writes schema/*.schema.json from the zod schemas. Run with `npm run schema`; a test fails when they are stale.
import { writeFileSync } from 'node:fs'
import { documentJsonSchema } from '../src/model/json-schema.js'

for (const type of ['declaration', 'letter'] as const) {
  writeFileSync(new URL(`../schema/${type}.schema.json`, import.meta.url), `${JSON.stringify(documentJsonSchema(type), null, 2)}\n`)
}
