import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDocument as parseYaml } from 'yaml'
import { cop29DeclarationSource } from '../src/content/index.js'
import { simpleFrontMatter } from '../src/parse/source.js'

const frontMatterOf = (source: string): string => source.slice(4, source.indexOf('\n---\n', 4))

/** What the YAML parser reads, as the parser of front matter takes it: a value without errors or warnings, or nothing. */
function yamlValues(text: string): unknown {
  const document = parseYaml(text, { uniqueKeys: true })
  return document.errors.length || document.warnings.length ? undefined : document.toJS({ maxAliasCount: 100 })
}

const keys = ['type', 'id', 'language', 'symbol', 'place', 'constructor', '__proto__', 'null', 'True', 'x-y', '_a', 'a1']
const plain = ['A', 'z', 'é', 'e\u0301', '0', '1', '9', '.', '-', 'e', 'E', 'x', 'o', ' ', '  ', '’', "'", '(', ')', ',', '/', '_', '2024-11-15', 'Ⅻ', '٣', '²']
const tricky = ['+', ':', ': ', '#', ' #', '"', '~', 'null', 'true', 'False', '.inf', '.NaN', '0x1F', '0o7', '\u00A0', '\u200B', '\t', '*', '&', '!', '|', '>', '%', '@', '`', '[', '{']
const piece = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...plain) }, { weight: 1, arbitrary: fc.constantFrom(...tricky) })
const line = fc.tuple(fc.constantFrom(...keys), fc.constantFrom(': ', ': ', ':  ', ':', ' : '), fc.array(piece, { minLength: 0, maxLength: 6 }), fc.constantFrom('', '', ' ', '\t'))
  .map(([key, colon, value, end]) => `${key}${colon}${value.join('')}${end}`)
const frontMatter = fc.array(fc.oneof({ weight: 6, arbitrary: line }, { weight: 1, arbitrary: fc.constantFrom('', '- item', '# comment', '  indented: x') }), { minLength: 1, maxLength: 5 }).map((lines) => lines.join('\n'))

describe('simpleFrontMatter', () => {
  it('reads the bundled declaration\'s front matter without the YAML parser, as the YAML parser reads it', () => {
    for (const source of [cop29DeclarationSource]) {
      const text = frontMatterOf(source)
      const values = simpleFrontMatter(text)
      if (values === undefined) expect.fail(`not read: ${text}`)
      expect(values).toStrictEqual(yamlValues(text))
    }
  })

  it('gives, for any front matter it reads, the values the YAML parser gives, and leaves every other to it', () => {
    let read = 0
    fc.assert(
      fc.property(frontMatter, (text) => {
        const values = simpleFrontMatter(text)
        if (values === undefined) return
        read++
        const expected = yamlValues(text)
        if (!isDeepStrictEqual(values, expected)) expect(values).toStrictEqual(expected)
      }),
      { numRuns: 5000, seed: 15 },
    )
    expect(read).toBeGreaterThan(100)
  })

  it.each([
    ['a number', 'id: 12'],
    ['a boolean', 'id: true'],
    ['null', 'id: ~'],
    ['a key given twice', 'id: a\nid: b'],
    ['a comment', 'id: a # note'],
    ['quotes', 'id: "a"'],
    ['a list', 'annexes:\n  - a'],
    ['typographic quotes', 'id: “a”'],
  ])('leaves a front matter with %s to the YAML parser', (_name, text) => {
    expect(simpleFrontMatter(text)).toBe(undefined)
  })
})
