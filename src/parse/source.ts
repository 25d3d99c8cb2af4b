import type { Root, RootContent } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { parse as parseYaml, YAMLParseError } from 'yaml'
import type { ParseContext } from './context.js'
import { remarkFootnotes } from './footnotes.js'

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkFootnotes)

/** Front matter values with the line each key is on. */
export interface FrontMatter {
  values: Record<string, unknown>
  lines: Record<string, number>
  /** Line of the opening `---`. */
  line: number
}

/** Decodes source bytes as UTF-8 text, or reports that the file is not text. */
export function decodeSource(source: string | Uint8Array, context: ParseContext): string | undefined {
  let text: string
  if (typeof source === 'string') text = source
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(source)
    } catch {
      context.report('not_text', 'file is not UTF-8 text; expected a Markdown document', [], { line: 1, column: 1 })
      return undefined
    }
  }
  text = text.replace(/^\uFEFF/, '')
  // Control characters other than tab, newline and carriage return mean binary data, not a document.
  const binary = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/.exec(text)
  if (binary) {
    const before = text.slice(0, binary.index)
    const line = before.split('\n').length
    const column = binary.index - before.lastIndexOf('\n')
    context.report('not_text', `file is not text (control character U+${binary[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}); expected a Markdown document`, [], { line, column })
    return undefined
  }
  if (text.trim() === '') {
    context.report('empty_file', 'file is empty; expected YAML front matter (type: declaration or type: letter) and the document text', [], { line: 1, column: 1 })
    return undefined
  }
  return text
}

/** Parses Markdown into an mdast tree (with source positions) and reads its YAML front matter. */
export function readMarkdown(text: string, context: ParseContext): { blocks: RootContent[]; frontMatter: FrontMatter } | undefined {
  const tree = processor.parse(text) as Root
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
  let values: unknown
  try {
    values = parseYaml(first.value)
  } catch (error) {
    const place = error instanceof YAMLParseError && error.linePos ? error.linePos[0] : undefined
    const reason = error instanceof Error ? error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') : 'invalid YAML'
    context.report('invalid_front_matter', `front matter: ${reason}`, [], {
      line: line + (place?.line ?? 1),
      column: place?.col ?? 1,
    })
    return undefined
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    context.report('invalid_front_matter', 'front matter: expected key: value pairs (type, id, language)', [], first)
    return undefined
  }
  const lines: Record<string, number> = {}
  first.value.split('\n').forEach((source, index) => {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(source)?.[1]
    if (key && !(key in lines)) lines[key] = line + 1 + index
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
