import { assertShallow } from '../model/guard.js'
import { LanguageTag } from '../model/common.js'
import type { Document } from '../model/document.js'
import { phrasingText, text, type Phrasing } from '../model/inline.js'
import { DocumentError } from '../model/issues.js'
import { sourceHash } from './hash.js'
import { localeFor } from '../i18n/index.js'
import { carryForward, type CarriedTarget } from './xliff-carry.js'
import { unitsByXliffId } from './xliff-ids.js'
import { FS_NAMESPACE, inlineToXliff } from './xliff-inline.js'
import { xliff12Element } from './xliff12-export.js'
import { XLIFF_NAMESPACE } from './xliff-read.js'
import { translationUnits, type Unit as TranslationUnit } from '../render/units.js'
import { el, textEl, writeXml, type XmlElement } from './xml.js'

/** The XLIFF versions `toXliff` writes: 2.0 (the default; read by XLIFF 2 tools) and 1.2 (read by translate-toolkit, OmegaT and most CAT tools). */
export type XliffVersion = '2.0' | '1.2'

/** Options of `toXliff`. */
export interface XliffOptions {
  /** The BCP 47 tag of the language to translate into (`fr`, `es`, `zh-Hans`). */
  targetLanguage: string
  /** An earlier translation of this document (an XLIFF string, 1.2 or 2.x) whose targets carry forward. */
  previous?: string
  /** `2.0` (default) or `1.2`. */
  version?: XliffVersion
  /** Fill each target not carried forward with a copy of its source, in the initial state (`new` in 1.2): some CAT tools (OmegaT) translate only targets. */
  prefill?: boolean
}

/** One unit ready to write, in either version. */
export interface ExportUnit {
  /** The id written in the XLIFF (`preamble-1.lead`). */
  id: string
  unit: TranslationUnit
  /** The target to write with its state, if any. */
  target?: { content: Phrasing; state: string; sourceDiff?: string }
}

/** The content a unit writes: a plain field as one text run. */
export function unitContent(unit: TranslationUnit, value: Phrasing): Phrasing {
  return unit.field === 'string' ? text(phrasingText(value)) : value
}

function unitElement(entry: ExportUnit, sourceChanged: string): XmlElement {
  const { unit, target } = entry
  const notes = [
    textEl('note', { category: 'label' }, [unit.label]),
    textEl('note', { category: 'source-hash' }, [sourceHash(unit.content)]),
    ...(target?.sourceDiff !== undefined ? [textEl('note', { category: 'source-diff' }, [`${sourceChanged}: ${target.sourceDiff}`])] : []),
  ]
  const segment = el('segment', target ? { state: target.state } : {}, [
    textEl('source', {}, inlineToXliff(unitContent(unit, unit.content))),
    ...(target ? [textEl('target', {}, inlineToXliff(unitContent(unit, target.content)))] : []),
  ])
  return el('unit', { id: entry.id }, [el('notes', {}, notes), segment])
}

function exportUnits(doc: Document, options: XliffOptions): ExportUnit[] {
  const units = unitsByXliffId(translationUnits(doc))
  const carried =
    options.previous === undefined ? new Map<string, CarriedTarget>() : carryForward(options.previous, doc, [...units.values()], options.targetLanguage)
  return [...units].map(([id, unit]) => {
    const found = carried.get(unit.id)
    const target = found
      ? { content: found.target, state: found.state, ...(found.sourceDiff === undefined ? {} : { sourceDiff: found.sourceDiff }) }
      : options.prefill
        ? { content: unit.content, state: 'initial' }
        : undefined
    return { id, unit, ...(target ? { target } : {}) }
  })
}

/**
 * The units grouped by division of the document (`front`, `preamble`, `body`, `annex-1` …), in
 * reading order, keyed by group id `part:<division>` (the prefix keeps group ids apart from unit ids).
 */
export function groupUnits<T extends { unit: TranslationUnit }>(entries: readonly T[]): Map<string, { name: string; members: T[] }> {
  const groups = new Map<string, { name: string; members: T[] }>()
  for (const entry of entries) {
    const name = entry.unit.division
    const id = `part:${name}`
    const group = groups.get(id) ?? { name, members: [] }
    group.members.push(entry)
    groups.set(id, group)
  }
  return groups
}

/**
 * Writes a document as XLIFF for translation: XLIFF 2.0 by default (one `file` named after the
 * document, one `group` per part, one `unit` per translatable piece with one `segment`, notes with
 * the unit's label and source hash), or XLIFF 1.2 (`trans-unit`s, `<g>` codes, link URLs in notes).
 * A letter's annexed declaration is exported on its own: XLIFF fixes one source language per file
 * set and the annex is in another language than the letter.
 * @param doc the document to translate
 * @param options the target language, the version, pre-filled targets, an earlier translation to carry forward
 * @returns the XLIFF document as a string
 */
export function toXliff(doc: Document, options: XliffOptions): string {
  assertShallow(doc)
  if (!LanguageTag.safeParse(options.targetLanguage).success) {
    throw new DocumentError([
      { code: 'invalid_language', message: `target language "${options.targetLanguage}": expected a BCP 47 language tag such as "fr" or "es"`, path: [] },
    ])
  }
  const entries = exportUnits(doc, options)
  const locale = localeFor(doc.language)
  const groups = groupUnits(entries)
  if (options.version === '1.2') return writeXml(xliff12Element(doc, options.targetLanguage, groups, locale.report.sourceChanged))
  const file = el(
    'file',
    { id: doc.id, original: `${doc.type}/${doc.id}`, 'xml:space': 'preserve' },
    [...groups].map(([id, { name, members }]) => el('group', { id, name }, members.map((entry) => unitElement(entry, locale.report.sourceChanged)))),
  )
  // Nothing written is specific to XLIFF 2.1, so the file says 2.0: more XLIFF 2 readers accept it.
  return writeXml(
    el('xliff', { xmlns: XLIFF_NAMESPACE, 'xmlns:fs': FS_NAMESPACE, version: '2.0', srcLang: doc.language, trgLang: options.targetLanguage }, [file]),
  )
}
