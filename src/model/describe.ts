import type { Declaration } from './declaration.js'
import { describeBlock, walkDeclaration, type PrintedBlock } from './walk.js'

const fieldNames: Record<string, string> = {
  symbol: 'symbol',
  organ: 'organ',
  subtitle: 'subtitle',
  preface: 'preface',
  closing: 'closing',
  office: 'issuing office',
  place: 'place',
  date: 'date',
  reference: 'reference',
  subject: 'subject',
  salutation: 'salutation',
  signatory: 'signatory',
  contact: 'contact block',
  title: 'title',
  id: 'id',
  language: 'language',
  type: 'type',
  profile: 'profile',
}

/** Names the part of a declaration a model path points at, from the printed blocks: `operative paragraph "3."`, `preambular paragraph 4 lead`. */
function describeDeclarationPath(path: readonly (string | number)[], doc: Declaration): string | undefined {
  let best: PrintedBlock | undefined
  for (const block of walkDeclaration(doc)) {
    const prefix = block.path
    if (prefix.length > path.length || (best && prefix.length <= best.path.length) || !prefix.every((key, index) => path[index] === key)) continue
    if (block.role === 'title' || block.role === 'subtitle') continue
    best = block
  }
  if (!best) return undefined
  const field = path[best.path.length]
  const tail = typeof field === 'string' && ['lead', 'title', 'num', 'id', 'heading'].includes(field) ? ` ${field === 'num' ? 'number' : field}` : ''
  return `${describeBlock(best)}${tail}`
}

function isDeclaration(doc: unknown): doc is Declaration {
  const value = doc as { type?: unknown; body?: unknown; preface?: unknown; closing?: unknown; annexes?: unknown; footnotes?: unknown } | undefined
  return value?.type === 'declaration' && [value.body, value.preface, value.closing, value.annexes, value.footnotes].every(Array.isArray)
}

/** Names the part of a document a model path points at, as a reader would: `operative paragraph "III."`, `preambular paragraph 4`. */
export function describePath(path: readonly (string | number)[], doc?: unknown): string {
  const [head, index, ...rest] = path
  if (isDeclaration(doc) && path.length > 1) {
    try {
      const named = describeDeclarationPath(path, doc)
      if (named) return named
    } catch {
      // A candidate that failed its schema may not walk; fall back to the field name.
    }
  }
  const field = rest[0]
  const tail = typeof field === 'string' && ['lead', 'title', 'number', 'id', 'ref'].includes(field) ? ` ${field}` : ''
  const position = typeof index === 'number' ? index + 1 : undefined
  switch (head) {
    case 'preamble':
      return index === 'paragraphs' && typeof rest[0] === 'number' ? `preambular paragraph ${rest[0] + 1}` : index === 'formula' ? 'formula' : 'preamble'
    case 'addressees':
      return position ? `addressee ${position}` : 'addressees'
    case 'body':
      return position ? `body paragraph ${position}` : 'body'
    case 'annexes':
      return position ? `annex ${position}${tail}` : 'annexes'
    case 'footnotes':
      return position ? `footnote ${position}` : 'footnotes'
    case 'contact':
      return typeof index === 'string' ? `contact ${index === 'name' ? 'name' : index}` : 'contact block'
    case 'signatory':
      return typeof index === 'string' ? `signatory ${index}` : 'signatory'
    case undefined:
      return 'document'
    default:
      return fieldNames[String(head)] ?? String(head)
  }
}
