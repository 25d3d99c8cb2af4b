/** Everything a renderer or parser needs that depends on the document's language. */
export interface Locale {
  /** Primary language subtag this locale serves (`en`, `fr`). */
  code: string
  /** Labels printed in letters and reports. */
  labels: {
    reference: string
    tel: string
    fax: string
    email: string
    contact: string
    subject: string
    annex: string
    signed: string
    /** Separator between a label and its value ("Objet: …"). */
    separator: string
    /** Separator between "Annexe" and the annex title. */
    annexSeparator: string
    preambularClause: string
    objective: string
    section: string
    opening: string
    chapeau: string
    endorsement: string
    contents: string
  }
  /** Names of the parts of a document, for labels in reports, redlines and translator notes. */
  parts: {
    title: string
    sectionTitle: string
    lead: string
    paragraph: string
    item: string
    addressee: string
    office: string
    dateLine: string
    place: string
    salutation: string
    body: string
    signatoryName: string
    signatoryTitle: string
    preface: string
    subtitle: string
    formula: string
    operative: string
    intro: string
    heading: string
    closing: string
    footnote: string
    annex: string
    /** An italic lead phrase of this language, for hints ("*Recognising* …", "*Considérant* …"). */
    exampleLead: string
    /** An operative verb of this language, for hints ("*Decides* to", "*Décide* de"). */
    exampleVerb: string
  }
  /** Words of change reports, bilingual tables and translator notes. */
  report: {
    changes: string
    alignment: string
    kinds: { added: string; removed: string; modified: string; moved: string; unchanged: string }
    was: string
    typographyOnly: string
    fallback: string
    noChanges: string
    clause: string
    status: { same: string; missing: string; extra: string; structure: string; untranslated: string }
    sourceChanged: string
  }
  /** Month names, January first. */
  months: readonly string[]
  /** The day of the month as written in dates ("1er" in French). */
  day(day: number): string
  /** Date line of a letter from its place and ISO date: "Genève, le 7 novembre 2024". */
  dateLine(place: string, isoDate: string): string
  /** Reads a date line back into place and ISO date, or `undefined` when it does not have this locale's shape. */
  parseDateLine(line: string): { place: string; date: string } | undefined
  /** Page number wording for page furniture: "2/5" style, localized. */
  pageNumber(page: number, total: number): string
}
