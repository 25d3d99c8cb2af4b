import { diffText } from '../diff/word-diff.js'

/** The word diff of a unit's old and new source in wdiff notation: `[-deleted-]{+inserted+}`, kept words as they are. */
export function wordDiffNote(oldText: string, newText: string): string {
  return diffText(oldText, newText)
    .ops.map((op) => (op.op === 'equal' ? op.text : op.op === 'delete' ? `[-${op.text}-]` : `{+${op.text}+}`))
    .join('')
}
