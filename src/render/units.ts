import type { Declaration, Paragraph } from '../model/declaration.js'
import type { Document } from '../model/document.js'
import { hasChildren, leafText, phrasingText, text, type Inline, type Phrasing } from '../model/inline.js'
import type { Letter } from '../model/letter.js'
import { paragraphContent, walkDeclaration, type BlockRole, type ModelPath, type PrintedBlock } from '../model/walk.js'
import { localeFor } from '../i18n/index.js'
import type { Locale } from '../i18n/types.js'
import { annexLine, referenceLines } from './text.js'

export type { ModelPath } from '../model/walk.js'

/** A range of a unit's text printed bold or italic (the redline keeps it). */
export interface Mark {
  start: number
  end: number
  bold?: boolean
  italics?: boolean
}

/** The parts of a declaration (its block roles) and of a letter a unit can be. */
export type Part = Exclude<BlockRole, 'separator'> | 'office' | 'date' | 'reference' | 'addressee' | 'subject' | 'salutation' | 'body' | 'signature' | 'annex'

/** How a unit's translated content goes back into the model. */
export type UnitField =
  /** A plain string field (a title, a heading): the target's text. */
  | 'string'
  /** A paragraph: the target's leading bold run is its title, the next italic run its lead, the rest its text. */
  | 'paragraph'
  /** A run of inline content (a footnote, a letter's paragraph). */
  | 'phrasing'

/**
 * One clause-level unit of a document: what the diff pairs and compares, what XLIFF carries as one
 * `unit`, and what plain text prints. Every consumer takes these from `documentUnits`.
 */
export interface Unit {
  /** The model id (`preamble-4`, `para-3`) or the field name (`title`, `subject`). */
  id: string
  /** Units pair only within a group (`preamble`, `paragraph` …). */
  group: string
  /**
   * The division of the document the unit is in, in reading order (`front`, `preamble`, `body`,
   * `closing`, `annex-1`, `notes`; a letter's `letterhead`, `addressees` …): XLIFF writes one group per division.
   */
  division: string
  /** A unit paired by id whatever its text (`title`, `subject`, a letter's reference lines). */
  single: boolean
  /** The unit as a reader names it, in the document's language ("Paragraph III."). */
  label: string
  /** The printed content: a paragraph's bold title and italic lead are runs inside it. */
  content: Phrasing
  /** The plain text of `content`. */
  text: string
  /** Derived text printed before the unit ("III. ", "Objet: "), not translated and not compared. */
  prefix?: string
  /** Which part of the document it is, so that the redline styles it as the document does. */
  part: Part
  marks: Mark[]
  /** Where the unit's content lives in the model. */
  path: ModelPath
  field: UnitField
  /** Whether a translator translates it (a reference number or a person's name is not). */
  translatable: boolean
  /** Whether a diff compares it (a letter's place is compared inside its date line). */
  compared: boolean
}

/** Bold and italic ranges of inline content whose text starts at `offset`. */
export function phrasingMarks(content: readonly Inline[], offset = 0, inherited: Omit<Mark, 'start' | 'end'> = {}): Mark[] {
  const marks: Mark[] = []
  collectMarks(content, offset, inherited, marks)
  // A copy of the exact length: a unit keeps its marks, and an array grown by push keeps room for 17.
  return marks.length ? marks.slice() : marks
}

// Appends the marks of `content` to `marks` (one array for the whole unit, no copy per level) and returns
// the offset after its text.
function collectMarks(content: readonly Inline[], offset: number, inherited: Omit<Mark, 'start' | 'end'>, marks: Mark[]): number {
  let at = offset
  for (const node of content) {
    if (!hasChildren(node)) {
      const length = leafText(node).length
      if ((inherited.bold || inherited.italics) && length) marks.push({ start: at, end: at + length, ...inherited })
      at += length
      continue
    }
    const style = node.type === 'strong' ? { ...inherited, bold: true } : node.type === 'emphasis' ? { ...inherited, italics: true } : inherited
    at = collectMarks(node.children, at, style, marks)
  }
  return at
}

function unit(id: string, group: string, single: boolean, label: string, content: Phrasing, part: Part, path: ModelPath, field: UnitField, extra: Partial<Unit> = {}): Unit {
  return { id, group, division: '', single, label, content, text: phrasingText(content), part, marks: phrasingMarks(content), path, field, translatable: true, compared: true, ...extra }
}

