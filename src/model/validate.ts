import type { z } from 'zod'
import type { Declaration, List } from './declaration.js'
import { describePath } from './describe.js'
import { Document } from './document.js'
import { hasChildren, phrasingText, type Inline, type Phrasing } from './inline.js'
import { issuesInPieces } from './issues-in-pieces.js'
import type { Issue, SafeParseResult } from './issues.js'
import type { Letter } from './letter.js'
import { checkProfile } from './profiles.js'
import { describeBlock, paragraphContent, walkDeclaration, type PrintedBlock } from './walk.js'

type Path = (string | number)[]

/** One of zod's issues in the project's words: our code, a message naming the place and the value, and its path. */
export function issueFromZod(issue: z.core.$ZodIssue, input: unknown): Issue {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol')
  const code = (issue as { params?: { code?: string } }).params?.code ?? (issue.code === 'invalid_format' && issue.format === 'date' ? 'invalid_date' : issue.code)
  // Our own link check names the value itself; for the rest, name it here when it is text.
  const value = code !== 'invalid_link' && 'input' in issue && typeof issue.input === 'string' ? ` "${issue.input}"` : ''
  const message =
    issue.code === 'invalid_value' && issue.values.length > 1
      ? `expected ${issue.values.map((value) => JSON.stringify(value)).join(', ').replace(/, ([^,]*)$/, ' or $1')}`
      : issue.message.replace(/^Invalid (input|option): /, '').replace(/^./, (c) => c.toLowerCase())
  return { code, message: `${describePath(path, input)}${value}: ${message}`, path }
}

/** How deep blocks and inline runs may nest in a document built in code (the Markdown parser has its own, smaller limit). */
export const maxDepth = 32

function letterIds(doc: Letter): [string, Path][] {
  return [
    ...doc.addressees.map((c, i): [string, Path] => [c.id, ['addressees', i, 'id']]),
    ...doc.body.map((c, i): [string, Path] => [c.id, ['body', i, 'id']]),
    ...doc.annexes.map((c, i): [string, Path] => [c.id, ['annexes', i, 'id']]),
  ]
}

function letterFields(doc: Letter): [Phrasing, Path][] {
  return [
    ...doc.addressees.map((c, i): [Phrasing, Path] => [c.text, ['addressees', i, 'text']]),
    ...doc.body.map((c, i): [Phrasing, Path] => [c.text, ['body', i, 'text']]),
  ]
}

function footnoteLabels(content: readonly Inline[], out: string[] = []): string[] {
  for (const node of content) {
    if (node.type === 'footnoteReference') out.push(node.label)
    else if (hasChildren(node)) footnoteLabels(node.children, out)
  }
  return out
}

function hasNoId(block: PrintedBlock): boolean {
  return block.role === 'title' || block.role === 'subtitle' || block.role === 'separator' || block.role === 'preamble-heading'
}

/**
 * The cross-field checks of a declaration in one pass over its walk, block by block: nothing per block
 * outlives its own checks, so a long document keeps no second copy of its structure while it is checked.
 * Issues come in the order of the checks: ids, empty texts, footnotes, list numbers, then the profile.
 */
