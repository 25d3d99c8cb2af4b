import { DeletedTextRun, InsertedTextRun, type IParagraphOptions, type Paragraph, type ParagraphChild, Tab, type Table, TextRun } from 'docx'
import type { Document } from '../model/document.js'
import { hasChildren, phrasingText, type Inline } from '../model/inline.js'
import { DocumentError } from '../model/issues.js'
import { walkDeclaration } from '../model/walk.js'
import { blockLayout, listInstances, roleStyle, type BlockLayout } from '../render/docx/declaration.js'
import { referenceTable } from '../render/docx/letter.js'
import { list } from '../render/docx/numbering.js'
import { styledParagraph, type ListPlace } from '../render/docx/paragraph.js'
import { declarationDate, houseStyleOf, packageDocx, type DocxOptions } from '../render/docx/render.js'
import { markedPieces } from '../render/docx/marks.js'
import { characterStyle, paragraphStyle } from '../render/docx/styles.js'
import { unitChanges, type UnitChange } from './diff-documents.js'
import type { DiffOptions } from './model.js'
import { phraseOps } from './word-diff.js'
import type { HouseStyle } from '../render/house-style.js'
import { comparedUnits, type Part, type Unit } from '../render/units.js'

/** Options of `renderRedlineDocx`: the diff's, the author and date of the changes, and the clean document's page and house style. */
export interface RedlineOptions extends DiffOptions, Pick<DocxOptions, 'houseStyle' | 'pageSize' | 'embedFont' | 'emblem'> {
  /** Author of every tracked change (default "Reviewer"). */
  author?: string
  /** Date of every tracked change and of the core properties; default the new letter's date, or `declarationDate`. */
  date?: Date
}

/** The author of the changes of a redline made without an `author` option. */
export const defaultRedlineAuthor = 'Reviewer'

const styleOf: Record<Part, string> = {
  ...roleStyle,
  office: paragraphStyle.office,
  date: paragraphStyle.office,
  reference: paragraphStyle.reference,
  addressee: paragraphStyle.addressee,
  subject: paragraphStyle.subject,
  salutation: paragraphStyle.salutation,
  body: paragraphStyle.body,
  signature: paragraphStyle.signature,
  annex: paragraphStyle.annexLine,
}

// The letter's fields the clean document prints in bold (its Strong character style).
const strongFields = new Set(['office', 'reference', 'subject'])

type Op = 'equal' | 'insert' | 'delete'
type Layouts = ReadonlyMap<string, BlockLayout>

/** A tab in the text as Word's tab element, so that the house style's tab stops line it up. */
const children = (text: string): (string | Tab)[] => text.split(/(\t)/).filter(Boolean).map((part) => (part === '\t' ? new Tab() : part))

/** The ranges of a unit's text printed raised: footnote marks (the redline shows them as text) and superscripts ("9e"). */
function raisedRanges(content: readonly Inline[], offset = 0, inside = false): [number, number][] {
  const ranges: [number, number][] = []
  let at = offset
  for (const node of content) {
    const length = phrasingText([node]).length
    if (inside || node.type === 'footnoteReference') ranges.push([at, at + length])
    else if (hasChildren(node)) ranges.push(...raisedRanges(node.children, at, node.type === 'superscript'))
    at += length
  }
  return ranges
}

interface Piece {
  text: string
  style?: string
  superScript?: true
}

/** The pieces of `unit.text` from `start` for `length` characters, cut where bold, italic or raised text starts or ends, each with its character style. */
function pieces(unit: Unit, start: number, length: number, base?: string): Piece[] {
  const raised = raisedRanges(unit.content)
  return markedPieces(unit.marks, start, start + length, raised).map(({ from, to, style = base }) => {
    const superScript = raised.some(([a, b]) => a <= from && b >= to)
    return { text: unit.text.slice(from, to), ...(style ? { style } : {}), ...(superScript ? { superScript: true as const } : {}) }
  })
}

// What a unit prints before its text as the clean document does: nothing when a Word list numbers it, its number
// and a tab for a numbered paragraph, a letter's label and a tab for the reference lines and subject.
function prefixOf(unit: Unit | undefined, layout: BlockLayout | undefined): string {
  if (!unit?.prefix || layout?.list) return ''
  if (layout?.number !== undefined) return `${layout.number}\t`
  return unit.part === 'reference' || unit.part === 'subject' ? `${unit.prefix.trimEnd()}\t` : unit.prefix
}

