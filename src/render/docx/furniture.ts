import { BorderStyle, Footer, Header, ImageRun, PageNumber, Paragraph, type ParagraphChild, TextRun } from 'docx'
import type { Locale } from '../../i18n/types.js'
import type { HouseStyle } from '../house-style.js'
import { emblemFormat, emblemRatio } from '../emblem.js'
import { bodyLeading, paragraphStyle, twipsPerMillimetre } from './styles.js'

/** How far below the paper's top edge the page headers start, in millimetres: half the top margin. */
export function headerDistance(house: HouseStyle): number {
  return house.margins.top / 2
}

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

/**
 * The first-page header of a letter: the organisation's name lines of the house style, the first in bold, over a rule,
 * with a PNG emblem before them.
 * @param house the house style
 * @param emblem the emblem's bytes (PNG; an SVG is not shown in the DOCX)
 * @returns a docx header
 */
export function letterheadHeader(house: HouseStyle, emblem?: Uint8Array): Header {
  const lines = house.letterhead?.lines ?? []
  const rule = { bottom: { style: BorderStyle.SINGLE, size: 4, space: 4, color: house.colours.rule.slice(1).toUpperCase() } }
  // The emblem, as tall as two lines of the name, opens the first line. Word wants a PNG beside an SVG
  // (its fallback), which takes a rasterizer this library does not carry: an SVG emblem is left out here.
  const height = Math.round(house.sizes.title * house.leading * 2 * (96 / 72))
  const last = Math.max(lines.length, 1) - 1
  const leading = bodyLeading(house)
  const image = emblem && emblemFormat(emblem) === 'png' ? new ImageRun({ type: 'png', data: emblem, transformation: { width: Math.round(height * emblemRatio(emblem)), height } }) : undefined
  return new Header({
    children: (lines.length ? lines : ['']).map(
      (text, index) =>
        new Paragraph({
          style: paragraphStyle.letterhead,
          children: [...(index === 0 && image ? [image, new TextRun({ text: '  ' })] : []), new TextRun({ text, ...(index === 0 ? {} : { bold: false }) })],
          ...(index === last ? { border: rule } : {}),
          // The letterhead starts at the top margin, where the PDF sets it, not at the headers' distance from the edge,
          // and a line of body text separates its rule from the letter, as in the PDF.
          spacing: { before: index === 0 ? Math.round((house.margins.top - headerDistance(house)) * twipsPerMillimetre) : 0, after: index === last ? leading : 0 },
        }),
    ),
  })
}

/**
 * The first-page footer of a letter: the address block of the house style, centred in small type under a rule.
 * @param house the house style
 * @returns a docx footer
 */
export function firstPageFooter(house: HouseStyle): Footer {
  const lines = house.footer?.lines ?? []
  const rule = { top: { style: BorderStyle.SINGLE, size: 4, space: 4, color: house.colours.rule.slice(1).toUpperCase() } }
  return new Footer({ children: lines.map((text, index) => new Paragraph({ style: paragraphStyle.footer, children: [new TextRun({ text })], ...(index === 0 ? { border: rule } : {}) })) })
}
