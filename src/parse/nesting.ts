import { limits } from '../model/limits.js'
import type { Place } from '../model/issues.js'

// A line's container prefix: indentation, block quote markers and list markers, in any mix.
const containerStart = /^[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/

/** How deeply a line nests lists and block quotes: its markers, plus its indentation (two columns a level) before the first. */
function lineDepth(line: string): number {
  let depth = 0
  let rest = line
  for (let match = containerStart.exec(rest); match; match = containerStart.exec(rest)) {
    depth++
    rest = rest.slice(match[0].length)
  }
  const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length
  return depth === 0 ? 0 : depth + Math.floor(indent / 2)
}

/**
 * Finds where a source nests lists, block quotes or emphasis deeper than the Markdown parser handles in
 * reasonable time (its cost grows with the square of the nesting), before it runs.
 * @param text the Markdown source
 * @returns the problem and its place, or `undefined` when the source is within the limits
 */
export function nestingProblem(text: string): { message: string; place: Place } | undefined {
  let line = 0
  let markers = 0
  let paragraphLine = 1
  for (const source of text.split('\n')) {
    line++
    const depth = lineDepth(source)
    if (depth > limits.nesting) {
      return { message: `lists and block quotes nested ${depth} levels deep; the limit is ${limits.nesting}`, place: { line, column: 1 } }
    }
    if (source.trim() === '') {
      markers = 0
      continue
    }
    // Emphasis and links end with their block: a list item or a heading starts a new count.
    if (depth > 0 || /^ {0,3}#/.test(source)) markers = 0
    if (markers === 0) paragraphLine = line
    // By code unit: the three markers are ASCII, never half of a surrogate pair.
    for (let index = 0; index < source.length; index++) {
      const code = source.charCodeAt(index)
      if (code === 0x2a || code === 0x5f || code === 0x5b) markers++
    }
    if (markers > limits.inlineMarkers) {
      return {
        message: `a paragraph with more than ${limits.inlineMarkers} emphasis or link markers (*, _, [); the limit keeps parsing fast`,
        place: { line: paragraphLine, column: 1 },
      }
    }
  }
  return undefined
}
