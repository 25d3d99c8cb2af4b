import type { z } from 'zod'

// Code points no output can carry: C0 controls other than tab and line feed (XML 1.0 forbids them, a
// PDF text layer drops them), noncharacters (U+FFFE, U+FFFF, U+FDD0…U+FDEF, U+nFFFE/U+nFFFF) and
// surrogates that are not part of a pair (no UTF-8 or UTF-16 file can hold them).
const forbidden = /[\u0000-\u0008\u000B-\u001F\p{Noncharacter_Code_Point}\p{Cs}]/u

/** The name of a code point as the Unicode standard writes it: `U+FFFE`. */
export function codePointName(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
}

/**
 * The first character of `text` that no output can carry, with its index and a name for messages
 * ("control character U+0001", "noncharacter U+FFFE", "lone surrogate U+D800"), or `undefined`.
 */
export function forbiddenCharacter(text: string): { index: number; name: string } | undefined {
  const match = forbidden.exec(text)
  if (!match) return undefined
  const character = match[0]
  const kind = character < '\u0020' ? 'control character' : /\p{Cs}/u.test(character) ? 'lone surrogate' : 'noncharacter'
  return { index: match.index, name: `${kind} ${codePointName(character)}` }
}

/** Removes the characters no output can carry (for writers given text that was never validated). */
export function withoutForbidden(text: string): string {
  return forbidden.test(text) ? text.replace(new RegExp(forbidden.source, 'gu'), '') : text
}

/** A zod check that rejects text holding a character no output can carry, naming it and where it is. */
export function printable(context: z.core.ParsePayload<string>): void {
  const found = forbiddenCharacter(context.value)
  if (found) {
    context.issues.push({
      code: 'custom',
      message: `contains the ${found.name} at character ${found.index + 1}; no output can carry it`,
      input: context.value,
      params: { code: 'invalid_character' },
    })
  }
}
