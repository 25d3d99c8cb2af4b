import type { Issue } from '../model/issues.js'

/** The issue of a character that no font of the document has a glyph for: it would print as an empty box. */
export function missingGlyphIssue(character: string): Issue {
  const codePoint = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
  return { code: 'missing_glyph', message: `character "${character}" (${codePoint}) is in none of the document's fonts and would print as an empty box`, path: [] }
}
