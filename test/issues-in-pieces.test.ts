import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Document } from '../src/model/document.js'
import { issuesInPieces } from '../src/model/issues-in-pieces.js'
import type { Issue } from '../src/model/issues.js'
import { safeValidate } from '../src/model/guard.js'
import { checkDocument, issueFromZod } from '../src/model/validate.js'
import { parseDocument } from '../src/parse/index.js'
import { renderMarkdown } from '../src/render/markdown.js'
import { generateDeclaration, random } from './bench/generate.mjs'
import { declaration, letter } from './arbitraries.js'

// Validation checks a long document's schema a piece at a time (src/model/issues-in-pieces.ts): these
// tests hold it to what the whole parse gives, issue for issue, in order, on valid and broken documents.

/** What the whole parse reports, as validation reported it before it checked in pieces. */
function wholeIssues(input: unknown): z.core.$ZodIssue[] {
  const result = Document.safeParse(input, { reportInput: true })
  return result.success ? [] : result.error.issues
}

/** Validation as it was: the whole parse, then the cross-field rules on zod's copy. */
function validatedWhole(input: unknown): Issue[] {
  const result = Document.safeParse(input, { reportInput: true })
  return result.success ? checkDocument(result.data) : result.error.issues.map((issue) => issueFromZod(issue, input))
}

const realFiles = [
  ...readdirSync('content').map((name) => `content/${name}`),
  ...readdirSync('test/fixtures/real').filter((name) => name.endsWith('.md') && name !== 'SOURCES.md').map((name) => `test/fixtures/real/${name}`),
  ...readdirSync('test/fixtures/notes').map((name) => `test/fixtures/notes/${name}`),
  'test/fixtures/diff/declaration.draft-2.en.md',
]
const realDocuments = realFiles.map((file) => [file, parseDocument(readFileSync(file, 'utf8'), { file })] as const)

// Values that break a field in every way the schemas check: wrong types, empty and blank text,
// characters no output carries, bad ids, dates and links, unknown tags.
const badValues: unknown[] = [
  42, null, true, '', '   ', 'x', 'has\u0001control', 'not an id!', '2024-02-30', 'javascript:alert(1)', 'http://', 'a@b',
  [], {}, [1], { type: 'nope' }, { type: 'text' }, { type: 'paragraph', id: 'p' }, { type: 'list', ordered: true, items: [] }, -1, 1.5, 7,
]
const keys = ['type', 'id', 'text', 'value', 'children', 'items', 'body', 'num', 'level', 'url', 'label', 'extra', 'paragraphs', 'ordered', 'start']

/** The containers (objects and arrays) of a value, each once. */
function containers(value: unknown, out: object[] = []): object[] {
  if (typeof value !== 'object' || value === null) return out
  out.push(value)
  for (const child of Object.values(value)) containers(child, out)
  return out
}

/** A copy of `doc` with one to four random edits: a key deleted, set to a bad value or added, an item removed, replaced, added or all removed, a tag changed. */
function mutate(doc: unknown, seed: number): unknown {
  const next = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const copy = structuredClone(doc)
  const edits = 1 + Math.floor(next() * 4)
  for (let edit = 0; edit < edits; edit++) {
    const node = pick(containers(copy)) as Record<string, unknown>
    const bad = structuredClone(pick(badValues))
    if (Array.isArray(node)) {
      const at = Math.floor(next() * (node.length + 1))
      const kind = pick(['remove', 'replace', 'insert', 'empty'] as const)
      if (kind === 'remove') node.splice(at, 1)
      else if (kind === 'replace' && at < node.length) node[at] = bad
      else if (kind === 'empty') node.length = 0
      else node.splice(at, 0, bad)
    } else {
      const own = Object.keys(node)
      const kind = pick(['delete', 'set', 'set', 'add'] as const)
      if (kind === 'delete' && own.length) delete node[pick(own)]
      else if (kind === 'add') node[pick(keys)] = bad
      else if (own.length) node[pick(own)] = bad
    }
  }
  return copy
}

const document = fc.oneof(declaration as fc.Arbitrary<unknown>, letter as fc.Arbitrary<unknown>)

