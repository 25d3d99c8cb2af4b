import { z } from 'zod'
import type { Issue } from '../model/issues.js'

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #rrggbb')
const points = (max: number) => z.number().positive().max(max)
const millimetres = z.number().min(0).max(100)

/**
 * The house style both the PDF and the DOCX renderer take: type face, sizes, leading, margins, paper,
 * colours, and a letter's letterhead and first-page footer. Every field has a default, so a house-style
 * file only names what it changes.
 */
export const houseStyleSchema = z
  .object({
    /** Paper size. */
    pageSize: z.enum(['A4', 'LETTER']).default('A4'),
    /** Page margins in millimetres. */
    margins: z
      .object({ top: millimetres.default(22), bottom: millimetres.default(25), left: millimetres.default(30), right: millimetres.default(30) })
      .strict()
      .prefault({}),
    /** The type family: its name in the DOCX (and in Word's font list); the PDF sets the font files it is given under it. */
    font: z.object({ family: z.string().min(1).default('Noto Serif') }).strict().prefault({}),
    /** Text sizes in points. */
    sizes: z
      .object({ body: points(30).default(11), title: points(40).default(14), heading: points(30).default(11), small: points(20).default(9) })
      .strict()
      .prefault({}),
    /** Line height as a multiple of the text size. */
    leading: z.number().min(1).max(3).default(1.32),
    /**
     * Punctuation as the source has it (`source`, the default: official texts keep their characters), or typographic:
     * an en dash for a spaced hyphen between words ("Genève - Suisse" prints "Genève – Suisse").
     */
    punctuation: z.enum(['source', 'typographic']).default('source'),
    /** Colours of text, rules and links. */
    colours: z.object({ text: colour.default('#000000'), rule: colour.default('#4d4d4d'), link: colour.default('#0563c1') }).strict().prefault({}),
    /** A letter's letterhead: the organisation's name lines at the head of page 1, and an emblem (PNG or SVG) beside them. */
    letterhead: z
      .object({
        lines: z.array(z.string().min(1)).default([]),
        /** Path of a PNG or SVG emblem, read by the CLI; relative to the house-style file. The DOCX shows a PNG only. */
        emblem: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    /** The address block at the foot of a letter's first page, one string a line. */
    footer: z.object({ lines: z.array(z.string().min(1)).default([]) }).strict().optional(),
  })
  .strict()

/** A house style, every field filled in. */
export type HouseStyle = z.infer<typeof houseStyleSchema>

/** What a house-style file may hold: any part of a house style. */
export type HouseStyleInput = z.input<typeof houseStyleSchema>

/** The default house style: Noto Serif 11 pt on A4 with 30 mm side margins, about 75 characters a line; no letterhead. */
export const defaultHouseStyle: HouseStyle = houseStyleSchema.parse({})

/** An ITU-style house style for French letters: the Union's name at the head of page 1 and its address at the foot. */
export const ituHouseStyle: HouseStyle = houseStyleSchema.parse({
  letterhead: { lines: ['Union internationale des télécommunications'] },
  footer: {
    lines: [
      'Union internationale des télécommunications • Place des Nations, CH-1211 Genève 20, Suisse',
      'Tél.: +41 22 730 5111 • Fax: +41 22 733 7256 • Courriel: itumail@itu.int • www.itu.int',
    ],
  },
})

/** Points in a millimetre. */
export const pointsPerMillimetre = 72 / 25.4

/** The least width of a letter's label column (reference labels and "Objet:"), in ems of the body size; the PDF and the DOCX both set the values there. */
export const labelColumnEms = 5.75

/** A house style's margins in points. */
export function marginPoints(style: HouseStyle): { top: number; bottom: number; left: number; right: number } {
  const { top, bottom, left, right } = style.margins
  const at = (mm: number) => Math.round(mm * pointsPerMillimetre * 100) / 100
  return { top: at(top), bottom: at(bottom), left: at(left), right: at(right) }
}

/** The problems of a house style that does not parse, as issues whose path starts at `houseStyle`. */
export function houseStyleIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({ code: 'invalid_option', message: `houseStyle.${issue.path.join('.')}: ${issue.message}`, path: ['houseStyle', ...issue.path.map((key) => (typeof key === 'number' ? key : String(key)))] }))
}
