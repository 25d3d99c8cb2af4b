import type { Mark } from '../units.js'
import { characterStyle } from './styles.js'

/** A stretch of a unit's text, from `from` to `to`, with the character style its bold and italic marks give. */
export interface MarkedPiece {
  from: number
  to: number
  style?: string
}

/**
 * Cuts the stretch `start`–`end` of a unit's text wherever a bold or italic mark (or one of `bounds`) starts or ends,
 * and gives each piece the house's character style for its marks (`bold` counts as a mark over the whole stretch).
 * @param marks the unit's marks
 * @param start where the stretch starts in the unit's text
 * @param end where it ends
 * @param bounds further ranges to cut at (raised text)
 * @param bold whether the whole stretch is bold
 * @returns the pieces in order
 */
export function markedPieces(marks: readonly Mark[], start: number, end: number, bounds: readonly (readonly [number, number])[] = [], bold = false): MarkedPiece[] {
  const cuts = new Set([start, end])
  for (const [from, to] of [...marks.map((mark) => [mark.start, mark.end] as const), ...bounds]) for (const at of [from, to]) if (at > start && at < end) cuts.add(at)
  const points = [...cuts].sort((a, b) => a - b)
  return points.slice(0, -1).map((from, index) => {
    const to = points[index + 1]!
    const active = marks.filter((mark) => mark.start <= from && mark.end >= to)
    const [strong, emphasis] = [bold || active.some((m) => m.bold), active.some((m) => m.italics)]
    const style = strong && emphasis ? characterStyle.strongEmphasis : strong ? characterStyle.strong : emphasis ? characterStyle.emphasis : undefined
    return { from, to, ...(style ? { style } : {}) }
  })
}
