import { foldTypography } from './tokenize.js'

const FNV_PRIME = 0x01000193
// How many characters of a text its key reads, spread over the text.
const SAMPLES = 16
// What `foldTypography` would change inside a piece (two simple scans are faster than one alternation),
// or at its start after a piece that ends with a space.
const NOT_PRINTABLE_ASCII = /[^\x20-\x7E]/
const FOLDED_SPACE = / [ ;:!?]/
const FOLDED_AFTER_SPACE = /^[ ;:!?]/

/**
 * The key of a text up to typography, fed piece by piece as the text is joined (a paragraph's lead, a
 * space, its text runs), so that the joined text is never read (reading it would copy it into one flat
 * string). The text is `plain` when `foldTypography` gives it back unchanged: printable ASCII, no two
 * spaces in a row, no space before ; : ! ? and none at either end; a plain text's key is its length and
 * characters taken at fixed places, any other text's the same of its folded form. Equal keys are a hint:
 * the texts are still compared.
 */
export class TextKey {
  plain = true
  /** The text fed so far, joined. */
  text = ''
  private readonly pieces: string[] = []
  private length = 0
  private last = -1

  /** Starts a new text. */
  reset(): void {
    this.plain = true
    this.text = ''
    this.pieces.length = 0
    this.length = 0
    this.last = -1
  }

  /** Feeds the next piece of the text. */
  add(piece: string): void {
    if (!piece) return
    if (this.plain && (NOT_PRINTABLE_ASCII.test(piece) || FOLDED_SPACE.test(piece) || (this.last === 0x20 && FOLDED_AFTER_SPACE.test(piece)) || (this.last === -1 && piece.charCodeAt(0) === 0x20))) this.plain = false
    this.pieces.push(piece)
    this.text += piece
    this.length += piece.length
    this.last = piece.charCodeAt(piece.length - 1)
  }

  /** The key of the text fed so far (its joined text is read only when it is not plain). */
  finish(): number {
    if (this.last === 0x20) this.plain = false
    if (this.plain) return sampledHash(this.pieces, this.length)
    const folded = foldTypography(this.text)
    return sampledHash([folded], folded.length)
  }
}

// A hash of the length and of SAMPLES characters spread evenly over the text the pieces join into.
function sampledHash(pieces: readonly string[], length: number): number {
  let hash = Math.imul(length, FNV_PRIME)
  if (!length) return hash
  let piece = 0
  let start = 0
  for (let sample = 0; sample < SAMPLES; sample++) {
    const at = Math.floor((sample * (length - 1)) / (SAMPLES - 1))
    while (at >= start + pieces[piece]!.length) start += pieces[piece++]!.length
    hash = Math.imul(hash ^ pieces[piece]!.charCodeAt(at - start), FNV_PRIME)
  }
  return hash
}

/** The key and plainness of a text (see `TextKey`). */
export function textKey(text: string): { key: number; plain: boolean } {
  const key = new TextKey()
  key.add(text)
  return { key: key.finish(), plain: key.plain }
}