function divisionOf(block: PrintedBlock): string {
  return block.part === 'annex' ? `annex-${(block.annex ?? 0) + 1}` : block.part
}

/** A block's unit as a reader names it (see `Unit.label`). */
export function blockLabel(block: PrintedBlock, locale: Locale): string {
  const { parts, labels } = locale
  const num = block.paragraph?.num
  const position = num ?? String(block.ordinal)
  const under = block.under ? ` (${block.under})` : ''
  switch (block.role) {
    case 'recital':
      return `${labels.preambularClause} ${block.ordinal}`
    case 'paragraph':
    case 'item':
      return `${parts.operative} ${position}${under}`
    case 'intro':
      return `${parts.intro}${under}`
    case 'preface':
      return `${parts.preface} ${block.ordinal}`
    case 'closing':
      return `${parts.closing} ${block.ordinal}`
    case 'footnote':
      return `${parts.footnote} ${block.ordinal}`
    case 'heading':
    case 'preamble-heading':
      return `${parts.heading}: ${phrasingText(block.content)}`
    case 'annex-heading':
      return `${parts.annex} ${(block.annex ?? 0) + 1}`
    case 'formula':
      return parts.formula
    case 'subtitle':
      return parts.subtitle
    default:
      return parts.title
  }
}

const groups: Partial<Record<BlockRole, string>> = { recital: 'preamble', item: 'paragraph', intro: 'paragraph', 'preamble-heading': 'heading', 'annex-heading': 'heading' }
const singles: readonly BlockRole[] = ['title', 'subtitle', 'formula']

function blockUnit(block: PrintedBlock, locale: Locale): Unit | undefined {
  if (block.role === 'separator') return undefined
  const found = roleUnit(block, locale)
  // Set in place (the key keeps its position): a copy of every unit would double the allocations.
  found.division = divisionOf(block)
  return found
}

/** The group a block's unit pairs in (see `Unit.group`). */
export function blockGroup(role: BlockRole): string {
  return singles.includes(role) ? role : (groups[role] ?? role)
}

/** Whether a block's unit pairs by id alone (see `Unit.single`). */
export function isSingleBlock(role: BlockRole): boolean {
  return singles.includes(role)
}

function roleUnit(block: PrintedBlock, locale: Locale): Unit {
  const label = blockLabel(block, locale)
  const single = singles.includes(block.role)
  const group = blockGroup(block.role)
  const id = block.id
  if (block.paragraph) {
    const { paragraph } = block
    const content = paragraphContent(paragraph)
    return unit(id, group, single, label, content, block.role as Part, block.path, 'paragraph', paragraph.num ? { prefix: `${paragraph.num} ` } : {})
  }
  switch (block.role) {
    case 'title':
      return unit(id, group, single, label, block.content, 'title', ['title'], 'string')
    case 'subtitle':
      return unit(id, group, single, label, block.content, 'subtitle', ['subtitle'], 'phrasing')
    case 'footnote':
      return unit(id, group, single, label, block.content, 'footnote', [...block.path, 'text'], 'phrasing', { prefix: `${(block.path[1] as number) + 1} ` })
    case 'preamble-heading':
      return unit(id, group, single, label, block.content, block.role, ['preamble', 'heading'], 'string')
    default:
      return unit(id, group, single, label, block.content, block.role as Part, [...block.path, 'heading'], 'string')
  }
}

/** The units of a declaration in reading order, from the one walk of its structure. */
export function declarationUnits(doc: Declaration): Unit[] {
  const locale = localeFor(doc.language)
  const units: Unit[] = []
  for (const block of walkDeclaration(doc)) {
    const found = blockUnit(block, locale)
    if (found) units.push(found)
  }
  return units
}

function field(id: string, part: Part, label: string, value: string, path: ModelPath, extra: Partial<Unit> = {}): Unit {
  return unit(id, id, true, label, text(value), part, path, 'string', extra)
}

function clause(id: string, group: string, part: Part, label: string, content: Phrasing, path: ModelPath): Unit {
  return unit(id, group, false, label, content, part, path, 'phrasing')
}

/**
 * The units of a letter in reading order: each printed field, addressee, body paragraph and annex
 * line. The reference, contact lines, date line and signatory's name are compared but not
 * translated; the place of the date line is translated on its own.
 */
