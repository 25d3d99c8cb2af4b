import { AlignmentType, type INumberingOptions, LevelFormat } from 'docx'
import { toRoman } from '../../model/roman.js'
import type { PrintedBlock } from '../../model/walk.js'

/** The references of the document's lists, for a paragraph's `numbering`. */
export const list = {
  /** The letter's addressees, a dashed list as in ITU circular letters. */
  addressees: 'addressees',
} as const

/** The number formats of declaration lists that Word generates: "1.", "I.", "A.", "(a)", "(i)", "(1)" and bullets. */
const formats = {
  decimal: { format: LevelFormat.DECIMAL, text: (level: number) => `%${level + 1}.`, number: (n: number) => `${n}.` },
  upperRoman: { format: LevelFormat.UPPER_ROMAN, text: (level: number) => `%${level + 1}.`, number: (n: number) => `${toRoman(n)}.` },
  upperLetter: { format: LevelFormat.UPPER_LETTER, text: (level: number) => `%${level + 1}.`, number: (n: number) => `${letter(n).toUpperCase()}.` },
  lowerLetter: { format: LevelFormat.LOWER_LETTER, text: (level: number) => `(%${level + 1})`, number: (n: number) => `(${letter(n)})` },
  lowerRoman: { format: LevelFormat.LOWER_ROMAN, text: (level: number) => `(%${level + 1})`, number: (n: number) => `(${toRoman(n).toLowerCase()})` },
  decimalParen: { format: LevelFormat.DECIMAL, text: (level: number) => `(%${level + 1})`, number: (n: number) => `(${n})` },
  bullet: { format: LevelFormat.BULLET, text: () => '•', number: () => undefined },
} as const

/** A list format Word can number. */
export type ListFormat = keyof typeof formats

function letter(n: number): string {
  let out = ''
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) out = String.fromCharCode(97 + ((rest - 1) % 26)) + out
  return out
}

/** The numbering reference of a list format. */
export const numberingReference = (format: ListFormat): string => `list-${format}`

/**
 * The Word list format that prints a list item's own number, or `undefined` when Word cannot generate
 * it (a list that starts elsewhere than at one, an irregular sequence): that item prints its number as text.
 */
export function listFormat(block: PrintedBlock): ListFormat | undefined {
  const num = block.paragraph?.num
  if (num === undefined) return block.ordered ? undefined : 'bullet'
  const position = (block.path[block.path.length - 1] as number) + 1
  return (Object.keys(formats) as ListFormat[]).find((name) => formats[name].number(position) === num)
}

// One centimetre, the indent UN documents give list text; each level one more.
const indent = (level: number) => ({ left: 567 * (level + 1), hanging: 567 })

/**
 * The document's list definitions: one multi-level list for each number format declarations use, and the
 * letter's dashed list of addressees.
 * @returns docx numbering options
 */
export function documentNumbering(): INumberingOptions {
  return {
    config: [
      ...(Object.keys(formats) as ListFormat[]).map((name) => ({
        reference: numberingReference(name),
        levels: Array.from({ length: 9 }, (_, level) => ({
          level,
          format: formats[name].format,
          text: formats[name].text(level),
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: indent(level) } },
        })),
      })),
      {
        reference: list.addressees,
        levels: [{ level: 0, format: LevelFormat.BULLET, text: '–', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 284, hanging: 284 } } } }],
      },
    ],
  }
}
