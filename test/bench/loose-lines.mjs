// Loose lines in a PDF: reads every glyph's position with pdfjs-dist (an implementation independent of
// the one that wrote the file), rebuilds the lines of each paragraph, and reports the share of justified
// lines whose widest word space is more than twice the font's own space.
// Usage: node test/bench/loose-lines.mjs FILE.pdf ... [--list]
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** A word space wider than this many of the font's spaces makes its line loose. */
export const looseFactor = 2

/**
 * The lines of a PDF with their word spaces: every showText is replayed from its text matrix and the
 * glyph advances, glyphs are grouped by marked-content sequence and baseline (one line of one
 * paragraph), artifacts are left out.
 */
export async function readLines(bytes) {
  const pdf = await getDocument({ data: bytes.slice(), disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise
  const lines = []
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number)
    const { fnArray, argsArray } = await page.getOperatorList()
    const marks = []
    let x = 0
    let baseline = 0
    let size = 0
    // Letter spacing (Tc) is part of the graphics state: saved and restored with it.
    let charSpacing = 0
    const saved = []
    const byKey = new Map()
    fnArray.forEach((fn, index) => {
      const args = argsArray[index]
      // A marked-content sequence without an MCID (the span of a hyphen) belongs to the one around it.
      if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) marks.push(args[0] === 'Artifact' ? null : args[1] == null ? (marks.at(-1) ?? undefined) : `${args[0]}:${args[1]}`)
      else if (fn === OPS.endMarkedContent) marks.pop()
      else if (fn === OPS.save) saved.push(charSpacing)
      else if (fn === OPS.restore) charSpacing = saved.pop() ?? 0
      else if (fn === OPS.setCharSpacing) charSpacing = args[0]
      else if (fn === OPS.setTextMatrix) {
        const matrix = Object.values(args[0] ?? args)
        x = matrix[4]
        baseline = Math.round(matrix[5] * 10) / 10
      } else if (fn === OPS.setFont) size = args[1]
      else if (fn === OPS.showText) {
        const mark = marks.at(-1)
        const glyphs = []
        for (const glyph of args[0]) {
          if (typeof glyph === 'number') {
            x -= (glyph / 1000) * size
            continue
          }
          const advance = (glyph.width / 1000) * size
          glyphs.push({ char: glyph.unicode, left: x, right: x + advance, size })
          x += advance + charSpacing
        }
        if (mark === null || mark === undefined) return
        const key = `${number}|${baseline}|${mark}`
        if (!byKey.has(key)) byKey.set(key, { page: number, baseline, glyphs: [] })
        byKey.get(key).glyphs.push(...glyphs)
      }
    })
    for (const line of byKey.values()) lines.push(describe(line))
  }
  await pdf.destroy()
  return lines.filter((line) => line.text.length > 0)
}

// Word spaces: from the end of the last glyph before a run of spaces to the start of the next glyph,
// divided by the width of the space glyph set there.
// A glyph without text (a hyphen of line breaking, mapped to U+00AD, which pdfjs leaves out) is ink.
const isSpace = (glyph) => /^\s+$/.test(glyph.char)

function describe({ page, baseline, glyphs }) {
  glyphs.sort((a, b) => a.left - b.left)
  const ink = glyphs.filter((glyph) => !isSpace(glyph))
  const spaces = []
  let previous
  let space
  for (const glyph of glyphs) {
    if (isSpace(glyph)) {
      if (previous) space ??= glyph.right - glyph.left
      continue
    }
    if (previous && space) spaces.push((glyph.left - previous.right) / space)
    previous = glyph
    space = undefined
  }
  // A hanging label ("Objet:", "IV.") is followed by a tab stop, not a word space: justification spreads
  // the word spaces of a line evenly, so a first gap more than twice the widest of the others is a label's.
  if (spaces.length > 1 && spaces[0] > 2 * Math.max(...spaces.slice(1))) spaces.shift()
  return {
    page,
    baseline,
    left: ink[0]?.left ?? 0,
    right: ink.at(-1)?.right ?? 0,
    text: glyphs.map((glyph) => glyph.char).join('').replace(/\s+/g, ' ').trim(),
    spaces,
  }
}

/**
 * Justified lines are those that reach the text frame's right edge (the right edge most lines of
 * three words or more end at) with at least one word space; a line is loose when its widest space is
 * more than `looseFactor` of the font's space.
 */
export function looseLines(lines) {
  const edges = new Map()
  for (const line of lines) {
    if (line.spaces.length < 2) continue
    const edge = Math.round(line.right * 2) / 2
    edges.set(edge, (edges.get(edge) ?? 0) + 1)
  }
  const frameRight = [...edges].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0
  const justified = lines.filter((line) => line.spaces.length > 0 && Math.abs(line.right - frameRight) < 0.6)
  const widest = (line) => Math.max(...line.spaces)
  const loose = justified.filter((line) => widest(line) > looseFactor).map((line) => ({ ...line, widest: widest(line) }))
  const worst = justified.reduce((max, line) => Math.max(max, widest(line)), 0)
  const charsPerLine = justified.length ? justified.reduce((sum, line) => sum + line.text.length, 0) / justified.length : 0
  return { frameRight, justified: justified.length, loose, share: justified.length ? loose.length / justified.length : 0, worst, charsPerLine }
}

/** Reads a PDF file's bytes and measures its loose lines. */
export async function measureLooseLines(bytes) {
  return looseLines(await readLines(bytes))
}

/** One line of figures: justified lines, loose lines, their share and the widest space. */
export function formatLoose(name, result) {
  return `${name}: ${result.loose.length} of ${result.justified} justified lines loose (${(result.share * 100).toFixed(1)} %), widest word space ${result.worst.toFixed(2)}x the font's space; ${result.charsPerLine.toFixed(0)} characters a line`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { list: { type: 'boolean', default: false } } })
  for (const file of positionals) {
    const result = await measureLooseLines(new Uint8Array(readFileSync(file)))
    console.log(formatLoose(file, result))
    if (values.list) for (const line of result.loose) console.log(`  p.${line.page} ${line.widest.toFixed(2)}x  ${line.text}`)
  }
}