// The layout of each printed block of a declaration by id, and the ids of the blocks a separator stands before.
function declarationLayouts(doc: Document, instanceOf: ReturnType<typeof listInstances>): { layouts: Layouts; separated: Set<string> } {
  const layouts = new Map<string, BlockLayout>()
  const separated = new Set<string>()
  if (doc.type !== 'declaration') return { layouts, separated }
  let separator = false
  for (const block of walkDeclaration(doc)) {
    if (block.role === 'separator') separator = true
    else if (block.role !== 'footnote') {
      layouts.set(block.id, blockLayout(block, false, instanceOf))
      if (separator) separated.add(block.id)
      separator = false
    }
  }
  return { layouts, separated }
}

/**
 * Renders two drafts as one Word document with real tracked changes (`w:ins`, `w:del`): accepting all
 * changes gives the new draft, rejecting all gives the old. The redline looks like the clean document
 * (`renderDocx`): its styles, Word lists, page, header and footers, and a letter's first-page layout; each
 * reworded stretch of a clause is one deletion and one insertion (see `phraseOps`), with its bold and
 * italic words. A moved clause is deleted where it stood and inserted where it now stands; separators stand where
 * the new draft has them. Footnotes are compared
 * as paragraphs at the end, their marks raised in the text; a letter's annexed declarations are not compared (diff
 * them on their own). The same drafts and options give the same bytes.
 * @param oldDoc the earlier draft
 * @param newDoc the later draft, of the same type
 * @param options author and date of the changes, the diff options, and the house style and paper of the page
 * @returns the DOCX package
 */
export async function renderRedlineDocx(oldDoc: Document, newDoc: Document, options: RedlineOptions = {}): Promise<Uint8Array> {
  if (oldDoc.type !== newDoc.type) {
    throw new DocumentError([{ code: 'diff_type_mismatch', message: `cannot compare a ${oldDoc.type} with a ${newDoc.type}: both drafts must be of the same type`, path: ['type'] }])
  }
  const house = houseStyleOf(options)
  const date = options.date ?? (newDoc.type === 'letter' ? new Date(`${newDoc.date}T00:00:00Z`) : declarationDate)
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z')
  const author = options.author ?? defaultRedlineAuthor
  let id = 0
  const revision = () => ({ id: ++id, author, date: stamp })
  // A line break in the text (a meeting line, a signature block) is a Word line break, tracked with its words.
  const tracked = (op: Op, { text, ...format }: Piece): ParagraphChild[] =>
    text.split('\n').flatMap((line, index) => {
      const lineRuns = [...(index ? [{ break: 1 }] : []), ...(line ? [{ children: children(line), ...format }] : [])]
      return lineRuns.map((run) => (op === 'equal' ? new TextRun(run) : op === 'insert' ? new InsertedTextRun({ ...run, ...revision() }) : new DeletedTextRun({ ...run, ...revision() })))
    })
  const runs = (op: Op, unit: Unit, start: number, length: number): ParagraphChild[] =>
    pieces(unit, start, length, strongFields.has(unit.id) ? characterStyle.strong : undefined).flatMap((piece) => tracked(op, piece))
  const prefixRuns = (old: string, neu: string): ParagraphChild[] => {
    if (old === neu) return old ? tracked('equal', { text: old }) : []
    return [...(old ? tracked('delete', { text: old }) : []), ...(neu ? tracked('insert', { text: neu }) : [])]
  }

  // One list instance per list across both drafts, so that a clause removed from a list stays in it.
  const instanceOf = listInstances(0)
  const { layouts: newLayouts, separated } = declarationLayouts(newDoc, instanceOf)
  const { layouts: oldLayouts } = declarationLayouts(oldDoc, instanceOf)

  const entry = ({ change, before, after }: UnitChange): Entry => {
    const unit = (after ?? before)!
    const layout = after ? newLayouts.get(after.id) : oldLayouts.get(before!.id)
    const content = prefixRuns(prefixOf(before, before && oldLayouts.get(before.id)), prefixOf(after, after && newLayouts.get(after.id)))
    if (change.kind === 'added') content.push(...runs('insert', after!, 0, after!.text.length))
    else if (change.kind === 'removed') content.push(...runs('delete', before!, 0, before!.text.length))
    else if (change.kind !== 'modified') content.push(...runs('equal', after!, 0, after!.text.length))
    else {
      let oldAt = 0
      let newAt = 0
      for (const { op, text } of phraseOps(change.ops!)) {
        if (op === 'delete') content.push(...runs(op, before!, oldAt, text.length))
        else content.push(...runs(op, after!, newAt, text.length))
        if (op !== 'insert') oldAt += text.length
        if (op !== 'delete') newAt += text.length
      }
    }
    const place: ListPlace | undefined = layout?.list ?? (unit.part === 'addressee' ? { reference: list.addressees } : undefined)
    const kind = change.kind === 'added' || change.kind === 'removed' ? change.kind : 'kept'
    return { part: unit.part, kind, style: layout?.style ?? styleOf[unit.part], content, ...(place ? { list: place } : {}), depth: layout?.depth ?? 0 }
  }

  // The new draft's separators stand where they stand in it (a separator added or removed is not tracked).
  const separator: Entry = { part: 'separator', kind: 'kept', style: paragraphStyle.separator, content: [], depth: 0 }
  const entries = unitChanges(comparedUnits(oldDoc), comparedUnits(newDoc), { ...options, splitMoves: true }).flatMap((change) => [
    ...(change.after && separated.has(change.after.id) ? [{ ...separator }] : []),
    entry(change),
  ])
  // A letter's reference lines and addressees sit in table cells of their own: a paragraph merges only within its cell.
  const container = (part: Entry['part']) => (part === 'reference' || part === 'addressee' ? part : 'body')
  for (const name of new Set(entries.map((e) => container(e.part)))) {
    trackParagraphMarks(
      entries.filter((e) => container(e.part) === name),
      revision,
    )
  }
  const body = newDoc.type === 'letter' ? letterBody(entries, house) : entries.map(paragraphOf)
  const title = newDoc.type === 'declaration' ? newDoc.title : newDoc.subject
  return packageDocx(
    newDoc,
    { paragraphs: body, footnotes: {}, title, subject: title, keywords: [newDoc.id], creator: author, date, ...(newDoc.type === 'letter' ? { header: newDoc.reference } : {}) },
    house,
    { ...options, creator: author, date, trackRevisions: true },
  )
}