describe('issuesInPieces', () => {
  it('gives a valid document no issue, cut however small', () => {
    fc.assert(
      fc.property(document, fc.constantFrom(0, 4, 16, 256), (doc, weight) => {
        expect(issuesInPieces(Document, doc, weight)).toStrictEqual([])
      }),
      { numRuns: 100 },
    )
  })

  it('finds the issues the whole parse finds, in its order, in generated documents broken at random', () => {
    fc.assert(
      fc.property(document, fc.nat(), fc.constantFrom(0, 4, 16), (doc, seed, weight) => {
        const broken = mutate(doc, seed)
        expect(issuesInPieces(Document, broken, weight)).toStrictEqual(wholeIssues(broken))
      }),
      { numRuns: 300 },
    )
  })

  it.each(realDocuments)('finds the issues the whole parse finds in %s broken 60 ways', (_file, doc) => {
    expect(issuesInPieces(Document, doc, 0)).toStrictEqual([])
    for (let seed = 1; seed <= 60; seed++) {
      const broken = mutate(doc, seed)
      const expected = wholeIssues(broken)
      expect(issuesInPieces(Document, broken, seed % 3 === 0 ? 0 : 16)).toStrictEqual(expected)
    }
  })

  it('puts an item’s issues before the unrecognized keys of the object holding its array, as zod does', () => {
    const doc = generateDeclaration(30)
    const paragraphs = doc.preamble!.paragraphs.map((paragraph, index) => (index === 3 ? { ...paragraph, id: 7 } : paragraph))
    const broken = { ...doc, title: '', preamble: { ...doc.preamble, paragraphs, extra: 1 }, zzz: true }
    const issues = issuesInPieces(Document, broken, 16)
    expect(issues.map(({ code, path }) => ({ code, path }))).toStrictEqual([
      { code: 'too_small', path: ['title'] },
      { code: 'custom', path: ['title'] },
      { code: 'invalid_type', path: ['preamble', 'paragraphs', 3, 'id'] },
      { code: 'unrecognized_keys', path: ['preamble'] },
      { code: 'unrecognized_keys', path: [] },
    ])
    expect(issues).toStrictEqual(wholeIssues(broken))
    // The unrecognized keys name the object as the caller gave it, not a stand-in.
    expect((issues[3] as { input?: unknown }).input).toBe(broken.preamble)
    expect((issues[4] as { input?: unknown }).input).toBe(broken)
  })

  it('checks an array whose own check fails whole: a list with no items', () => {
    const doc = generateDeclaration(30)
    const [list, ...rest] = doc.body
    const broken = { ...doc, body: [{ ...list, items: [] }, ...rest] }
    expect(issuesInPieces(Document, broken, 0)).toStrictEqual(wholeIssues(broken))
    expect(issuesInPieces(Document, broken, 0).map(({ code, path }) => ({ code, path }))).toStrictEqual([{ code: 'too_small', path: ['body', 0, 'items'] }])
  })

  it('checks an object whole when a field lets the stand-in for a piece through', () => {
    const schema = z.strictObject({ loose: z.unknown(), items: z.array(z.strictObject({ n: z.number() })) })
    const input = { loose: { a: [1, 2, 3] }, items: [{ n: 1 }, { n: 'two' }, { n: 3, m: 4 }] }
    const expected = schema.safeParse(input, { reportInput: true }).error!.issues
    expect(issuesInPieces(schema, input, 0)).toStrictEqual(expected)
    expect(expected.map(({ code, path }) => ({ code, path }))).toStrictEqual([
      { code: 'invalid_type', path: ['items', 1, 'n'] },
      { code: 'unrecognized_keys', path: ['items', 2] },
    ])
  })

  it('reports a tag no option has, or a value that is no object, as the whole parse does', () => {
    const doc = generateDeclaration(30)
    for (const first of [{ ...doc.body[0], type: 'table' }, 'a list', null, [doc.body[0]]]) {
      const broken = { ...doc, body: [first, ...doc.body.slice(1)] }
      expect(issuesInPieces(Document, broken, 0)).toStrictEqual(wholeIssues(broken))
    }
    expect(issuesInPieces(Document, [doc], 0)).toStrictEqual(wholeIssues([doc]))
    expect(issuesInPieces(Document, { ...doc, type: 'memo' }, 0)).toStrictEqual(wholeIssues({ ...doc, type: 'memo' }))
  })
})

