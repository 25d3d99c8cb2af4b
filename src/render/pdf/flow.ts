import { pieceSize, superscript, type Fonts, type Piece, type Word } from './measure.js'
import type { Hyphenator } from './hyphenate.js'
import { breakJustified, breakLines, letterCount, stretchFactor, trackingFactor, type Line } from './lines.js'
import { ParagraphMarks } from './links.js'
import type { Run } from './runs.js'
import type { Theme } from './theme.js'

/** How the lines of a paragraph sit between its margins. */
export type Align = 'justify' | 'left' | 'center' | 'right'

/** The printable area of a page, in points from the top left corner. */
export interface Frame {
  left: number
  width: number
  top: number
  bottom: number
}

/** Size, leading, alignment and spacing of a block of text. */
export interface BlockStyle {
  size: number
  leading: number
  align: Align
  spaceBefore: number
  spaceAfter: number
}

/** Where and how one paragraph is set, beyond its style. */
export interface ParagraphOptions {
  /** Left inset of the text from the frame. */
  inset?: number
  /** Indent of the first line, after the inset. */
  firstIndent?: number
  /** A label set on the first line at the frame's left edge (a list numeral, "Objet:"), in its own element when `tag` is set. */
  label?: { runs: Run[]; tag?: 'Lbl' }
  /** Height that must follow this block on the same page (keeps a heading with its text). */
  keepWithNext?: number
  /** Language of the element, when it differs from its parent's. */
  lang?: string
  /** Called once the first line has its page, with its top, to add a bookmark there. */
  onPlace?: (top: number) => void
}

type StructElement = PDFKit.PDFStructureElement

/** A footnote the page foot sets: its runs (its mark, then its text), tagged `Note` under `parent`. */
export interface Footnote {
  label: string
  runs: Run[]
}

interface FootNote {
  runs: Run[]
  parent: StructElement
  lang: string
  left: number
  width: number
  style: BlockStyle
  lines?: Line[]
  /** The note's element and marked content, open from its first line drawn to its last. */
  element?: StructElement
  marks?: ParagraphMarks
}

// The lines of a note set at one page's foot: all of them, or the part that fits there (`last` unless more follow on the next page).
interface NotePart {
  note: FootNote
  lines: Line[]
  last: boolean
}

/**
 * Sets paragraphs on pages: line breaking, page breaks that leave no widow, orphan or lonely heading,
 * and one tagged structure element per paragraph whose marked content follows it across pages.
 */
export class Flow {
  readonly doc: PDFKit.PDFDocument
  readonly fonts: Fonts
  /** The block styles, margins, sizes and colours of the house style the document is set in. */
  readonly theme: Theme
  frame: Frame
  /** The language paragraphs are hyphenated in, unless a paragraph says otherwise (an annex in another language sets its own). */
  language = ''
  /** Hyphenators by language tag, loaded before the document is set; a language without one is not hyphenated. */
  hyphenators: ReadonlyMap<string, Hyphenator> = new Map()
  y = 0
  #page: PDFKit.PDFDocumentOptions
  #hasPage = false
  #atTop = true
  #reserved = 0
  // Footnotes that marks refer to, by label; those set on the current page and not yet drawn, in the
  // order of their marks; the height of the notes already drawn at this page's foot.
  #notes = new Map<string, FootNote>()
  #placed = new Set<FootNote>()
  #pending: NotePart[] = []
  // The lines of notes that did not fit at the foot of their page, set first at the next page's foot.
  #carried: NotePart[] = []
  #footDrawn = 0
  #noteCount = 0

  constructor(doc: PDFKit.PDFDocument, fonts: Fonts, theme: Theme, frame: Frame, page: PDFKit.PDFDocumentOptions) {
    this.doc = doc
    this.fonts = fonts
    this.theme = theme
    this.frame = frame
    this.#page = page
  }

