import { strToU8, unzipSync, zipSync } from 'fflate'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cop29Declaration, cop29Letter } from '../src/content/index.js'
import { normalizeDocx, renderDocx } from '../src/render/docx/index.js'
import { parts } from './docx-support.js'

const rels = (...ids: [string, string][]) =>
  `<Relationships>${ids.map(([id, target]) => `<Relationship Id="${id}" Type="t" Target="${target}"/>`).join('')}</Relationships>`

// A package as docx writes one: parts out of order, a clock date, random hyperlink ids (one starting with a digit).
const packed = zipSync(
  {
    'word/document.xml': strToU8('<w:document><w:hyperlink r:id="q3x_-k"/><w:hyperlink r:id="9abc"/><w:hyperlink r:id="q3x_-k"/></w:document>'),
    'word/_rels/document.xml.rels': strToU8(rels(['rId1', 'styles.xml'], ['q3x_-k', 'mailto:a@b.org'], ['rId7', 'x.xml'], ['9abc', 'https://b.org'])),
    'docProps/core.xml': strToU8(
      '<cp:coreProperties><dcterms:created xsi:type="dcterms:W3CDTF">2026-11-28T23:59:01.123Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-28T23:59:01Z</dcterms:modified></cp:coreProperties>',
    ),
    '_rels/.rels': strToU8(rels(['rId1', 'word/document.xml'])),
    '[Content_Types].xml': strToU8('<Types/>'),
  },
  { mtime: new Date() },
)

const date = new Date('2024-11-07T00:00:00Z')

// Local file headers: signature PK\3\4, then the DOS time and date at offsets 10 and 12.
function entryTimes(bytes: Uint8Array): [number, number][] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const times: [number, number][] = []
  for (let offset = 0; offset + 30 < bytes.length; offset++) {
    if (view.getUint32(offset, true) === 0x04034b50) times.push([view.getUint16(offset + 10, true), view.getUint16(offset + 12, true)])
  }
  return times
}

describe('normalizeDocx', () => {
  it('writes the given date as created and modified', () => {
    expect(parts(normalizeDocx(packed, { date }))['docProps/core.xml']).toBe(
      '<cp:coreProperties><dcterms:created xsi:type="dcterms:W3CDTF">2024-11-07T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-11-07T00:00:00Z</dcterms:modified></cp:coreProperties>',
    )
  })

  it('renames random relationship ids to numbers after the part’s own, in the relationships file and the part', () => {
    const files = parts(normalizeDocx(packed, { date }))
    expect(files['word/_rels/document.xml.rels']).toBe(rels(['rId1', 'styles.xml'], ['rId8', 'mailto:a@b.org'], ['rId7', 'x.xml'], ['rId9', 'https://b.org']))
    expect(files['word/document.xml']).toBe('<w:document><w:hyperlink r:id="rId8"/><w:hyperlink r:id="rId9"/><w:hyperlink r:id="rId8"/></w:document>')
  })

  it('zips the parts in a fixed order, [Content_Types].xml first, each dated 1980-01-01 00:00', () => {
    const normalized = normalizeDocx(packed, { date })
    expect(Object.keys(unzipSync(normalized))).toEqual(['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/_rels/document.xml.rels', 'word/document.xml'])
    // DOS time 0 is 00:00:00; DOS date (0 << 9) | (1 << 5) | 1 is 1980-01-01.
    expect(entryTimes(normalized)).toEqual(Array(5).fill([0, 0x21]))
  })

  it('gives the same bytes when run again on its own output', () => {
    const once = normalizeDocx(packed, { date })
    expect(normalizeDocx(once, { date })).toEqual(once)
  })
})

describe('renderDocx: bytes independent of the clock and the time zone', () => {
  const zone = process.env.TZ
  afterEach(() => {
    vi.useRealTimers()
    if (zone === undefined) delete process.env.TZ
    else process.env.TZ = zone
  })

  it('gives the same bytes at another time of another year, in another time zone', async () => {
    const now = await renderDocx(cop29Letter, { annexes: [cop29Declaration] })
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2031-06-15T13:37:42Z'))
    process.env.TZ = 'Pacific/Kiritimati'
    expect(await renderDocx(cop29Letter, { annexes: [cop29Declaration] })).toEqual(now)
    process.env.TZ = 'America/Los_Angeles'
    expect(await renderDocx(cop29Letter, { annexes: [cop29Declaration] })).toEqual(now)
  })
})
