import { execFileSync } from 'node:child_process'
import zlib, { inflateSync } from 'node:zlib'
import { unzlibSync } from 'fflate'
import { deflate, deflateRaw } from 'pako'
import PDFDocument from 'pdfkit'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { cop29Declaration, cop29Letter } from '../src/content/index.js'
import { deflateStreams } from '../src/render/pdf/deflate.js'
import { crc32 } from '../src/render/zip/crc32.js'
import { deflateSample, deflaters, pakoSampleDigests, zlibWritesPako } from '../src/render/zip/deflaters.js'
import { renderPdf } from '../src/render/pdf/index.js'
import { join } from '../src/render/pdf/page-content.js'

interface Stream {
  dictionary: string
  bytes: Uint8Array
}

/** Every stream of a PDF as pdfkit writes it: its dictionary and its bytes, by the dictionary's /Length. */
function streams(pdf: Uint8Array): Stream[] {
  const text = new TextDecoder('latin1').decode(pdf)
  return [...text.matchAll(/\d+ 0 obj\n(<<(?:(?!endobj)[\s\S])*?>>)\nstream\n/g)].map((match) => {
    const start = match.index + match[0].length
    const length = Number(/\/Length (\d+)/.exec(match[1]!)![1])
    expect(text.slice(start + length, start + length + 10)).toBe('\nendstream')
    return { dictionary: match[1]!, bytes: pdf.subarray(start, start + length) }
  })
}

const flate = (list: Stream[]) => list.filter((stream) => /\/Filter \/FlateDecode\b/.test(stream.dictionary))
// The stream pako writes for a stream's content, inflated by fflate.
const pakoOf = (bytes: Uint8Array) => deflate(unzlibSync(bytes), { level: 6 })
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b))

// The smallest PNG with an alpha channel: one pixel, RGBA. pdfkit splits off its alpha channel and deflates both.
const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'))

/** Runs `work` while Node's zlib writes other bytes, valid ones (level 1 instead of 6), as another zlib build would. */
async function withOtherZlib<T>(work: (calls: () => number) => Promise<T>): Promise<T> {
  const nodeDeflate = zlib.deflateSync
  const other = vi.spyOn(zlib, 'deflateSync').mockImplementation((data, options) => nodeDeflate(data as Uint8Array, { ...options, level: 1 }))
  try {
    return await work(() => other.mock.calls.length)
  } finally {
    other.mockRestore()
  }
}

let declaration: Uint8Array
let letter: Uint8Array

beforeAll(async () => {
  declaration = await renderPdf(cop29Declaration)
  letter = await renderPdf(cop29Letter, { annexes: [cop29Declaration], emblem: png })
})

describe('the PDF streams', () => {
  it('are the same bytes when the running Node\'s zlib writes others, as a Node built with the system\'s zlib does', async () => {
    await withOtherZlib(async (calls) => {
      const [otherDeclaration, otherLetter] = [await renderPdf(cop29Declaration), await renderPdf(cop29Letter, { annexes: [cop29Declaration], emblem: png })]
      // Node's zlib deflates the sample once; pdfkit still deflates the emblem's pixels and alpha channel with it.
      expect(calls()).toBe(3)
      expect([same(otherDeclaration, declaration), same(otherLetter, letter)]).toEqual([true, true])
    })
  })

  it('are deflated as pako deflates them, every one, the XMP metadata left as text', () => {
    for (const pdf of [declaration, letter]) {
      // The XMP metadata is the one stream left as text, as PDF/A wants it, for tools that read it without a PDF parser.
      expect(streams(pdf).filter((stream) => !flate([stream]).length).map((stream) => /\/Type \/Metadata\b/.test(stream.dictionary))).toEqual([true])
      for (const stream of flate(streams(pdf))) expect(same(stream.bytes, pakoOf(stream.bytes))).toBe(true)
    }
  })

  it('number 11 in the declaration and 15 in the letter with its emblem, its two image streams among them', () => {
    expect([flate(streams(declaration)).length, flate(streams(letter)).length]).toEqual([11, 15])
    expect(streams(letter).filter((stream) => /\/Subtype \/Image\b/.test(stream.dictionary)).length).toBe(2)
  })

  it('inflate with Node\'s zlib to what fflate inflates them to, two readers agreeing', () => {
    for (const stream of flate([...streams(declaration), ...streams(letter)])) {
      expect(Buffer.from(inflateSync(stream.bytes)).equals(Buffer.from(unzlibSync(stream.bytes)))).toBe(true)
    }
  })
})

