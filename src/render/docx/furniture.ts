import { Footer, Header, PageNumber, Paragraph, type ParagraphChild, TextRun } from 'docx'
import type { Locale } from '../../i18n/types.js'
import { paragraphStyle } from './styles.js'

// Numbers no real page count reaches, so the locale's wording can be cut around them.
const PAGE = 900001
const TOTAL = 900002

/**
 * The runs of the localized page number ("3/5") with the PAGE and NUMPAGES fields where the numbers go, so Word
 * counts the pages itself.
 * @param locale the document's locale, whose `pageNumber` gives the wording
 * @returns docx paragraph children
 */
export function pageNumberRuns(locale: Locale): ParagraphChild[] {
  const wording = locale.pageNumber(PAGE, TOTAL)
  const children: ParagraphChild[] = []
  for (const part of wording.split(new RegExp(`(${PAGE}|${TOTAL})`))) {
    if (part === String(PAGE)) children.push(new TextRun({ children: [PageNumber.CURRENT] }))
    else if (part === String(TOTAL)) children.push(new TextRun({ children: [PageNumber.TOTAL_PAGES] }))
    else if (part) children.push(new TextRun({ text: part }))
  }
  return children
}

/**
 * The footer of every page: the localized page number.
 * @param locale the document's locale
 * @returns a docx footer
 */
export function pageFooter(locale: Locale): Footer {
  return new Footer({ children: [new Paragraph({ style: paragraphStyle.footer, children: pageNumberRuns(locale) })] })
}

/**
 * A header holding one line of text (a letter's reference on the pages after the first), or an empty styled
 * paragraph for a first page that has none.
 * @param text the header's text
 * @returns a docx header
 */
export function pageHeader(text = ''): Header {
  return new Header({ children: [new Paragraph({ style: paragraphStyle.header, children: text ? [new TextRun({ text })] : [] })] })
}
