import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { unzipSync } from 'fflate'
import { deflateRaw } from 'pako'
import { describe, expect, it, vi } from 'vitest'
import { cop29Declaration, cop29Letter } from '../src/content/index.js'
import { declarationDate, normalizeDocx, renderDocx } from '../src/render/docx/index.js'
import { renderAlignmentDocx } from '../src/diff/align-docx.js'
import { alignDocuments } from '../src/diff/align-documents.js'
import { crc32 } from '../src/render/zip/crc32.js'
import { zip, type ZipEntry } from '../src/render/zip/zip.js'

const bytes = (text: string) => new TextEncoder().encode(text)
const pakoRaw = (data: Uint8Array) => deflateRaw(data, { level: 6 })
const withPako = { raw: pakoRaw, crc32 }

// A seeded sequence of bytes: text-like runs (which deflate shrinks) and noise (which it does not).
function sample(length: number, seed: number, noise: boolean): Uint8Array {
  const out = new Uint8Array(length)
  for (let at = 0; at < length; at++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    out[at] = noise ? seed >>> 24 : 97 + ((seed >>> 24) % 6)
  }
  return out
}

interface Entry {
  name: string
  method: number
  flags: number
  crc: number
  compressed: Uint8Array
  size: number
}

// The central directory, read by hand: what each entry says of itself, and its data from its local header.
function entries(archive: Uint8Array): Entry[] {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength)
  const end = archive.length - 22
  expect(view.getUint32(end, true)).toBe(0x06054b50)
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  const list: Entry[] = []
  for (let index = 0; index < count; index++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50)
    const nameLength = view.getUint16(at + 28, true)
    const local = view.getUint32(at + 42, true)
    const size = view.getUint32(at + 24, true)
    const compressedSize = view.getUint32(at + 20, true)
    expect(view.getUint32(local, true)).toBe(0x04034b50)
    const dataAt = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    list.push({
      name: new TextDecoder().decode(archive.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressed: archive.subarray(dataAt, dataAt + compressedSize),
      size,
    })
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return list
}

describe('crc32', () => {
  it('is zlib\'s CRC-32', () => {
    for (const data of [new Uint8Array(0), bytes('123456789'), sample(70_000, 7, true)]) expect(crc32(data)).toBe(zlib.crc32(data))
    expect(crc32(bytes('123456789'))).toBe(0xcbf43926)
  })
})

describe('zip', () => {
  const files: ZipEntry[] = [
    ['[Content_Types].xml', bytes('<Types>'.repeat(50))],
    ['word/fonts/noise.bin', sample(5_000, 3, true)],
    ['empty.txt', new Uint8Array(0)],
    ['déclaration/übersicht.xml', sample(20_000, 11, false)],
  ]
  const archive = zip(files, withPako)

  it('holds the entries in the order given, with their bytes, as fflate reads them', () => {
    const read = unzipSync(archive)
    expect(Object.keys(read)).toEqual(files.map(([name]) => name))
    for (const [name, data] of files) expect(Buffer.from(read[name]!).equals(Buffer.from(data))).toBe(true)
  })

  it('deflates what deflating shrinks, stores the rest, and marks UTF-8 names', () => {
    const list = entries(archive)
    expect(list.map((entry) => [entry.name, entry.method, entry.flags])).toEqual([
      ['[Content_Types].xml', 8, 0],
      ['word/fonts/noise.bin', 0, 0],
      ['empty.txt', 0, 0],
      ['déclaration/übersicht.xml', 8, 0x0800],
    ])
    list.forEach((entry, index) => {
      const data = files[index]![1]
      expect([entry.crc, entry.size]).toEqual([zlib.crc32(data), data.length])
      expect(Buffer.from(entry.compressed).equals(Buffer.from(entry.method === 8 ? pakoRaw(data) : data))).toBe(true)
    })
  })

  it('is read by Python\'s zipfile and Info-ZIP\'s unzip, which check every entry\'s CRC-32', () => {
    const script = 'import sys, zipfile, io\nz = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))\nprint(z.testzip(), [(i.filename, i.file_size, i.date_time) for i in z.infolist()])'
    expect(execFileSync('python3', ['-c', script], { input: archive, encoding: 'utf8' }).trim()).toBe(
      "None [('[Content_Types].xml', 350, (1980, 1, 1, 0, 0, 0)), ('word/fonts/noise.bin', 5000, (1980, 1, 1, 0, 0, 0)), ('empty.txt', 0, (1980, 1, 1, 0, 0, 0)), ('déclaration/übersicht.xml', 20000, (1980, 1, 1, 0, 0, 0))]",
    )
    const folder = mkdtempSync(path.join(tmpdir(), 'declaration-kit-zip-'))
    try {
      writeFileSync(path.join(folder, 'archive.zip'), archive)
      expect(execFileSync('unzip', ['-t', 'archive.zip'], { cwd: folder, encoding: 'utf8' })).toContain('No errors detected in compressed data of archive.zip.')
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })

  it('is an empty archive for no entries', () => {
    expect([...zip([], withPako)]).toEqual([0x50, 0x4b, 5, 6, ...Array(18).fill(0)])
  })
})

describe('DOCX packages', () => {
  it('are the same bytes when the running Node\'s zlib writes others, as a Node built with the system\'s zlib does', async () => {
    const render = () => Promise.all([renderDocx(cop29Declaration), renderDocx(cop29Letter, { annexes: [cop29Declaration] })])
    const normal = await render()
    const nodeRaw = zlib.deflateRawSync
    const other = vi.spyOn(zlib, 'deflateRawSync').mockImplementation((data, options) => nodeRaw(data as Uint8Array, { ...options, level: 1 }))
    try {
      const otherwise = await render()
      expect(other).toHaveBeenCalledTimes(1)
      expect(otherwise.map((docx, index) => Buffer.from(docx).equals(Buffer.from(normal[index]!)))).toEqual([true, true])
    } finally {
      other.mockRestore()
    }
  })

  it('deflate every part as pako does, and store none (each shrinks)', async () => {
    for (const docx of [await renderDocx(cop29Letter, { annexes: [cop29Declaration] }), await renderAlignmentDocx(alignDocuments(cop29Declaration, cop29Declaration))]) {
      const read = unzipSync(docx)
      for (const entry of entries(docx)) {
        expect([entry.name, entry.method]).toEqual([entry.name, 8])
        expect(Buffer.from(entry.compressed).equals(Buffer.from(pakoRaw(read[entry.name]!)))).toBe(true)
      }
    }
  })

  it('come out of normalizeDocx as renderDocx writes them', async () => {
    const docx = await renderDocx(cop29Declaration)
    expect(Buffer.from(normalizeDocx(docx, { date: declarationDate })).equals(Buffer.from(docx))).toBe(true)
  })
})
