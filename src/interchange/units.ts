import type { Declaration } from '../model/declaration.js'
import type { Document } from '../model/document.js'
import { text, type Phrasing } from '../model/inline.js'
import type { Letter } from '../model/letter.js'
import { toRoman } from '../model/roman.js'
import { localeFor } from '../i18n/index.js'

/** A path into the document model, as in `Issue.path`. */
export type ModelPath = (string | number)[]

/**
 * One translatable piece of a document, written as one XLIFF `unit`. A clause's text is the unit
 * named by the clause id (`preamble-1`, `objective-3`, `section-1` holds the section title); the
 * structured parts of a clause are units named `<clause id>:<field>` (`preamble-1:lead`,
 * `objective-3:title`); document fields are `doc:<field>` (`doc:title`, `doc:subject`). Clause ids
 * never contain `:`, so these names cannot collide with them.
 */
export interface TranslationUnit {
  id: string
  /** The XLIFF `group` the unit belongs to (`part:preamble`, `part:objectives` …). */
  group: string
  /** The unit as a reader names it, in the source language ("Objective III"). */
  label: string
  /** The source content; plain fields hold one text run. */
  content: Phrasing
  /** The model field is a plain string (no emphasis or links survive in it). */
  plain: boolean
  /** Where the unit's content lives in the model. */
  path: ModelPath
}

function field(id: string, group: string, label: string, value: string, path: ModelPath): TranslationUnit {
  return { id, group, label, content: text(value), plain: true, path }
}

function rich(id: string, group: string, label: string, content: Phrasing, path: ModelPath): TranslationUnit {
  return { id, group, label, content, plain: false, path }
}

function declarationUnits(doc: Declaration): TranslationUnit[] {
  const locale = localeFor(doc.language)
  const { labels } = locale
  const units: TranslationUnit[] = [
    field('doc:title', 'part:front', locale.parts.title, doc.title, ['title']),
    rich('doc:opening', 'part:front', labels.opening, doc.opening, ['opening']),
  ]
  doc.preamble.forEach((clause, i) => {
    const label = `${labels.preambularClause} ${i + 1}`
    units.push(field(`${clause.id}:lead`, 'part:preamble', `${label}, ${locale.parts.lead}`, clause.lead, ['preamble', i, 'lead']))
    units.push(rich(clause.id, 'part:preamble', label, clause.text, ['preamble', i, 'text']))
  })
  units.push(rich('doc:chapeau', 'part:objectives', labels.chapeau, doc.chapeau, ['chapeau']))
  doc.objectives.forEach((objective, i) => {
    const label = `${labels.objective} ${toRoman(objective.number)}`
    units.push(field(`${objective.id}:title`, 'part:objectives', `${label}, ${locale.parts.sectionTitle}`, objective.title, ['objectives', i, 'title']))
    units.push(rich(objective.id, 'part:objectives', label, objective.text, ['objectives', i, 'text']))
  })
  doc.sections.forEach((section, i) => {
    const label = `${labels.section} ${i + 1}`
    units.push(field(section.id, 'part:sections', `${label}, ${locale.parts.sectionTitle}`, section.title, ['sections', i, 'title']))
    section.paragraphs.forEach((paragraph, j) => {
      units.push(rich(paragraph.id, 'part:sections', `${label}, ${locale.parts.paragraph} ${j + 1}`, paragraph.text, ['sections', i, 'paragraphs', j, 'text']))
    })
  })
  if (doc.endorsement) {
    const { endorsement } = doc
    units.push(rich(endorsement.id, 'part:endorsement', labels.endorsement, endorsement.note, ['endorsement', 'note']))
    endorsement.items.forEach((item, i) => {
      units.push(rich(item.id, 'part:endorsement', `${labels.endorsement}, ${locale.parts.item} ${i + 1}`, item.text, ['endorsement', 'items', i, 'text']))
    })
  }
  return units
}

// The reference, contact block, date and signatory's name are not translated: they are codes,
// numbers, addresses and a person's name. The date line is rebuilt from the translated place.
function letterUnits(doc: Letter): TranslationUnit[] {
  const locale = localeFor(doc.language)
  const { labels } = locale
  return [
    field('doc:office', 'part:letterhead', locale.parts.office, doc.office, ['office']),
    field('doc:place', 'part:letterhead', locale.parts.place, doc.place, ['place']),
    ...doc.addressees.map((a, i) => rich(a.id, 'part:addressees', `${locale.parts.addressee} ${i + 1}`, a.text, ['addressees', i, 'text'])),
    field('doc:subject', 'part:subject', labels.subject, doc.subject, ['subject']),
    field('doc:salutation', 'part:subject', locale.parts.salutation, doc.salutation, ['salutation']),
    ...doc.body.map((p, i) => rich(p.id, 'part:body', `${locale.parts.body} ${i + 1}`, p.text, ['body', i, 'text'])),
    field('doc:signatory-title', 'part:signature', locale.parts.signatoryTitle, doc.signatory.title, ['signatory', 'title']),
    ...doc.annexes.map((annex, i) => field(annex.id, 'part:annexes', `${labels.annex} ${i + 1}`, annex.title, ['annexes', i, 'title'])),
  ]
}

/** The translatable units of a document, in reading order. */
export function translationUnits(doc: Document): TranslationUnit[] {
  return doc.type === 'declaration' ? declarationUnits(doc) : letterUnits(doc)
}
