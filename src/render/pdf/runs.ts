import type { Inline } from '../../model/inline.js'
import type { Face } from './fonts.js'

/** A run of text set in one face. */
export interface Run {
  text: string
  face: Face
}

const emphasised: Record<Face, Face> = { regular: 'italic', italic: 'regular', bold: 'boldItalic', boldItalic: 'bold' }
const strengthened: Record<Face, Face> = { regular: 'bold', italic: 'boldItalic', bold: 'bold', boldItalic: 'boldItalic' }

/**
 * Flattens inline content into runs. Emphasis inside italic text turns back to roman, as UN documents
 * set an emphasised word inside an italic lead; link text keeps the face around it.
 */
export function phrasingRuns(content: readonly Inline[], face: Face = 'regular'): Run[] {
  const runs: Run[] = []
  for (const node of content) {
    if (node.type === 'text') runs.push({ text: node.value, face })
    else if (node.type === 'emphasis') runs.push(...phrasingRuns(node.children, emphasised[face]))
    else if (node.type === 'strong') runs.push(...phrasingRuns(node.children, strengthened[face]))
    else runs.push(...phrasingRuns(node.children, face))
  }
  return runs
}

/** A single run. */
export function run(text: string, face: Face = 'regular'): Run {
  return { text, face }
}
