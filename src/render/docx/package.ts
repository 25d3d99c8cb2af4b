import { strFromU8 } from 'fflate'
import { withoutForbidden } from '../../model/characters.js'
import type { Deflaters } from '../zip/deflaters.js'
import { zip, type ZipEntry } from '../zip/zip.js'

/** What `normalizeDocx` writes in place of what docx takes from the clock. */
export interface NormalizeOptions {
  /** The document's created and modified date in `docProps/core.xml`. */
  date: Date
}

// Word reads [Content_Types].xml first; the other parts follow in path order so the entry order never varies.
function entryOrder(a: string, b: string): number {
  const rank = (path: string) => (path === '[Content_Types].xml' ? 0 : path === '_rels/.rels' ? 1 : 2)
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)
}

function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** The part a relationships file belongs to: `word/_rels/document.xml.rels` -> `word/document.xml`. */
function sourcePart(relsPath: string): string {
  return relsPath.replace(/(^|\/)_rels\/([^/]+)\.rels$/, '$1$2')
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

// docx names hyperlink relationships with random ids (nanoid, which may even start with a digit, not a valid XML
// ID); they become rId numbers after the part's own, in the order the relationships file lists them.
function renumberRelationships(parts: Map<string, string>): void {
  for (const [relsPath, rels] of parts) {
    if (!relsPath.endsWith('.rels')) continue
    const ids = [...rels.matchAll(/\bId="([^"]+)"/g)].map((match) => match[1]!)
    const random = ids.filter((id) => !/^rId\d+$/.test(id))
    if (random.length === 0) continue
    let next = Math.max(0, ...ids.map((id) => (/^rId(\d+)$/.exec(id) ? Number(id.slice(3)) : 0))) + 1
    const renamed = new Map(random.map((id) => [id, `rId${next++}`]))
    const pattern = new RegExp(`"(${[...renamed.keys()].map(escapeRegExp).join('|')})"`, 'g')
    const rename = (xml: string) => xml.replace(pattern, (_, id: string) => `"${renamed.get(id)}"`)
    parts.set(relsPath, rename(rels))
    const source = sourcePart(relsPath)
    const xml = parts.get(source)
    if (xml !== undefined) parts.set(source, rename(xml))
  }
}

/** The 16 bytes of an embedded font's obfuscation key, from its GUID (ECMA-376 Part 1, 17.8.1: in reverse order). */
function keyBytes(guid: string): number[] {
  const hex = guid.replace(/[{}-]/g, '')
  return Array.from({ length: 16 }, (_, index) => Number.parseInt(hex.slice(30 - 2 * index, 32 - 2 * index), 16))
}

// docx obfuscates each embedded font with a random GUID: each gets a key numbered by its place instead, and its
// first 32 bytes are obfuscated again with it, so the same fonts give the same bytes.
function pinFontKeys(parts: Map<string, string>, files: Record<string, Uint8Array | string>): void {
  const table = parts.get('word/fontTable.xml')
  const rels = parts.get('word/_rels/fontTable.xml.rels')
  if (table === undefined || rels === undefined) return
  let index = 0
  const pinned = table.replace(/<w:embed(Regular|Bold|Italic|BoldItalic)\b([^>]*?)\/>/g, (element, _kind: string, attributes: string) => {
    const id = /r:id="([^"]+)"/.exec(attributes)?.[1]
    const key = /w:fontKey="(\{[^"]+\})"/.exec(attributes)?.[1]
    const target = id && new RegExp(`Id="${escapeRegExp(id)}"[^>]*Target="([^"]+)"`).exec(rels)?.[1]
    const path = target ? `word/${target.replace(/^\/?word\//, '').replace(/^\//, '')}` : undefined
    const data = path ? files[path] : undefined
    if (!key || !data || typeof data === 'string') return element
    const fresh = `{${(++index).toString(16).toUpperCase().padStart(8, '0')}-0000-4000-8000-000000000000}`
    const [before, after] = [keyBytes(key), keyBytes(fresh)]
    const font = data.slice()
    for (let at = 0; at < 32 && at < font.length; at++) font[at] = font[at]! ^ before[at % 16]! ^ after[at % 16]!
    files[path!] = font
    return element.replace(key, fresh)
  })
  parts.set('word/fontTable.xml', pinned)
}

function setCoreDates(core: string, date: Date): string {
  const stamp = w3cdtf(date)
  return core.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`)
}

/**
 * Makes a DOCX package's parts reproducible, as `normalizeDocx` does, and zips them: the core properties' created
 * and modified dates set, random relationship ids replaced with numbered ones, the embedded fonts' keys numbered,
 * the parts in a fixed order with a fixed time.
 * @param files the package's parts by path, as bytes or (XML parts) as text
 * @param options the date to write in the core properties
 * @param deflaters what the parts are zipped with (`deflaters()` gives what writes the same bytes everywhere)
 * @returns the package
 */
export function normalizeParts(files: Record<string, Uint8Array | string>, options: NormalizeOptions, deflaters: Pick<Deflaters, 'raw' | 'crc32'>): Uint8Array {
  const parts = new Map<string, string>()
  // Characters XML 1.0 forbids (U+FFFE, C0 controls) cannot be escaped: a document built in code loses them rather than Word refusing the file.
  for (const [path, data] of Object.entries(files)) if (/\.(xml|rels)$/.test(path)) parts.set(path, withoutForbidden(typeof data === 'string' ? data : strFromU8(data)))
  renumberRelationships(parts)
  pinFontKeys(parts, files)
  const core = parts.get('docProps/core.xml')
  if (core !== undefined) parts.set('docProps/core.xml', setCoreDates(core, options.date))
  return zip(encodedParts(files, parts), deflaters)
}

// The parts in their order as bytes, each let go (from both maps) once handed out: a long document's
// document.xml, as text and as bytes, is garbage as soon as it is deflated.
function* encodedParts(files: Record<string, Uint8Array | string>, parts: Map<string, string>): Generator<ZipEntry> {
  const encoder = new TextEncoder()
  for (const path of Object.keys(files).sort(entryOrder)) {
    const data = parts.get(path) ?? files[path]!
    parts.delete(path)
    delete files[path]
    yield [path, typeof data === 'string' ? encoder.encode(data) : data]
  }
}
