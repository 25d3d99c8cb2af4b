import { isoParts, readDayMonthYear } from './dates.js'
import type { Locale } from './types.js'

const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] as const

/** French labels and dates ("Genève, le 7 novembre 2024", "le 1er …"), as ITU circular letters print them. */
export const fr = {
  code: 'fr',
  labels: {
    reference: 'Référence',
    tel: 'Tél.',
    fax: 'Fax',
    email: 'Courriel',
    contact: 'Contact',
    subject: 'Objet',
    annex: 'Annexe',
    signed: '(signé)',
    separator: ': ',
    annexSeparator: ' – ',
    preambularClause: 'Alinéa du préambule',
    objective: 'Objectif',
    section: 'Section',
    opening: 'Formule d’ouverture',
    chapeau: 'Chapeau',
    endorsement: 'Approbation',
    contents: 'Table des matières',
  },
  parts: {
    title: 'Titre',
    sectionTitle: 'titre',
    lead: 'formule initiale',
    paragraph: 'paragraphe',
    item: 'point',
    addressee: 'Destinataire',
    office: 'Service',
    dateLine: 'Ligne de date',
    place: 'Lieu de la ligne de date',
    salutation: 'Formule d’appel',
    body: 'Paragraphe',
    signatoryName: 'Signataire',
    signatoryTitle: 'Titre du signataire',
    preface: 'Ligne de préface',
    subtitle: 'Sous-titre',
    formula: 'Formule',
    operative: 'Paragraphe',
    intro: 'Phrase introductive',
    heading: 'Titre',
    closing: 'Ligne finale',
    footnote: 'Note',
    annex: 'Annexe',
    exampleLead: 'Considérant',
    exampleVerb: 'Décide',
  },
  report: {
    changes: 'Modifications',
    alignment: 'Alignement',
    kinds: { added: 'ajoutés', removed: 'supprimés', modified: 'modifiés', moved: 'déplacés', unchanged: 'inchangés' },
    was: 'auparavant',
    typographyOnly: 'typographie seulement',
    fallback: 'alinéa remplacé en entier',
    noChanges: 'Aucune modification.',
    clause: 'Élément',
    status: { same: 'apparié', missing: 'absent de la cible', extra: 'seulement dans la cible', structure: 'structure différente', untranslated: 'non traduit' },
    sourceChanged: 'Source modifiée depuis la traduction précédente',
  },
  months,
  day: (day) => (day === 1 ? '1er' : String(day)),
  dateLine(place, isoDate) {
    const { year, month, day } = isoParts(isoDate)
    return `${place}, le ${day === 1 ? '1er' : day} ${months[month - 1]} ${year}`
  },
  parseDateLine(line) {
    const match = /^(.+?),\s+le\s+(.+)$/u.exec(line.trim())
    if (!match) return undefined
    const date = readDayMonthYear(match[2]!.replace(/^1er(?=\s)/u, '1'), months, '\\d{1,2}')
    return date ? { place: match[1]!, date } : undefined
  },
  pageNumber: (page, total) => `${page}/${total}`,
} satisfies Locale
