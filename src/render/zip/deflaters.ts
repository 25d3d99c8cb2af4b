// Node's own builds bundle a patched zlib (Chromium's) whose output differs from canonical zlib's, and a Node built
// against the system's zlib (as Linux distributions and package managers build it) writes other bytes again: the
// same document would give another PDF or DOCX on another machine. pako is zlib in JavaScript and writes the bytes of
// Node's patched zlib wherever it runs, but it costs about 100 ms per document in a fresh process where Node's zlib
// takes 10. So Node's zlib deflates where it writes pako's bytes for a sample, and pako where it does not (or where
// there is no Node). What pako writes for the sample is known in advance (its length and CRC-32, which a test
// recomputes with pako), so telling the two apart loads nothing.
import { crc32 } from './crc32.js'

/** DEFLATE of some bytes, in a zlib wrapper (RFC 1950) or raw (RFC 1951). */
export type Deflate = (data: Uint8Array) => Uint8Array

/** Deflaters that write the bytes pako writes at zlib's default level (6), in both forms. */
export interface Deflaters {
  /** zlib-wrapped, as PDF streams carry it. */
  zlib: Deflate
  /** Raw, as zip entries carry it. */
  raw: Deflate
  /** CRC-32 (Node's own where it has one, which is faster in a fresh process). */
  crc32: (data: Uint8Array) => number
  /** Whether they are Node's zlib (which then writes what pako writes) rather than pako. */
  native: boolean
}

/** The functions of Node's zlib module that deflate. */
export interface ZlibDeflate {
  deflateSync(data: Uint8Array): Uint8Array
  deflateRawSync(data: Uint8Array): Uint8Array
  crc32?(data: Uint8Array): number
}

/** The length and CRC-32 of what pako writes for `deflateSample()` at level 6, zlib-wrapped and raw. */
export const pakoSampleDigests = { zlib: { length: 2943, crc32: 0x17d2ba35 }, raw: { length: 2937, crc32: 0xc2107bbe } } as const

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

const matches = (bytes: Uint8Array, digest: { length: number; crc32: number }) => bytes.length === digest.length && crc32(bytes) === digest.crc32

// Asked once per pair of deflate functions: a test, or a program, may replace Node's.
const agreement = new WeakMap<object, WeakMap<object, boolean>>()

/** Whether a zlib module's deflate functions write pako's bytes for the sample, in both forms (Node's own builds do). */
export function zlibWritesPako(zlib: ZlibDeflate): boolean {
  const { deflateSync, deflateRawSync } = zlib
  let byRaw = agreement.get(deflateSync)
  if (!byRaw) agreement.set(deflateSync, (byRaw = new WeakMap()))
  let agrees = byRaw.get(deflateRawSync)
  if (agrees === undefined) {
    const sample = deflateSample()
    agrees = matches(deflateSync(sample), pakoSampleDigests.zlib) && matches(deflateRawSync(sample), pakoSampleDigests.raw)
    byRaw.set(deflateRawSync, agrees)
  }
  return agrees
}

/**
 * The deflaters that write pako's bytes: Node's zlib where it agrees with pako on the sample, else pako's own.
 * Node's zlib is imported when asked for, so that a browser bundle never needs it.
 */
export async function deflaters(): Promise<Deflaters> {
  const zlib = await import('node:zlib').then((module) => (module.default ?? module) as unknown as ZlibDeflate, () => undefined)
  if (zlib && zlibWritesPako(zlib)) {
    const checksum = zlib.crc32
    return { zlib: (data) => zlib.deflateSync(data), raw: (data) => zlib.deflateRawSync(data), crc32: checksum ? (data) => checksum(data) : crc32, native: true }
  }
  // pako (its module) is loaded only where Node's zlib will not do.
  return (await import('./pako.js')).pakoDeflaters
}
