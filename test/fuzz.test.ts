// Mutated versions of the bundled documents and of the real texts of the test corpus through every
// stage: parse and validate, Markdown, plain text, XLIFF out and back, Akoma Ntoso, and for a seeded
// sample DOCX and PDF. Nothing may throw (a `DocumentError` from a renderer is a refusal, not a crash),
// no case may take long, and every output must be well-formed.
import { readFileSync } from 'node:fs'
import { isDeepStrictEqual } from 'node:util'
import path from 'node:path'
import { DOMParser } from '@xmldom/xmldom'
import { strFromU8, unzipSync } from 'fflate'
import { getDocument } from './helpers/pdfjs.js'
import { describe, expect, it } from 'vitest'
import { cop29Declaration, cop29DeclarationSource, cop29LetterSource } from '../src/content/index.js'
import { safeFromXliff, toAkomaNtoso, toXliff } from '../src/interchange/index.js'
import type { Document } from '../src/model/document.js'
import { DocumentError } from '../src/model/issues.js'
import { safeParseDocument } from '../src/parse/index.js'
import { renderDocx } from '../src/render/docx/index.js'
import { renderMarkdown } from '../src/render/markdown-safe.js'
import { renderPdf } from '../src/render/pdf/index.js'
import { renderText } from '../src/render/text.js'
// A seeded generator (mulberry32), so that a failure names a seed that reproduces it.
import { random } from './bench/generate.mjs'
import { root } from './cli-run.js'

/** Valid mutants, drawn by seed from all sources, also rendered to DOCX and PDF (the slow formats). */
const rendered = 4
/** The longest any one mutant may take through parse, Markdown, text, XLIFF and Akoma Ntoso, in milliseconds (generous: CI machines are shared). */
const bound = 5000
/** Every how many valid mutants the Markdown is parsed again (the slowest stage after the first parse). */
const markdownBackEvery = 4

const awkward = ['\u2028', '\u2029', '\u0085', '\u202E', '\u200B', '\uFEFF', '\uFFFD', '\u0000', '\u0001', '\r', '\t', '\uFFFE', '\u{1F600}', 'é', '\u0301', '&', '<', '>', '*', '_', '[', ']', '(', ')', '`', '\\', '#', '|', '~', '!', ':', '\n', '\n\n', '<!-- id: x -->', '[x](javascript:alert(1))', '<sup>', '---']

// A smaller declaration made of the bundled one's parts: its opening, one or two preambular clauses,
// the chapeau, the first objectives and maybe a section. A mutant of an excerpt parses in a fraction of
// the time of the whole, so that thousands fit in the suite's time.
function excerpt(next: () => number, source: string): string {
  const end = source.indexOf('\n---\n', 4) + 5
  const [title = '', ...blocks] = source.slice(end).trim().split('\n\n')
  const preamble = blocks.filter((block) => block.startsWith('*'))
  const list = blocks.find((block) => block.startsWith('- I.')) ?? ''
  const objectives = list.split(/\n(?=- )/).slice(0, 1 + Math.floor(next() * 2))
  const chapeau = blocks[blocks.indexOf(list) - 1] ?? ''
  const sections = blocks.slice(blocks.indexOf(list) + 1, blocks.indexOf(list) + 1 + 2 * Math.floor(next() * 2))
  const parts = [title, blocks[0], ...preamble.filter(() => next() < 0.25).slice(0, 2), chapeau, objectives.join('\n'), ...sections]
  return `${source.slice(0, end).replace(/^profile:.*\n/m, '')}\n${parts.join('\n\n')}\n`
}

// One or two consecutive blocks of a real text under its front matter (profile dropped) and title,
// with the footnote definitions they refer to: small, so that a mutant parses in a few milliseconds.
function corpusExcerpt(next: () => number, source: string): string {
  const end = source.indexOf('\n---\n', 4) + 5
  const blocks = source.slice(end).trim().split('\n\n')
  const title = blocks.findIndex((block) => block.startsWith('# '))
  const notes = blocks.filter((block) => block.startsWith('[^'))
  const body = blocks.slice(title + 1).filter((block) => !block.startsWith('[^'))
  const start = Math.floor(next() * body.length)
  const taken = body.slice(start, start + 1 + Math.floor(next() * 2))
  const referred = notes.filter((note) => taken.some((block) => block.includes(note.slice(0, note.indexOf(']') + 1))))
  return `${source.slice(0, end).replace(/^profile:.*\n/m, '')}\n${[blocks[title] ?? '# -', ...taken, ...referred].join('\n\n')}\n`
}

function mutate(seed: number, source: string, cut: Cut): Uint8Array {
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const at = (length: number) => Math.floor(next() * (length + 1))
  let text = cut === 'whole' ? source : cut === 'declaration' ? excerpt(next, source) : corpusExcerpt(next, source)
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

// The same for a renderer that answers with a promise.
async function refusedOrAsync<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof DocumentError) return undefined
    throw error
  }
}

function copyTargets(xliff: string): string {
  return xliff.replace(/(<source>([\s\S]*?)<\/source>)/g, '$1<target>$2</target>')
}

/** How a source is cut before it is mutated: whole, the bundled declaration's excerpt, or a real text's. */
type Cut = 'whole' | 'declaration' | 'corpus'

interface Counts {
  mutants: number
  valid: number
  slowest: number
  xliffRoundTrips: number
  markdownBack: number
  akn: number
}

const real = (name: string) => readFileSync(path.join(root, 'test/fixtures/real', name), 'utf8')