  /** Makes sure there is a page to draw on (the first page is only added when something is set). */
  begin(): void {
    if (!this.#hasPage) this.#newPage()
  }

  /** Keeps `height` points above the bottom of the current page free of text (a first page's address footer). */
  reserveFoot(height: number): void {
    this.#reserved = height
  }

  /**
   * Makes `notes` the footnotes the marks set from now on refer to: each is set in `style` at the foot
   * of the page its first mark is on, under a short rule, tagged `Note` under `parent`, and the page
   * keeps room for it, so that a line whose note would not fit goes to the next page with its note.
   */
  footnotes(parent: StructElement, notes: readonly Footnote[], style: BlockStyle): void {
    this.#notes = new Map(notes.map((note) => [note.label, { runs: note.runs, parent, lang: this.language, left: this.frame.left, width: this.frame.width, style }]))
  }

  /** Sets the footnotes no mark referred to at the foot of the current page (or the next), then draws this page's notes; marks refer to no note after this. */
  endNotes(): void {
    for (const note of this.#notes.values()) {
      if (this.#placed.has(note)) continue
      this.begin()
      if (this.y > this.#footTop([...this.#pending, this.#whole(note)]) + 0.01 && !this.#atTop) this.#newPage()
      this.#setAtFoot(note, this.y)
    }
    this.#drawNotes()
    // A note that goes on at the next page's foot is finished before its parent element ends.
    while (this.#carried.length > 0) {
      this.#newPage()
      this.#drawNotes()
    }
    this.#notes = new Map()
  }

  /** Starts a new page unless the current one is still empty (so no page is ever blank). */
  pageBreak(): void {
    if (!this.#atTop) this.#newPage()
  }

  /** Sets one paragraph as a new structure element of `tag` under `parent`. */
  paragraph(parent: StructElement, tag: string, runs: readonly Run[], style: BlockStyle, options: ParagraphOptions = {}): void {
    const inset = options.inset ?? 0
    const width = this.frame.width - inset
    const firstIndent = options.firstIndent ?? 0
    const lines = this.#breakLines(runs, style, width, width - firstIndent, options.lang ?? this.language)
    const label = options.label ? breakLines(this.fonts.words(options.label.runs, style.size), Infinity)[0] : undefined
    const labelElement = label && options.label?.tag ? this.#element(parent, options.label.tag) : undefined
    const element = this.#element(parent, tag, options.lang)
    const marks = new ParagraphMarks(this.doc, element, tag)
    const notes = (line: number) => lines[line]!.words.flatMap((word) => word.pieces.flatMap((piece) => (piece.note === undefined ? [] : [piece.note])))
    this.#place(lines.length, style, options.keepWithNext ?? 0, (from, to, top) => {
      if (from === 0) options.onPlace?.(top)
      if (from === 0 && label && labelElement) this.#mark(labelElement, options.label!.tag!, () => this.#drawLine(label, this.frame.left, top, Infinity, 'left', true, style.size))
      if (from === 0 && label && !labelElement) this.#drawLine(label, this.frame.left, top, Infinity, 'left', true, style.size, marks)
      for (let index = from; index < to; index++) {
        const indent = index === 0 ? firstIndent : 0
        const y = top + (index - from) * style.leading
        this.#drawLine(lines[index]!, this.frame.left + inset + indent, y, width - indent, style.align, index === lines.length - 1, style.size, marks)
      }
      marks.close()
    }, (index) => lines[index]?.hyphen !== undefined, notes)
    labelElement?.end()
    marks.end()
    element.end()
  }

  /** Draws something that is not content (rules, bullets, page numbers) as a marked artifact. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type } as PDFKit.Mixins.MarkingOptions)
    draw()
    this.doc.endMarkedContent()
  }

  /** Draws a short horizontal rule as a layout artifact (a separator, the line above the notes). */
  separator(): void {
    this.begin()
    if (this.y + 12 > this.#footTop(this.#pending)) this.#newPage()
    this.rule(this.frame.left, this.y + 6, Math.min(144, this.frame.width), 'black')
    this.y += 12
  }

  /** Draws a round bullet centred at `x` on the first line whose top is `top`. */
  bullet(x: number, top: number, size: number): void {
    const y = top + this.fonts.ascent(size) - size * 0.27
    this.artifact(() => this.doc.circle(x, y, size * 0.15).fill('black'))
  }

  /** Draws a horizontal rule across `width` at `y`. */
  rule(x: number, y: number, width: number, color = '#4d4d4d'): void {
    this.artifact(() => this.doc.save().moveTo(x, y).lineTo(x + width, y).lineWidth(0.6).strokeColor(color).stroke().restore())
  }

  /** Sets text on one line at a given place, without wrapping (page furniture). */
  line(runs: readonly Run[], x: number, y: number, width: number, align: Align, size: number): void {
    const line = breakLines(this.fonts.words(runs, size), Infinity)[0]
    if (line) this.#drawLine(line, x, y, width, align, true, size)
  }

  // Justified text is broken by total fit, with hyphenation where it needs it; ragged text first fit.
  #breakLines(runs: readonly Run[], style: BlockStyle, width: number, firstWidth: number, language: string): Line[] {
    const words = this.fonts.words(runs, style.size)
    const split = (word: Word, room: number) => this.fonts.split(word, room, style.size)
    if (style.align !== 'justify') return breakLines(words, width, firstWidth, split)
    const hyphenator = this.hyphenators.get(language)
    const hyphenate = (word: Word) => {
      if (!hyphenator || word.pieces.some((piece) => piece.link || piece.raised)) return undefined
      const breaks = hyphenator(word.pieces.map((piece) => piece.text).join(''))
      return breaks.length > 0 ? this.fonts.syllables(word, breaks, style.size) : undefined
    }
    return breakJustified(words, width, firstWidth, style.size, hyphenate, split)
  }

  #element(parent: StructElement, tag: string, lang?: string): StructElement {
    const element = this.doc.struct(tag, lang ? { lang } : {})
    // Attach before marking content: an element left out of the tree keeps doc.end() waiting forever.
    parent.add(element)
    return element
  }

  #mark(element: StructElement, tag: string, draw: () => void): void {
    const content = this.doc.markStructureContent(tag)
    draw()
    this.doc.endMarkedContent()
    element.add(content)
  }

