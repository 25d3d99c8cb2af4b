import { assertShallow } from '../model/guard.js'
import { LanguageTag } from '../model/common.js'
import type { Document } from '../model/document.js'
import { phrasingText, text, type Phrasing } from '../model/inline.js'
import { DocumentError } from '../model/issues.js'
import { sourceHash } from './hash.js'
import { localeFor } from '../i18n/index.js'
import { carryForward, type CarriedTarget } from './xliff-carry.js'
import { FS_NAMESPACE, inlineToXliff } from './xliff-inline.js'
import { XLIFF_NAMESPACE } from './xliff-read.js'
import { translationUnits, type Unit as TranslationUnit } from '../render/units.js'
import { el, textEl, writeXml, type XmlElement } from './xml.js'

/** Options of `toXliff`. */
export interface XliffOptions {
  /** The BCP 47 tag of the language to translate into (`fr`, `es`, `zh-Hans`). */
  targetLanguage: string
  /** An earlier translation of this document (an XLIFF string) whose targets carry forward. */
  previous?: string
}

function content(unit: TranslationUnit, value: Phrasing) {
  return inlineToXliff(unit.field === 'string' ? text(phrasingText(value)) : value)
}

function unitElement(unit: TranslationUnit, carried: CarriedTarget | undefined, sourceChanged: string): XmlElement {
  const notes = [
    textEl('note', { category: 'label' }, [unit.label]),
    textEl('note', { category: 'source-hash' }, [sourceHash(unit.content)]),
    ...(carried?.sourceDiff !== undefined ? [textEl('note', { category: 'source-diff' }, [`${sourceChanged}: ${carried.sourceDiff}`])] : []),
  ]
  const segment = el('segment', carried ? { state: carried.state } : {}, [
    textEl('source', {}, content(unit, unit.content)),
    ...(carried ? [textEl('target', {}, content(unit, carried.target))] : []),
  ])
  return el('unit', { id: unit.id }, [el('notes', {}, notes), segment])
}

/**
 * Writes a document as XLIFF 2.1 for translation: one `file` (id = the document id), one `group`
 * per part, one `unit` per translatable piece with one `segment`, notes with the unit's label and
 * source hash. A letter's annexed declaration is exported on its own: XLIFF fixes one source
 * language per file set and the annex is in another language than the letter.
 * @param doc the document to translate
 * @param options the target language and, optionally, an earlier translation to carry forward
 * @returns the XLIFF document as a string
 */
export function toXliff(doc: Document, options: XliffOptions): string {
  assertShallow(doc)
  if (!LanguageTag.safeParse(options.targetLanguage).success) {
    throw new DocumentError([
      { code: 'invalid_language', message: `target language "${options.targetLanguage}": expected a BCP 47 language tag such as "fr" or "es"`, path: [] },
    ])
  }
  const units = translationUnits(doc)
  const carried = options.previous === undefined ? new Map<string, CarriedTarget>() : carryForward(options.previous, doc, units, options.targetLanguage)
  const locale = localeFor(doc.language)
  const groups = new Map<string, XmlElement[]>()
  // One group per division of the document, in reading order; `part:` keeps group ids apart from unit ids.
  for (const unit of units) {
    const id = `part:${unit.division}`
    const members = groups.get(id) ?? []
    members.push(unitElement(unit, carried.get(unit.id), locale.report.sourceChanged))
    groups.set(id, members)
  }
  const file = el(
    'file',
    { id: doc.id, original: `${doc.type}/${doc.id}`, 'xml:space': 'preserve' },
    [...groups].map(([id, units]) => el('group', { id, name: id.slice('part:'.length) }, units)),
  )
  return writeXml(
    el('xliff', { xmlns: XLIFF_NAMESPACE, 'xmlns:fs': FS_NAMESPACE, version: '2.1', srcLang: doc.language, trgLang: options.targetLanguage }, [file]),
  )
}
