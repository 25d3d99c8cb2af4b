/** Words an HTML page needs beyond the printed text: names of parts for assistive technology. */
export interface HtmlLabels {
  footnotes: string
  /** The name of a footnote's back-link. */
  backToReference(label: string): string
  /** The name of a footnote reference. */
  footnote(label: string): string
}

const en: HtmlLabels = {
  footnotes: 'Footnotes',
  backToReference: (label) => `Back to reference ${label}`,
  footnote: (label) => `Footnote ${label}`,
}

const fr: HtmlLabels = {
  footnotes: 'Notes',
  backToReference: (label) => `Retour à l’appel de note ${label}`,
  footnote: (label) => `Note ${label}`,
}

const byLanguage: Readonly<Record<string, HtmlLabels>> = { en, fr }

/** The page labels for a BCP 47 tag, English for languages without their own. */
export function htmlLabels(language: string): HtmlLabels {
  return byLanguage[language.split('-')[0]!.toLowerCase()] ?? en
}