/** One unit of the redline: its part, whether it was added or removed, and its paragraph's style, tracked runs, list, indent and tracked mark. */
interface Entry {
  part: Part | 'separator'
  kind: 'added' | 'removed' | 'kept'
  style: string
  content: ParagraphChild[]
  list?: ListPlace
  depth: number
  mark?: IParagraphOptions['run']
}

const layoutKey = (entry: Entry) => JSON.stringify([entry.style, entry.list ?? null, entry.depth])

/**
 * Tracks the paragraph marks of the paragraphs added or removed whole, so that accepting or rejecting leaves no
 * empty paragraph behind. A paragraph whose mark goes merges with the next one, and Word keeps the next one's style
 * and list while LibreOffice keeps its own: the marks tracked are those of a run of added (or removed) paragraphs
 * when the first has the layout of the paragraph after the run, else, when the last has the layout of the kept
 * paragraph before the run, that paragraph's mark and all but the last of the run (as Word records a paragraph
 * typed after another), so that both give the document's own layout.
 */
function trackParagraphMarks(entries: Entry[], revision: () => { id: number; author: string; date: string }): void {
  for (let start = 0, end = 0; start < entries.length; start = end + 1) {
    const kind = entries[start]!.kind
    for (end = start; entries[end + 1]?.kind === kind; end++);
    if (kind === 'kept') continue
    const [before, first, last, after] = [entries[start - 1], entries[start]!, entries[end]!, entries[end + 1]]
    const own = (after && layoutKey(after) === layoutKey(first)) || !(before?.kind === 'kept' && layoutKey(before) === layoutKey(last))
    const marked = own ? entries.slice(start, end + 1) : [before, ...entries.slice(start, end)]
    for (const entry of marked) entry.mark = kind === 'added' ? { insertion: revision() } : { deletion: revision() }
  }
}

const paragraphOf = (entry: Entry): Paragraph => styledParagraph(entry.style, entry.content, entry.list, entry.depth, entry.mark)

// A letter's first page as the clean document lays it out: the office and, at a right tab, the date line on one
// line; the reference block beside the addressees in a borderless table.
function letterBody(entries: readonly Entry[], house: HouseStyle): (Paragraph | Table)[] {
  const of = (part: Entry['part']) => entries.filter((entry) => entry.part === part)
  const [office, date] = [of('office'), of('date')]
  const table = referenceTable(of('reference').map(paragraphOf), of('addressee').map(paragraphOf), house)
  const out: (Paragraph | Table)[] = []
  for (const entry of entries) {
    if (entry.part === 'reference' || entry.part === 'addressee') {
      if (!out.includes(table)) out.push(table)
    } else if (entry.part === 'office' && office.length === 1 && date.length === 1) {
      out.push(paragraphOf({ ...entry, content: [...entry.content, new TextRun({ children: [new Tab()] }), ...date[0]!.content] }))
    } else if (entry.part !== 'date' || office.length !== 1 || date.length !== 1) {
      out.push(paragraphOf(entry))
    }
  }
  return out
}
