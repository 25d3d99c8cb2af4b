import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import mammoth from 'mammoth'
import { beforeAll, describe, expect, it } from 'vitest'
import { validateXML } from 'xmllint-wasm'
import { cop29Declaration, cop29Letter } from '../src/content/index.js'
import { renderDocx } from '../src/render/docx/index.js'
import { renderText, words } from '../src/render/text.js'
import { parts } from './docx-support.js'

let letter: Uint8Array
let declaration: Uint8Array

beforeAll(async () => {
  letter = await renderDocx(cop29Letter, { annexes: [cop29Declaration] })
  declaration = await renderDocx(cop29Declaration)
})

const readBack = async (bytes: Uint8Array) => (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value

// Word generates the objectives' numerals "I." … "VIII." from the list (numbering.xml, tested in docx.test.ts);
// they are not text in the document, so mammoth does not print them. Everything else is compared word for word.
function withoutListNumerals(text: string): { text: string; numerals: string[] } {
  const numerals: string[] = []
  const stripped = text.replace(/^([IVXLCDM]+\.) /gm, (_, numeral: string) => {
    numerals.push(numeral)
    return ''
  })
  return { text: stripped, numerals }
}

describe('renderDocx: text read back by mammoth', () => {
  it('equals the declaration plain text word for word, but for the list numerals Word generates', async () => {
    const expected = withoutListNumerals(renderText(cop29Declaration))
    expect(expected.numerals).toEqual(['I.', 'II.', 'III.', 'IV.', 'V.', 'VI.', 'VII.', 'VIII.'])
    expect(words(await readBack(declaration))).toEqual(words(expected.text))
  })

  it('equals the letter and its annex plain text word for word, but for the list numerals Word generates', async () => {
    const expected = withoutListNumerals(renderText(cop29Letter, { annexes: [cop29Declaration] }))
    expect(expected.numerals).toHaveLength(8)
    const read = words(await readBack(letter))
    expect(read).toEqual(words(expected.text))
    expect(read).toHaveLength(1821 - 8)
  })
})

const schemaRoot = fileURLToPath(new URL('../../shared/schemas/ooxml/', import.meta.url))
const hasSchemas = existsSync(join(schemaRoot, 'ISO-IEC29500-4_2016', 'wml.xsd'))

function schemaFiles(folder: string): { fileName: string; contents: string }[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.xsd'))
    .sort()
    .map((path) => ({ fileName: relative(schemaRoot, join(folder, path)).replaceAll('\\', '/'), contents: readFileSync(join(folder, path), 'utf8') }))
}

// A consumer drops what the markup-compatibility Ignorable attribute names before validating (ECMA-376 part 3);
// styles.xml and numbering.xml carry such w14/w15 attributes, document.xml, headers and footers carry none.
function processIgnorable(xml: string): string {
  const ignorable = /\bmc:Ignorable="([^"]*)"/.exec(xml)?.[1]?.split(/\s+/).filter(Boolean) ?? []
  let out = xml.replace(/\s+mc:Ignorable="[^"]*"/, '')
  for (const prefix of ignorable) out = out.replace(new RegExp(`\\s+${prefix}:[A-Za-z]+="[^"]*"`, 'g'), '')
  return out
}

describe('renderDocx: OOXML schema', () => {
  it.skipIf(!hasSchemas)('writes document, header, footer, style and numbering parts valid against wml.xsd (skipped without ../shared/schemas)', async () => {
    const schemas = schemaFiles(schemaRoot)
    const schema = schemas.find((file) => file.fileName === 'ISO-IEC29500-4_2016/wml.xsd')!
    const files = [...Object.entries(parts(letter)), ...Object.entries(parts(declaration)).map(([path, xml]) => [`declaration/${path}`, xml] as const)]
    const xml = files
      .filter(([path]) => /word\/(document|header\d+|footer\d+|styles|numbering)\.xml$/.test(path))
      .map(([path, contents]) => ({ fileName: path.replaceAll('/', '_'), contents: processIgnorable(contents) }))
    expect(xml.map((file) => file.fileName)).toContain('word_document.xml')
    expect(xml.map((file) => file.fileName)).toContain('declaration_word_document.xml')
    const result = await validateXML({ xml, schema, preload: schemas.filter((file) => file !== schema), maxMemoryPages: 16384 })
    expect(result.errors.map((error) => error.rawMessage)).toEqual([])
    expect(result.valid).toBe(true)
  })
})
