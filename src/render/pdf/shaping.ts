// Shaping a word with fontkit (OpenType GSUB and GPOS) costs about half a millisecond the first time each
// word is met, most of it setting up a shaping plan; a render meets a thousand words or more. For a word
// that no substitution can touch and that only pair kerning moves, the result is known from the font's
// tables alone: each glyph's advance plus the kerning of each pair. This module gives that result, the same
// glyphs and positions fontkit would give, and no result for any other word, which fontkit then shapes.
//
// A word qualifies when every character is a letter, digit, punctuation or space of the Latin, Greek,
// Cyrillic or common scripts whose glyph is in no coverage of a substitution the default features apply
// (a contextual one counts only when it could match without marks), no mark, ligature or cursive glyph,
// and no contextual positioning; a word holding a ligature's letters (f + i) is shaped by fontkit.

interface Coverage {
  version: number
  glyphs?: number[]
  rangeRecords?: { start: number; end: number; startCoverageIndex: number }[]
}
interface ClassDef {
  version: number
  startGlyph?: number
  classValueArray?: number[]
  classRangeRecord?: { start: number; end: number; class: number }[]
}
interface ValueRecord {
  xAdvance?: number
  yAdvance?: number
  xPlacement?: number
  yPlacement?: number
}
interface LazyArray<T> {
  get(index: number): T
  toArray(): T[]
}
interface Subtable {
  version?: number
  coverage?: Coverage
  lookupType?: number
  extension?: Subtable
  value?: ValueRecord
  values?: LazyArray<ValueRecord>
  pairSets?: LazyArray<Iterable<{ secondGlyph: number; value1: ValueRecord; value2: ValueRecord }>>
  classDef1?: ClassDef
  classDef2?: ClassDef
  classRecords?: LazyArray<LazyArray<{ value1: ValueRecord; value2: ValueRecord }>>
  ligatureSets?: LazyArray<Iterable<{ glyph: number; components: number[] }>>
  markCoverage?: Coverage
  mark1Coverage?: Coverage
  inputCoverage?: Coverage[]
  backtrackCoverage?: Coverage[]
  lookaheadCoverage?: Coverage[]
  coverages?: Coverage[]
}
interface Lookup {
  lookupType: number
  flags: { flags: { ignoreBaseGlyphs: boolean } }
  subTables: Subtable[]
}
interface LayoutTable {
  scriptList: { tag: string; script: { defaultLangSys?: { featureIndexes: number[] } | null } }[]
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[]
  lookupList: LazyArray<Lookup>
}
interface Glyph {
  id: number
  advanceWidth: number
  codePoints: number[]
}
/** The parts of a fontkit font this module reads. */
export interface ShapedFont {
  unitsPerEm: number
  GSUB?: LayoutTable
  GPOS?: LayoutTable
  GDEF?: { glyphClassDef?: ClassDef }
  morx?: unknown
  kern?: unknown
  fvar?: unknown
  glyphForCodePoint(codePoint: number): Glyph
}

/** A word's glyphs and positions in 1000ths of the font size, as pdfkit's `EmbeddedFont.layoutRun` gives them. */
export interface Run {
  glyphs: Glyph[]
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[]
  readonly advanceWidth: number
}

// The features fontkit's default shaper applies to Latin, Greek, Cyrillic and common text; the fractional
// ones apply only around U+2044, which is never shaped here.
const applied = new Set(['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'])
// Below U+2C00 the script of every character has stood since Unicode 6, so JavaScript's script property and
// fontkit's own Unicode data agree on it (fontkit picks the shaping script from the first letter).
const plain = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}]$/u
const excluded = /^[\p{M}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2044]$/u

// fontkit's OTProcessor.coverageIndex and getClassID, read the same way.
function coverageIndex(coverage: Coverage, glyph: number): number {
  if (coverage.version === 1) return coverage.glyphs!.indexOf(glyph)
  if (coverage.version === 2) for (const range of coverage.rangeRecords!) if (range.start <= glyph && glyph <= range.end) return range.startCoverageIndex + glyph - range.start
  return -1
}

function classOf(glyph: number, classDef: ClassDef): number {
  if (classDef.version === 1) {
    const index = glyph - classDef.startGlyph!
    if (index >= 0 && index < classDef.classValueArray!.length) return classDef.classValueArray![index]!
  } else if (classDef.version === 2) {
    for (const range of classDef.classRangeRecord!) if (range.start <= glyph && glyph <= range.end) return range.class
  }
  return 0
}

function glyphsOf(coverage: Coverage | undefined): number[] {
  if (!coverage) return []
  if (coverage.version === 1) return coverage.glyphs!
  return coverage.rangeRecords!.flatMap((range) => Array.from({ length: range.end - range.start + 1 }, (_, index) => range.start + index))
}

