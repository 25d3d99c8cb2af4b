import { unzipSync } from 'fflate'
import { pakoDeflaters } from '../zip/pako.js'
import { normalizeParts, type NormalizeOptions } from './package.js'

/**
 * Makes a DOCX package reproducible: sets the core properties' created and modified dates, replaces random
 * relationship ids with numbered ones (in the relationships files and the parts that use them), and zips the
 * parts again in a fixed order with a fixed time, so the same document gives the same bytes.
 * @param bytes a DOCX package, as docx's Packer writes it
 * @param options the date to write in the core properties
 * @returns the normalized package
 */
export function normalizeDocx(bytes: Uint8Array, options: NormalizeOptions): Uint8Array {
  // pako writes the bytes Node's own zlib writes, wherever it runs, as renderDocx's packages do.
  return normalizeParts(unzipSync(bytes), options, pakoDeflaters)
}
