import { assertShallow } from '../model/guard.js'
import { IsoDate } from '../model/letter.js'
import type { Document } from '../model/document.js'
import { DocumentError } from '../model/issues.js'
import { resolveAnnexes, type AnnexOptions } from '../render/annexes.js'
import { declarationDoc } from './akn-declaration.js'
import { letterDoc } from './akn-letter.js'
import { el, writeXml } from './xml.js'

/** The Akoma Ntoso 3.0 namespace. */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'

/** Options of `toAkomaNtoso`: a letter's annexes, and the date of a declaration exported on its own. */
export interface AkomaNtosoOptions extends AnnexOptions {
  /**
   * The FRBR date (YYYY-MM-DD) of a declaration exported on its own, which carries no date of its
   * own; required then. A letter is dated by its date line, and so are the declarations it annexes.
   */
  date?: string
  /** Who issued a declaration exported on its own, as shown in its references (default "Endorsing parties"). */
  issuer?: string
}

/**
 * Writes a document as Akoma Ntoso 3.0: a declaration as `<statement name="declaration">` (or
 * `"resolution"`), a letter as `<doc name="circular">` with each annexed declaration (found in
 * `options.annexes`) as an attachment.
 * @param doc the declaration or letter
 * @param options the letter's annexes, or a declaration's date
 * @returns the AKN XML document
 */
export function toAkomaNtoso(doc: Document, options: AkomaNtosoOptions = {}): string {
  assertShallow(doc)
  let body
  if (doc.type === 'letter') {
    body = letterDoc(doc, resolveAnnexes(doc, options).map(({ document }) => document))
  } else {
    const date = options.date ?? doc.date
    if (!date || !IsoDate.safeParse(date).success) {
      const problem = date ? `"${date}" is not an ISO date (YYYY-MM-DD) that exists` : 'none was given (no --date, no date in its front matter)'
      throw new DocumentError([
        { code: 'missing_date', message: `date: Akoma Ntoso needs a date for its FRBR identification; ${problem}`, path: [] },
      ])
    }
    body = declarationDoc(doc, date, options.issuer ?? doc.organ ?? 'Endorsing parties')
  }
  return writeXml(el('akomaNtoso', { xmlns: AKN_NAMESPACE }, [body]))
}
