import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { cop29Declaration, cop29Letter } from '../src/content/index.js'
import { documentJsonSchema } from '../src/model/json-schema.js'

const validator = () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false })
  addFormats.default(ajv)
  return ajv
}

const committed = (type: string) => JSON.parse(readFileSync(new URL(`../schema/${type}.schema.json`, import.meta.url), 'utf8'))

describe('the JSON Schemas in schema/', () => {
  it.each(['declaration', 'letter'] as const)('are what the zod schema of a %s generates (run `npm run schema` when this fails)', (type) => {
    expect(committed(type)).toEqual(documentJsonSchema(type))
  })

  it('accept the bundled documents as JSON, checked by an independent validator (ajv)', () => {
    const ajv = validator()
    const declaration = ajv.compile(committed('declaration'))
    const letter = ajv.compile(committed('letter'))
    expect(declaration(JSON.parse(JSON.stringify(cop29Declaration)))).toBe(true)
    expect(letter(JSON.parse(JSON.stringify(cop29Letter)))).toBe(true)
    expect(declaration.errors ?? null).toBeNull()
    expect(letter({ ...JSON.parse(JSON.stringify(cop29Letter)), date: '2024-11-31' })).toBe(false)
  })

  it('reject a document with an unknown field or a missing one', () => {
    const ajv = validator()
    const declaration = ajv.compile(committed('declaration'))
    const { title: _title, ...untitled } = cop29Declaration
    expect(declaration({ ...cop29Declaration, extra: 1 })).toBe(false)
    expect(declaration(untitled)).toBe(false)
    expect(declaration.errors?.map((e: { message?: string }) => e.message)).toEqual(["must have required property 'title'"])
  })
})
