import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import type { Phrasing } from '../model/inline.js'
import { inlineToXliff, normalizePhrasing } from './xliff-inline.js'
import { writeInline } from './xml.js'

/**
 * The hash of a unit's source written in its notes: SHA-256 of the source as XLIFF inline markup
 * (so a changed link target or emphasis counts as a change), as `sha256:<hex>`.
 */
export function sourceHash(content: Phrasing): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(writeInline(inlineToXliff(normalizePhrasing(content))))))}`
}
