import { DocumentError } from '../model/issues.js'
import type { Unit as TranslationUnit } from '../render/units.js'

/**
 * The id a unit is written under in XLIFF: its model id with `:` turned into `.` (`preamble-1:lead`
 * -> `preamble-1.lead`), because translate-toolkit reads `:` in ids as a location separator. Ids
 * written with `:` by earlier versions map to the same name, so both forms import.
 */
export function xliffUnitId(id: string): string {
  return id.replace(/:/g, '.')
}

/**
 * The units keyed by their XLIFF id; two units that would share one (a clause id that already
 * reads `preamble-1.lead`) are an error naming both.
 */
export function unitsByXliffId(units: readonly TranslationUnit[]): Map<string, TranslationUnit> {
  const byId = new Map<string, TranslationUnit>()
  for (const unit of units) {
    const id = xliffUnitId(unit.id)
    const other = byId.get(id)
    if (other) {
      throw new DocumentError([
        { code: 'duplicate_unit', message: `units "${other.id}" and "${unit.id}" would both be written as XLIFF unit "${id}"; rename one of the clauses`, path: unit.path },
      ])
    }
    byId.set(id, unit)
  }
  return byId
}
