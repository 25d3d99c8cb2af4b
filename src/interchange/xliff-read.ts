import type { Element, Node } from '@xmldom/xmldom'
import type { Inline, Phrasing } from '../model/inline.js'
import type { Issue } from '../model/issues.js'
import { limits } from '../model/limits.js'
import { parseXml } from './xml-read.js'
import { FS_NAMESPACE, hrefFromSubFs, normalizePhrasing } from './xliff-inline.js'
import { readInlineContent, where, type CodeRef, type InlineDialect } from './xliff-inline-read.js'
import { XLIFF1_NAMESPACES, XLIFF12_NAMESPACE } from './xliff12-inline.js'
import { readXliff12 } from './xliff12-read.js'

/** The XLIFF 2 core namespace (shared by versions 2.0 and 2.1). */
export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0'

/** One `unit` as read from an XLIFF file, its segments joined. */
export interface ReadUnit {
  id: string
  line?: number
  column?: number
  source: Phrasing
  /** The part (`group` name) the unit is in, when it is in one. */
  group?: string
  /** The source's inline codes in document order. */
  sourceCodes: CodeRef[]
  /** `undefined` when a segment has no `target`. */
  target?: Phrasing
  /** The target's inline codes in document order (with `target`). */
  targetCodes?: CodeRef[]
  /** The least advanced state of its segments (`initial` when none is given). */
  state: string
  /** Whether a state was written (XLIFF 2 segments default to `initial` when none is). */
  stateGiven?: boolean
  notes: { category?: string; text: string }[]
  /** Inline codes this library cannot map back, one issue each. */
  issues: Issue[]
}

/** An XLIFF document (2.x or 1.2) as read: languages and its files' units in document order. */
export interface ReadXliff {
  version: string
  srcLang: string
  trgLang?: string
  files: { id: string; units: ReadUnit[] }[]
}

const stateOrder = ['initial', 'translated', 'reviewed', 'final']

function children(node: Node, name?: string): Element[] {
  const out: Element[] = []
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && child.namespaceURI === XLIFF_NAMESPACE && (!name || child.localName === name)) out.push(child as Element)
  }
  return out
}

// The character a `<cp hex="…"/>` stands for, or `undefined` when the value names no Unicode code point.
function codePoint(hex: string | null): string | undefined {
  if (!hex || !/^[0-9A-Fa-f]{1,6}$/.test(hex)) return undefined
  const value = Number.parseInt(hex, 16)
  return value <= 0x10ffff ? String.fromCodePoint(value) : undefined
}

const dialect: InlineDialect = {
  paired: 'pc',
  standalone: 'ph',
  supported: 'pc or sc/ec for emphasis, strong, superscript and links; ph for line breaks and footnote references; mrk, sm, em and cp',
  classify(element) {
    if (element.namespaceURI !== XLIFF_NAMESPACE) return undefined
    const name = element.localName
    const type = element.getAttribute('type')
    const subType = element.getAttribute('subType')
    const format =
      type === 'link'
        ? 'link'
        : type !== 'fmt'
          ? undefined
          : subType === 'xlf:i'
            ? 'emphasis'
            : subType === 'xlf:b'
              ? 'strong'
              : subType === 'xlf:u'
                ? 'superscript'
                : undefined
    if (name === 'ph' && type === 'fmt' && subType === 'xlf:lb') return { kind: 'standalone', format: 'break', node: { type: 'break' } }
    if (name === 'ph' && subType === 'dk:footnote') return { kind: 'standalone', format: 'footnote', node: { type: 'footnoteReference', label: element.getAttribute('disp') ?? '' } }
    if (name === 'pc' && format) return { kind: 'code', format }
    if (name === 'sc' && format && element.getAttribute('isolated') !== 'yes') return { kind: 'open', key: element.getAttribute('id') ?? '', format }
    if (name === 'ec' && element.getAttribute('isolated') !== 'yes' && element.getAttribute('startRef')) return { kind: 'close', key: element.getAttribute('startRef')! }
    if (name === 'mrk') return { kind: 'annotation' } // annotations (terms, comments) carry no formatting
    if (name === 'sm' || name === 'em') return { kind: 'skip' }
    if (name === 'cp') {
      const character = codePoint(element.getAttribute('hex'))
      if (character !== undefined) return { kind: 'codePoint', value: character }
      return { kind: 'invalid', code: 'invalid_code_point', message: `<cp hex="${element.getAttribute('hex') ?? ''}"/> names no Unicode code point (hex 0 to 10FFFF)` }
    }
    return undefined
  },
  href: (element) => hrefFromSubFs(element.getAttributeNS(FS_NAMESPACE, 'subFs')),
}

function linkHrefs(node: Node, hrefs: Map<string, string>): Map<string, string> {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1) continue
    const element = child as Element
    const href = hrefFromSubFs(element.getAttributeNS(FS_NAMESPACE, 'subFs'))
    if (href && element.getAttribute('id')) hrefs.set(element.getAttribute('id')!, href)
    linkHrefs(element, hrefs)
  }
  return hrefs
}

