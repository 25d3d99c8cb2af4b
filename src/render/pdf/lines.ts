import type { Word } from './measure.js'

/** One line of a paragraph: its words and its natural width (without the trailing space). */
export interface Line {
  words: Word[]
  width: number
}

/**
 * Breaks words into lines greedily (first fit), the way a word processor does; the first line may be
 * narrower (a first-line indent or a hanging label). A word wider than a line is cut by `split`
 * when given, else it gets a line of its own.
 */
export function breakLines(words: readonly Word[], width: number, firstWidth = width, split?: (word: Word, width: number) => Word[]): Line[] {
  const lines: Line[] = []
  let current: Word[] = []
  let natural = 0
  const all = split ? words.flatMap((word) => (word.width > Math.min(width, firstWidth) ? split(word, Math.min(width, firstWidth)) : [word])) : words
  for (const word of all) {
    const available = lines.length === 0 ? firstWidth : width
    const previous = current[current.length - 1]
    const needed = previous ? natural + (previous.space?.width ?? 0) + word.width : word.width
    if (previous && needed > available + 0.01) {
      lines.push({ words: current, width: natural })
      current = [word]
      natural = word.width
    } else {
      current.push(word)
      natural = needed
    }
  }
  if (current.length > 0) lines.push({ words: current, width: natural })
  return lines
}
