import type { Declaration } from '../model/declaration.js'
import type { Document } from '../model/document.js'
import { DocumentError } from '../model/issues.js'
import type { Annex, Letter } from '../model/letter.js'

/** Options every renderer takes for a letter's annexes. */
export interface AnnexOptions {
  /** Documents a letter's annexes point at, found by id. */
  annexes?: readonly Document[]
  /** Render the annexed documents after the letter (default `true`); `false` prints only the annex line. */
  annex?: boolean
}

/** An annex of a letter with the declaration it carries. */
export interface ResolvedAnnex {
  annex: Annex
  document: Declaration
}

/** Finds the documents a letter's annexes point at; throws a `DocumentError` naming any that were not supplied. */
export function resolveAnnexes(letter: Letter, options: AnnexOptions = {}): ResolvedAnnex[] {
  if (options.annex === false) return []
  const byId = new Map((options.annexes ?? []).map((doc) => [doc.id, doc]))
  const resolved: ResolvedAnnex[] = []
  const issues = letter.annexes.flatMap((annex, index) => {
    const document = byId.get(annex.ref)
    if (document?.type === 'declaration') {
      resolved.push({ annex, document })
      return []
    }
    return [
      {
        code: 'missing_annex',
        message: document
          ? `annex ${index + 1}: document "${annex.ref}" is a ${document.type}; an annex carries a declaration`
          : `annex ${index + 1}: document "${annex.ref}" was not supplied; pass it in the annexes option, or set annex: false`,
        path: ['annexes', index, 'ref'],
      },
    ]
  })
  if (issues.length) throw new DocumentError(issues)
  return resolved
}
