// Mutated versions of the bundled documents through every stage: parse and validate, Markdown, XLIFF
// out and back, Akoma Ntoso, and for a sample DOCX and PDF. Nothing may throw (a `DocumentError` from a
// renderer is a refusal, not a crash), no case may take long, and every output must be well-formed.
import { DOMParser } from '@xmldom/xmldom'
import { strFromU8, unzipSync } from 'fflate'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { cop29Declaration, cop29DeclarationSource, cop29LetterSource } from '../src/content/index.js'
import { safeFromXliff, toAkomaNtoso, toXliff } from '../src/interchange/index.js'
import type { Document } from '../src/model/document.js'
import { DocumentError } from '../src/model/issues.js'
import { safeParseDocument } from '../src/parse/index.js'
import { renderDocx } from '../src/render/docx/index.js'
import { renderMarkdown } from '../src/render/markdown-safe.js'
import { renderPdf } from '../src/render/pdf/index.js'

/** Valid mutants also rendered to DOCX and PDF (the slow formats), per seed. */
const rendered = 3
/** The longest any one mutant may take through parse, Markdown, XLIFF and Akoma Ntoso, in milliseconds (generous: CI machines are shared). */
const bound = 5000
/** Every how many valid mutants one goes through an XLIFF round trip (the slowest stage). */
const roundTripEvery = 4

// A small deterministic generator (mulberry32), so that a failure names a seed that reproduces it.
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const awkward = ['\u2028', '\u2029', '\u0085', '\u202E', '\u200B', '\uFEFF', '\uFFFD', '\u0000', '\u0001', '\r', '\t', '\uFFFE', '\u{1F600}', 'é', '\u0301', '&', '<', '>', '*', '_', '[', ']', '(', ')', '`', '\\', '#', '|', '~', '!', ':', '\n', '\n\n', '<!-- id: x -->', '[x](javascript:alert(1))', '<sup>', '---']

// A smaller declaration made of the bundled one's parts: its opening, one or two preambular clauses,
// the chapeau, the first objectives and maybe a section. A mutant of an excerpt parses in a fraction of
// the time of the whole, so that thousands fit in the suite's time.
function excerpt(next: () => number, source: string): string {
  const end = source.indexOf('\n---\n', 4) + 5
  const [title = '', ...blocks] = source.slice(end).trim().split('\n\n')
  const preamble = blocks.filter((block) => block.startsWith('*'))
  const list = blocks.find((block) => block.startsWith('- I.')) ?? ''
  const objectives = list.split(/\n(?=- )/).slice(0, 1 + Math.floor(next() * 3))
  const chapeau = blocks[blocks.indexOf(list) - 1] ?? ''
  const sections = blocks.slice(blocks.indexOf(list) + 1, blocks.indexOf(list) + 1 + 2 * Math.floor(next() * 2))
  const parts = [title, blocks[0], ...preamble.filter(() => next() < 0.25).slice(0, 2), chapeau, objectives.join('\n'), ...sections]
  return `${source.slice(0, end).replace(/^profile:.*\n/m, '')}\n${parts.join('\n\n')}\n`
}

function mutate(seed: number, source: string, whole: boolean): Uint8Array {
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const at = (length: number) => Math.floor(next() * (length + 1))
  let text = whole ? source : excerpt(next, source)
  const steps = 1 + Math.floor(next() * 3)
  for (let step = 0; step < steps; step++) {
    const blocks = text.split('\n\n')
    const kind = Math.floor(next() * 6)
    if (kind === 0) {
      const bytes = new TextEncoder().encode(text)
      for (let flips = 1 + Math.floor(next() * 4); flips > 0; flips--) {
        const index = Math.floor(next() * bytes.length)
        bytes[index] = bytes[index]! ^ (1 << Math.floor(next() * 8))
      }
      // A byte flip may make the text invalid UTF-8: the last mutation of this kind is returned as bytes.
      if (step === steps - 1) return bytes
      text = new TextDecoder().decode(bytes)
    } else if (kind === 1) {
      const index = Math.floor(next() * blocks.length)
      blocks.splice(index, 0, blocks[index]!)
      text = blocks.join('\n\n')
    } else if (kind === 2 && blocks.length > 2) {
      blocks.splice(1 + Math.floor(next() * (blocks.length - 1)), 1)
      text = blocks.join('\n\n')
    } else if (kind === 3) {
      const index = at(text.length)
      const insert = next() < 0.5 ? pick(awkward) : String.fromCodePoint(Math.floor(next() * 0x10ffff))
      text = text.slice(0, index) + insert + text.slice(index)
    } else if (kind === 4) {
      const index = text.lastIndexOf('\n', at(text.length)) + 1
      const depth = 1 + Math.floor(next() * 60)
      text = text.slice(0, index) + pick(['> ', '- ', '  ', '1. ', '* ']).repeat(depth) + text.slice(index)
    } else {
      const index = at(text.length)
      const depth = 1 + Math.floor(next() * 300)
      text = text.slice(0, index) + pick(['*', '_', '[', '**', '*_']).repeat(depth) + text.slice(index)
    }
  }
  return new TextEncoder().encode(text)
}

