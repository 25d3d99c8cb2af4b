import { isoParts, readDayMonthYear } from './dates.js'
import type { Locale } from './types.js'

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const

/** English labels and dates ("Geneva, 7 November 2024"). */
export const en = {
  code: 'en',
  labels: {
    reference: 'Reference',
    tel: 'Tel.',
    fax: 'Fax',
    email: 'E-mail',
    contact: 'Contact',
    subject: 'Subject',
    annex: 'Annex',
    signed: '(signed)',
    separator: ': ',
    annexSeparator: ' – ',
    preambularClause: 'Preambular clause',
    objective: 'Objective',
    section: 'Section',
    opening: 'Opening formula',
    chapeau: 'Chapeau',
    endorsement: 'Endorsement',
    contents: 'Contents',
  },
  parts: {
    title: 'Title',
    sectionTitle: 'title',
    lead: 'lead phrase',
    paragraph: 'paragraph',
    item: 'item',
    addressee: 'Addressee',
    office: 'Office',
    dateLine: 'Date line',
    place: 'Place in the date line',
    salutation: 'Salutation',
    body: 'Paragraph',
    signatoryName: 'Signatory',
    signatoryTitle: 'Signatory’s title',
    preface: 'Preface line',
    subtitle: 'Subtitle',
    formula: 'Formula',
    operative: 'Paragraph',
    intro: 'Lead-in',
    heading: 'Heading',
    closing: 'Closing line',
    footnote: 'Footnote',
    annex: 'Annex',
    exampleLead: 'Recognising',
    exampleVerb: 'Decides',
  },
  report: {
    changes: 'Changes',
    alignment: 'Alignment',
    kinds: { added: 'added', removed: 'removed', modified: 'modified', moved: 'moved', unchanged: 'unchanged' },
    was: 'was',
    typographyOnly: 'typography only',
    fallback: 'whole clause replaced',
    noChanges: 'No changes.',
    clause: 'Clause',
    status: { same: 'matched', missing: 'missing in target', extra: 'only in target', structure: 'different structure', untranslated: 'untranslated' },
    sourceChanged: 'Source changed since the previous translation',
  },
  months,
  day: (day) => String(day),
  dateLine(place, isoDate) {
    const { year, month, day } = isoParts(isoDate)
    return `${place}, ${day} ${months[month - 1]} ${year}`
  },
  parseDateLine(line) {
    const match = /^(.+?),\s+(.+)$/u.exec(line.trim())
    if (!match) return undefined
    const date = readDayMonthYear(match[2]!, months, '\\d{1,2}')
    return date ? { place: match[1]!, date } : undefined
  },
  pageNumber: (page, total) => `${page}/${total}`,
} satisfies Locale
