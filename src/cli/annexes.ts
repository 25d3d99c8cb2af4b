import type { Document } from '../model/document.js'
import type { Issue } from '../model/issues.js'
import { issuesError } from './errors.js'
import type { Io } from './io.js'
import { bundledFiles, readSources, type Source } from './sources.js'

/**
 * The documents a letter's annexes may point at: the inputs first, then the bundled documents (read only
 * when an input letter needs one that is not among the inputs).
 */
export async function annexPool(sources: readonly Source[], io: Io): Promise<Document[]> {
  const inputs = sources.map((source) => source.document)
  const ids = new Set(inputs.map((doc) => doc.id))
  const missing = inputs.some((doc) => doc.type === 'letter' && doc.annexes.some((annex) => !ids.has(annex.ref)))
  if (!missing) return inputs
  const bundled = await readSources(await bundledFiles(), io)
  return [...inputs, ...bundled.map((source) => source.document).filter((doc) => !ids.has(doc.id))]
}

// The model keeps no source place for an annex reference: find its line in the front matter.
function placeOf(text: string, ref: string): { line: number; column: number } | undefined {
  const lines = text.split(/\r?\n/)
  const end = lines.indexOf('---', 1)
  for (let index = 1; index < (end === -1 ? lines.length : end); index++) {
    const column = lines[index]!.indexOf(ref)
    if (column !== -1) return { line: index + 1, column: column + 1 }
  }
  return undefined
}

/** Issues for every letter annex that points at no declaration of the pool. */
export function annexIssues(sources: readonly Source[], pool: readonly Document[]): Issue[] {
  const byId = new Map(pool.map((doc) => [doc.id, doc]))
  return sources.flatMap(({ document, name, text }) =>
    document.type !== 'letter'
      ? []
      : document.annexes.flatMap((annex, index): Issue[] => {
          const target = byId.get(annex.ref)
          if (target?.type === 'declaration') return []
          const reason = target
            ? `is a ${target.type}; an annex carries a declaration`
            : 'is not among the input files or the bundled documents'
          return [{ code: 'missing_annex', message: `annex ${index + 1}: document "${annex.ref}" ${reason}`, path: ['annexes', index, 'ref'], file: name, ...placeOf(text, annex.ref) }]
        }),
  )
}

/** Throws a `CliError` when a letter's annex cannot be found. */
export function assertAnnexes(sources: readonly Source[], pool: readonly Document[]): void {
  const issues = annexIssues(sources, pool)
  if (issues.length) throw issuesError(issues)
}
