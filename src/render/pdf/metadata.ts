import type { Document } from '../../model/document.js'
import { phrasingText } from '../../model/inline.js'
import type { Locale } from '../../i18n/types.js'

/** The document information dictionary pdfkit writes (and copies into XMP). */
export interface PdfInfo {
  Title: string
  Author?: string
  Subject: string
  Keywords: string
  Creator: string
  CreationDate: Date
  ModDate: Date
}

/** What a caller may set in the metadata. */
export interface MetadataOptions {
  creationDate?: Date | undefined
  author?: string | undefined
  keywords?: readonly string[] | undefined
}

/** The creation date of a declaration, which carries no date of its own: fixed, so renders are reproducible. */
export const declarationDate = new Date(Date.UTC(2000, 0, 1))

/** Title, author, subject, keywords and dates of a document; dates come from the document, never from the clock. */
export function documentInfo(doc: Document, locale: Locale, options: MetadataOptions): PdfInfo {
  const date = options.creationDate ?? (doc.type === 'letter' ? new Date(`${doc.date}T00:00:00Z`) : declarationDate)
  const defaults =
    doc.type === 'letter'
      ? { title: doc.subject, author: doc.office, subject: `${locale.labels.reference}${locale.labels.separator}${doc.reference}`, keywords: [doc.reference, ...doc.annexes.map((a) => a.ref)] }
      : { title: doc.title, author: undefined, subject: doc.symbol ?? (doc.preamble?.formula ? phrasingText(doc.preamble.formula.text) : doc.title), keywords: [doc.id, ...(doc.profile ? [doc.profile] : [])] }
  const author = options.author ?? defaults.author
  return {
    Title: defaults.title,
    ...(author ? { Author: author } : {}),
    Subject: defaults.subject,
    Keywords: (options.keywords ?? defaults.keywords).join(', '),
    Creator: 'declaration-kit',
    CreationDate: date,
    ModDate: date,
  }
}

/** Escapes text for XML character data. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * pdfkit copies the info strings into the XMP packet unescaped, so a title with `&` or `<` breaks the
 * XML. This swaps in escaped copies while the packet is written; the info dictionary, written before,
 * keeps the real text.
 */
export function escapeXmpOf(pdf: PDFKit.PDFDocument): void {
  const target = pdf as unknown as { endMetadata(): void; info: Record<string, unknown> }
  const endMetadata = target.endMetadata
  target.endMetadata = function (this: typeof target) {
    const info = this.info
    this.info = Object.fromEntries(Object.entries(info).map(([key, value]) => [key, typeof value === 'string' ? escapeXml(value) : value]))
    try {
      endMetadata.call(this)
    } finally {
      this.info = info
    }
  }
}
