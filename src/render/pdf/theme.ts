import { marginPoints, type HouseStyle } from '../house-style.js'
import type { BlockStyle } from './flow.js'

/** Page sizes the renderer offers, in points. */
export const pageSizes = {
  A4: [595.28, 841.89],
  LETTER: [612, 792],
} as const

/** A page size name. */
export type PageSize = keyof typeof pageSizes

/** The block styles, page margins and furniture sizes of one house style, in points. */
export interface Theme {
  styles: Record<'title' | 'heading' | 'body' | 'item' | 'plain' | 'annexTitle' | 'note', BlockStyle>
  margins: { top: number; bottom: number; left: number; right: number }
  labelWidth: number
  footerSize: number
  colours: HouseStyle['colours']
}

/** The PDF theme of a house style: one body size and leading for letter and declaration alike, headings at the body size in bold, footnotes at the small size. */
export function themeOf(house: HouseStyle): Theme {
  const { body: size, title, heading, small } = house.sizes
  const leading = Math.round(size * house.leading * 10) / 10
  const body = { size, leading }
  return {
    styles: {
      title: { size: title, leading: Math.round(title * house.leading * 10) / 10, align: 'center', spaceBefore: 0, spaceAfter: 16 },
      heading: { size: heading, leading: Math.round(heading * house.leading * 10) / 10, align: 'left', spaceBefore: 14, spaceAfter: 6 },
      body: { ...body, align: 'justify', spaceBefore: 0, spaceAfter: Math.round(leading / 2) },
      item: { ...body, align: 'justify', spaceBefore: 0, spaceAfter: Math.round(leading * 0.4) },
      plain: { ...body, align: 'left', spaceBefore: 0, spaceAfter: 0 },
      annexTitle: { ...body, align: 'center', spaceBefore: 0, spaceAfter: 18 },
      note: { size: small, leading: Math.round(small * house.leading * 10) / 10, align: 'justify', spaceBefore: 0, spaceAfter: 2 },
    },
    margins: marginPoints(house),
    labelWidth: Math.round(size * 3.2),
    footerSize: small,
    colours: house.colours,
  }
}
