import { faces, type Face, type PdfFontFaces } from './fonts.js'
import type { Syllables } from './lines.js'
import type { LinkTarget, Run } from './runs.js'
import { sfntOf } from './woff.js'
import { limits } from '../../model/limits.js'

/** Text in one registered font, with its width at the size it was measured for, the link it belongs to, whether it is raised (a superscript) and the footnote it marks. */
export interface Piece {
  text: string
  font: string
  width: number
  link?: LinkTarget | undefined
  raised?: true
  note?: string
}

/** How a superscript (an ordinal's "e", a footnote mark) is set: its size and the rise of its baseline, as fractions of the text size. */
export const superscript = { scale: 0.65, rise: 0.35 } as const

/** The size a piece's glyphs are set at, in a line of text of `size`. */
export function pieceSize(piece: Pick<Piece, 'raised'>, size: number): number {
  return piece.raised ? Math.round(size * superscript.scale * 100) / 100 : size
}

/** A word (what lies between breakable spaces), with the space that follows it, if any. */
export interface Word {
  pieces: Piece[]
  width: number
  space: Piece | undefined
}

interface FontkitGlyph {
  id: number
  advanceWidth: number
}

interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean
  glyphForCodePoint(codePoint: number): FontkitGlyph
}

interface GlyphLayout {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[]
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[]
  advanceWidth: number
}

interface EmbeddedFont {
  font: FontkitFont
  layoutCache?: object
  layout(text: string, features?: unknown, onlyWidth?: boolean): GlyphLayout
}

/** The character a hyphen added by line breaking is set as: its own glyph, mapped to U+00AD in the text layer. */
export const softHyphen = '\u00AD'

// Breakable white space; U+00A0 and U+202F are kept inside words, as they must not break.
const breakable = /[ \t\r\n]/

const fontName = (set: number, face: Face) => `dk${set}-${face}`

// Characters no bundled face has, drawn with the glyph of another character that looks the same: the
// hyphens U+2010 and U+2011 (as in "Co‑operative") with the hyphen-minus glyph. Each is set in a copy
// of the first font of its own, whose text layer maps that glyph back to the character itself.
// A hyphen added at a line break is set the same way, as U+00AD: PDF readers take it for a hyphen of line
// breaking and leave it out of the words.
const lookalikes = new Map<number, number>([
  [0x2010, 0x2d],
  [0x2011, 0x2d],
  [0xad, 0x2d],
])
const aliasName = (codePoint: number, face: Face) => `dk-u${codePoint.toString(16)}-${face}`

// Characters that are never drawn (format controls, variation selectors): no font needs to have them.
const invisible = /^\p{Default_Ignorable_Code_Point}$/u

// Parsed fonts, kept per font file: fontkit parses a font's tables lazily and keeps what it read, so a
// parsed font shared by later renders saves most of the work (it is only read, never changed).
const parsed = new WeakMap<Uint8Array, object>()
// pdfkit's per-font cache of shaped words, shared the same way: shaping (GSUB/GPOS) is most of the cost
// of a render, and a word shapes the same in every document.
const shaped = new WeakMap<Uint8Array, object>()

/** Registers font sets in a document, picks a font for each character, measures and splits text into words. */
export class Fonts {
  readonly #doc: PDFKit.PDFDocument
  readonly #sets: number
  readonly #coverage = new Map<string, string>()
  readonly #widths = new Map<string, number>()
  readonly #files = new Map<string, Uint8Array>()
  readonly #opened = new Set<string>()
  readonly #aliases = new Map<string, number>()
  /** Characters of the document that no font set has a glyph for, in the order they were met. */
  readonly missing = new Set<string>()

  // A font is registered (and a WOFF unpacked) when first selected: the fallback sets cost nothing
  // until a character needs them, and pdfkit numbers fonts in the order they are used, not registered.
  constructor(doc: PDFKit.PDFDocument, sets: readonly PdfFontFaces[]) {
    this.#doc = doc
    this.#sets = sets.length
    sets.forEach((set, index) => {
      for (const face of faces) this.#files.set(fontName(index, face), set[face])
    })
    for (const codePoint of lookalikes.keys()) {
      for (const face of faces) {
        const name = aliasName(codePoint, face)
        const file = sets[0]![face]
        this.#files.set(name, file)
        this.#aliases.set(name, codePoint)
      }
    }
  }

