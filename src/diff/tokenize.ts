/**
 * Splits text into diff tokens, keeping every character: runs of letters, digits and combining marks
 * (so a decomposed "é" stays inside its word), runs of one kind of white space (U+0020, U+00A0 and
 * U+202F are never merged), and each other character alone (so ' and ’ are tokens of their own).
 * Joining the tokens gives the text back unchanged.
 */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}]+|(\s)\1*|[^]/gsu) ?? []
}

/** The key a token is compared by: its NFC form, so composed and decomposed accents compare equal. */
export function tokenKey(token: string): string {
  return token.normalize('NFC')
}

/**
 * Folds the typography a translator may change without changing the words: NFC, every kind of space
 * as one U+0020, ’ and ‘ as ', no space before ; : ! ? » or after «.
 */
export function foldTypography(text: string): string {
  // Most clauses are plain ASCII with single spaces: nothing to fold, and this runs on every clause.
  if (!/[^\x20-\x7E]| {2}| [;:!?]/.test(text)) return text.trim()
  return text
    .normalize('NFC')
    .replace(/[‘’]/gu, "'")
    .replace(/[\s\u00A0\u202F]+/gu, ' ')
    .replace(/ (?=[;:!?»])/gu, '')
    .replace(/« /gu, '«')
    .trim()
}

/** Whether two different texts differ only in typography (see `foldTypography`). */
export function isTypographyOnly(oldText: string, newText: string): boolean {
  return oldText !== newText && foldTypography(oldText) === foldTypography(newText)
}

/** The words of a text for similarity: folded, lower-cased, without spaces and punctuation. */
export function similarityWords(text: string): string[] {
  return foldTypography(text).toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? []
}