// The lookups of the applied features in the default language of each script, with repeats: fontkit
// applies a lookup once per feature naming it.
function lookupsOf(table: LayoutTable | undefined): Map<string, number[]> {
  const scripts = new Map<string, number[]>()
  for (const { tag, script } of table?.scriptList ?? []) {
    const features = new Map<string, number[]>()
    for (const index of script.defaultLangSys?.featureIndexes ?? []) {
      const record = table!.featureList[index]!
      features.set(record.tag, record.feature.lookupListIndexes)
    }
    scripts.set(tag, [...features].filter(([name]) => applied.has(name)).flatMap(([, indexes]) => indexes))
  }
  return scripts
}

// The script fontkit shapes a word in: that of its first letter (Latin, Greek or Cyrillic here), looked up
// among the font's scripts, else the first of DFLT, dflt and latn the font has.
function scriptOf(codePoints: readonly number[], scripts: ReadonlyMap<string, unknown>): string | undefined {
  let tag = 'Zzzz'
  for (const codePoint of codePoints) {
    const found = scriptTags.find(([pattern]) => pattern.test(String.fromCodePoint(codePoint)))
    if (found) {
      tag = found[1]
      break
    }
  }
  return [tag, 'DFLT', 'dflt', 'latn'].find((candidate) => scripts.has(candidate))
}
const scriptTags: [RegExp, string][] = [
  [/\p{Script=Latin}/u, 'latn'],
  [/\p{Script=Greek}/u, 'grek'],
  [/\p{Script=Cyrillic}/u, 'cyrl'],
]

// An extension lookup (GSUB 7, GPOS 9) holds its real type and subtables one level down.
function unwrap(lookup: Lookup): { type: number; subtables: Subtable[] } {
  const first = lookup.subTables[0]
  if (!first?.extension) return { type: lookup.lookupType, subtables: lookup.subTables }
  return { type: first.lookupType!, subtables: lookup.subTables.map((table) => table.extension!) }
}

type Vector = [number, number, number, number]
const add = (vector: Vector, value: ValueRecord | undefined) => {
  if (!value) return
  if (value.xAdvance != null) vector[0] += value.xAdvance
  if (value.yAdvance != null) vector[1] += value.yAdvance
  if (value.xPlacement != null) vector[2] += value.xPlacement
  if (value.yPlacement != null) vector[3] += value.yPlacement
}

interface Positioning {
  singles: Subtable[][]
  pairs: Subtable[][]
  single: Map<number, Vector>
  kerning: Map<number, [Vector, Vector]>
}

/** Lays out words of a font from its tables where that gives fontkit's result, or returns undefined. */
export class TableShaper {
  readonly #font: ShapedFont
  readonly #scale: number
  readonly #complex = new Set<number>()
  readonly #ligatures = new Map<number, number[][]>()
  readonly #scripts = new Map<string, Positioning>()
  readonly #simple = new Map<number, boolean>()

  /** The shaper of a font, or undefined when the font needs more than its tables give (AAT, variations, a kern table). */
  static for(font: ShapedFont): TableShaper | undefined {
    if (font.morx || font.fvar || font.kern || !font.GPOS || !font.GDEF?.glyphClassDef) return undefined
    const shaper = new TableShaper(font)
    return shaper.#read() ? shaper : undefined
  }

  private constructor(font: ShapedFont) {
    this.#font = font
    this.#scale = 1000 / font.unitsPerEm
  }