  /** The registered name of the first font set that has a glyph for the character in this face. */
  fontFor(char: string, face: Face): string {
    const key = face + char
    let name = this.#coverage.get(key)
    if (name === undefined) {
      name = fontName(0, face)
      const codePoint = char.codePointAt(0)!
      let found = false
      for (let set = 0; set < this.#sets; set++) {
        if (this.#fontkit(fontName(set, face)).hasGlyphForCodePoint(codePoint)) {
          name = fontName(set, face)
          found = true
          break
        }
      }
      const lookalike = lookalikes.get(codePoint)
      if (!found && lookalike !== undefined && this.#fontkit(fontName(0, face)).hasGlyphForCodePoint(lookalike)) {
        name = aliasName(codePoint, face)
        found = true
      }
      if (!found && !invisible.test(char) && !breakable.test(char)) this.missing.add(char)
      this.#coverage.set(key, name)
    }
    return name
  }

  /** Selects a font and size in the document. */
  use(font: string, size: number): void {
    this.#open(font)
    this.#doc.fontSize(size)
  }

  /** The advance width of text in a registered font at a size, in points. */
  width(text: string, font: string, size: number): number {
    const key = `${font}\u0000${size}\u0000${text}`
    let width = this.#widths.get(key)
    if (width === undefined) {
      this.use(font, size)
      width = this.#doc.widthOfString(text)
      this.#widths.set(key, width)
    }
    return width
  }

