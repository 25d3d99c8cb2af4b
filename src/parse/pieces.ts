import type { Node, Root, RootContent } from 'mdast'

// A long document is read in pieces: the Markdown parser keeps every token of its input alive until
// the tree is built, so a 6 MB source held about 150 MB of tokens at once. Pieces are cut only where
// reading them apart gives the very tree that reading the whole gives (same nodes, same positions).

/** Sources shorter than this are read whole: a piece costs a fixed setup, and short ones gain nothing. */
export const pieceSize = 128 * 1024

// A construct that may run across a blank line and a line at the left margin: fenced code, the HTML
// blocks that end only at their closing mark, and, anywhere in the text, definitions (`[x]: url` and
// `[^1]: note`), which the parser resolves across the whole document. A source with any of them is read whole.
const spansBlankLines = /^[ \t>*+\-\d.)]*[<`~]|\]:/m

// A line that can only open a new top-level block after a blank line: a heading, or a paragraph
// starting with a letter or with emphasis on a letter (not a list marker, block quote, rule or code).
const opensTopLevel = /^(?:#{1,6}[ \t]|\*{1,2}\p{L}|\p{L})/u

/** Where a source may be cut: offsets of lines that follow a blank line and can only open a top-level block. */
export function pieceStarts(text: string, size: number = pieceSize): number[] {
  if (text.length < 2 * size || spansBlankLines.test(text)) return []
  // Never inside the front matter: the first cut comes after its closing `---` line.
  let from = 0
  if (text.startsWith('---')) {
    const close = /\n---[ \t]*(?=\n|$)/.exec(text.slice(3))
    if (!close) return []
    from = 3 + close.index + close[0].length
  }
  const starts: number[] = []
  let last = 0
  for (let at = text.indexOf('\n\n', Math.max(from, size)); at !== -1; at = text.indexOf('\n\n', at + 1)) {
    const start = at + 2
    if (start - last < size || text.length - start < size) continue
    if (!opensTopLevel.test(text.slice(start, start + 8))) continue
    starts.push(start)
    last = start
  }
  return starts
}

type Positioned = { position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } } }

/** Moves the positions of a piece's nodes to where the piece is in the whole source. */
function shift(node: Node, lines: number, offset: number): void {
  const stack: Node[] = [node]
  while (stack.length) {
    const current = stack.pop()! as Node & Positioned
    const position = current.position
    if (position) {
      current.position = {
        start: { line: position.start.line + lines, column: position.start.column, ...(position.start.offset === undefined ? {} : { offset: position.start.offset + offset }) },
        end: { line: position.end.line + lines, column: position.end.column, ...(position.end.offset === undefined ? {} : { offset: position.end.offset + offset }) },
      }
    }
    const children = (current as { children?: Node[] }).children
    if (children) for (const child of children) stack.push(child)
  }
}

/**
 * Parses a Markdown source piece by piece where it can be cut (see `pieceStarts`), so that the parser's
 * tokens of one piece are garbage before the next is read; a short source is parsed whole.
 * @param text the Markdown source
 * @param parse the Markdown parser, from source to mdast root
 * @param size the shortest piece (`pieceSize` unless a test asks for small ones)
 * @returns the tree of the whole source, with positions in the whole source
 */
export function parseInPieces(text: string, parse: (text: string) => Root, size: number = pieceSize): Root {
  const starts = pieceStarts(text, size)
  if (!starts.length) return parse(text)
  const children: RootContent[] = []
  let lines = 0
  let lineCountedTo = 0
  let first: Root | undefined
  let last: Root | undefined
  for (const [index, start] of [0, ...starts].entries()) {
    const end = starts[index] ?? text.length
    for (let at = text.indexOf('\n', lineCountedTo); at !== -1 && at < start; at = text.indexOf('\n', at + 1)) lines++
    lineCountedTo = start
    const piece = parse(text.slice(start, end))
    if (index > 0) shift(piece, lines, start)
    for (const child of piece.children) children.push(child)
    first ??= piece
    last = piece
  }
  const position = first?.position && last?.position ? { start: first.position.start, end: last.position.end } : undefined
  return { type: 'root', children, ...(position ? { position } : {}) }
}
