import type { Root, RootContent } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { parseDocument as parseYamlDocument, YAMLError } from 'yaml'
import { forbiddenCharacter } from '../model/characters.js'
import { formatBytes, limits } from '../model/limits.js'
import type { ParseContext } from './context.js'
import { remarkFootnotes } from './footnotes.js'
import { nestingProblem } from './nesting.js'
import { parseInPieces } from './pieces.js'

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkFootnotes)

/** Parses Markdown into an mdast tree with source positions (a long source in pieces, see `parseInPieces`). */
export function markdownTree(text: string, size?: number): Root {
  return parseInPieces(text, (piece) => processor.parse(piece) as Root, size)
}

/** Front matter values with the line each key is on. */
export interface FrontMatter {
  values: Record<string, unknown>
  lines: Record<string, number>
  /** Line of the opening `---`. */
  line: number
}

// The yaml package's messages for the mistakes authors make, rewritten as what was found, what YAML
// expects and the fix; other messages are kept as the package words them.
const yamlMessages: Record<string, (line: string) => string> = {
  TAB_AS_INDENT: () => 'a tab indents this line; YAML indents with spaces only: replace the tab with spaces',
  DUPLICATE_KEY: (line) => `the key "${/^\s*([^:]+):/.exec(line)?.[1]?.trim() ?? line.trim()}" is given twice; expected each key once: delete one of them`,
  BLOCK_AS_IMPLICIT_KEY: (line) => `"${line.trim()}" is not a key: value pair; expected "key: value" with a space after the colon`,
  MULTILINE_IMPLICIT_KEY: (line) => `"${line.trim()}" is not a key: value pair; expected "key: value" with a space after the colon`,
}

/** Rewrites a YAML parse error in the project's words: what was found, what was expected, the fix. */
export function yamlMessage(error: unknown, source: string): string {
  if (!(error instanceof YAMLError)) return error instanceof Error ? error.message.split('\n')[0]! : 'invalid YAML'
  const line = source.split('\n')[(error.linePos?.[0].line ?? 1) - 1] ?? ''
  return yamlMessages[error.code]?.(line) ?? error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}

// Typographic quotes around a front matter value (“ocean-data”), as a word processor writes them.
const curlyQuoted = /^\s*([A-Za-z_][\w-]*)\s*:\s*([“‘«„])(.*)([”’»“])\s*$/

// The offset of the first byte that is not part of a well-formed UTF-8 sequence (TextDecoder's fatal mode says only that there is one).
function invalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index]!
    if (lead < 0x80) {
      index++
      continue
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0
    if (length === 0) return index
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next]
      if (byte === undefined || byte < (next === 1 ? low : 0x80) || byte > (next === 1 ? high : 0xbf)) return index
    }
    index += length
  }
  return index
}

function placeOfOffset(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 0x0a) {
      line++
      lineStart = index + 1
    }
  }
  return { line, column: new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1 }
}

/** Decodes source bytes as UTF-8 text, or reports that the file is not text (with the place of the first bad byte or character) or is over the size limit. */
export function decodeSource(source: string | Uint8Array, context: ParseContext, maxSize: number = limits.sourceSize): string | undefined {
  if (typeof source !== 'string' && !(source instanceof Uint8Array)) {
    context.report('not_text', `expected the document's Markdown as a string or bytes, got ${source === null ? 'null' : typeof source}`, [])
    return undefined
  }
  if (source.length > maxSize) {
    context.report('too_large', `file is ${formatBytes(source.length)}, larger than the limit of ${formatBytes(maxSize)} (option maxSize)`, [], { line: 1, column: 1 })
    return undefined
  }
  let text: string
  if (typeof source === 'string') text = source
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(source)
    } catch {
      const offset = invalidUtf8Offset(source)
      context.report('not_text', `file is not UTF-8 text (byte 0x${source[offset]!.toString(16).toUpperCase().padStart(2, '0')} is not valid UTF-8 here); expected a Markdown document`, [], placeOfOffset(source, offset))
      return undefined
    }
  }
  text = text.replace(/^\uFEFF/, '')
  // Old Mac (CR) and Windows (CR LF) line endings are read as LF, so that lines are counted as an editor counts them.
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
  // Control characters other than tab and newline, noncharacters and lone surrogates mean binary data, not a document.
  const replacement = text.indexOf('\uFFFD')
  const binary = forbiddenCharacter(text) ?? (replacement === -1 ? undefined : { index: replacement, name: 'replacement character U+FFFD' })
  if (binary) {
    const before = text.slice(0, binary.index)
    const line = before.split('\n').length
    const column = binary.index - before.lastIndexOf('\n')
    context.report('not_text', `file is not text (${binary.name}); expected a Markdown document`, [], { line, column })
    return undefined
  }
  if (text.trim() === '') {
    context.report('empty_file', 'file is empty; expected YAML front matter (type: declaration or type: letter) and the document text', [], { line: 1, column: 1 })
    return undefined
  }
  const nesting = nestingProblem(text)
  if (nesting) {
    context.report('too_deep', nesting.message, [], nesting.place)
    return undefined
  }
  return text
}

