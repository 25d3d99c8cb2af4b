/**
 * The limits that keep a hostile or broken input from exhausting memory, time or the stack; each is
 * reported as an issue naming the limit, and the README lists them under "Limits and security".
 */
export const limits = {
  /** Largest Markdown source read by `parse…` (bytes of UTF-8, or UTF-16 code units of a string). */
  sourceSize: 4_000_000,
  /** Deepest nesting of lists and block quotes in a source, checked before the Markdown parser runs. */
  nesting: 32,
  /** Most emphasis and link markers (`*`, `_`, `[`) in one paragraph of a source. */
  inlineMarkers: 400,
  /** Deepest nesting of objects and arrays in a document built in code (inline emphasis within emphasis …). */
  modelDepth: 200,
  /** Longest id of a document, clause or annex. */
  idLength: 100,
  /** Longest word the PDF sets whole; a longer one is broken across lines. */
  wordLength: 200,
  /** Largest XLIFF read by `fromXliff` (UTF-16 code units). */
  xliffSize: 16_000_000,
  /** Most units an XLIFF may hold. */
  xliffUnits: 50_000,
} as const

/** A byte count as a person reads it: "4 MB", "512 kB", "200 B". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${+(bytes / 1_000_000).toFixed(1)} MB`
  if (bytes >= 1000) return `${+(bytes / 1000).toFixed(1)} kB`
  return `${bytes} B`
}

/**
 * The words of a document longer than `limits.wordLength` characters (the PDF breaks them across
 * lines), each once, found without recursion.
 * @param doc a document, or any part of one
 * @returns the over-long words in document order
 */
export function overlongWords(doc: unknown): string[] {
  const found = new Set<string>()
  const stack: unknown[] = [doc]
  while (stack.length) {
    const node = stack.pop()
    if (typeof node === 'string') {
      if (node.length <= limits.wordLength) continue
      for (const word of node.split(/\s+/u)) if ([...word].length > limits.wordLength) found.add(word)
    } else if (typeof node === 'object' && node !== null) {
      stack.push(...Object.values(node).reverse())
    }
  }
  return [...found]
}
