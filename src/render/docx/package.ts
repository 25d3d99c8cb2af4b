import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import { withoutForbidden } from '../../model/characters.js'

/** What `normalizeDocx` writes in place of what docx takes from the clock. */
export interface NormalizeOptions {
  /** The document's created and modified date in `docProps/core.xml`. */
  date: Date
}

// The earliest time a zip entry can carry. Zip stores local time, read with the Date's local getters, so the Date is
// built from local fields at each call: built once, it would be another local day after the time zone changes.
const zipTime = () => new Date(1980, 0, 1, 0, 0, 0)

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

function setCoreDates(core: string, date: Date): string {
  const stamp = w3cdtf(date)
  return core.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`)
}

/**
 * Makes a DOCX package reproducible: sets the core properties' created and modified dates, replaces random
 * relationship ids with numbered ones (in the relationships files and the parts that use them), and zips the
 * parts again in a fixed order with a fixed time, so the same document gives the same bytes.
 * @param bytes a DOCX package, as docx's Packer writes it
 * @param options the date to write in the core properties
 * @returns the normalized package
 */
export function normalizeDocx(bytes: Uint8Array, options: NormalizeOptions): Uint8Array {
  const files = unzipSync(bytes)
  const parts = new Map<string, string>()
  // Characters XML 1.0 forbids (U+FFFE, C0 controls) cannot be escaped: a document built in code loses them rather than Word refusing the file.
  for (const [path, data] of Object.entries(files)) if (/\.(xml|rels)$/.test(path)) parts.set(path, withoutForbidden(strFromU8(data)))
  renumberRelationships(parts)
  const core = parts.get('docProps/core.xml')
  if (core !== undefined) parts.set('docProps/core.xml', setCoreDates(core, options.date))
  const zippable: Zippable = {}
  const mtime = zipTime()
  for (const path of Object.keys(files).sort(entryOrder)) {
    const text = parts.get(path)
    zippable[path] = [text === undefined ? files[path]! : strToU8(text), { mtime }]
  }
  return zipSync(zippable)
}
