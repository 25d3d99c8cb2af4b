const NBSP = '\u00A0'
const NNBSP = '\u202F'

/**
 * Applies French typographic spacing to a translator's text: a narrow no-break space before `; ! ?`,
 * a no-break space before `:` and inside « », and the typographic apostrophe. Opt-in: the bundled
 * letter keeps the characters of its official text.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/(\p{L})'(?=\p{L})/gu, '$1’')
    .replace(/[ \u00A0\u202F]*([;!?])/gu, (match, mark: string, offset: number) => (offset === 0 ? match : `${NNBSP}${mark}`))
    .replace(/(?<!https?|mailto|\d)[ \u00A0\u202F]*:(?!\/\/|\d)/gu, (match, offset: number) => (offset === 0 ? match : `${NBSP}:`))
    .replace(/«[ \u00A0\u202F]*/gu, `«${NBSP}`)
    .replace(/[ \u00A0\u202F]*»/gu, `${NBSP}»`)
}
