import { en } from './en.js'
import { fr } from './fr.js'
import type { Locale } from './types.js'

/** The locales this library ships, keyed by primary language subtag. */
export const locales: Readonly<Record<string, Locale>> = { en, fr }

/** The locale for a BCP 47 tag (`fr-CH` -> French), or `undefined` when none is shipped. */
export function findLocale(language: string): Locale | undefined {
  return locales[language.split('-')[0]!.toLowerCase()]
}

/** The locale for a BCP 47 tag, falling back to English for languages without one. */
export function localeFor(language: string): Locale {
  return findLocale(language) ?? en
}
