// A zip archive writer for packages whose parts are known in full (DOCX): local headers with the sizes and CRC-32
// in them (no data descriptors), then the central directory. No zip64: a part or an archive of 4 GiB or more, or
// more than 65,535 parts, is refused.
import type { Deflaters } from './deflaters.js'

/** A file of a zip archive: its path inside the archive (forward slashes) and its bytes. */
export type ZipEntry = readonly [path: string, data: Uint8Array]

// 1980-01-01 00:00:00, the earliest time a zip entry can carry: DOS time 0, DOS date (0 << 9) | (1 << 5) | 1.
const dosTime = 0
const dosDate = 0x21
const limit = 0xffffffff

/**
 * Zips the entries in the order given, each deflated (method 8) unless deflating does not make it smaller (then
 * stored), all dated 1980-01-01 00:00, with no extra fields or comments: the same entries give the same bytes.
 * The entries are read one at a time, so that a generator's part can be let go once it is deflated.
 * @param entries the paths and bytes, in the order they are written
 * @param deflaters raw DEFLATE (RFC 1951), whose bytes the archive's own bytes follow, and CRC-32
 * @returns the archive
 */
export function zip(entries: Iterable<ZipEntry>, { raw: deflateRaw, crc32 }: Pick<Deflaters, 'raw' | 'crc32'>): Uint8Array {
  const encoder = new TextEncoder()
  const records: { name: Uint8Array; data: Uint8Array; method: number; size: number; crc: number; utf8: boolean }[] = []
  for (const [path, data] of entries) {
    if (records.length === 0xffff) throw new RangeError('zip: more than the 65,535 entries a zip without zip64 holds')
    if (data.length > limit) throw new RangeError(`zip: "${path}" is ${data.length} bytes, more than a zip without zip64 holds`)
    const deflated = deflateRaw(data)
    const stored = deflated.length >= data.length
    records.push({ name: encoder.encode(path), data: stored ? data : deflated, method: stored ? 0 : 8, size: data.length, crc: crc32(data), utf8: /[^\x20-\x7e]/.test(path) })
  }
  const local = records.reduce((sum, record) => sum + 30 + record.name.length + record.data.length, 0)
  const central = records.reduce((sum, record) => sum + 46 + record.name.length, 0)
  if (local + central + 22 > limit) throw new RangeError(`zip: the archive would be ${local + central + 22} bytes, more than a zip without zip64 holds`)
  const out = new Uint8Array(local + central + 22)
  const view = new DataView(out.buffer)
  let at = 0
  const offsets: number[] = []
  // The fields a local header and its central directory entry share, from "version needed" to the extra field's length.
  const common = (record: (typeof records)[number]) => {
    view.setUint16(at, 20, true)
    view.setUint16(at + 2, record.utf8 ? 0x0800 : 0, true)
    view.setUint16(at + 4, record.method, true)
    view.setUint16(at + 6, dosTime, true)
    view.setUint16(at + 8, dosDate, true)
    view.setUint32(at + 10, record.crc, true)
    view.setUint32(at + 14, record.data.length, true)
    view.setUint32(at + 18, record.size, true)
    view.setUint16(at + 22, record.name.length, true)
    view.setUint16(at + 24, 0, true)
    at += 26
  }
  for (const record of records) {
    offsets.push(at)
    view.setUint32(at, 0x04034b50, true)
    at += 4
    common(record)
    out.set(record.name, at)
    at += record.name.length
    out.set(record.data, at)
    at += record.data.length
  }
  records.forEach((record, index) => {
    view.setUint32(at, 0x02014b50, true)
    // Version made by: 2.0, MS-DOS attributes (none set).
    view.setUint16(at + 4, 20, true)
    at += 6
    common(record)
    // Comment length, disk number, internal and external attributes, then the local header's offset.
    view.setUint16(at, 0, true)
    view.setUint16(at + 2, 0, true)
    view.setUint16(at + 4, 0, true)
    view.setUint32(at + 6, 0, true)
    view.setUint32(at + 10, offsets[index]!, true)
    at += 14
    out.set(record.name, at)
    at += record.name.length
  })
  view.setUint32(at, 0x06054b50, true)
  view.setUint16(at + 4, 0, true)
  view.setUint16(at + 6, 0, true)
  view.setUint16(at + 8, records.length, true)
  view.setUint16(at + 10, records.length, true)
  view.setUint32(at + 12, central, true)
  view.setUint32(at + 16, local, true)
  view.setUint16(at + 20, 0, true)
  return out
}
