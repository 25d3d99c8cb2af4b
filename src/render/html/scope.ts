import { localeFor } from '../../i18n/index.js'
import type { Locale } from '../../i18n/types.js'
import { htmlLabels, type HtmlLabels } from './labels.js'

/** What the block handlers of one document need: its words, its id prefix and its heading depth. */
export interface Scope {
  locale: Locale
  labels: HtmlLabels
  /** The page id of a clause id (prefixed inside a letter's annex, so ids stay unique on the page). */
  id(id: string): string
  /** The heading level of the document's title (1 on its own, 3 inside a letter's annex). */
  level: number
}

/** A scope for a document in the given language. */
export function scopeFor(language: string, level: number, prefix = ''): Scope {
  return { locale: localeFor(language), labels: htmlLabels(language), id: (id) => `${prefix}${id}`, level }
}

/** A heading element at a level capped at 6. */
export function heading(level: number, attributes: string, content: string): string {
  const tag = `h${Math.min(level, 6)}`
  return `<${tag}${attributes}>${content}</${tag}>`
}
