import { unzlibSync } from 'fflate'

const cache = new WeakMap<Uint8Array, Uint8Array>()

// Inflating gives the same bytes whoever does it; under Node the font loader hands in zlib's, which is native.
let inflate: (data: Uint8Array) => Uint8Array = unzlibSync

/** Sets the function that inflates a WOFF table's zlib data (fflate's by default). */
export function setInflate(inflater: (data: Uint8Array) => Uint8Array): void {
  inflate = inflater
}

/**
 * Turns WOFF 1.0 font bytes into plain TrueType/OpenType (sfnt) bytes; other bytes pass through.
 * fontkit reads a WOFF table by inflating it again on every access, which makes layout many times
 * slower, so each font is unpacked once and the result kept for the life of its input.
 */
export function sfntOf(bytes: Uint8Array): Uint8Array {
  if (!isWoff(bytes)) return bytes
  let sfnt = cache.get(bytes)
  if (!sfnt) {
    sfnt = unpackWoff(bytes)
    cache.set(bytes, sfnt)
  }
  return sfnt
}

function isWoff(bytes: Uint8Array): boolean {
  return bytes.length > 44 && bytes[0] === 0x77 && bytes[1] === 0x4f && bytes[2] === 0x46 && bytes[3] === 0x46
}

interface TableEntry {
  tag: number
  checksum: number
  data: Uint8Array
}

function unpackWoff(woff: Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength)
  const flavor = view.getUint32(4)
  const count = view.getUint16(12)
  const tables: TableEntry[] = []
  for (let index = 0; index < count; index++) {
    const at = 44 + index * 20
    const offset = view.getUint32(at + 4)
    const compressed = view.getUint32(at + 8)
    const original = view.getUint32(at + 12)
    const raw = woff.subarray(offset, offset + compressed)
    tables.push({ tag: view.getUint32(at), checksum: view.getUint32(at + 16), data: compressed < original ? inflate(raw) : raw })
  }
  const headerSize = 12 + 16 * count
  const size = tables.reduce((sum, table) => sum + align4(table.data.length), headerSize)
  const out = new Uint8Array(size)
  const write = new DataView(out.buffer)
  const power = 2 ** Math.floor(Math.log2(count))
  write.setUint32(0, flavor)
  write.setUint16(4, count)
  write.setUint16(6, power * 16)
  write.setUint16(8, Math.log2(power))
  write.setUint16(10, count * 16 - power * 16)
  let offset = headerSize
  tables.forEach((table, index) => {
    const at = 12 + index * 16
    write.setUint32(at, table.tag)
    write.setUint32(at + 4, table.checksum)
    write.setUint32(at + 8, offset)
    write.setUint32(at + 12, table.data.length)
    out.set(table.data, offset)
    offset += align4(table.data.length)
  })
  return out
}

function align4(length: number): number {
  return (length + 3) & ~3
}
