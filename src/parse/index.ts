import { Declaration } from '../model/declaration.js'
import { documentTypes, type Document } from '../model/document.js'
import { DocumentError, type Issue, type SafeParseResult } from '../model/issues.js'
import { Letter } from '../model/letter.js'
import { safeValidate } from '../model/guard.js'
import { ParseContext } from './context.js'
import { readDeclaration } from './declaration.js'
import { readLetter } from './letter.js'
import { inSchemaOrder } from './schema-order.js'
import { checkFrontMatterKeys, decodeSource, markFrontMatter, readMarkdown } from './source.js'

/** Options for the parsers. */
export interface ParseOptions {
  /** Source file name, printed in every issue (`content/declaration.en.md:41:1 …`). */
  file?: string
  /** Largest source accepted, in bytes (or UTF-16 code units of a string); `limits.sourceSize` (4 MB) by default. */
  maxSize?: number
}

const frontMatterKeys = {
  declaration: ['type', 'id', 'language', 'profile', 'symbol', 'date', 'place', 'organ'],
  letter: ['type', 'id', 'language', 'annexes'],
} as const

function run(source: string | Uint8Array, options: ParseOptions, expected?: Document['type']): SafeParseResult<Document> {
  try {
    return read(source, options ?? {}, expected)
  } catch (error) {
    // A parser bug must still come back as an issue: a `safe…` function never throws.
    const file = typeof options?.file === 'string' ? { file: options.file } : {}
    return { success: false, issues: [{ code: 'internal_error', message: `cannot read the document: ${errorMessage(error)}`, path: [], ...file }] }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof RangeError ? 'it nests too deeply' : error instanceof Error ? error.message : String(error)
}

function read(source: string | Uint8Array, options: ParseOptions, expected?: Document['type']): SafeParseResult<Document> {
  const context = new ParseContext(options.file)
  const text = decodeSource(source, context, options.maxSize)
  context.source = text ?? ''
  const markdown = text === undefined ? undefined : readMarkdown(text, context)
  if (!markdown) return { success: false, issues: context.issues }
  const { blocks, frontMatter } = markdown
  markFrontMatter(frontMatter, context)
  const type = frontMatter.values.type
  if (!documentTypes.includes(type as Document['type']) || (expected && type !== expected)) {
    const allowed = expected ? [expected] : documentTypes
    context.report(
      'unknown_type',
      `front matter type ${type === undefined ? 'is missing' : `"${String(type)}"`}: expected ${allowed.map((t) => `"${t}"`).join(' or ')}`,
      ['type'],
    )
    return { success: false, issues: context.issues }
  }
  checkFrontMatterKeys(frontMatter, frontMatterKeys[type as Document['type']], context)
  const candidate = type === 'declaration' ? inSchemaOrder(Declaration, readDeclaration(blocks, frontMatter, context)) : inSchemaOrder(Letter, readLetter(blocks, frontMatter, context))
  if (!context.issues.length) {
    const result = safeValidate(candidate)
    return result.success ? result : { success: false, issues: sortIssues(context.locate(result.issues)) }
  }
  // Every issue in one pass: what validation finds beyond what the parser reported. A profile's rules
  // count and number what the parser could not read whole, so they wait for a document read without
  // issues; a field the parser gave up on is already reported; and a block the parser left out shifts
  // the blocks after it in its list, so validation says nothing more about that list.
  const reported = context.issues
  const { profile: _profile, ...generic } = candidate as Record<string, unknown>
  const result = safeValidate(generic)
  const shifted = reported.flatMap((known) => (typeof known.path[known.path.length - 1] === 'number' ? [known.path.slice(0, -1)] : []))
  const beyond = result.success
    ? []
    : context
        .locate(result.issues)
        .filter((issue) => valueAt(candidate, issue.path) !== undefined || issue.path.length === 0)
        .filter((issue) => !shifted.some((list) => startsWith(issue.path, list)))
        .filter((issue) => !reported.some((known) => startsWith(issue.path, known.path) || (known.line === issue.line && known.column === issue.column)))
  return { success: false, issues: sortIssues([...reported, ...beyond]) }
}

/** The value at a model path of unknown data, or `undefined` when the path leads nowhere. */
function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string | number, unknown>)[key]
  }
  return node
}

function startsWith(path: readonly (string | number)[], prefix: readonly (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((key, index) => path[index] === key)
}

function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
}

function orThrow<T>(result: SafeParseResult<T>): T {
  if (!result.success) throw new DocumentError(result.issues)
  return result.data
}

/** Parses a declaration or a letter from Markdown (dispatching on the front matter's `type`), returning issues instead of throwing. */
export function safeParseDocument(source: string | Uint8Array, options: ParseOptions = {}): SafeParseResult<Document> {
  return run(source, options)
}

/** Parses a declaration from Markdown, returning issues instead of throwing. */
export function safeParseDeclaration(source: string | Uint8Array, options: ParseOptions = {}): SafeParseResult<Declaration> {
  return run(source, options, 'declaration') as SafeParseResult<Declaration>
}

/** Parses a letter from Markdown, returning issues instead of throwing. */
export function safeParseLetter(source: string | Uint8Array, options: ParseOptions = {}): SafeParseResult<Letter> {
  return run(source, options, 'letter') as SafeParseResult<Letter>
}

/** Parses a declaration or a letter from Markdown; throws a `DocumentError` listing every issue with its line and column. */
export function parseDocument(source: string | Uint8Array, options: ParseOptions = {}): Document {
  return orThrow(run(source, options))
}

/** Parses a declaration from Markdown; throws a `DocumentError` when it is not a valid declaration. */
export function parseDeclaration(source: string | Uint8Array, options: ParseOptions = {}): Declaration {
  return orThrow(safeParseDeclaration(source, options))
}

/** Parses a letter from Markdown; throws a `DocumentError` when it is not a valid letter. */
export function parseLetter(source: string | Uint8Array, options: ParseOptions = {}): Letter {
  return orThrow(safeParseLetter(source, options))
}
