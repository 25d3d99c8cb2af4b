import type { Piece, Word } from './measure.js'

/** One line of a paragraph: its words, its natural width (without the trailing space) and the hyphen that ends it, if any. */
export interface Line {
  words: Word[]
  width: number
  hyphen?: Piece
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
  for (const word of splitWide(words, Math.min(width, firstWidth), split)) {
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

/** A word cut at its hyphenation points: the parts, and the hyphen each part but the last would end a line with. */
export interface Syllables {
  parts: Word[]
  hyphens: Piece[]
}

/** How far a justified line's word spaces stretch and shrink, as fractions of the space, at a ratio of 1. */
export const stretchFactor = 0.5
const shrinkFactor = 0.25
/** How far the letters of a justified line are spaced apart, as a fraction of the text size, at a ratio of 1. */
export const trackingFactor = 0.01

/** The letters of a word that spacing applies to (every character is one glyph apart). */
export function letterCount(word: Word): number {
  let count = 0
  for (const piece of word.pieces) count += [...piece.text].length
  return count
}
// Knuth and Plass's costs, as TeX sets them: \linepenalty, \hyphenpenalty, \doublehyphendemerits, \adjdemerits.
const linePenalty = 10
const hyphenPenalty = 50
const flaggedDemerits = 3000
const fitnessDemerits = 3000

type Item =
  | { type: 'box'; word: number; part: Word; width: number; stretch: number }
  | { type: 'glue'; width: number; stretch: number; shrink: number }
  | { type: 'penalty'; width: number; penalty: number; flagged: boolean; hyphen?: Piece }

interface Node {
  position: number
  line: number
  fitness: number
  width: number
  stretch: number
  shrink: number
  demerits: number
  previous: Node | undefined
}

/**
 * Breaks a justified paragraph with Knuth and Plass's total-fit algorithm: of all the ways to break
 * it, the one whose word spaces stay closest to the font's space, a hyphen costing a little, two
 * hyphenated lines in a row more. Words are hyphenated only where that is needed to keep every line's
 * spaces within twice the font's space; a paragraph that cannot be set so is set as evenly as possible.
 */
export function breakJustified(words: readonly Word[], width: number, firstWidth: number, size: number, hyphenate: (word: Word) => Syllables | undefined, split?: (word: Word, width: number) => Word[]): Line[] {
  const all = splitWide(words, Math.min(width, firstWidth), split)
  const tracking = size * trackingFactor
  const plain = items(all, () => undefined, tracking)
  const lines =
    totalFit(plain, width, firstWidth, 2) ?? totalFit(items(all, hyphenate, tracking), width, firstWidth, 2) ?? totalFit(items(all, hyphenate, tracking), width, firstWidth, Infinity)
  return lines ?? breakLines(all, width, firstWidth)
}

function splitWide(words: readonly Word[], room: number, split?: (word: Word, width: number) => Word[]): readonly Word[] {
  return split ? words.flatMap((word) => (word.width > room ? split(word, room) : [word])) : words
}

function items(words: readonly Word[], hyphenate: (word: Word) => Syllables | undefined, tracking: number): Item[] {
  const list: Item[] = []
  words.forEach((word, index) => {
    const syllables = hyphenate(word)
    if (syllables && syllables.parts.length > 1) {
      syllables.parts.forEach((part, at) => {
        list.push({ type: 'box', word: index, part, width: part.width, stretch: letterCount(part) * tracking })
        const hyphen = syllables.hyphens[at]
        if (hyphen) list.push({ type: 'penalty', width: hyphen.width, penalty: hyphenPenalty, flagged: true, hyphen })
      })
    } else list.push({ type: 'box', word: index, part: word, width: word.width, stretch: letterCount(word) * tracking })
    if (word.space && index < words.length - 1) list.push({ type: 'glue', width: word.space.width, stretch: word.space.width * stretchFactor, shrink: word.space.width * shrinkFactor })
  })
  // The last line is ragged: a glue that stretches without limit, then a forced break.
  list.push({ type: 'glue', width: 0, stretch: Infinity, shrink: 0 })
  list.push({ type: 'penalty', width: 0, penalty: -Infinity, flagged: false })
  return list
}

function totalFit(list: readonly Item[], width: number, firstWidth: number, tolerance: number): Line[] | undefined {
  let sumWidth = 0
  let sumStretch = 0
  let sumShrink = 0
  let active: Node[] = [{ position: -1, line: 0, fitness: 1, width: 0, stretch: 0, shrink: 0, demerits: 0, previous: undefined }]
  for (let index = 0; index < list.length; index++) {
    const item = list[index]!
    const breakable = item.type === 'penalty' ? item.penalty < Infinity : item.type === 'glue' && list[index - 1]?.type === 'box'
    if (breakable) {
      const penalty = item.type === 'penalty' ? item : undefined
      const best: (Node | undefined)[] = [undefined, undefined, undefined, undefined]
      const survivors: Node[] = []
      for (const node of active) {
        const available = node.line === 0 ? firstWidth : width
        const natural = sumWidth - node.width + (penalty?.width ?? 0)
        let ratio = 0
        if (natural < available) {
          const stretch = sumStretch - node.stretch
          ratio = stretch > 0 ? (available - natural) / stretch : Infinity
        } else if (natural > available) {
          const shrink = sumShrink - node.shrink
          ratio = shrink > 0 ? (available - natural) / shrink : -Infinity
        }
        const forced = penalty?.penalty === -Infinity
        if (ratio >= -1 && !forced) survivors.push(node)
        if (ratio < -1 || ratio > tolerance) continue
        const badness = Number.isFinite(ratio) ? 100 * Math.abs(ratio) ** 3 : 10000
        let demerits = (linePenalty + badness) ** 2
        if (penalty && penalty.penalty >= 0) demerits += penalty.penalty ** 2
        else if (penalty && penalty.penalty > -Infinity) demerits -= penalty.penalty ** 2
        const previousItem = node.position >= 0 ? list[node.position] : undefined
        if (penalty?.flagged && previousItem?.type === 'penalty' && previousItem.flagged) demerits += flaggedDemerits
        const fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3
        if (Math.abs(fitness - node.fitness) > 1) demerits += fitnessDemerits
        demerits += node.demerits
        const current = best[fitness]
        if (!current || demerits < current.demerits) {
          best[fitness] = { position: index, line: node.line + 1, fitness, width: 0, stretch: 0, shrink: 0, demerits, previous: node }
        }
      }
      active = survivors
      const after = totalsAfter(list, index, sumWidth, sumStretch, sumShrink)
      for (const node of best) if (node) active.push({ ...node, ...after })
      if (active.length === 0) return undefined
    }
    if (item.type === 'box') {
      sumWidth += item.width
      sumStretch += item.stretch
    } else if (item.type === 'glue') {
      sumWidth += item.width
      sumStretch += item.stretch
      sumShrink += item.shrink
    }
  }
  const last = active.filter((node) => node.position === list.length - 1).sort((a, b) => a.demerits - b.demerits)[0]
  return last ? linesOf(list, last) : undefined
}

// The totals a line starting after a break at `index` is measured from: the glue and penalties that
// follow the break are dropped with it.
function totalsAfter(list: readonly Item[], index: number, width: number, stretch: number, shrink: number): Pick<Node, 'width' | 'stretch' | 'shrink'> {
  for (let next = index; next < list.length; next++) {
    const item = list[next]!
    if (item.type === 'box') break
    if (item.type === 'penalty' && next > index && item.penalty === -Infinity) break
    if (item.type === 'glue') {
      width += item.width
      stretch += item.stretch
      shrink += item.shrink
    }
  }
  return { width, stretch, shrink }
}

function linesOf(list: readonly Item[], last: Node): Line[] {
  const breaks: number[] = []
  for (let node: Node | undefined = last; node && node.position >= 0; node = node.previous) breaks.unshift(node.position)
  const lines: Line[] = []
  let start = 0
  for (const end of breaks) {
    const words: Word[] = []
    let word = -1
    for (let index = start; index < end; index++) {
      const item = list[index]!
      if (item.type !== 'box') continue
      if (item.word === word) {
        // Parts of one word set on one line are one word again.
        const joined = words[words.length - 1]!
        words[words.length - 1] = { pieces: [...joined.pieces, ...item.part.pieces], width: joined.width + item.part.width, space: item.part.space }
      } else words.push(item.part)
      word = item.word
    }
    const closing = list[end]!
    const hyphen = closing.type === 'penalty' ? closing.hyphen : undefined
    if (words.length > 0) {
      const natural = words.reduce((sum, each, index) => sum + each.width + (index < words.length - 1 ? (each.space?.width ?? 0) : 0), 0)
      lines.push(hyphen ? { words, width: natural + hyphen.width, hyphen } : { words, width: natural })
    }
    start = end + 1
  }
  return lines
}