describe('the sample that tells whether Node\'s zlib writes pako\'s bytes', () => {
  const sample = deflateSample()
  const pako = deflate(sample, { level: 6 })

  it('is deflated to other bytes by zlib\'s other levels and by canonical zlib (Python\'s)', () => {
    expect(sample.length).toBe(6184)
    for (const level of [1, 2, 3, 4, 5, 7, 8, 9]) expect(same(zlib.deflateSync(sample, { level }), pako)).toBe(false)
    const canonical = execFileSync('python3', ['-c', 'import sys, zlib; sys.stdout.buffer.write(zlib.compress(sys.stdin.buffer.read(), 6))'], { input: sample })
    expect(canonical.length).toBeGreaterThan(0)
    expect(same(unzlibSync(canonical), sample)).toBe(true)
    expect(same(canonical, pako)).toBe(false)
  })

  it('is known in advance: the length and CRC-32 of what pako writes for it, zlib-wrapped and raw', () => {
    const raw = deflateRaw(sample, { level: 6 })
    expect({ zlib: { length: pako.length, crc32: crc32(pako) }, raw: { length: raw.length, crc32: crc32(raw) } }).toEqual(pakoSampleDigests)
  })

  it('is what this Node\'s zlib writes too (Node\'s own builds bundle the zlib pako follows), in both forms', async () => {
    expect(zlibWritesPako(zlib)).toBe(true)
    expect((await deflaters()).native).toBe(true)
  })

  it('is asked of each deflate function once', async () => {
    const agrees = zlibWritesPako(zlib)
    await withOtherZlib(async (calls) => {
      expect([zlibWritesPako(zlib), zlibWritesPako(zlib), calls()]).toEqual([false, false, 1])
      expect((await deflaters()).native).toBe(false)
    })
    expect(zlibWritesPako(zlib)).toBe(agrees)
  })
})

describe('deflateStreams', () => {
  function draw(deflating: boolean): Promise<Uint8Array> {
    const pdf = new PDFDocument({ autoFirstPage: false, compress: true, info: { CreationDate: new Date('2024-11-07T00:00:00Z') } })
    if (deflating) deflateStreams(pdf, (data) => deflate(data, { level: 6 }))
    const chunks: Uint8Array[] = []
    pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk))
    const done = new Promise<Uint8Array>((resolve) => pdf.on('end', () => resolve(join(chunks))))
    pdf.addPage({ size: 'A4' })
    for (let line = 0; line < 40; line++) pdf.moveTo(72, 72 + line * 10).lineTo(300 + line, 72 + line * 10).stroke()
    pdf.image(Buffer.from(png), 72, 600, { width: 20 })
    pdf.addPage({ size: 'A4' })
    pdf.end()
    return done
  }

  it('under another zlib, deflates what pdfkit writes as pako does, and leaves the rest as pdfkit writes it', async () => {
    const plain = await draw(false)
    const [otherPlain, deflated] = await withOtherZlib(async () => [await draw(false), await draw(true)])
    const content = (pdf: Uint8Array) => streams(pdf).map((stream) => Buffer.from(unzlibSync(stream.bytes)).toString('latin1'))
    const dictionaries = (pdf: Uint8Array) => streams(pdf).map((stream) => stream.dictionary.replace(/\/Length \d+/, ''))
    expect(content(deflated)).toEqual(content(plain))
    expect(dictionaries(deflated)).toEqual(dictionaries(plain))
    expect(streams(deflated).length).toBe(4)
    for (const stream of streams(deflated)) expect(same(stream.bytes, pakoOf(stream.bytes))).toBe(true)
    // Without it, the other zlib's bytes.
    expect(streams(otherPlain).filter((stream) => !same(stream.bytes, pakoOf(stream.bytes))).length).toBe(4)
  })
})
