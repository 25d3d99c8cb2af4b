import type { Document } from '../model/document.js'
import { phrasingText, type Phrasing } from '../model/inline.js'
import { DocumentError, type Issue, type SafeParseResult } from '../model/issues.js'
import { safeValidate } from '../model/guard.js'
import { sourceHash } from './hash.js'
import { applyUnit, translationUnits, type Unit as TranslationUnit } from '../render/units.js'
import { readXliff, type ReadUnit, type XliffLimits } from './xliff-read.js'
import { unitsByXliffId, xliffUnitId } from './xliff-ids.js'
import { unitProgress } from './xliff-status.js'

/** Options of `fromXliff`. */
export interface FromXliffOptions extends XliffLimits {
  /** The XLIFF file's name, printed in every issue (`fr.xlf:120:7 unit "preamble-3": …`). */
  file?: string
  /** Keep the source text where a unit is untranslated (no target, or a pre-filled copy of the source) instead of failing. */
  allowUntranslated?: boolean
  /** Take targets carried from an earlier source and not reviewed since (stale) as they are, instead of failing. */
  acceptStale?: boolean
}

/** A translated document with the units that were left in the source language. */
export interface XliffImport {
  document: Document
  /** Ids of the units that kept their source text (with `allowUntranslated`). */
  untranslated: string[]
  /** Ids of the stale units taken as they are (with `acceptStale`). */
  stale: string[]
}

type Placed = (unit?: ReadUnit, place?: { line?: number; column?: number }) => Partial<Issue>

// Each code of the source must be in the target, and the target may hold no code the source lacks:
// a dropped code would import as plain text (a link, a paragraph's bold title or italic lead lost),
// an added one as formatting nobody asked for.
function checkCodes(name: string, expected: TranslationUnit, unit: ReadUnit, at: Placed): Issue[] {
  const targetIds = new Set((unit.targetCodes ?? []).map((code) => code.id))
  const sourceIds = new Set(unit.sourceCodes.map((code) => code.id))
  const issues: Issue[] = []
  for (const code of unit.sourceCodes) {
    if (targetIds.has(code.id)) continue
    const what = code.kind === 'link' ? `link code ${code.id}; put the translated link text inside it` : `code ${code.id} (${code.kind}); put it back around the translated words`
    issues.push({ code: 'missing_code', message: `${name}: the target has lost ${what}`, path: expected.path, ...at(unit) })
  }
  for (const code of unit.targetCodes ?? []) {
    if (!sourceIds.has(code.id)) {
      issues.push({ code: 'extra_code', message: `${name}: the target has code ${code.id} (${code.kind}), which its source does not have; remove it`, path: expected.path, ...at(unit, code) })
    }
  }
  return issues
}

function checkUnit(expected: TranslationUnit, unit: ReadUnit | undefined, at: Placed, options: FromXliffOptions): Issue[] {
  const name = `unit "${xliffUnitId(expected.id)}" (${expected.label})`
  const issue = (code: string, message: string): Issue => ({ code, message, path: expected.path, ...at(unit) })
  if (!unit) return [issue('missing_unit', `${name}: not in the XLIFF; export the source document again`)]
  const hash = sourceHash(expected.content)
  const noted = unit.notes.find((note) => note.category === 'source-hash')?.text
  if (sourceHash(unit.source) !== hash || (noted !== undefined && noted !== hash)) {
    return [issue('source_mismatch', `${name}: its source no longer matches the source document; export again with the XLIFF as previous translation`)]
  }
  const issues = unit.issues.map((found) => ({ ...found, path: expected.path, ...at(unit, found) }))
  const progress = unitProgress(unit)
  if (progress === 'untranslated') {
    if (!options.allowUntranslated) {
      const empty = unit.target !== undefined && phrasingText(unit.target).trim() === ''
      const why = !unit.target ? 'has no target' : empty ? 'has an empty target' : 'has its source copied in the target, still in the initial state'
      issues.push(issue(empty ? 'empty_target' : 'missing_target', `${name}: ${why}; translate it, or import with --allow-untranslated to keep the source text`))
    }
    return issues
  }
  if (progress === 'stale' && !options.acceptStale) {
    issues.push(issue('stale_target', `${name}: its target was translated from an earlier source (see its source-diff note) and is still in the initial state; review it and mark it translated, or import with --accept-stale`))
  }
  return [...issues, ...checkCodes(name, expected, unit, at)]
}

/**
 * Rebuilds the translated document from a translated XLIFF and the source document it was made
 * from: same structure and ids, `language` set to the XLIFF's `trgLang`. Units whose source no
 * longer matches, missing, unknown or duplicate units and units without target are issues naming
 * the unit id. The result is validated like any document, under the source's profile (a profile checks a
 * translation's sections by count, not by their source-language titles).
 * @param xliff the translated XLIFF 2.x string
 * @param sourceDoc the document the XLIFF was exported from
 * @param options the XLIFF file's name for issues
 * @returns the translated document, or the issues
 */
