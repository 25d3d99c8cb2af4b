import { localeFor } from '../i18n/index.js'

/**
 * Words of the diff reports that the shared locales do not carry yet, keyed by locale code; the
 * shared labels (objective, preambular clause, section …) come from `localeFor`.
 */
const diffLabels = {
  en: {
    title: 'Title',
    sectionTitle: 'title',
    paragraph: 'paragraph',
    item: 'item',
    addressee: 'Addressee',
    office: 'Office',
    date: 'Date line',
    salutation: 'Salutation',
    body: 'Paragraph',
    signatoryName: 'Signatory',
    signatoryTitle: 'Signatory’s title',
    report: 'Changes',
    alignment: 'Alignment',
    kinds: { added: 'added', removed: 'removed', modified: 'modified', moved: 'moved', unchanged: 'unchanged' },
    was: 'was',
    typographyOnly: 'typography only',
    fallback: 'whole clause replaced',
    noChanges: 'No changes.',
    clause: 'Clause',
    status: { same: 'matched', missing: 'missing in target', extra: 'only in target', structure: 'different structure' },
  },
  fr: {
    title: 'Titre',
    sectionTitle: 'titre',
    paragraph: 'paragraphe',
    item: 'point',
    addressee: 'Destinataire',
    office: 'Service',
    date: 'Ligne de date',
    salutation: 'Formule d’appel',
    body: 'Paragraphe',
    signatoryName: 'Signataire',
    signatoryTitle: 'Titre du signataire',
    report: 'Modifications',
    alignment: 'Alignement',
    kinds: { added: 'ajoutés', removed: 'supprimés', modified: 'modifiés', moved: 'déplacés', unchanged: 'inchangés' },
    was: 'auparavant',
    typographyOnly: 'typographie seulement',
    fallback: 'alinéa remplacé en entier',
    noChanges: 'Aucune modification.',
    clause: 'Élément',
    status: { same: 'apparié', missing: 'absent de la cible', extra: 'seulement dans la cible', structure: 'structure différente' },
  },
}

/** The shape of the diff-only words of one language. */
export type DiffLabels = (typeof diffLabels)['en']

/** The shared locale and the diff words for a BCP 47 tag (English for languages without them). */
export function diffLocale(language: string) {
  const locale = localeFor(language)
  const words: DiffLabels = (diffLabels as Record<string, DiffLabels>)[locale.code] ?? diffLabels.en
  return { locale, words }
}