// The declaration's parts stand alone (excerpts); a letter is valid only whole, so it is mutated whole.
const seeds: [string, string, number, Cut][] = [
  ['declaration.en.md', cop29DeclarationSource, 500, 'declaration'],
  ['letter.fr.md', cop29LetterSource, 100, 'whole'],
  ['a-res-73-8.en.md', real('a-res-73-8.en.md'), 450, 'corpus'],
  ['apec-golden-gate.en.md', real('apec-golden-gate.en.md'), 450, 'corpus'],
  ['g20-bali.en.md', real('g20-bali.en.md'), 450, 'corpus'],
  ['udhr.en.md', real('udhr.en.md'), 525, 'corpus'],
  ['udhr.fr.md', real('udhr.fr.md'), 525, 'corpus'],
]
const total = seeds.reduce((sum, [, , perSeed]) => sum + perSeed, 0)
const pool: Document[] = []
const thousands = (n: number) => n.toLocaleString('en-GB')

describe(`${thousands(total)} mutated documents (${seeds.map(([name, , perSeed, cut]) => `${thousands(perSeed)} of ${name}${cut === 'whole' ? '' : ' excerpts'}`).join(', ')})`, () => {
  for (const [name, source, perSeed, cut] of seeds) {
    it(`${name}: ${thousands(perSeed)} mutants${cut === 'whole' ? '' : ' of excerpts'} through parse, validate, Markdown, text, XLIFF export and import, Akoma Ntoso, without a throw, each within ${bound} ms, every output well-formed`, () => {
      const counts: Counts = { mutants: 0, valid: 0, slowest: 0, xliffRoundTrips: 0, markdownBack: 0, akn: 0 }
      for (let seed = 1; seed <= perSeed; seed++) {
        const started = performance.now()
        const bytes = mutate(seed * 7919 + name.length, source, cut)
        const parsed = safeParseDocument(bytes, { file: name })
        counts.mutants++
        // Plain checks, and `expect` only for a failure (its report): thousands of `expect` calls cost seconds.
        if (!parsed.success) {
          if (parsed.issues.length === 0) expect(parsed.issues.length, `seed ${seed}`).toBeGreaterThan(0)
        } else {
          counts.valid++
          const doc = parsed.data
          const markdown = renderMarkdown(doc)
          refusedOr(() => renderText(doc, doc.type === 'letter' ? { annexes: [cop29Declaration] } : {}))
          // The import parses the XLIFF: its success is the proof that the export is well-formed.
          const xliff = toXliff(doc, { targetLanguage: 'fr' })
          const back = safeFromXliff(copyTargets(xliff), doc)
          const expected = { ...doc, language: 'fr' }
          if (!back.success || !isDeepStrictEqual(back.data, expected)) expect(back.success ? back.data : [wellFormed(xliff), back.issues], `seed ${seed}: XLIFF round trip`).toEqual(expected)
          counts.xliffRoundTrips++
          if (counts.valid % markdownBackEvery === 0) {
            if (!safeParseDocument(markdown).success) expect.fail(`seed ${seed}: the Markdown does not read back`)
            counts.markdownBack++
          }
          const akn = refusedOr(() => toAkomaNtoso(doc, doc.type === 'letter' ? { annexes: [cop29Declaration] } : { date: '2024-11-15' }))
          if (akn !== undefined) {
            if (!wellFormed(akn)) expect.fail(`seed ${seed}: the Akoma Ntoso is not well-formed`)
            counts.akn++
          }
          pool.push(doc)
        }
        const took = performance.now() - started
        counts.slowest = Math.max(counts.slowest, took)
        if (took >= bound) expect.fail(`seed ${seed} took ${Math.round(took)} ms`)
      }
      expect(counts.mutants).toBe(perSeed)
      expect(counts.valid).toBeGreaterThan(perSeed / 10)
      // The counts, for the record of a run.
      console.info(`${name}${cut === 'whole' ? '' : ' (excerpts)'}: ${counts.mutants} mutants, ${counts.valid} valid, ${counts.xliffRoundTrips} XLIFF round trips, ${counts.markdownBack} Markdown read back, ${counts.akn} Akoma Ntoso, slowest ${Math.round(counts.slowest)} ms`)
    }, 240_000)
  }

  it(`a seeded sample of ${rendered} valid mutants through DOCX (zip, every XML part parsed) and PDF (read by pdfjs), or refused with a DocumentError`, async () => {
    expect(pool.length).toBeGreaterThan(rendered)
    const next = random(2024)
    const sample = Array.from({ length: rendered }, () => pool[Math.floor(next() * pool.length)]!)
    const counts = { docx: 0, pdf: 0, refused: 0 }
    for (const doc of sample) {
      const docx = await refusedOrAsync(() => renderDocx(doc, { annexes: [cop29Declaration] }))
      if (docx) {
        const files = unzipSync(docx)
        const xmlParts = Object.keys(files).filter((part) => /\.(xml|rels)$/.test(part))
        expect(xmlParts).toContain('word/document.xml')
        for (const part of xmlParts) expect(wellFormed(strFromU8(files[part]!)), part).toBe(true)
        counts.docx++
      } else counts.refused++
      // A refusal (a character no embedded font has, say) is an answer, and counted.
      const pdf = await refusedOrAsync(() => renderPdf(doc, { annexes: [cop29Declaration] }))
      if (pdf) {
        const read = await getDocument({ data: pdf.slice(), isEvalSupported: false, verbosity: 0 }).promise
        expect(read.numPages).toBeGreaterThan(0)
        await read.destroy()
        counts.pdf++
      } else counts.refused++
    }
    expect(counts.docx + counts.pdf + counts.refused).toBe(2 * rendered)
    expect(counts.docx + counts.pdf).toBeGreaterThan(0)
    console.info(`sample: ${rendered} of ${pool.length} valid mutants, ${counts.docx} DOCX, ${counts.pdf} PDF, ${counts.refused} refused`)
  }, 120_000)
})
