import type { BlockStyle } from './flow.js'

/** Page sizes the renderer offers, in points. */
export const pageSizes = {
  A4: [595.28, 841.89],
  LETTER: [612, 792],
} as const

/** A page size name. */
export type PageSize = keyof typeof pageSizes

/** Page margins in points: 2.5 cm at the sides, room at the foot for the page number. */
export const margins = { top: 64, bottom: 72, left: 71, right: 71 }

const body = { size: 10.5, leading: 14.5 }

/** The block styles of both document types, in one place so that letter and declaration match. */
export const styles = {
  title: { size: 14, leading: 18, align: 'center', spaceBefore: 0, spaceAfter: 16 },
  heading: { ...body, size: 11, align: 'left', spaceBefore: 14, spaceAfter: 6 },
  body: { ...body, align: 'justify', spaceBefore: 0, spaceAfter: 7 },
  item: { ...body, align: 'justify', spaceBefore: 0, spaceAfter: 6 },
  plain: { ...body, align: 'left', spaceBefore: 0, spaceAfter: 0 },
  annexTitle: { ...body, size: 11, align: 'center', spaceBefore: 0, spaceAfter: 18 },
} satisfies Record<string, BlockStyle>

/** Width of the column that holds list labels (I., II., …, VIII.). */
export const labelWidth = 34

/** Text size of page numbers. */
export const footerSize = 9