export function letterUnits(doc: Letter): Unit[] {
  const locale = localeFor(doc.language)
  const { labels } = locale
  const fixed = { translatable: false }
  const units: Unit[] = [
    field('office', 'office', locale.parts.office, doc.office, ['office']),
    field('date', 'date', locale.parts.dateLine, locale.dateLine(doc.place, doc.date), ['date'], fixed),
    field('place', 'date', locale.parts.place, doc.place, ['place'], { group: 'place', compared: false }),
    ...referenceLines(doc).map((line) => field(line.field, 'reference', line.label, line.value, [line.field], { ...fixed, group: 'reference', prefix: `${line.label}${labels.separator}` })),
    ...doc.addressees.map((a, i) => clause(a.id, 'addressee', 'addressee', `${locale.parts.addressee} ${i + 1}`, a.text, ['addressees', i, 'text'])),
    field('subject', 'subject', labels.subject, doc.subject, ['subject'], { prefix: `${labels.subject}${labels.separator}` }),
    field('salutation', 'salutation', locale.parts.salutation, doc.salutation, ['salutation']),
    ...doc.body.map((p, i) => clause(p.id, 'body', 'body', `${locale.parts.body} ${i + 1}`, p.text, ['body', i, 'text'])),
    ...(doc.signed ? [field('signed', 'signature', labels.signed, labels.signed, ['signed'], { ...fixed, group: 'signature' })] : []),
    field('signatory-name', 'signature', locale.parts.signatoryName, doc.signatory.name, ['signatory', 'name'], { ...fixed, group: 'signature' }),
    field('signatory-title', 'signature', locale.parts.signatoryTitle, doc.signatory.title, ['signatory', 'title'], { group: 'signature' }),
    ...doc.annexes.map((annex, index) =>
      unit(annex.id, 'annex', false, `${labels.annex} ${index + 1}`, text(annexLine(doc, index)), 'annex', ['annexes', index, 'title'], 'string', { translatable: false }),
    ),
    ...doc.annexes.map((annex, index) => field(`${annex.id}-title`, 'annex', `${labels.annex} ${index + 1}, ${locale.parts.sectionTitle}`, annex.title, ['annexes', index, 'title'], { compared: false })),
  ]
  return units.map((u) => ({ ...u, division: letterDivisions[u.part] ?? u.part }))
}

const letterDivisions: Partial<Record<Part, string>> = {
  office: 'letterhead',
  date: 'letterhead',
  reference: 'letterhead',
  addressee: 'addressees',
  subject: 'subject',
  salutation: 'subject',
  body: 'body',
  signature: 'signature',
  annex: 'annexes',
}

/** The units of any document in reading order. */
export function documentUnits(doc: Document): Unit[] {
  return doc.type === 'declaration' ? declarationUnits(doc) : letterUnits(doc)
}

/** The units a diff compares: every printed unit (a letter's place is compared inside its date line). */
export function comparedUnits(doc: Document): Unit[] {
  return documentUnits(doc).filter((unit) => unit.compared)
}

/** The units a translator translates (a letter's date line is rebuilt from its translated place). */
export function translationUnits(doc: Document): Unit[] {
  return documentUnits(doc).filter((u) => u.translatable)
}

/** Splits a translated paragraph back into title (leading bold run), lead (the italic run after it) and text. */
export function paragraphFromContent(content: Phrasing, base: Paragraph): Paragraph {
  let rest = [...content]
  const out: Paragraph = { ...base, text: [] }
  delete out.title
  delete out.lead
  const skipSpace = () => {
    const head = rest[0]
    if (head?.type === 'text' && /^\s/.test(head.value)) {
      const value = head.value.replace(/^\s+/, '')
      rest = value ? [{ type: 'text', value }, ...rest.slice(1)] : rest.slice(1)
    }
  }
  const head = rest[0]
  if (base.title && head?.type === 'strong') {
    out.title = phrasingText(head.children).trim()
    rest = rest.slice(1)
    skipSpace()
  }
  const next = rest[0]
  if (base.lead && next?.type === 'emphasis') {
    out.lead = phrasingText(next.children).trim()
    rest = rest.slice(1)
    skipSpace()
  }
  out.text = rest
  return out
}

/** Writes a unit's translated content into a document copy at the unit's path. */
export function applyUnit(doc: Record<string, unknown>, unit: Unit, target: Phrasing): void {
  let node = doc as Record<string | number, unknown>
  const path = unit.path
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  const last = path[path.length - 1]!
  if (unit.field === 'string') node[last] = phrasingText(target)
  else if (unit.field === 'phrasing') node[last] = target
  else node[last] = paragraphFromContent(target, node[last] as Paragraph)
}
