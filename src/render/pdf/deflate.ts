// pdfkit compresses streams with the running Node's zlib. Node's own builds bundle a patched zlib whose output
// differs from canonical zlib's, and a Node built against the system's zlib (as Linux distributions and package
// managers build it) writes other bytes again: the same document would give another PDF on another machine.
// pako is zlib in JavaScript and writes the bytes of Node's patched zlib wherever it runs, but it takes about
// 100 ms for a document's streams in a fresh process, where Node's zlib takes 10. So Node's zlib deflates when it
// writes pako's bytes for a sample of PDF content, and pako deflates when it does not.
import zlib from 'node:zlib'
import { deflate as pakoDeflate, inflate } from 'pako'
import { join } from './page-content.js'

interface Reference {
  data: { Filter?: unknown }
  buffer: Uint8Array[]
  compress: boolean
  finalize(): void
}

/**
 * Has every Flate stream of a pdfkit document written as pako writes it. When the running Node's zlib writes what
 * pako writes, pdfkit's own compression is left alone. Otherwise pako deflates the streams pdfkit would deflate
 * itself (page content, fonts, character maps) and those it deflated before with Node's zlib (a PNG's pixels once its
 * alpha channel is split off), which are inflated and deflated again. Other streams are left as they are.
 * @param pdf a pdfkit document, before anything is drawn in it
 */
export function deflateStreams(pdf: PDFKit.PDFDocument): void {
  if (nodeZlibWritesPako()) return
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
        reference.buffer = [deflate(inflate(join(reference.buffer)))]
      }
      finalize()
    }
    return reference
  }
}

/** The zlib stream of the bytes as pako writes it at zlib's default level, the one pdfkit asks Node's zlib for. */
export function deflate(bytes: Uint8Array): Uint8Array {
  return pakoDeflate(bytes, { level: 6 })
}

// Asked once per deflate function: a test, or a program, may replace Node's.
const agreement = new WeakMap<object, boolean>()

/** Whether the running Node's zlib writes pako's bytes for a sample of PDF content (Node's own builds do). */
export function nodeZlibWritesPako(): boolean {
  const deflateSync = zlib.deflateSync
  let agrees = agreement.get(deflateSync)
  if (agrees === undefined) {
    const sample = deflateSample()
    const [native, pako] = [deflateSync(sample), deflate(sample)]
    agrees = native.length === pako.length && native.every((byte, index) => byte === pako[index])
    agreement.set(deflateSync, agrees)
  }
  return agrees
}

/**
 * Six kilobytes like a PDF's streams: text operators with words and numbers, then bytes with repeats in them, as a
 * font has. zlib's compression levels, canonical zlib and Node's patched zlib all deflate it to different bytes.
 */
export function deflateSample(): Uint8Array {
  let seed = 1
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0)
  const words = ['the', 'declaration', 'digital', 'climate', 'action', 'green', 'of', 'and', 'to', 'resolution', 'Member', 'States', 'Assembly', 'sustainable']
  let text = ''
  while (text.length < 4096) {
    const n = next()
    text += `BT /F${n % 4} ${(n % 7) + 9}.5 Tf ${72 + (n % 400)}.${n % 1000} ${(n >>> 8) % 800}.25 Td [(${words[n % words.length]}) -${n % 300} (${words[(n >>> 4) % words.length]})] TJ ET\n`
  }
  const sample = new Uint8Array(text.length + 2048)
  for (let at = 0; at < text.length; at++) sample[at] = text.charCodeAt(at)
  for (let at = text.length; at < sample.length; at++) sample[at] = (at - text.length) % 64 < 48 ? next() >>> 24 : sample[at - 32]!
  return sample
}