describe('safeValidate', () => {
  it('returns the issues validation of the whole gave, on generated 60-clause declarations broken at random', () => {
    const doc = generateDeclaration(60)
    for (let seed = 1; seed <= 150; seed++) {
      const broken = mutate(doc, seed)
      const result = safeValidate(broken)
      expect(result.success ? [] : result.issues).toStrictEqual(validatedWhole(broken))
    }
  })

  it('returns the issues validation of the whole gave when only the cross-field rules fail', () => {
    const doc = generateDeclaration(60)
    const paragraphs = doc.preamble!.paragraphs.map((paragraph, index) => (index === 5 ? { ...paragraph, id: 'preamble-1' } : paragraph))
    const broken = { ...doc, preamble: { ...doc.preamble, paragraphs } }
    const result = safeValidate(broken)
    expect(result.success ? [] : result.issues.map(({ code, path }) => ({ code, path }))).toStrictEqual([{ code: 'duplicate_id', path: ['preamble', 'paragraphs', 5, 'id'] }])
    expect(result.success ? [] : result.issues).toStrictEqual(validatedWhole(broken))
  })

  it.each([...realDocuments, ['a generated 1,000-clause declaration', generateDeclaration(1000)] as const])(
    'returns %s itself, which writes as JSON the very bytes zod’s copy writes',
    (_name, doc) => {
      const result = safeValidate(doc)
      expect(result.success && result.data).toBe(doc)
      expect(JSON.stringify(doc)).toBe(JSON.stringify(Document.parse(doc)))
    },
  )
})

describe('parseDocument', () => {
  it('gives every field in the order of the schema, so that a parsed document writes as JSON the bytes zod’s copy writes', () => {
    fc.assert(
      fc.property(document, (doc) => {
        const parsed = parseDocument(renderMarkdown(doc as Parameters<typeof renderMarkdown>[0]))
        expect(JSON.stringify(parsed)).toBe(JSON.stringify(Document.parse(parsed)))
      }),
      { numRuns: 100 },
    )
  })

  it('orders front matter and contact lines as the schema does, whatever order the source gives them in', () => {
    const source = readFileSync('content/letter.fr.md', 'utf8')
    const frontMatter = '---\ntype: letter\nid: cl-24-63\nlanguage: fr\nannexes:\n  - cop29-green-digital-action\n---\n'
    const reorderedFrontMatter = '---\nannexes:\n  - cop29-green-digital-action\nlanguage: fr\nid: cl-24-63\ntype: letter\n---\n'
    expect(source.startsWith(frontMatter)).toBe(true)
    const lines = source.slice(frontMatter.length).split('\n')
    const phone = lines.findIndex((line) => line.startsWith('Tél.:'))
    const email = lines.findIndex((line) => line.startsWith('Courriel:'))
    ;[lines[phone], lines[email]] = [lines[email]!, lines[phone]!]
    const reordered = reorderedFrontMatter + lines.join('\n')
    const letter = parseDocument(reordered) as Record<string, unknown>
    expect(JSON.stringify(letter)).toBe(JSON.stringify(parseDocument(source)))
    expect(Object.keys(letter)).toStrictEqual(['type', 'id', 'language', 'office', 'place', 'date', 'reference', 'contact', 'addressees', 'subject', 'salutation', 'body', 'signed', 'signatory', 'annexes'])
  })
})

describe('the document schema', () => {
  // Validation returns the caller's document rather than zod's copy because no schema it is made of
  // changes a value: a transform, pipe, default, prefault, catch or overwrite would make the copy
  // differ from the input, and validation would then have to return zod's output.
  it('is made only of kinds and checks that leave a value as it is', () => {
    const kinds = new Set<string>()
    const checks = new Set<string>()
    const seen = new Set<unknown>()
    const visit = (schema: z.core.$ZodType | undefined): void => {
      if (!schema || seen.has(schema)) return
      seen.add(schema)
      const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>
      kinds.add(def.type)
      for (const check of def.checks ?? []) checks.add(check._zod.def.check)
      if (schema instanceof z.ZodObject) for (const field of Object.values(schema.shape)) visit(field as z.core.$ZodType)
      for (const key of ['element', 'innerType', 'catchall']) visit(def[key] as z.core.$ZodType | undefined)
      for (const option of (def.options as z.core.$ZodType[] | undefined) ?? []) visit(option)
    }
    visit(Document)
    expect([...kinds].sort()).toStrictEqual(['array', 'boolean', 'enum', 'literal', 'never', 'number', 'object', 'optional', 'string', 'union'])
    expect([...checks].sort()).toStrictEqual(['custom', 'greater_than', 'less_than', 'max_length', 'min_length', 'number_format', 'string_format'])
  })
})