function wellFormed(xml: string): boolean {
  let ok = true
  new DOMParser({
    onError: (level) => {
      if (level !== 'warning') ok = false
    },
  }).parseFromString(xml, 'text/xml')
  return ok
}

// A refusal (`DocumentError`) is an answer; any other error is a crash.
function refusedOr<T>(work: () => T): T | undefined {
  try {
    return work()
  } catch (error) {
    if (error instanceof DocumentError) return undefined
    throw error
  }
}

function copyTargets(xliff: string): string {
  return xliff.replace(/(<source>([\s\S]*?)<\/source>)/g, '$1<target>$2</target>')
}

interface Counts {
  mutants: number
  valid: number
  slowest: number
  xliffRoundTrips: number
  docx: number
  pdf: number
}

// The declaration's parts stand alone (excerpts); a letter is valid only whole, so it is mutated whole.
const seeds: [string, string, number, boolean][] = [
  ['declaration.en.md', cop29DeclarationSource, 1600, false],
  ['letter.fr.md', cop29LetterSource, 400, true],
]

describe.each(seeds)('mutated versions of %s', (name, source, perSeed, whole) => {
  const counts: Counts = { mutants: 0, valid: 0, slowest: 0, xliffRoundTrips: 0, docx: 0, pdf: 0 }
  const sample: Document[] = []

  it(`go through parse, Markdown, XLIFF and Akoma Ntoso without a throw, each within ${bound} ms, every output well-formed`, () => {
    for (let seed = 1; seed <= perSeed; seed++) {
      const started = performance.now()
      const bytes = mutate(seed * 7919 + name.length, source, whole)
      const parsed = safeParseDocument(bytes, { file: name })
      counts.mutants++
      if (!parsed.success) {
        expect(parsed.issues.length, `seed ${seed}`).toBeGreaterThan(0)
      } else {
        counts.valid++
        const doc = parsed.data
        const markdown = renderMarkdown(doc)
        expect(safeParseDocument(markdown).success, `seed ${seed}: the Markdown reads back`).toBe(true)
        const xliff = toXliff(doc, { targetLanguage: 'fr' })
        expect(wellFormed(xliff), `seed ${seed}: XLIFF`).toBe(true)
        if (counts.valid % roundTripEvery === 0) {
          const back = safeFromXliff(copyTargets(xliff), doc)
          expect(back.success ? back.data : back.issues, `seed ${seed}: XLIFF round trip`).toEqual({ ...doc, language: 'fr' })
          counts.xliffRoundTrips++
        }
        const akn = refusedOr(() => toAkomaNtoso(doc, doc.type === 'letter' ? { annexes: [cop29Declaration] } : { date: '2024-11-15' }))
        if (akn !== undefined) expect(wellFormed(akn), `seed ${seed}: Akoma Ntoso`).toBe(true)
        if (sample.length < rendered && counts.valid % 5 === 0) sample.push(doc)
      }
      const took = performance.now() - started
      counts.slowest = Math.max(counts.slowest, took)
      expect(took, `seed ${seed} took ${Math.round(took)} ms`).toBeLessThan(bound)
    }
    expect(counts.mutants).toBe(perSeed)
    expect(counts.valid).toBeGreaterThan(perSeed / 10)
  }, 240_000)

  it(`render a sample of ${rendered} valid mutants to DOCX and PDF, every part well-formed`, async () => {
    for (const doc of sample) {
      const docx = refusedOr(() => renderDocx(doc, { annexes: [cop29Declaration] }))
      if (docx) {
        const files = unzipSync(await docx)
        for (const part of ['word/document.xml', 'docProps/core.xml', 'word/styles.xml']) expect(wellFormed(strFromU8(files[part]!)), part).toBe(true)
        counts.docx++
      }
      const pdf = refusedOr(() => renderPdf(doc, { annexes: [cop29Declaration] }))
      if (pdf) {
        const read = await getDocument({ data: (await pdf).slice(), isEvalSupported: false, verbosity: 0 }).promise
        expect(read.numPages).toBeGreaterThan(0)
        await read.destroy()
        counts.pdf++
      }
    }
    expect([counts.docx, counts.pdf]).toEqual([rendered, rendered])
    // The counts, for the record of a run.
    console.info(`${name}${whole ? '' : ' (excerpts)'}: ${counts.mutants} mutants, ${counts.valid} valid, ${counts.xliffRoundTrips} XLIFF round trips, ${counts.docx} DOCX, ${counts.pdf} PDF, slowest ${Math.round(counts.slowest)} ms`)
  })
})
