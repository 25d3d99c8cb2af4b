import type { Document } from './document.js'
import { DocumentError, type Issue, type SafeParseResult } from './issues.js'
import { limits } from './limits.js'
import { checkDocument as checkRules, maxDepth, validateShallow } from './validate.js'

/**
 * How deep `value` nests objects and arrays, measured without recursion and stopping past `limit`
 * (a cycle counts as endless nesting).
 * @param value any value
 * @param limit the depth past which measuring stops
 * @returns the path to the first node deeper than `limit`, or `undefined` when there is none
 */
export function tooDeep(value: unknown, limit: number = limits.modelDepth): (string | number)[] | undefined {
  return nesting(value, limit).deeper ? pathTooDeep(value, limit) : undefined
}

/**
 * How a value nests, in one walk that makes nothing per node: whether its objects and arrays go deeper than
 * `limit`, and how deep its blocks nest (the items of each `children`, `body` or `items` array one level down).
 */
function nesting(value: unknown, limit: number): { deeper: boolean; blocks: number } {
  let blocks = 0
  if (typeof value !== 'object' || value === null) return { deeper: false, blocks }
  // Parallel stacks rather than an entry per node: a long document's entries outlived the young
  // generation of the garbage collector. An array's block level is its items' level.
  const nodes: object[] = [value]
  const depths: number[] = [0]
  const levels: number[] = [0]
  while (nodes.length) {
    const node = nodes.pop()!
    const depth = depths.pop()!
    const level = levels.pop()!
    if (depth > limit) return { deeper: true, blocks }
    const array = Array.isArray(node)
    if (level > blocks && (!array || node.length > 0)) blocks = level
    for (const key of Object.keys(node)) {
      const child = (node as Record<string, unknown>)[key]
      if (typeof child === 'object' && child !== null) {
        nodes.push(child)
        depths.push(depth + 1)
        levels.push(!array && Array.isArray(child) && (key === 'children' || key === 'body' || key === 'items') ? level + 1 : level)
      }
    }
  }
  return { deeper: false, blocks }
}

/** The path to the first node deeper than `limit` (in the order `deeperThan` finds it), when there is one. */
function pathTooDeep(value: unknown, limit: number): (string | number)[] | undefined {
  // Each entry links to its parent's: the path is spelled out only for the node that is too deep, not
  // copied for every node of the document.
  interface Entry {
    node: object
    depth: number
    parent?: Entry
    key?: string | number
  }
  if (typeof value !== 'object' || value === null) return undefined
  const stack: Entry[] = [{ node: value, depth: 0 }]
  while (stack.length) {
    const entry = stack.pop()!
    if (entry.depth > limit) {
      const path: (string | number)[] = []
      for (let at: Entry | undefined = entry; at?.parent; at = at.parent) path.push(at.key!)
      return path.reverse()
    }
    const { node } = entry
    const array = Array.isArray(node)
    for (const key of Object.keys(node)) {
      const child = (node as Record<string, unknown>)[key]
      if (typeof child === 'object' && child !== null) stack.push({ node: child, depth: entry.depth + 1, parent: entry, key: array ? Number(key) : key })
    }
  }
  return undefined
}

// A message that quotes a huge value (a 10 MB id) quotes its start only.
function shorten(issue: Issue): Issue {
  if (issue.message.length <= 400) return issue
  return { ...issue, message: issue.message.replace(/"([^"]{120})[^"]{40,}"/g, '"$1…"') }
}

function failure(code: string, message: string, path: (string | number)[] = []): { success: false; issues: Issue[] } {
  return { success: false, issues: [{ code, message, path }] }
}

/**
 * Validates unknown data as a document (schema, then cross-field rules and profile), returning issues
 * and never throwing, whatever the input: one nested deeper than `limits.modelDepth` is an issue.
 * A valid document comes back as the very object given, not a copy (the schemas change no value):
 * its fields keep the order they were given in, and changing it later changes the caller's object.
 * @param input any value
 * @returns the document (`input` itself), or the issues
 */
export function safeValidate(input: unknown): SafeParseResult<Document> {
  const { deeper, blocks } = nesting(input, limits.modelDepth)
  const deep = deeper && pathTooDeep(input, limits.modelDepth)
  if (deep) return failure('too_deep', `${deep.slice(0, 6).join('.')}…: the document nests more than ${limits.modelDepth} levels deep`)
  if (blocks > maxDepth) return failure('too_deep', `document: blocks nest deeper than ${maxDepth} levels; expected at most ${maxDepth}`)
  try {
    const result = validateShallow(input)
    return result.success ? result : { success: false, issues: result.issues.map(shorten) }
  } catch (error) {
    return failure('invalid_document', `cannot validate the document: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/**
 * Checks the rules that hold across fields (unique ids, non-empty text, numbering, the document's
 * profile) of a document that passed the schema; anything else is one issue, never a thrown error.
 * @param doc a document
 * @returns the issues, none when the document keeps every rule
 */
export function checkDocument(doc: Document): Issue[] {
  try {
    return checkRules(doc).map(shorten)
  } catch {
    return failure('invalid_document', 'expected a document that passed the schema (safeValidate checks both)').issues
  }
}

/**
 * Throws a `DocumentError` when a document given to a writer nests deeper than `limits.modelDepth`, so
 * that a document built in code meets an issue, not a stack overflow, in the writers' recursive walks.
 * @param doc the document a writer was given
 */
export function assertShallow(doc: unknown): void {
  const deep = tooDeep(doc)
  if (deep) throw new DocumentError([{ code: 'too_deep', message: `${deep.slice(0, 6).join('.')}…: the document nests more than ${limits.modelDepth} levels deep`, path: [] }])
}