  #read(): boolean {
    const classes = this.#font.GDEF!.glyphClassDef!
    const marks = (glyphs: number[]) => glyphs.length > 0 && glyphs.every((glyph) => classOf(glyph, classes) === 3)
    for (const index of new Set([...lookupsOf(this.#font.GSUB).values()].flat())) {
      const { type, subtables } = unwrap(this.#font.GSUB!.lookupList.get(index))
      for (const table of subtables) {
        if (type === 4 && table.coverage && table.ligatureSets) {
          glyphsOf(table.coverage).forEach((first, at) => {
            const list = this.#ligatures.get(first) ?? []
            for (const ligature of table.ligatureSets!.get(at)) list.push(ligature.components)
            this.#ligatures.set(first, list)
          })
        } else if (type === 6 && table.version === 3) {
          // A chained rule that needs a mark somewhere can never match a word without marks.
          const all = [...table.backtrackCoverage!, ...table.inputCoverage!, ...table.lookaheadCoverage!]
          if (!all.some((coverage) => marks(glyphsOf(coverage)))) for (const glyph of glyphsOf(table.inputCoverage![0])) this.#complex.add(glyph)
        } else if (type === 5 && table.version === 3) {
          if (!table.coverages!.some((coverage) => marks(glyphsOf(coverage)))) for (const glyph of glyphsOf(table.coverages![0])) this.#complex.add(glyph)
        } else {
          // Every other substitution starts at a glyph of its coverage.
          for (const glyph of glyphsOf(table.coverage)) this.#complex.add(glyph)
        }
      }
    }
    for (const [tag, indexes] of lookupsOf(this.#font.GPOS)) {
      const positioning: Positioning = { singles: [], pairs: [], single: new Map(), kerning: new Map() }
      for (const index of indexes) {
        const lookup = this.#font.GPOS!.lookupList.get(index)
        const { type, subtables } = unwrap(lookup)
        if (type === 1 || type === 2) {
          if (lookup.flags.flags.ignoreBaseGlyphs) return false
          ;(type === 1 ? positioning.singles : positioning.pairs).push(subtables)
          continue
        }
        for (const table of subtables) {
          for (const glyph of glyphsOf(table.coverage ?? table.markCoverage ?? table.mark1Coverage ?? table.inputCoverage?.[0] ?? table.coverages?.[0])) this.#complex.add(glyph)
        }
      }
      this.#scripts.set(tag, positioning)
    }
    return this.#scripts.size > 0
  }

  /** The run pdfkit's layoutRun would return for the text (scaled to 1000 units per em), or undefined when fontkit must shape it. */
  run(text: string): Run | undefined {
    const codePoints: number[] = []
    for (const char of text) {
      const codePoint = char.codePointAt(0)!
      if (!this.#isSimple(codePoint, char)) return undefined
      codePoints.push(codePoint)
    }
    if (codePoints.length === 0) return undefined
    // The glyph objects are made in fontkit's order (the text's glyphs, then the space glyph): pdfkit maps
    // each glyph back to the code points of the object fontkit first made for it.
    const glyphs = codePoints.map((codePoint) => this.#font.glyphForCodePoint(codePoint))
    const ids = glyphs.map((glyph) => glyph.id)
    for (let index = 0; index < ids.length; index++) {
      for (const components of this.#ligatures.get(ids[index]!) ?? []) {
        if (components.every((component, offset) => ids[index + 1 + offset] === component)) return undefined
      }
    }
    const positioning = this.#scripts.get(scriptOf(codePoints, this.#scripts) ?? '')
    if (!positioning) return undefined
    this.#font.glyphForCodePoint(0x20)
    const vectors = glyphs.map((glyph): Vector => {
      const single = singleOf(positioning, glyph.id)
      return [glyph.advanceWidth + single[0], single[1], single[2], single[3]]
    })
    for (let index = 0; index + 1 < ids.length; index++) {
      const [first, second] = pairOf(positioning, ids[index]!, ids[index + 1]!)
      for (let axis = 0; axis < 4; axis++) {
        vectors[index]![axis]! += first[axis]!
        vectors[index + 1]![axis]! += second[axis]!
      }
    }
    const scale = this.#scale
    const positions = vectors.map(([xAdvance, yAdvance, xOffset, yOffset], index) => ({
      xAdvance: xAdvance * scale,
      yAdvance: yAdvance * scale,
      xOffset: xOffset * scale,
      yOffset: yOffset * scale,
      advanceWidth: glyphs[index]!.advanceWidth * scale,
    }))
    return {
      glyphs,
      positions,
      get advanceWidth() {
        let width = 0
        for (const position of positions) width += position.xAdvance
        return width
      },
    }
  }

  #isSimple(codePoint: number, char: string): boolean {
    let simple = this.#simple.get(codePoint)
    if (simple === undefined) {
      simple = false
      if (codePoint >= 0x20 && codePoint < 0x2c00 && plain.test(char) && !excluded.test(char)) {
        const glyph = this.#font.glyphForCodePoint(codePoint).id
        const glyphClass = classOf(glyph, this.#font.GDEF!.glyphClassDef!)
        simple = glyph !== 0 && glyphClass !== 2 && glyphClass !== 3 && !this.#complex.has(glyph)
      }
      this.#simple.set(codePoint, simple)
    }
    return simple
  }
}

function singleOf(positioning: Positioning, glyph: number): Vector {
  let vector = positioning.single.get(glyph)
  if (!vector) {
    vector = [0, 0, 0, 0]
    for (const subtables of positioning.singles) {
      for (const table of subtables) {
        const index = coverageIndex(table.coverage!, glyph)
        if (index === -1) continue
        add(vector, table.version === 1 ? table.value : table.values!.get(index))
        break
      }
    }
    positioning.single.set(glyph, vector)
  }
  return vector
}

// What pair positioning adds to a glyph followed by another: fontkit's GPOSProcessor for lookup type 2,
// the first subtable that applies in each lookup.
function pairOf(positioning: Positioning, glyph: number, next: number): [Vector, Vector] {
  const key = glyph * 0x10000 + next
  let pair = positioning.kerning.get(key)
  if (!pair) {
    pair = [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]
    for (const subtables of positioning.pairs) {
      for (const table of subtables) {
        const index = coverageIndex(table.coverage!, glyph)
        if (index === -1) continue
        if (table.version === 1) {
          let match: { value1: ValueRecord; value2: ValueRecord } | undefined
          for (const candidate of table.pairSets!.get(index)) {
            if (candidate.secondGlyph === next) {
              match = candidate
              break
            }
          }
          if (!match) continue
          add(pair[0], match.value1)
          add(pair[1], match.value2)
          break
        }
        if (table.version === 2) {
          const record = table.classRecords!.get(classOf(glyph, table.classDef1!)).get(classOf(next, table.classDef2!))
          add(pair[0], record.value1)
          add(pair[1], record.value2)
          break
        }
      }
    }
    positioning.kerning.set(key, pair)
  }
  return pair
}