function checkDeclaration(doc: Declaration): Issue[] {
  const idIssues: Issue[] = []
  const emptyIssues: Issue[] = []
  const footnoteIssues: Issue[] = []
  const numberIssues: Issue[] = []
  // Each id's first block by its position in the walk: no path is kept for a block that has no issue.
  const seen = new Map<string, number>()
  const duplicates: { id: string; path: Path; first: number }[] = []
  const defined = new Map<string, number>()
  doc.footnotes.forEach((note, index) => {
    if (defined.has(note.label)) footnoteIssues.push({ code: 'duplicate_footnote', message: `footnote [^${note.label}]: defined twice; expected one definition for each label`, path: ['footnotes', index] })
    else defined.set(note.label, index)
  })
  const used = new Set<string>()
  let position = 0
  for (const block of walkDeclaration(doc)) {
    if (!hasNoId(block)) {
      const first = seen.get(block.id)
      if (first !== undefined) duplicates.push({ id: block.id, path: block.path, first })
      else seen.set(block.id, position)
    }
    position++
    const content = block.paragraph ? paragraphContent(block.paragraph) : block.content
    if ((block.paragraph || block.role === 'footnote') && phrasingText(content).trim() === '') {
      const path = [...block.path, 'text']
      emptyIssues.push({ code: 'empty_text', message: `${describePath(path, doc)}: expected non-empty text`, path })
    }
    for (const label of footnoteLabels(content)) {
      used.add(label)
      if (!defined.has(label)) {
        footnoteIssues.push({ code: 'missing_footnote', message: `${describeBlock(block)}: footnote [^${label}] has no definition; expected a line "[^${label}]: the note"`, path: [...block.path, 'text'] })
      }
    }
    // A numbered list's numbers are generated: a list built in code must carry them in order.
    if (block.role === 'item' && block.ordered) {
      const list = listAt(doc, block.path)
      const index = block.path[block.path.length - 1] as number
      const expected = `${(list?.start ?? 1) + index}.`
      if (block.paragraph?.num !== expected) {
        numberIssues.push({ code: 'paragraph_number', message: `${describeBlock(block)}: expected the number "${expected}" of its numbered list`, path: [...block.path, 'num'] })
      }
    }
  }
  doc.footnotes.forEach((note, index) => {
    if (!used.has(note.label)) footnoteIssues.push({ code: 'unused_footnote', message: `footnote [^${note.label}]: nothing refers to it; expected a reference [^${note.label}] in the text`, path: ['footnotes', index] })
  })
  if (duplicates.length) {
    // The first users' paths, from a second walk (only when some id is used twice).
    const wanted = new Set(duplicates.map(({ first }) => first))
    const firstPaths = new Map<number, Path>()
    let at = 0
    for (const block of walkDeclaration(doc)) if (wanted.has(at++)) firstPaths.set(at - 1, block.path)
    for (const { id, path, first } of duplicates) {
      idIssues.push({
        code: 'duplicate_id',
        message: `${describePath(path, doc)}: id "${id}" is already used by ${describePath(firstPaths.get(first)!, doc)}; ids must be unique`,
        path: [...path, 'id'],
      })
    }
  }
  const issues = [...idIssues, ...emptyIssues, ...footnoteIssues, ...numberIssues]
  if (doc.profile) issues.push(...checkProfile(doc, doc.profile))
  return issues
}

function listAt(doc: Declaration, itemPath: Path): List | undefined {
  let node: unknown = doc
  for (const key of itemPath.slice(0, -2)) node = (node as Record<string | number, unknown>)[key]
  return (node as { type?: string }).type === 'list' ? (node as List) : undefined
}

function checkLetter(doc: Letter): Issue[] {
  const issues: Issue[] = []
  const seen = new Map<string, number>()
  doc.annexes.forEach((annex, index) => {
    const first = seen.get(annex.ref)
    if (first !== undefined) {
      issues.push({
        code: 'duplicate_annex',
        message: `annex ${index + 1}: document "${annex.ref}" is already annex ${first + 1}`,
        path: ['annexes', index, 'ref'],
      })
    } else seen.set(annex.ref, index)
  })
  return issues
}

/** Checks the rules that hold across fields: unique ids, non-empty text, numbering, the document's profile. */
export function checkDocument(doc: Document): Issue[] {
  if (doc.type === 'declaration') return checkDeclaration(doc)
  const issues: Issue[] = []
  const seen = new Map<string, Path>()
  for (const [id, path] of letterIds(doc)) {
    const first = seen.get(id)
    if (first) {
      issues.push({
        code: 'duplicate_id',
        message: `${describePath(path.slice(0, -1), doc)}: id "${id}" is already used by ${describePath(first.slice(0, -1), doc)}; ids must be unique`,
        path,
      })
    } else seen.set(id, path)
  }
  for (const [content, path] of letterFields(doc)) {
    if (phrasingText(content).trim() === '') {
      issues.push({ code: 'empty_text', message: `${describePath(path, doc)}: expected non-empty text`, path })
    }
  }
  issues.push(...checkLetter(doc))
  return issues
}

/**
 * Validates unknown data as a document (schema, then cross-field rules and profile), returning issues
 * without throwing, once the caller has made sure that it nests no deeper than the limits (`guard.ts`'s
 * `safeValidate` does). A valid document comes back as the input object itself, not a copy: the schemas
 * neither transform nor fill in values, so zod's copy would hold the same values (its keys in the
 * schema's order), and a long document's copy costs more time in the garbage collector than checking it.
 */
export function validateShallow(input: unknown): SafeParseResult<Document> {
  const schemaIssues = issuesInPieces(Document, input)
  if (schemaIssues.length) return { success: false, issues: schemaIssues.map((issue) => issueFromZod(issue, input)) }
  const doc = input as Document
  const issues = checkDocument(doc)
  return issues.length ? { success: false, issues } : { success: true, data: doc }
}
