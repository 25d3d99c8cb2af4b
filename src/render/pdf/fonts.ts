/** The four faces of one type family, as font file bytes (TrueType, OpenType or WOFF). */
export interface PdfFontFaces {
  regular: Uint8Array
  italic: Uint8Array
  bold: Uint8Array
  boldItalic: Uint8Array
}

/** One face of a family: the style a run of text is set in. */
export type Face = keyof PdfFontFaces

/** The faces, in the order they are registered. */
export const faces: readonly Face[] = ['regular', 'italic', 'bold', 'boldItalic']

const fileNames: Record<Face, string> = {
  regular: '400-normal',
  italic: '400-italic',
  bold: '700-normal',
  boldItalic: '700-italic',
}

// @fontsource splits Noto Serif by unicode-range. "latin" alone covers every character of the bundled
// texts (U+0000-00FF with é è à ç « » and U+00A0, U+0152-0153 œ, U+2000-206F ’ – — U+202F);
// "latin-ext" is the fallback for names such as "Łódź"; Cyrillic (Russian is a UN official language),
// Greek and Vietnamese follow, then "math" for the superscript digits ⁰ ⁴–⁹ and mathematical signs. A fallback
// is only embedded when one of its letters appears.
const subsets = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'vietnamese', 'math'] as const

let bundled: Promise<PdfFontFaces[]> | undefined

/**
 * Noto Serif (latin, then latin-ext, Cyrillic, Greek, Vietnamese and math as fallbacks) read from
 * `@fontsource/noto-serif`, once per process.
 * Node only: in a browser, pass the font bytes in `PdfOptions.fonts` instead.
 */
export function notoSerifFonts(): Promise<PdfFontFaces[]> {
  bundled ??= readNotoSerif().catch((error: unknown) => {
    bundled = undefined
    throw error
  })
  return bundled
}

async function readNotoSerif(): Promise<PdfFontFaces[]> {
  // Imported lazily so that a browser bundle which passes its own fonts never touches node: modules.
  const { createRequire } = await import('node:module')
  const { readFile } = await import('node:fs/promises')
  const require = createRequire(import.meta.url)
  const [{ inflateSync }, { setInflate }] = await Promise.all([import('node:zlib'), import('./woff.js')])
  setInflate((data) => inflateSync(data))
  const read = async (subset: string, face: Face) =>
    new Uint8Array(await readFile(require.resolve(`@fontsource/noto-serif/files/noto-serif-${subset}-${fileNames[face]}.woff`)))
  return Promise.all(
    subsets.map(async (subset) => {
      const [regular, italic, bold, boldItalic] = await Promise.all(faces.map((face) => read(subset, face)))
      return { regular: regular!, italic: italic!, bold: bold!, boldItalic: boldItalic! }
    }),
  )
}
