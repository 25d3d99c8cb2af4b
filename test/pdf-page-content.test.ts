import PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import { bufferPageContent, join } from '../src/render/pdf/page-content.js'

// The same pages written by pdfkit alone and with the page content kept as text until a page is done.
function render(buffered: boolean): Promise<Uint8Array> {
  const pdf = new PDFDocument({ autoFirstPage: false, bufferPages: true, compress: true, info: { CreationDate: new Date('2024-11-07T00:00:00Z') } })
  if (buffered) bufferPageContent(pdf)
  const chunks: Uint8Array[] = []
  pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk))
  const done = new Promise<Uint8Array>((resolve) => pdf.on('end', () => resolve(join(chunks))))
  for (let page = 0; page < 3; page++) {
    pdf.addPage({ size: 'A4' })
    pdf.rect(72, 72 + page * 10, 100, 20).fill('#009cd6')
    // Bytes written among the text operators keep their place.
    if (page === 1) (pdf as unknown as { page: { content: { write(chunk: Uint8Array): void } } }).page.content.write(new TextEncoder().encode('% raw bytes'))
    pdf.moveTo(72, 200).lineTo(300, 200).stroke()
  }
  // Back to the first pages once all are set, as the page numbers are drawn.
  for (const page of [0, 1]) {
    pdf.switchToPage(page)
    pdf.rect(10, 10, 5, 5).fill('#000000')
  }
  pdf.end()
  return done
}

describe('bufferPageContent', () => {
  it('gives the bytes pdfkit gives alone, with raw bytes among the operators and pages written again after the last', async () => {
    const [plain, buffered] = await Promise.all([render(false), render(true)])
    expect(buffered.length).toBe(plain.length)
    expect(Buffer.from(buffered).equals(Buffer.from(plain))).toBe(true)
  })

  it('joins arrays of bytes in order', () => {
    expect(Array.from(join([new Uint8Array([1, 2]), new Uint8Array([]), new Uint8Array([3])]))).toEqual([1, 2, 3])
  })
})