  /** Distance from the top of a line to its baseline at a size (pdfkit sets text from the font's ascender). */
  ascent(size: number): number {
    this.use(fontName(0, 'regular'), size)
    return ((this.#doc as unknown as { _font: { ascender: number } })._font.ascender / 1000) * size
  }

  /** Distance from the baseline to the bottom of the descenders at a size. */
  descent(size: number): number {
    this.use(fontName(0, 'regular'), size)
    return (-(this.#doc as unknown as { _font: { descender: number } })._font.descender / 1000) * size
  }

  /** Splits runs into words at breakable spaces, each character in the first font that has it. */
  words(runs: readonly Run[], size: number): Word[] {
    const words: Word[] = []
    let pieces: Piece[] = []
    // Characters in the word so far: a word longer than `limits.wordLength` is cut there, as measuring
    // and splitting a megabyte-long word would take memory in proportion to it at every step.
    let length = 0
    const flush = (space?: { face: Face; link: LinkTarget | undefined }) => {
      length = 0
      if (pieces.length === 0) return
      const spaceFont = space && this.fontFor(' ', space.face)
      words.push({
        pieces,
        width: pieces.reduce((sum, piece) => sum + piece.width, 0),
        space: space && spaceFont ? withLink({ text: ' ', font: spaceFont, width: this.width(' ', spaceFont, size) }, space.link) : undefined,
      })
      pieces = []
    }
    for (const { text, face, link, raised, note } of runs) {
      let chunk = ''
      let chunkFont = ''
      const mark = { ...(raised ? { raised } : {}), ...(note ? { note } : {}) }
      const at = pieceSize(mark, size)
      const close = () => {
        if (chunk) pieces.push(withLink({ text: chunk, font: chunkFont, width: this.width(chunk, chunkFont, at), ...mark }, link))
        chunk = ''
      }
      for (const char of text) {
        if (breakable.test(char)) {
          close()
          flush({ face, link })
          continue
        }
        // A soft hyphen in the source is only a place where the word may break; the breaker finds its own.
        if (char === softHyphen) continue
        if (length === limits.wordLength) {
          close()
          flush()
        }
        const font = this.fontFor(char, face)
        if (font !== chunkFont) close()
        chunkFont = font
        chunk += char
        length++
      }
      // Each run ends its chunk, so a link's text never shares a piece with the text around it.
      close()
    }
    flush()
    return words
  }

  /** The width of runs set on one line, spaces included. */
  runsWidth(runs: readonly Run[], size: number): number {
    return this.words(runs, size).reduce((sum, word) => sum + word.width + (word.space?.width ?? 0), 0)
  }

  /** Cuts a word at hyphenation points (offsets into its text); each part but the last gets the hyphen it would end a line with. */
  syllables(word: Word, breaks: readonly number[], size: number): Syllables {
    const parts: Word[] = []
    const hyphens: Piece[] = []
    let pieces: Piece[] = []
    let offset = 0
    let next = 0
    const close = (font: string) => {
      const face = font.slice(font.indexOf('-') + 1) as Face
      const hyphenFont = aliasName(0xad, face)
      parts.push({ pieces, width: pieces.reduce((sum, piece) => sum + piece.width, 0), space: undefined })
      hyphens.push({ text: softHyphen, font: hyphenFont, width: this.width(softHyphen, hyphenFont, size) })
      pieces = []
    }
    for (const piece of word.pieces) {
      let text = piece.text
      while (next < breaks.length && breaks[next]! - offset < text.length) {
        const cut = breaks[next]! - offset
        if (cut > 0) pieces.push({ ...piece, text: text.slice(0, cut), width: this.width(text.slice(0, cut), piece.font, pieceSize(piece, size)) })
        close(piece.font)
        text = text.slice(cut)
        offset += cut
        next++
      }
      if (text) pieces.push({ ...piece, text, width: this.width(text, piece.font, pieceSize(piece, size)) })
      offset += text.length
    }
    parts.push({ pieces, width: pieces.reduce((sum, piece) => sum + piece.width, 0), space: word.space })
    return { parts, hyphens }
  }

  /** Cuts a word wider than `width` (a long address, say) into parts that fit, between characters. */
  split(word: Word, width: number, size: number): Word[] {
    const parts: Word[] = []
    let pieces: Piece[] = []
    let used = 0
    for (const piece of word.pieces) {
      for (const char of piece.text) {
        const charWidth = this.width(char, piece.font, pieceSize(piece, size))
        if (used + charWidth > width && used > 0) {
          parts.push({ pieces, width: used, space: undefined })
          pieces = []
          used = 0
        }
        const last = pieces[pieces.length - 1]
        if (last && last.font === piece.font && last.link === piece.link && last.raised === piece.raised && last.note === piece.note) pieces[pieces.length - 1] = { ...last, text: last.text + char, width: last.width + charWidth }
        else pieces.push({ ...piece, text: char, width: charWidth })
        used += charWidth
      }
    }
    parts.push({ pieces, width: used, space: word.space })
    return parts
  }

  #fontkit(name: string): FontkitFont {
    return this.#open(name) as FontkitFont
  }

  // Selects a font; pdfkit keeps the fontkit font of an embedded font as `font` (it is only embedded once used on a page).
  #open(name: string): object {
    const alias = this.#aliases.get(name)
    const file = this.#files.get(name)
    if (file && !this.#opened.has(name)) {
      this.#doc.registerFont(name, (alias === undefined ? (parsed.get(file) ?? sfntOf(file)) : sfntOf(file)) as Buffer)
      if (alias !== undefined) this.#openAlias(name, alias)
    }
    this.#doc.font(name)
    const embedded = (this.#doc as unknown as { _font: EmbeddedFont })._font
    if (file && !this.#opened.has(name)) {
      this.#opened.add(name)
      if (!parsed.has(file)) parsed.set(file, embedded.font)
      const cache = shaped.get(file)
      if (cache) embedded.layoutCache = cache
      else if (embedded.layoutCache) shaped.set(file, embedded.layoutCache)
    }
    return embedded.font
  }

  // pdfkit shares one embedded font between names whose font files are the same; an alias needs its own, so that
  // its text layer can map the lookalike glyph to the alias's character.
  #openAlias(name: string, codePoint: number): void {
    const doc = this.#doc as unknown as { _fontFamilies: Record<string, EmbeddedFont>; _font: EmbeddedFont }
    const families = doc._fontFamilies
    doc._fontFamilies = {}
    this.#doc.font(name)
    const embedded = doc._font
    doc._fontFamilies = families
    families[name] = embedded
    const glyph = embedded.font.glyphForCodePoint(lookalikes.get(codePoint)!)
    const layout = embedded.layout.bind(embedded)
    const char = String.fromCodePoint(codePoint)
    embedded.layout = (text, features, onlyWidth) => {
      if (![...text].every((each) => each === char)) return layout(text, features, onlyWidth)
      const count = [...text].length
      const advanceWidth = glyph.advanceWidth
      return {
        glyphs: Array.from({ length: count }, () => ({ id: glyph.id, advanceWidth, codePoints: [codePoint] })),
        positions: Array.from({ length: count }, () => ({ xAdvance: advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth })),
        advanceWidth: advanceWidth * count,
      }
    }
  }
}

// Only link text carries the key, so pieces of plain text keep their shape.
function withLink(piece: Piece, link: LinkTarget | undefined): Piece {
  return link ? { ...piece, link } : piece
}
