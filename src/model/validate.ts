import type { z } from 'zod'
import type { Declaration } from './declaration.js'
import { describePath } from './describe.js'
import { Document } from './document.js'
import { phrasingText, type Phrasing } from './inline.js'
import type { Issue, SafeParseResult } from './issues.js'
import type { Letter } from './letter.js'
import { checkProfile } from './profiles.js'
import { toRoman } from './roman.js'

type Path = (string | number)[]

function fromZod(issue: z.core.$ZodIssue, input: unknown): Issue {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol')
  const code = (issue as { params?: { code?: string } }).params?.code ?? (issue.code === 'invalid_format' && issue.format === 'date' ? 'invalid_date' : issue.code)
  // Our own link check names the value itself; for the rest, name it here when it is text.
  const value = code !== 'invalid_link' && 'input' in issue && typeof issue.input === 'string' ? ` "${issue.input}"` : ''
  const message = issue.message.replace(/^Invalid input: /, '').replace(/^./, (c) => c.toLowerCase())
  return { code, message: `${describePath(path, input)}${value}: ${message}`, path }
}

function clauseIds(doc: Document): [string, Path][] {
  if (doc.type === 'declaration') {
    return [
      ...doc.preamble.map((c, i): [string, Path] => [c.id, ['preamble', i, 'id']]),
      ...doc.objectives.map((c, i): [string, Path] => [c.id, ['objectives', i, 'id']]),
      ...doc.sections.flatMap((s, i): [string, Path][] => [
        [s.id, ['sections', i, 'id']],
        ...s.paragraphs.map((p, j): [string, Path] => [p.id, ['sections', i, 'paragraphs', j, 'id']]),
      ]),
      ...(doc.endorsement
        ? [
            [doc.endorsement.id, ['endorsement', 'id']] as [string, Path],
            ...doc.endorsement.items.map((c, i): [string, Path] => [c.id, ['endorsement', 'items', i, 'id']]),
          ]
        : []),
    ]
  }
  return [
    ...doc.addressees.map((c, i): [string, Path] => [c.id, ['addressees', i, 'id']]),
    ...doc.body.map((c, i): [string, Path] => [c.id, ['body', i, 'id']]),
    ...doc.annexes.map((c, i): [string, Path] => [c.id, ['annexes', i, 'id']]),
  ]
}

function phrasingFields(doc: Document): [Phrasing, Path][] {
  if (doc.type === 'declaration') {
    return [
      [doc.opening, ['opening']],
      ...doc.preamble.map((c, i): [Phrasing, Path] => [c.text, ['preamble', i, 'text']]),
      [doc.chapeau, ['chapeau']],
      ...doc.objectives.map((c, i): [Phrasing, Path] => [c.text, ['objectives', i, 'text']]),
      ...doc.sections.flatMap((s, i) => s.paragraphs.map((p, j): [Phrasing, Path] => [p.text, ['sections', i, 'paragraphs', j, 'text']])),
      ...(doc.endorsement
        ? [
            [doc.endorsement.note, ['endorsement', 'note']] as [Phrasing, Path],
            ...doc.endorsement.items.map((c, i): [Phrasing, Path] => [c.text, ['endorsement', 'items', i, 'text']]),
          ]
        : []),
    ]
  }
  return [
    ...doc.addressees.map((c, i): [Phrasing, Path] => [c.text, ['addressees', i, 'text']]),
    ...doc.body.map((c, i): [Phrasing, Path] => [c.text, ['body', i, 'text']]),
  ]
}

function checkDeclaration(doc: Declaration): Issue[] {
  const issues: Issue[] = []
  doc.objectives.forEach((objective, index) => {
    if (objective.number !== index + 1) {
      issues.push({
        code: 'objective_number',
        message: `objective "${toRoman(objective.number)}": expected number ${toRoman(index + 1)} (objectives are numbered in order from I)`,
        path: ['objectives', index, 'number'],
      })
    }
  })
  if (doc.profile) issues.push(...checkProfile(doc, doc.profile))
  return issues
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
  const issues: Issue[] = []
  const seen = new Map<string, Path>()
  for (const [id, path] of clauseIds(doc)) {
    const first = seen.get(id)
    if (first) {
      issues.push({
        code: 'duplicate_id',
        message: `${describePath(path.slice(0, -1), doc)}: id "${id}" is already used by ${describePath(first.slice(0, -1), doc)}; ids must be unique`,
        path,
      })
    } else seen.set(id, path)
  }
  for (const [content, path] of phrasingFields(doc)) {
    if (phrasingText(content).trim() === '') {
      issues.push({ code: 'empty_text', message: `${describePath(path, doc)}: expected non-empty text`, path })
    }
  }
  issues.push(...(doc.type === 'declaration' ? checkDeclaration(doc) : checkLetter(doc)))
  return issues
}

/** Validates unknown data as a document (schema, then cross-field rules and profile), returning issues without throwing. */
export function safeValidate(input: unknown): SafeParseResult<Document> {
  const result = Document.safeParse(input, { reportInput: true })
  if (!result.success) return { success: false, issues: result.error.issues.map((issue) => fromZod(issue, input)) }
  const issues = checkDocument(result.data)
  return issues.length ? { success: false, issues } : { success: true, data: result.data }
}
