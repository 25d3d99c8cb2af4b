import type { Document } from '../model/document.js'
import { phrasingText, type Phrasing } from '../model/inline.js'
import { DocumentError, type Issue, type SafeParseResult } from '../model/issues.js'
import { safeValidate } from '../model/guard.js'
import { sourceHash } from './hash.js'
import { applyUnit, translationUnits, type Unit as TranslationUnit } from '../render/units.js'
import { readXliff, type ReadUnit, type XliffLimits } from './xliff-read.js'

/** Options of `fromXliff`. */
export interface FromXliffOptions extends XliffLimits {
  /** The XLIFF file's name, printed in every issue (`fr.xlf:120:7 unit "preamble-3": …`). */
  file?: string
}

function checkUnit(expected: TranslationUnit, unit: ReadUnit | undefined, at: (unit?: ReadUnit) => Partial<Issue>): Issue[] {
  const name = `unit "${expected.id}" (${expected.label})`
  const issue = (code: string, message: string): Issue => ({ code, message, path: expected.path, ...at(unit) })
  if (!unit) return [issue('missing_unit', `${name}: not in the XLIFF; export the source document again`)]
  const hash = sourceHash(expected.content)
  const noted = unit.notes.find((note) => note.category === 'source-hash')?.text
  if (sourceHash(unit.source) !== hash || (noted !== undefined && noted !== hash)) {
    return [issue('source_mismatch', `${name}: its source no longer matches the source document; export again with the XLIFF as previous translation`)]
  }
  if (!unit.target) return [issue('missing_target', `${name}: has no target; translate it or leave the source in the target`)]
  const issues = unit.issues.map((found) => ({ ...found, path: expected.path }))
  if (phrasingText(unit.target).trim() === '') issues.push(issue('empty_target', `${name}: the target is empty`))
  return issues
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

function importXliff(xliff: string, sourceDoc: Document, options: FromXliffOptions, file: { file?: string }): SafeParseResult<Document> {
  const at = (unit?: ReadUnit): Partial<Issue> => ({ ...file, ...(unit?.line === undefined ? {} : { line: unit.line, column: unit.column }) })
  const read = readXliff(xliff, options)
  if (!read.success) return { success: false, issues: read.issues.map((issue) => ({ ...issue, ...file })) }
  const { data } = read
  const fail = (code: string, message: string): SafeParseResult<Document> => ({ success: false, issues: [{ code, message, path: [], ...file }] })
  const found = data.files.find((f) => f.id === sourceDoc.id)
  if (!found) return fail('wrong_document', `the XLIFF holds ${data.files.map((f) => `"${f.id}"`).join(', ') || 'no file'}; expected a file with id "${sourceDoc.id}"`)
  if (!data.trgLang) return fail('missing_target_language', 'the XLIFF has no trgLang; it says which language the translation is in')
  if (data.srcLang.toLowerCase() !== sourceDoc.language.toLowerCase()) {
    return fail('language_mismatch', `the XLIFF translates from "${data.srcLang}"; the source document is in "${sourceDoc.language}"`)
  }
  const issues: Issue[] = []
  const byId = new Map<string, ReadUnit>()
  for (const unit of found.units) {
    if (byId.has(unit.id)) issues.push({ code: 'duplicate_unit', message: `unit "${unit.id}": appears more than once`, path: [], ...at(unit) })
    else byId.set(unit.id, unit)
  }
  const expected = translationUnits(sourceDoc)
  const known = new Set(expected.map((unit) => unit.id))
  for (const unit of expected) issues.push(...checkUnit(unit, byId.get(unit.id), at))
  for (const unit of found.units) {
    if (!known.has(unit.id)) issues.push({ code: 'unknown_unit', message: `unit "${unit.id}": the source document has no such unit`, path: [], ...at(unit) })
  }
  if (issues.length) return { success: false, issues }
  const translated = structuredClone(sourceDoc)
  translated.language = data.trgLang
  for (const unit of expected) {
    const target = byId.get(unit.id)!.target as Phrasing
    applyUnit(translated as unknown as Record<string, unknown>, unit, target)
  }
  const validated = safeValidate(translated)
  return validated.success ? validated : { success: false, issues: validated.issues.map((issue) => ({ ...issue, ...file })) }
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
