import type { WordOp } from './model.js'
import { diffTokens } from './token-diff.js'
import { tokenize, tokenKey } from './tokenize.js'

/** The word operations between two texts, and whether the edit bound was hit. */
export interface TextDiff {
  ops: WordOp[]
  fallback: boolean
}

/** Default bound on the word-level edit distance inside one clause. */
export const DEFAULT_MAX_EDIT_LENGTH = 500

/**
 * Word-level diff of two clause texts with our tokenizer over jsdiff's `diffArrays` algorithm (`diffTokens`). Tokens are
 * compared by their NFC form; a token kept whose characters still differ (NFD vs NFC) is reported
 * as deleted and inserted, so equal+delete runs rebuild `oldText` and equal+insert runs rebuild
 * `newText` character for character. Past `maxEditLength` the whole clause is deleted and inserted.
 */
export function diffText(oldText: string, newText: string, maxEditLength = DEFAULT_MAX_EDIT_LENGTH): TextDiff {
  const oldTokens = tokenize(oldText)
  const newTokens = tokenize(newText)
  const result = diffTokens(oldTokens.map(tokenKey), newTokens.map(tokenKey), maxEditLength)
  if (!result) return { ops: wholeClause(oldText, newText), fallback: true }
  const ops: WordOp[] = []
  let oldAt = 0
  let newAt = 0
  for (const part of result) {
    if (part.removed) {
      push(ops, 'delete', oldTokens.slice(oldAt, (oldAt += part.count)).join(''))
    } else if (part.added) {
      push(ops, 'insert', newTokens.slice(newAt, (newAt += part.count)).join(''))
    } else {
      for (let index = 0; index < part.count; index++) {
        const before = oldTokens[oldAt++]!
        const after = newTokens[newAt++]!
        if (before === after) push(ops, 'equal', after)
        else {
          push(ops, 'delete', before)
          push(ops, 'insert', after)
        }
      }
    }
  }
  return { ops, fallback: false }
}

function wholeClause(oldText: string, newText: string): WordOp[] {
  const ops: WordOp[] = []
  push(ops, 'delete', oldText)
  push(ops, 'insert', newText)
  return ops
}

// Appends a run, merging it into the previous run of the same op; a deletion is kept before an
// insertion at the same place so that readers see "~~old~~ **new**".
function push(ops: WordOp[], op: WordOp['op'], text: string): void {
  if (!text) return
  const last = ops[ops.length - 1]
  if (last?.op === op) {
    last.text += text
    return
  }
  if (op === 'delete' && last?.op === 'insert') {
    const previous = ops[ops.length - 2]
    if (previous?.op === 'delete') previous.text += text
    else ops.splice(ops.length - 1, 0, { op, text })
    return
  }
  ops.push({ op, text })
}

/** The longest stretch of kept text (spaces and punctuation aside) that `phraseOps` folds into the changes around it. */
export const PHRASE_GAP = 3

/**
 * Groups word operations into phrase-level changes, as an editor marks them: within a changed stretch
 * the deleted words make one deletion and the inserted words one insertion ("~~Emphasise the importance
 * of~~ Stress the need to", not word by word). A kept run between two changes joins the stretch when it
 * is only spaces and punctuation or one short word (at most `gap` other characters). Equal+delete runs
 * still rebuild the old text and equal+insert runs the new one.
 * @param ops word operations, as `diffText` gives them
 * @param gap the longest kept text, without its spaces, that joins two changes
 * @returns the grouped operations: equal runs, and per stretch one deletion before one insertion
 */
export function phraseOps(ops: readonly WordOp[], gap = PHRASE_GAP): WordOp[] {
  const out: WordOp[] = []
  let deleted = ''
  let inserted = ''
  const flush = () => {
    push(out, 'delete', deleted)
    push(out, 'insert', inserted)
    deleted = inserted = ''
  }
  ops.forEach((current, index) => {
    if (current.op === 'delete') deleted += current.text
    else if (current.op === 'insert') inserted += current.text
    else if ((deleted || inserted) && index < ops.length - 1 && isShortGap(current.text, gap)) {
      deleted += current.text
      inserted += current.text
    } else {
      flush()
      push(out, 'equal', current.text)
    }
  })
  flush()
  return out
}

// Only spaces and punctuation, and at most one word of at most `gap` characters.
function isShortGap(text: string, gap: number): boolean {
  const words = text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []
  return words.length <= 1 && text.replace(/\s/gu, '').length <= gap
}
