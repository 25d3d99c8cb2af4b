import { toRoman } from './roman.js'

const fieldNames: Record<string, string> = {
  opening: 'opening formula',
  chapeau: 'chapeau',
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

/** Names the part of a document a model path points at, as a reader would: `objective "III"`, `preambular clause 4`. */
export function describePath(path: readonly (string | number)[], doc?: unknown): string {
  const [head, index, ...rest] = path
  const field = rest[0]
  const tail = typeof field === 'string' && ['lead', 'title', 'number', 'id', 'ref'].includes(field) ? ` ${field}` : ''
  const position = typeof index === 'number' ? index + 1 : undefined
  switch (head) {
    case 'preamble':
      return position ? `preambular clause ${position}${tail}` : 'preamble'
    case 'objectives': {
      if (!position) return 'objectives'
      const objective = (doc as { objectives?: { number?: unknown }[] } | undefined)?.objectives?.[position - 1]
      const number = typeof objective?.number === 'number' ? objective.number : position
      return `objective "${toRoman(number)}"${tail}`
    }
    case 'sections': {
      if (!position) return 'sections'
      const section = (doc as { sections?: { title?: unknown }[] } | undefined)?.sections?.[position - 1]
      const name = typeof section?.title === 'string' && section.title ? `"${section.title}"` : String(position)
      const paragraph = rest[0] === 'paragraphs' && typeof rest[1] === 'number' ? ` paragraph ${rest[1] + 1}` : tail
      return `section ${name}${paragraph}`
    }
    case 'endorsement':
      return index === 'items' && typeof rest[0] === 'number' ? `endorsement item ${rest[0] + 1}` : 'endorsement'
    case 'addressees':
      return position ? `addressee ${position}` : 'addressees'
    case 'body':
      return position ? `body paragraph ${position}` : 'body'
    case 'annexes':
      return position ? `annex ${position}${tail}` : 'annexes'
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
