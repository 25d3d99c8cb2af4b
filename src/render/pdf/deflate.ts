// pdfkit compresses streams with the running Node's zlib, whose bytes depend on how that Node was built
// (src/render/zip/deflaters.ts). Where that zlib does not write pako's bytes, the streams are deflated by pako.
import { unzlibSync } from 'fflate'
import type { Deflate } from '../zip/deflaters.js'
import { join } from './page-content.js'

interface Reference {
  data: { Filter?: unknown }
  buffer: Uint8Array[]
  compress: boolean
  finalize(): void
}

/**
 * Has every Flate stream of a pdfkit document written by the given deflater instead of Node's zlib: the streams
 * pdfkit would deflate itself (page content, fonts, character maps) and those it deflated before with Node's zlib
 * (a PNG's pixels once its alpha channel is split off), which are inflated and deflated again. Other streams are
 * left as they are.
 * @param pdf a pdfkit document, before anything is drawn in it
 * @param deflate zlib-wrapped DEFLATE at the level pdfkit asks Node's zlib for (the default, 6)
 */
export function deflateStreams(pdf: PDFKit.PDFDocument, deflate: Deflate): void {
  const target = pdf as unknown as { ref(data?: object): Reference }
  const ref = target.ref.bind(target)
  target.ref = (data) => {
    const reference = ref(data)
    const finalize = reference.finalize.bind(reference)
    reference.finalize = () => {
      if (reference.compress) {
        reference.compress = false
        if (reference.buffer.length) {
          reference.data.Filter = 'FlateDecode'
          reference.buffer = [deflate(join(reference.buffer))]
        }
      } else if (reference.data.Filter === 'FlateDecode' && reference.buffer.length) {
        reference.buffer = [deflate(unzlibSync(join(reference.buffer)))]
      }
      finalize()
    }
    return reference
  }
}