  #newPage(): void {
    if (this.#hasPage) this.#drawNotes()
    this.doc.addPage(this.#page)
    this.#hasPage = true
    this.#atTop = true
    this.#reserved = 0
    this.#footDrawn = 0
    this.y = this.frame.top
    this.#takeCarried()
  }

  // The top of the current page's foot once `notes` are set there: a rule's space, then the notes.
  #footTop(parts: readonly NotePart[]): number {
    let height = 0
    for (const part of parts) height += part.lines.length * part.note.style.leading + (height > 0 ? part.note.style.spaceAfter : part.note.style.leading)
    return this.frame.bottom - this.#reserved - this.#footDrawn - height
  }

  #whole(note: FootNote): NotePart {
    return { note, lines: this.#noteLines(note), last: true }
  }

  // The room a page's foot may take: two thirds of the page.
  #maxFoot(): number {
    return ((this.frame.bottom - this.#reserved - this.frame.top) * 2) / 3
  }

  // What a line with a mark needs at the foot of its page: its whole note, or the first two lines of a
  // note longer than a page's foot may be (the rest goes on at the next page's foot).
  #needed(note: FootNote): NotePart {
    const part = this.#whole(note)
    return part.lines.length * note.style.leading + note.style.leading > this.#maxFoot() ? { ...part, lines: part.lines.slice(0, 2), last: false } : part
  }

