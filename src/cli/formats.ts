import type { Document } from '../model/document.js'
import { renderMarkdown } from '../render/markdown.js'
import { CliError } from './errors.js'

/** What the CLI passes to every renderer. */
export interface RenderSettings {
  annexes: readonly Document[]
  annex: boolean
  pageSize: 'A4' | 'LETTER'
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

type PdfRenderer = (doc: Document, options: { pageSize: string; annexes: readonly Document[]; annex: boolean; creationDate?: Date }) => Uint8Array | Promise<Uint8Array>
type DocxRenderer = (doc: Document, options: { pageSize: string; annexes: readonly Document[]; annex: boolean; date?: Date }) => Uint8Array | Promise<Uint8Array>

function unavailable(name: string): CliError {
  return new CliError(`format ${name} is not available in this build`)
}

// PDF and DOCX load pdfkit and docx: imported only when asked for, so `validate` and `--format md` stay fast.
const pdf: Format = {
  name: 'pdf',
  extension: '.pdf',
  async load() {
    const module: Record<string, unknown> = await import('../render/pdf/index.js')
    const renderPdf = module.renderPdf as PdfRenderer | undefined
    if (typeof renderPdf !== 'function') throw unavailable('pdf')
    return async (doc, { date, ...settings }) => renderPdf(doc, { ...settings, ...(date ? { creationDate: date } : {}) })
  },
}

const docx: Format = {
  name: 'docx',
  extension: '.docx',
  async load() {
    const module: Record<string, unknown> = await import('../render/docx/index.js')
    const renderDocx = module.renderDocx as DocxRenderer | undefined
    if (typeof renderDocx !== 'function') throw unavailable('docx')
    return async (doc, { date, ...settings }) => renderDocx(doc, { ...settings, ...(date ? { date } : {}) })
  },
}

const md: Format = {
  name: 'md',
  extension: '.md',
  async load() {
    return async (doc) => new TextEncoder().encode(renderMarkdown(doc))
  },
}

/** The output formats, in the order `render` writes them. */
export const formats: readonly Format[] = [md, pdf, docx]