function readUnit(unit: Element, group: string | undefined): ReadUnit {
  const id = unit.getAttribute('id') ?? ''
  const issues: Issue[] = []
  const parts = children(unit).filter((e) => e.localName === 'segment' || e.localName === 'ignorable')
  const sources = parts.map((part) => children(part, 'source')[0])
  const hrefs = new Map<string, string>()
  for (const source of sources) if (source) linkHrefs(source, hrefs)
  const source: Inline[] = []
  const target: Inline[] = []
  const sourceCodes: CodeRef[] = []
  const targetCodes: CodeRef[] = []
  let complete = parts.length > 0
  let state = 'final'
  parts.forEach((part, index) => {
    const read = sources[index] ? readInlineContent(sources[index], id, dialect, hrefs, issues) : { content: [], codes: [] }
    source.push(...read.content)
    sourceCodes.push(...read.codes)
    const targetElement = children(part, 'target')[0]
    // An ignorable's target may be left out: its source stands (white space between segments).
    if (targetElement) {
      const translated = readInlineContent(targetElement, id, dialect, hrefs, issues, read.codes, true)
      target.push(...translated.content)
      targetCodes.push(...translated.codes)
    } else if (part.localName === 'ignorable') {
      target.push(...read.content)
      targetCodes.push(...read.codes)
    }
    else complete = false
    if (part.localName === 'segment') {
      const given = part.getAttribute('state') ?? ''
      const partState = stateOrder.includes(given) ? given : 'initial'
      if (stateOrder.indexOf(partState) < stateOrder.indexOf(state)) state = partState
    }
  })
  const notes = children(unit, 'notes').flatMap((n) => children(n, 'note')).map((note) => ({
    ...(note.getAttribute('category') ? { category: note.getAttribute('category')! } : {}),
    text: note.textContent ?? '',
  }))
  return {
    id,
    ...(group === undefined ? {} : { group }),
    ...where(unit),
    source: normalizePhrasing(source),
    sourceCodes,
    ...(complete ? { target: normalizePhrasing(target), targetCodes } : {}),
    state: parts.some((p) => p.localName === 'segment') ? state : 'initial',
    stateGiven: parts.some((p) => p.localName === 'segment' && p.hasAttribute('state')),
    notes,
    issues,
  }
}

function unitsOf(node: Element, group?: string): ReadUnit[] {
  return children(node).flatMap((child) =>
    child.localName === 'unit' ? [readUnit(child, group)] : child.localName === 'group' ? unitsOf(child, child.getAttribute('name') || child.getAttribute('id') || group) : [],
  )
}

/** Limits of `readXliff`: the largest string and the most units it reads. */
export interface XliffLimits {
  /** Largest XLIFF read, in UTF-16 code units (`limits.xliffSize` by default). */
  maxSize?: number
  /** Most `unit` elements (`limits.xliffUnits` by default). */
  maxUnits?: number
}

/** Parses an XLIFF 2.x or 1.2 string (told apart by namespace) into its units, or returns the issues that stop it being read (too large, or a syntax error at its line and column). */
export function readXliff(xml: string, options: XliffLimits = {}): { success: true; data: ReadXliff } | { success: false; issues: Issue[] } {
  const fail = (code: string, message: string) => ({ success: false as const, issues: [{ code, message, path: [] }] })
  if (typeof xml !== 'string') return fail('not_xliff', 'expected the XLIFF as a string')
  const maxSize = options?.maxSize ?? limits.xliffSize
  if (xml.length > maxSize) return fail('too_large', `the XLIFF is ${xml.length} characters long, more than the limit of ${maxSize}`)
  const maxUnits = options?.maxUnits ?? limits.xliffUnits
  let units = 0
  for (const _ of xml.matchAll(/<(?:[\w.-]+:)?(?:trans-)?unit[\s>/]/g)) if (++units > maxUnits) return fail('too_large', `the XLIFF holds more than ${maxUnits} units, the limit`)
  const parsed = parseXml(xml, 'the XLIFF')
  if (!parsed.success) return parsed
  const doc = parsed.doc
  const root = doc.documentElement
  if (XLIFF1_NAMESPACES.includes(root?.namespaceURI ?? '')) return readXliff12(root!)
  if (!root || root.localName !== 'xliff' || root.namespaceURI !== XLIFF_NAMESPACE || !/^2\.\d+$/.test(root.getAttribute('version') ?? '')) {
    const found = root ? `<${root.tagName}> in namespace "${root.namespaceURI ?? ''}" version "${root.getAttribute('version') ?? ''}"` : 'no root element'
    return { success: false, issues: [{ code: 'not_xliff', message: `expected an XLIFF 2.x document (<xliff xmlns="${XLIFF_NAMESPACE}" version="2.0">) or an XLIFF 1.2 one (<xliff xmlns="${XLIFF12_NAMESPACE}" version="1.2">); found ${found}`, path: [] }] }
  }
  const trgLang = root.getAttribute('trgLang')
  return {
    success: true,
    data: {
      version: root.getAttribute('version')!,
      srcLang: root.getAttribute('srcLang') ?? '',
      ...(trgLang ? { trgLang } : {}),
      files: children(root, 'file').map((file) => ({ id: file.getAttribute('id') ?? '', units: unitsOf(file) })),
    },
  }
}
