import type { Document } from '../model/document.js'
import type { HouseStyle } from '../render/house-style.js'
import { CliError } from './errors.js'

/** What the CLI passes to every renderer. */
export interface RenderSettings {
  annexes: readonly Document[]
  annex: boolean
  pageSize?: 'A4' | 'LETTER'
  /** The house style of PDF and DOCX files. */
  houseStyle: HouseStyle
  /** The letterhead's emblem (PNG or SVG bytes), when the house style names one. */
  emblem?: Uint8Array
  /** Print a character no font has as an empty box (PDF), reporting each to `onMissingGlyph`, instead of failing. */
  allowMissingGlyphs?: boolean
  onMissingGlyph?: (character: string) => void
  /** The date embedded in PDF and DOCX files (from `SOURCE_DATE_EPOCH`); renderer default when absent. */
  date?: Date
}

/** Renders one document to the bytes of one output file. */
export type Renderer = (doc: Document, settings: RenderSettings) => Promise<Uint8Array>

/** An output format: its name on the command line, its file extension and its (lazily loaded) renderer. */
export interface Format {
  name: string
  extension: string
  load(): Promise<Renderer>
}

// A renderer whose module cannot load (a dependency missing from the install) is reported, not thrown.
async function loading<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load()
  } catch (error) {
    throw new CliError(`format ${name} is not available in this installation: ${(error as Error).message.split('\n')[0]}`)
  }
}

// PDF and DOCX load pdfkit and docx: imported only when asked for, so `validate` and `--format md` stay fast.
const pdf: Format = {
  name: 'pdf',
  extension: '.pdf',
  async load() {
    const { renderPdf } = await loading('pdf', () => import('../render/pdf/index.js'))
    return (doc, { date, ...settings }) => renderPdf(doc, { ...settings, ...(date ? { creationDate: date } : {}) })
  },
}

const docx: Format = {
  name: 'docx',
  extension: '.docx',
  async load() {
    const { renderDocx } = await loading('docx', () => import('../render/docx/index.js'))
    return (doc, { date, ...settings }) => renderDocx(doc, { ...settings, ...(date ? { date } : {}) })
  },
}

const md: Format = {
  name: 'md',
  extension: '.md',
  async load() {
    const { renderMarkdown } = await import('../render/markdown-safe.js')
    return async (doc) => new TextEncoder().encode(renderMarkdown(doc))
  },
}

const html: Format = {
  name: 'html',
  extension: '.html',
  async load() {
    const { renderHtml } = await loading('html', () => import('../render/html/index.js'))
    return async (doc, { annexes, annex }) => new TextEncoder().encode(renderHtml(doc, { annexes, annex }))
  },
}

/** The output formats, in the order `render` writes them. */
export const formats: readonly Format[] = [md, pdf, docx, html]
