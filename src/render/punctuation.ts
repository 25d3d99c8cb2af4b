import type { Document } from '../model/document.js'
import type { AnnexOptions } from './annexes.js'
import type { HouseStyle } from './house-style.js'

// A hyphen with a space on each side, between two words (or numbers, or punctuation): the typist's stand-in for a dash.
const spacedHyphen = /(?<=[^\s-]) - (?=[^\s-])/gu

// The string fields a renderer prints as they are (the rest of the text is in `text` nodes); ids, numbers,
// references, dates, addresses and URLs are never touched.
const printedFields = new Set(['title', 'heading', 'lead', 'subject', 'salutation', 'office', 'name'])

/** A text with typographic punctuation: an en dash with its spaces where a spaced hyphen stands between words. */
export function typographicText(text: string): string {
  return text.includes(' - ') ? text.replace(spacedHyphen, ' \u2013 ') : text
}

function mapPrinted(value: unknown, key: string | undefined, inText: boolean): unknown {
  if (typeof value === 'string') return inText || (key !== undefined && printedFields.has(key)) ? typographicText(value) : value
  if (Array.isArray(value)) return value.map((item) => mapPrinted(item, undefined, false))
  if (value === null || typeof value !== 'object') return value
  const text = (value as { type?: unknown }).type === 'text'
  return Object.fromEntries(Object.entries(value).map(([name, field]) => [name, mapPrinted(field, name, text && name === 'value')]))
}

/**
 * A copy of a document whose printed text uses typographic punctuation (an en dash for a spaced hyphen between
 * words), as a house style with `punctuation: "typographic"` asks; the bundled official texts keep their characters.
 * @param doc a validated document
 * @returns the same document with its printed text changed, ids and links untouched
 */
export function typographicPunctuation<T extends Document>(doc: T): T {
  return mapPrinted(doc, undefined, false) as T
}

/** The document and its annexes as the house style asks them printed: unchanged unless its punctuation is typographic. */
export function withHousePunctuation<T extends Document, O extends AnnexOptions>(doc: T, options: O, house: HouseStyle): { doc: T; options: O } {
  if (house.punctuation !== 'typographic') return { doc, options }
  return { doc: typographicPunctuation(doc), options: options.annexes ? { ...options, annexes: options.annexes.map((annex) => typographicPunctuation(annex)) } : options }
}
