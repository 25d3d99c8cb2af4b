import { DeletedTextRun, Document as WordDocument, InsertedTextRun, Packer, Paragraph, type ParagraphChild, TextRun } from 'docx'
import type { Document } from '../model/document.js'
import { DocumentError } from '../model/issues.js'
import { wordLanguage } from '../render/docx/language.js'
import { normalizeDocx } from '../render/docx/package.js'
import { roleStyle } from '../render/docx/declaration.js'
import { declarationDate } from '../render/docx/render.js'
import { documentStyles, paragraphStyle } from '../render/docx/styles.js'
import { unitChanges } from './diff-documents.js'
import type { DiffOptions } from './model.js'
import { phraseOps } from './word-diff.js'
import { comparedUnits, type Mark, type Part, type Unit } from '../render/units.js'

/** Options of `renderRedlineDocx`. */
export interface RedlineOptions extends DiffOptions {
  /** Author of every tracked change (default "declaration-kit"). */
  author?: string
  /** Date of every tracked change and of the core properties; default the new letter's date, or `declarationDate`. */
  date?: Date
}

const styleOf: Record<Part, string> = {
  ...roleStyle,
  office: paragraphStyle.office,
  date: paragraphStyle.dateLine,
  reference: paragraphStyle.reference,
  addressee: paragraphStyle.addressee,
  subject: paragraphStyle.subject,
  salutation: paragraphStyle.salutation,
  body: paragraphStyle.body,
  signature: paragraphStyle.signature,
  annex: paragraphStyle.annexLine,
}

type Op = 'equal' | 'insert' | 'delete'

/** The pieces of `unit.text` from `start` for `length` characters, cut where bold or italic starts or ends. */
function pieces(unit: Unit, start: number, length: number): { text: string; bold?: boolean; italics?: boolean }[] {
  const end = start + length
  const cuts = new Set([start, end])
  for (const mark of unit.marks) for (const at of [mark.start, mark.end]) if (at > start && at < end) cuts.add(at)
  const points = [...cuts].sort((a, b) => a - b)
  return points.slice(0, -1).map((from, index) => {
    const to = points[index + 1]!
    const active = unit.marks.filter((mark: Mark) => mark.start <= from && mark.end >= to)
    return { text: unit.text.slice(from, to), ...(active.some((m) => m.bold) ? { bold: true } : {}), ...(active.some((m) => m.italics) ? { italics: true } : {}) }
  })
}

/**
 * Renders two drafts as one Word document with real tracked changes (`w:ins`, `w:del`): accepting all
 * changes gives the new draft, rejecting all gives the old. Each clause keeps its style and its bold
 * and italic words; a moved clause is deleted where it stood and inserted where it now stands. A letter's
 * annexed declarations are not compared (diff them on their own). The same drafts and options give the same bytes.
 * @param oldDoc the earlier draft
 * @param newDoc the later draft, of the same type
 * @param options author and date of the changes, and the diff options
 * @returns the DOCX package
 */
export async function renderRedlineDocx(oldDoc: Document, newDoc: Document, options: RedlineOptions = {}): Promise<Uint8Array> {
  if (oldDoc.type !== newDoc.type) {
    throw new DocumentError([{ code: 'diff_type_mismatch', message: `cannot compare a ${oldDoc.type} with a ${newDoc.type}: both drafts must be of the same type`, path: ['type'] }])
  }
  const date = options.date ?? (newDoc.type === 'letter' ? new Date(`${newDoc.date}T00:00:00Z`) : declarationDate)
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z')
  const author = options.author ?? 'declaration-kit'
  let id = 0
  const revision = () => ({ id: ++id, author, date: stamp })
  const runs = (op: Op, unit: Unit, start: number, length: number): ParagraphChild[] =>
    pieces(unit, start, length).map((piece) =>
      op === 'equal' ? new TextRun(piece) : op === 'insert' ? new InsertedTextRun({ ...piece, ...revision() }) : new DeletedTextRun({ ...piece, ...revision() }),
    )
  const prefixRuns = (before?: Unit, after?: Unit): ParagraphChild[] => {
    const [old = '', neu = ''] = [before?.prefix, after?.prefix]
    if (old === neu) return old ? [before && after ? new TextRun(old) : after ? new InsertedTextRun({ text: neu, ...revision() }) : new DeletedTextRun({ text: old, ...revision() })] : []
    return [...(old ? [new DeletedTextRun({ text: old, ...revision() })] : []), ...(neu ? [new InsertedTextRun({ text: neu, ...revision() })] : [])]
  }

  const paragraphs = unitChanges(comparedUnits(oldDoc), comparedUnits(newDoc), { ...options, splitMoves: true }).map(({ change, before, after }) => {
    const unit = (after ?? before)!
    const children = prefixRuns(before, after)
    if (change.kind === 'added') children.push(...runs('insert', after!, 0, after!.text.length))
    else if (change.kind === 'removed') children.push(...runs('delete', before!, 0, before!.text.length))
    else if (change.kind !== 'modified') children.push(...runs('equal', after!, 0, after!.text.length))
    else {
      let oldAt = 0
      let newAt = 0
      for (const { op, text } of phraseOps(change.ops!)) {
        if (op === 'delete') children.push(...runs(op, before!, oldAt, text.length))
        else children.push(...runs(op, after!, newAt, text.length))
        if (op !== 'insert') oldAt += text.length
        if (op !== 'delete') newAt += text.length
      }
    }
    // A whole paragraph added or removed also has its paragraph mark tracked, so that accepting or
    // rejecting leaves no empty paragraph behind.
    const mark = change.kind === 'added' ? { insertion: revision() } : change.kind === 'removed' ? { deletion: revision() } : undefined
    return new Paragraph({ style: styleOf[unit.part], children, ...(mark ? { run: mark } : {}) })
  })

  const word = new WordDocument({
    creator: author,
    title: newDoc.type === 'declaration' ? newDoc.title : newDoc.subject,
    styles: documentStyles(wordLanguage(newDoc.language)),
    features: { trackRevisions: true },
    sections: [{ children: paragraphs }],
  })
  return normalizeDocx(new Uint8Array(await Packer.toBuffer(word)), { date })
}