export function safeFromXliff(xliff: string, sourceDoc: Document, options: FromXliffOptions = {}): SafeParseResult<Document> {
  const result = safeImportXliff(xliff, sourceDoc, options)
  return result.success ? { success: true, data: result.data.document } : result
}

/**
 * Like `safeFromXliff`, and says which units kept their source text (`allowUntranslated`) and
 * which stale targets were taken (`acceptStale`).
 * @param xliff the translated XLIFF string (1.2 or 2.x)
 * @param sourceDoc the document the XLIFF was exported from
 * @param options the XLIFF file's name for issues, limits, and what to let through
 * @returns the translated document with those unit ids, or the issues
 */
export function safeImportXliff(xliff: string, sourceDoc: Document, options: FromXliffOptions = {}): SafeParseResult<XliffImport> {
  const file = typeof options?.file === 'string' ? { file: options.file } : {}
  const checked = safeValidate(sourceDoc)
  if (!checked.success) {
    return { success: false, issues: checked.issues.map((issue) => ({ ...issue, message: `the source document: ${issue.message}`, ...file })) }
  }
  try {
    return importXliff(xliff, checked.data, options ?? {}, file)
  } catch (error) {
    // A bug must still come back as an issue: a `safe…` function never throws.
    return { success: false, issues: [{ code: 'internal_error', message: `cannot import the XLIFF: ${(error as Error)?.message ?? String(error)}`, path: [], ...file }] }
  }
}

function importXliff(xliff: string, sourceDoc: Document, options: FromXliffOptions, file: { file?: string }): SafeParseResult<XliffImport> {
  const at: Placed = (unit, place) => {
    const found = place?.line !== undefined ? place : unit
    return { ...file, ...(found?.line === undefined ? {} : { line: found.line, column: found.column }) }
  }
  const read = readXliff(xliff, options)
  if (!read.success) return { success: false, issues: read.issues.map((issue) => ({ ...issue, ...file })) }
  const { data } = read
  const fail = (code: string, message: string): SafeParseResult<XliffImport> => ({ success: false, issues: [{ code, message, path: [], ...file }] })
  const found = data.files.find((f) => f.id === sourceDoc.id)
  if (!found) return fail('wrong_document', `the XLIFF holds ${data.files.map((f) => `"${f.id}"`).join(', ') || 'no file'}; expected a file with id "${sourceDoc.id}"`)
  if (!data.trgLang) return fail('missing_target_language', 'the XLIFF has no trgLang; it says which language the translation is in')
  if (data.srcLang.toLowerCase() !== sourceDoc.language.toLowerCase()) {
    return fail('language_mismatch', `the XLIFF translates from "${data.srcLang}"; the source document is in "${sourceDoc.language}"`)
  }
  const issues: Issue[] = []
  const byId = new Map<string, ReadUnit>()
  for (const unit of found.units) {
    const id = xliffUnitId(unit.id)
    if (byId.has(id)) issues.push({ code: 'duplicate_unit', message: `unit "${unit.id}": appears more than once`, path: [], ...at(unit) })
    else byId.set(id, unit)
  }
  const expected = [...unitsByXliffId(translationUnits(sourceDoc))]
  const known = new Set(expected.map(([id]) => id))
  for (const [id, unit] of expected) issues.push(...checkUnit(unit, byId.get(id), at, options))
  for (const unit of found.units) {
    if (!known.has(xliffUnitId(unit.id))) issues.push({ code: 'unknown_unit', message: `unit "${unit.id}": the source document has no such unit`, path: [], ...at(unit) })
  }
  if (issues.length) return { success: false, issues }
  const translated = structuredClone(sourceDoc)
  translated.language = data.trgLang
  const untranslated: string[] = []
  const stale: string[] = []
  for (const [id, unit] of expected) {
    const read = byId.get(id)!
    const progress = unitProgress(read)
    if (progress === 'stale') stale.push(unit.id)
    if (progress === 'untranslated') untranslated.push(unit.id)
    const target = progress === 'untranslated' ? unit.content : (read.target as Phrasing)
    applyUnit(translated as unknown as Record<string, unknown>, unit, target)
  }
  const validated = safeValidate(translated)
  if (!validated.success) return { success: false, issues: validated.issues.map((issue) => ({ ...issue, ...file })) }
  return { success: true, data: { document: validated.data, untranslated, stale } }
}

/**
 * Like `safeFromXliff`, but throws a `DocumentError` carrying the issues.
 * @param xliff the translated XLIFF 2.x string
 * @param sourceDoc the document the XLIFF was exported from
 * @param options the XLIFF file's name for issues
 * @returns the translated document
 */
export function fromXliff(xliff: string, sourceDoc: Document, options: FromXliffOptions = {}): Document {
  const result = safeFromXliff(xliff, sourceDoc, options)
  if (!result.success) throw new DocumentError(result.issues)
  return result.data
}