// The plain `key: value` lines that nearly every front matter is made of are read without the YAML parser,
// which costs more than a tenth of the parse of a short document. A line with anything else (quotes,
// comments, lists, indentation, a value YAML reads as a number, boolean or null, characters outside
// letters, digits and plain punctuation) sends the whole front matter to the YAML parser.
const simpleLine = /^([A-Za-z_][\w-]*): +([\p{L}\p{N}][\p{L}\p{M}\p{N} .,/()_'’-]*?) *$/u
// The plain scalars that YAML 1.2's core schema does not read as strings.
const notString = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/

/** The values of a front matter made only of plain `key: text` lines, as the YAML parser reads them, or `undefined` for any other. */
export function simpleFrontMatter(source: string): Record<string, string> | undefined {
  const values: Record<string, string> = {}
  let pairs = 0
  for (const line of source.split('\n')) {
    if (line === '') continue
    // YAML limits an implicit key to 1,024 characters.
    const match = line.length > 1000 ? null : simpleLine.exec(line)
    if (!match) return undefined
    const [, key, value] = match as unknown as [string, string, string]
    if (key === '__proto__' || notString.test(key) || notString.test(value) || Object.hasOwn(values, key)) return undefined
    values[key] = value
    pairs++
  }
  return pairs ? values : undefined
}

/** Parses Markdown into an mdast tree (with source positions) and reads its YAML front matter. */
export function readMarkdown(text: string, context: ParseContext): { blocks: RootContent[]; frontMatter: FrontMatter } | undefined {
  const tree = markdownTree(text)
  const [first, ...blocks] = tree.children
  if (first?.type !== 'yaml') {
    context.report(
      'missing_front_matter',
      'expected YAML front matter at the top of the file, between --- lines, naming the document type (type: declaration or type: letter)',
      [],
      first ?? { line: 1, column: 1 },
    )
    return undefined
  }
  const line = first.position?.start.line ?? 1
  let values: unknown = simpleFrontMatter(first.value)
  if (values === undefined) {
    try {
      const yaml = parseYamlDocument(first.value, { uniqueKeys: true })
      // Unknown tags (`!custom`) are warnings to the yaml library; here they are errors, as they change nothing a reader sees.
      const problem = yaml.errors[0] ?? yaml.warnings[0]
      if (problem) throw problem
      values = yaml.toJS({ maxAliasCount: 100 })
    } catch (error) {
      const place = error instanceof YAMLError && error.linePos ? error.linePos[0] : undefined
      const reason = yamlMessage(error, first.value)
      context.report('invalid_front_matter', `front matter: ${reason}`, [], {
        line: line + (place?.line ?? 1),
        column: place?.col ?? 1,
      })
      return undefined
    }
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    context.report('invalid_front_matter', 'front matter: expected key: value pairs (type, id, language)', [], first)
    return undefined
  }
  // No prototype: a key named "constructor" or "toString" is a key like any other.
  const lines: Record<string, number> = Object.create(null)
  first.value.split('\n').forEach((source, index) => {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(source)?.[1]
    if (key && !(key in lines)) lines[key] = line + 1 + index
    // Said once here; the value is read without its quotes so that no second issue follows.
    const quoted = curlyQuoted.exec(source)
    const record = values as Record<string, unknown>
    if (quoted && typeof record[quoted[1]!] === 'string') {
      const [, name, open, inner, close] = quoted
      context.report(
        'typographic_quotes',
        `front matter "${name}": the value is in typographic quotes ${open}…${close}; expected no quotes or straight ones: ${name}: ${inner}`,
        [],
        { line: line + 1 + index, column: source.indexOf(open!) + 1 },
      )
      record[name!] = inner
    }
  })
  return { blocks, frontMatter: { values: values as Record<string, unknown>, lines, line } }
}

/** Reports front-matter keys that a document type does not know. */
export function checkFrontMatterKeys(frontMatter: FrontMatter, allowed: readonly string[], context: ParseContext): void {
  for (const key of Object.keys(frontMatter.values)) {
    if (!allowed.includes(key)) {
      context.report(
        'unknown_front_matter_key',
        `front matter "${key}": unknown key; expected one of ${allowed.join(', ')}`,
        [],
        { line: frontMatter.lines[key] ?? frontMatter.line, column: 1 },
      )
    }
  }
}

/** Marks each front-matter key's line as the place of the model field of the same name. */
export function markFrontMatter(frontMatter: FrontMatter, context: ParseContext): void {
  for (const [key, line] of Object.entries(frontMatter.lines)) context.mark([key], { line, column: 1 })
  context.mark([], { line: frontMatter.line, column: 1 })
}