  // Sets a note at this page's foot below text that ends at `bottom`: whole when it fits, else the lines
  // that fit here and the rest at the next page's foot (a note longer than the room a page has).
  #setAtFoot(note: FootNote, bottom: number): void {
    this.#placed.add(note)
    const part = this.#whole(note)
    const room = this.#footTop(this.#pending) - bottom - (this.#pending.length > 0 ? note.style.spaceAfter : note.style.leading)
    const fit = Math.floor((room + 0.01) / note.style.leading)
    if (fit >= part.lines.length) this.#pending.push(part)
    else {
      if (fit > 0) this.#pending.push({ note, lines: part.lines.slice(0, fit), last: false })
      this.#carried.push({ note, lines: part.lines.slice(Math.max(fit, 0)), last: true })
    }
  }

  // The carried lines a new page's foot takes: at most two thirds of the page, the rest carried again.
  #takeCarried(): void {
    const carried = this.#carried
    this.#carried = []
    let room = this.#maxFoot()
    for (const part of carried) {
      room -= this.#pending.length > 0 ? part.note.style.spaceAfter : part.note.style.leading
      const fit = Math.max(0, Math.floor((room + 0.01) / part.note.style.leading))
      if (this.#carried.length > 0 || fit === 0) this.#carried.push(part)
      else if (fit >= part.lines.length) this.#pending.push(part)
      else {
        this.#pending.push({ note: part.note, lines: part.lines.slice(0, fit), last: false })
        this.#carried.push({ ...part, lines: part.lines.slice(fit) })
      }
      room -= fit * part.note.style.leading
    }
  }

  #noteLines(note: FootNote): Line[] {
    note.lines ??= this.#breakLines(note.runs, note.style, note.width, note.width, note.lang)
    return note.lines
  }

  // The notes `labels` refer to that are neither placed nor `known`, each once, in the order of the labels.
  #newNotes(labels: readonly string[], known: readonly FootNote[]): FootNote[] {
    const fresh: FootNote[] = []
    for (const label of labels) {
      const note = this.#notes.get(label)
      if (note && !this.#placed.has(note) && !known.includes(note) && !fresh.includes(note)) fresh.push(note)
    }
    return fresh
  }

  // Draws the notes set on this page at its foot, under a short rule, the last note's last line on the foot's bottom line.
  #drawNotes(): void {
    const parts = this.#pending
    if (parts.length === 0) return
    const first = parts[0]!.note
    const top = this.#footTop(parts)
    this.rule(first.left, top + first.style.leading * 0.45, Math.min(144, first.width / 3), 'black')
    let y = top + first.style.leading
    for (const { note, lines, last } of parts) {
      if (!note.element) {
        note.element = this.#element(note.parent, 'Note')
        // PDF/UA wants each Note element to have an ID unique in the document.
        ;(note.element as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.ID = new String(`note-${++this.#noteCount}`)
        note.marks = new ParagraphMarks(this.doc, note.element, 'Note')
      }
      const marks = note.marks!
      lines.forEach((line, index) => this.#drawLine(line, note.left, y + index * note.style.leading, note.width, note.style.align, last && index === lines.length - 1, note.style.size, marks))
      marks.close()
      if (last) {
        marks.end()
        note.element.end()
      }
      y += lines.length * note.style.leading + note.style.spaceAfter
    }
    this.#footDrawn = this.frame.bottom - this.#reserved - top
    this.#pending = []
  }

  // Splits `count` lines over pages: at least two lines at a page foot and two at the next page head,
  // paragraphs of up to three lines kept whole, and `keep` points of what follows kept on the same page.
  // A page never ends on a hyphenated line when a line less still leaves two on each page.
  // A line with a footnote mark takes its note's room at the page foot with it.
  #place(count: number, style: BlockStyle, keep: number, draw: (from: number, to: number, top: number) => void, hyphenated: (line: number) => boolean = () => false, notes: (line: number) => string[] = () => []): void {
    this.begin()
    let index = 0
    while (index < count) {
      const before = this.#atTop ? 0 : index === 0 ? style.spaceBefore : 0
      const rest = count - index
      const fresh: FootNote[] = []
      const known = () => [...this.#pending.map((part) => part.note), ...fresh]
      let room = 0
      while (room < rest) {
        const added = this.#newNotes(notes(index + room), known())
        if (this.y + before + (room + 1) * style.leading > this.#footTop([...this.#pending, ...[...fresh, ...added].map((note) => this.#needed(note))]) + 0.01) break
        fresh.push(...added)
        room++
      }
      let take = rest <= room ? rest : rest <= 3 ? 0 : Math.min(room, rest - 2)
      if (take < rest && take > 2 && hyphenated(index + take - 1)) take--
      if (take < rest && take < 2) take = 0
      const taken = (lines: number) => {
        const found: FootNote[] = []
        for (let line = index; line < index + lines; line++) found.push(...this.#newNotes(notes(line), [...this.#pending.map((part) => part.note), ...found]))
        return found
      }
      if (take === rest && index === 0 && keep > 0 && this.y + before + rest * style.leading + style.spaceAfter + keep > this.#footTop([...this.#pending, ...taken(take).map((note) => this.#needed(note))])) take = 0
      if (take === 0 && this.#atTop) take = Math.max(1, Math.min(room, rest))
      if (take === 0) {
        this.#newPage()
        continue
      }
      for (const note of taken(take)) this.#setAtFoot(note, this.y + before + take * style.leading)
      this.y += before
      draw(index, index + take, this.y)
      this.y += take * style.leading
      this.#atTop = false
      index += take
      if (index < count) this.#newPage()
    }
    this.y += style.spaceAfter
  }

  // With `marks`, the line's text is marked as its paragraph's or its link's, and links get annotations.
  #drawLine(line: Line, x: number, y: number, width: number, align: Align, last: boolean, size: number, marks?: ParagraphMarks): void {
    const free = Number.isFinite(width) ? width - line.width : 0
    let cursor = x + (align === 'center' ? free / 2 : align === 'right' ? free : 0)
    const gaps = line.words.length - 1
    // Justification moves each word (with its own space glyph) rather than dropping the spaces, so
    // extracted text keeps them; the room left is shared between the word spaces and the letters, in
    // the proportions the line breaker planned with, letters never more than twice their share (spaces
    // shrink a little on a line broken to hold one more word); the last line of a paragraph stays ragged.
    const justify = align === 'justify' && !last && gaps > 0 && free !== 0
    // Glyphs before the line's last one, each moved by the letter spacing (the space glyphs too).
    const letters = justify ? line.words.reduce((sum, word) => sum + letterCount(word), 0) + gaps + (line.hyphen ? 1 : 0) - 1 : 0
    const spaces = line.words.slice(0, -1).reduce((sum, word) => sum + (word.space?.width ?? 0), 0)
    const ratio = justify && free > 0 ? free / (spaces * stretchFactor + letters * size * trackingFactor) : 0
    const tracking = Math.min(ratio, 2) * size * trackingFactor
    const extra = justify ? (free - tracking * letters) / gaps : 0
    const groups: Piece[][] = justify ? line.words.map((word) => [...word.pieces, ...(word.space ? [word.space] : [])]) : [line.words.flatMap((word) => [...word.pieces, ...(word.space ? [word.space] : [])])]
    const baseline = y + this.fonts.ascent(size)
    marks?.startLine(y, baseline + this.fonts.descent(size))
    for (const group of groups) {
      for (const piece of merge(group)) {
        marks?.enter(piece.link)
        this.fonts.use(piece.font, pieceSize(piece, size))
        const spacing = tracking ? { characterSpacing: tracking } : {}
        // A superscript sits on a baseline raised from the line's, at its own smaller size.
        if (piece.raised) this.doc.text(piece.text, cursor, baseline - size * superscript.rise, { lineBreak: false, baseline: 'alphabetic', ...spacing })
        else if (piece.link) {
          // A link prints in the house style's link colour, underlined, as Word's Hyperlink style shows it in the DOCX.
          this.doc.save().fillColor(this.theme.colours.link)
          this.doc.text(piece.text, cursor, y, { lineBreak: false, underline: piece.text.trim() !== '', ...spacing })
          this.doc.restore()
        } else this.doc.text(piece.text, cursor, y, { lineBreak: false, ...spacing })
        const drawn = piece.width + tracking * [...piece.text].length
        if (piece.link && piece.text.trim()) marks?.extend(piece.link, cursor, cursor + drawn - tracking)
        cursor += drawn
      }
      cursor += extra
    }
    if (line.hyphen) {
      // The hyphen is no part of the word: a span whose actual text is a soft hyphen (pdfjs leaves it
      // out and marks the line as hyphenated). The span opens inside the glyph's text object: poppler
      // places actual text with the transformation current at the span's end, and a span around
      // pdfkit's own save/transform/restore put the hyphen on another line, apart from its word.
      marks?.enter(undefined)
      this.fonts.use(line.hyphen.font, size)
      insideText(this.doc, `/Span <</ActualText <FEFF${line.hyphen.text.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>>> BDC`, 'EMC', () =>
        this.doc.text(line.hyphen!.text, cursor - extra, y, { lineBreak: false }),
      )
    }
    marks?.endLine()
  }
}

// Runs `draw` (one pdfkit text call) with `open` written right after its text object begins and `close`
// right before it ends, so that the marked content holds the glyphs under the same transformation.
function insideText(doc: PDFKit.PDFDocument, open: string, close: string, draw: () => void): void {
  const target = doc as unknown as { addContent(data: string): PDFKit.PDFDocument }
  const add = target.addContent
  const own = Object.hasOwn(target, 'addContent')
  target.addContent = function (this: PDFKit.PDFDocument, data: string) {
    if (data === 'ET') add.call(this, close)
    add.call(this, data)
    if (data === 'BT') add.call(this, open)
    return this
  }
  try {
    draw()
  } finally {
    if (own) target.addContent = add
    else delete (target as { addContent?: unknown }).addContent
  }
}

// Joins pieces in one font into one text call; link text stays in its own pieces, so that a link's
// annotation covers its glyphs and not the spaces around them.
function merge(pieces: readonly Piece[]): Piece[] {
  const merged: Piece[] = []
  for (const piece of pieces) {
    const previous = merged[merged.length - 1]
    if (previous && previous.font === piece.font && !previous.link && !piece.link && previous.raised === piece.raised) merged[merged.length - 1] = { ...previous, text: previous.text + piece.text, width: previous.width + piece.width }
    else merged.push(piece)
  }
  return merged
}
