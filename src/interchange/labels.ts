import { localeFor } from '../i18n/index.js'
import type { Locale } from '../i18n/types.js'

/**
 * Words of the translator notes that the shared locales do not carry, keyed by locale code; the
 * shared labels (objective, preambular clause, section …) come from `localeFor`.
 */
const noteWords = {
  en: {
    title: 'Title',
    lead: 'lead phrase',
    heading: 'title',
    paragraph: 'paragraph',
    item: 'item',
    addressee: 'Addressee',
    office: 'Office',
    place: 'Place in the date line',
    salutation: 'Salutation',
    body: 'Paragraph',
    signatoryTitle: 'Signatory’s title',
    sourceChanged: 'Source changed since the previous translation',
  },
  fr: {
    title: 'Titre',
    lead: 'formule initiale',
    heading: 'titre',
    paragraph: 'paragraphe',
    item: 'point',
    addressee: 'Destinataire',
    office: 'Service',
    place: 'Lieu de la ligne de date',
    salutation: 'Formule d’appel',
    body: 'Paragraphe',
    signatoryTitle: 'Titre du signataire',
    sourceChanged: 'Source modifiée depuis la traduction précédente',
  },
}

/** The words of one language's translator notes. */
export type NoteWords = (typeof noteWords)['en']

/** The shared locale and the note words for a BCP 47 tag (English for languages without them). */
export function noteLocale(language: string): { locale: Locale; words: NoteWords } {
  const locale = localeFor(language)
  const words = (noteWords as Record<string, NoteWords>)[locale.code] ?? noteWords.en
  return { locale, words }
}
