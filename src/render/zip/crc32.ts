// CRC-32 as zip and PNG use it (ISO 3309, reflected polynomial 0xEDB88320), a byte at a time from a table built on
// first use.
let table: Uint32Array | undefined

function crcTable(): Uint32Array {
  const built = new Uint32Array(256)
  for (let byte = 0; byte < 256; byte++) {
    let value = byte
    for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1
    built[byte] = value
  }
  return built
}

/** The CRC-32 of some bytes, as an unsigned 32-bit number. */
export function crc32(data: Uint8Array): number {
  const lookup = (table ??= crcTable())
  let crc = 0xffffffff
  for (let at = 0; at < data.length; at++) crc = lookup[(crc ^ data[at]!) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}
