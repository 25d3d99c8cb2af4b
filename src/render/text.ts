import type { Declaration } from '../model/declaration.js'
import type { Document } from '../model/document.js'
import { phrasingText } from '../model/inline.js'
import type { Letter } from '../model/letter.js'
import { paragraphContent, walkDeclaration } from '../model/walk.js'
import { localeFor } from '../i18n/index.js'
import { resolveAnnexes, type AnnexOptions } from './annexes.js'

/** The printed blocks of a declaration, in reading order, one string per paragraph (separators print nothing). */
export function declarationBlocks(doc: Declaration): string[] {
  const out: string[] = []
  for (const block of walkDeclaration(doc)) {
    if (block.role === 'separator') continue
    if (block.paragraph) {
      const content = phrasingText(paragraphContent(block.paragraph))
      out.push(block.paragraph.num ? `${block.paragraph.num} ${content}` : content)
    } else if (block.role === 'footnote') {
      out.push(`${doc.footnotes[block.ordinal - 1]!.label} ${phrasingText(block.content)}`)
    } else out.push(phrasingText(block.content))
  }
  return out
}

/** The printed lines of a letter's reference and contact block ("Référence: CL-24/63", "Tél.: …"). */
export function referenceLines(doc: Letter): { label: string; value: string; field: 'reference' | 'tel' | 'fax' | 'email' | 'contact' }[] {
  const { labels } = localeFor(doc.language)
  const lines: { label: string; value: string; field: 'reference' | 'tel' | 'fax' | 'email' | 'contact' }[] = [
    { label: labels.reference, value: doc.reference, field: 'reference' },
  ]
  if (doc.contact.tel) lines.push({ label: labels.tel, value: doc.contact.tel, field: 'tel' })
  if (doc.contact.fax) lines.push({ label: labels.fax, value: doc.contact.fax, field: 'fax' })
  if (doc.contact.email) lines.push({ label: labels.email, value: doc.contact.email, field: 'email' })
  if (doc.contact.name) lines.push({ label: labels.contact, value: doc.contact.name, field: 'contact' })
  return lines
}

/** The printed annex line of a letter: "Annexe – Déclaration …" (numbered when there are several). */
export function annexLine(doc: Letter, index: number): string {
  const { labels } = localeFor(doc.language)
  const annex = doc.annexes[index]!
  const number = doc.annexes.length > 1 ? ` ${index + 1}` : ''
  return `${labels.annex}${number}${labels.annexSeparator}${annex.title}`
}

/** The printed blocks of a letter (without its annexed documents), in reading order. */
export function letterBlocks(doc: Letter): string[] {
  const locale = localeFor(doc.language)
  const { labels } = locale
  return [
    doc.office,
    locale.dateLine(doc.place, doc.date),
    referenceLines(doc).map((line) => `${line.label}${labels.separator}${line.value}`).join('\n'),
    ...doc.addressees.map((a) => phrasingText(a.text)),
    `${labels.subject}${labels.separator}${doc.subject}`,
    doc.salutation,
    ...doc.body.map((p) => phrasingText(p.text)),
    ...(doc.signed ? [labels.signed] : []),
    `${doc.signatory.name}\n${doc.signatory.title}`,
    ...doc.annexes.map((_, index) => annexLine(doc, index)),
  ]
}

/**
 * Renders a document as plain text: every word a reader of the PDF sees, in reading order,
 * paragraphs separated by a blank line. A letter's annexed declarations follow it.
 */
export function renderText(doc: Document, options: AnnexOptions = {}): string {
  if (doc.type === 'declaration') return `${declarationBlocks(doc).join('\n\n')}\n`
  const annexed = resolveAnnexes(doc, options).map(({ document }) => declarationBlocks(document).join('\n\n'))
  return `${[letterBlocks(doc).join('\n\n'), ...annexed].join('\n\n')}\n`
}

/** Splits text into words (runs of non-space characters), the unit every fidelity check compares. */
export function words(text: string): string[] {
  return text.split(/[\s\u00A0\u202F]+/u).filter(Boolean)
}
