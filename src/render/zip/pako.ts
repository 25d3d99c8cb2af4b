import { deflate, deflateRaw } from 'pako'
import { crc32 } from './crc32.js'
import type { Deflaters } from './deflaters.js'

/** pako's deflaters at zlib's default level (6): the bytes Node's own zlib writes, wherever they run. */
export const pakoDeflaters: Deflaters = {
  zlib: (data) => deflate(data, { level: 6 }),
  raw: (data) => deflateRaw(data, { level: 6 }),
  crc32,
  native: false,
}
