import type { Declaration } from '../model/declaration.js'
import type { Document } from '../model/document.js'
import { phrasingText, type Inline } from '../model/inline.js'
import type { Letter } from '../model/letter.js'
import { toRoman } from '../model/roman.js'
import { annexLine, referenceLines } from '../render/text.js'
import { localeFor } from '../i18n/index.js'

/** A range of a unit's text printed bold or italic (the redline keeps it). */
export interface Mark {
  start: number
  end: number
  bold?: boolean
  italics?: boolean
}

/** The parts of a declaration and of a letter a unit can be. */
export type Part =
  | 'title' | 'opening' | 'preamble' | 'chapeau' | 'objective' | 'section' | 'paragraph' | 'endorsement' | 'endorsement-item'
  | 'office' | 'date' | 'reference' | 'addressee' | 'subject' | 'salutation' | 'body' | 'signature' | 'annex'

/** One clause-level unit of a document, the thing the diff pairs and compares. */
export interface Unit {
  /** The model id (`preamble-4`) or the field name (`subject`). */
  id: string
  /** Units pair only within a group (`preamble`, `objective` …). */
  group: string
  /** A group with one unit (`opening`, `subject` …): paired by id whatever its text. */
  single: boolean
  label: string
  /** The printed text, without derived numbering (a renumbered objective is not a changed one). */
  text: string
  /** Derived text printed before the unit ("III. ", "Objet: "), for the redline. */
  prefix?: string
  /** Which part of the document it is, so that the redline styles it as the document does. */
  part: Part
  marks: Mark[]
}

/** Bold and italic ranges of inline content whose text starts at `offset`. */
export function phrasingMarks(content: readonly Inline[], offset = 0, inherited: Omit<Mark, 'start' | 'end'> = {}): Mark[] {
  const marks: Mark[] = []
  let at = offset
  for (const node of content) {
    if (node.type === 'text') {
      if ((inherited.bold || inherited.italics) && node.value) marks.push({ start: at, end: at + node.value.length, ...inherited })
      at += node.value.length
      continue
    }
    const style = { ...inherited, ...(node.type === 'strong' ? { bold: true } : node.type === 'emphasis' ? { italics: true } : {}) }
    marks.push(...phrasingMarks(node.children, at, style))
    at += phrasingText(node.children).length
  }
  return marks
}

function single(id: string, part: Part, label: string, text: string, marks: Mark[] = [], prefix?: string): Unit {
  return { id, group: id, single: true, label, text, part, marks, ...(prefix ? { prefix } : {}) }
}

/** The units of a declaration in reading order: title, opening, preamble, chapeau, objectives, sections, endorsement. */
export function declarationUnits(doc: Declaration): Unit[] {
  const locale = localeFor(doc.language)
  const { labels } = locale
  const units: Unit[] = [
    single('title', 'title', locale.parts.title, doc.title),
    single('opening', 'opening', labels.opening, phrasingText(doc.opening), phrasingMarks(doc.opening)),
  ]
  doc.preamble.forEach((clause, index) => {
    const marks = [{ start: 0, end: clause.lead.length, italics: true }, ...phrasingMarks(clause.text, clause.lead.length + 1)]
    const text = `${clause.lead} ${phrasingText(clause.text)}`
    units.push({ id: clause.id, group: 'preamble', single: false, label: `${labels.preambularClause} ${index + 1}`, text, part: 'preamble', marks })
  })
  units.push(single('chapeau', 'chapeau', labels.chapeau, phrasingText(doc.chapeau), phrasingMarks(doc.chapeau)))
  for (const objective of doc.objectives) {
    // One unit for title and text: alignment then judges the whole objective, and a retitled
    // objective stays one change.
    const head = `${objective.title}${labels.separator}`
    const numeral = toRoman(objective.number)
    units.push({
      id: objective.id,
      group: 'objective',
      single: false,
      label: `${labels.objective} ${numeral}`,
      text: `${head}${phrasingText(objective.text)}`,
      prefix: `${numeral}. `,
      part: 'objective',
      // The title is bold with its colon, as the renderers print it.
      marks: [{ start: 0, end: head.trimEnd().length, bold: true }, ...phrasingMarks(objective.text, head.length)],
    })
  }
  doc.sections.forEach((section, index) => {
    const name = `${labels.section} ${index + 1}`
    units.push({ id: section.id, group: 'section', single: false, label: `${name}, ${locale.parts.sectionTitle}`, text: section.title, part: 'section', marks: [] })
    section.paragraphs.forEach((paragraph, at) => {
      const label = `${name}, ${locale.parts.paragraph} ${at + 1}`
      units.push({ id: paragraph.id, group: 'paragraph', single: false, label, text: phrasingText(paragraph.text), part: 'paragraph', marks: phrasingMarks(paragraph.text) })
    })
  })
  if (doc.endorsement) {
    const { endorsement } = doc
    units.push(single(endorsement.id, 'endorsement', labels.endorsement, phrasingText(endorsement.note), phrasingMarks(endorsement.note)))
    endorsement.items.forEach((item, index) => {
      const label = `${labels.endorsement}, ${locale.parts.item} ${index + 1}`
      units.push({ id: item.id, group: 'endorsement-item', single: false, label, text: phrasingText(item.text), part: 'endorsement-item', marks: phrasingMarks(item.text) })
    })
  }
  return units
}

/** The units of a letter in reading order: each field, addressee, body paragraph and annex line. */
export function letterUnits(doc: Letter): Unit[] {
  const locale = localeFor(doc.language)
  const { labels } = locale
  const units: Unit[] = [
    single('office', 'office', locale.parts.office, doc.office),
    single('date', 'date', locale.parts.dateLine, locale.dateLine(doc.place, doc.date)),
    ...referenceLines(doc).map((line) => single(line.field, 'reference', line.label, line.value, [], `${line.label}${labels.separator}`)),
  ]
  doc.addressees.forEach((addressee, index) => {
    const text = phrasingText(addressee.text)
    units.push({ id: addressee.id, group: 'addressee', single: false, label: `${locale.parts.addressee} ${index + 1}`, text, part: 'addressee', marks: phrasingMarks(addressee.text) })
  })
  units.push(single('subject', 'subject', labels.subject, doc.subject, [], `${labels.subject}${labels.separator}`), single('salutation', 'salutation', locale.parts.salutation, doc.salutation))
  doc.body.forEach((paragraph, index) => {
    const text = phrasingText(paragraph.text)
    units.push({ id: paragraph.id, group: 'body', single: false, label: `${locale.parts.body} ${index + 1}`, text, part: 'body', marks: phrasingMarks(paragraph.text) })
  })
  if (doc.signed) units.push(single('signed', 'signature', labels.signed, labels.signed))
  units.push(single('signatory-name', 'signature', locale.parts.signatoryName, doc.signatory.name), single('signatory-title', 'signature', locale.parts.signatoryTitle, doc.signatory.title))
  doc.annexes.forEach((annex, index) => {
    units.push({ id: annex.id, group: 'annex', single: false, label: `${labels.annex} ${index + 1}`, text: annexLine(doc, index), part: 'annex', marks: [] })
  })
  return units
}

/** The clause-level units of any document, in reading order. */
export function documentUnits(doc: Document): Unit[] {
  return doc.type === 'declaration' ? declarationUnits(doc) : letterUnits(doc)
}
