// A letterhead's emblem arrives as bytes (the CLI reads the file; renderers never do): a PNG, or an SVG
// that the PDF draws as vectors.

/** The image formats an emblem may be in. */
export type EmblemFormat = 'png' | 'svg'

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

// What may come before the root element of an SVG file: a byte-order mark, the XML declaration, comments, a doctype.
const svgStart = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*<svg[\s>]/

/**
 * The format of an emblem: PNG by its signature, SVG by its root element.
 * @param bytes the image file's bytes
 * @returns `png`, `svg`, or `undefined` for anything else
 */
export function emblemFormat(bytes: Uint8Array): EmblemFormat | undefined {
  if (bytes.length >= 24 && pngSignature.every((byte, index) => bytes[index] === byte)) return 'png'
  return svgStart.test(svgText(bytes).slice(0, 4096)) ? 'svg' : undefined
}

/**
 * The text of an SVG emblem.
 * @param bytes the SVG file's bytes, UTF-8
 * @returns its text
 */
export function svgText(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes)
}

/**
 * The width of an emblem over its height: a PNG's from its header, an SVG's from its `viewBox` (or its
 * `width` and `height`); 1 when an SVG gives neither.
 * @param bytes the image file's bytes
 * @returns the aspect ratio
 */
export function emblemRatio(bytes: Uint8Array): number {
  if (emblemFormat(bytes) === 'png') {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    return view.getUint32(16) / view.getUint32(20)
  }
  const root = /<svg\b[^>]*>/.exec(svgText(bytes))?.[0] ?? ''
  const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(root)?.[1]
  const box = attribute('viewBox')?.trim().split(/[\s,]+/).map(Number)
  if (box?.length === 4 && box[2]! > 0 && box[3]! > 0) return box[2]! / box[3]!
  const width = Number.parseFloat(attribute('width') ?? '')
  const height = Number.parseFloat(attribute('height') ?? '')
  return width > 0 && height > 0 ? width / height : 1
}
