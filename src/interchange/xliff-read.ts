import type { Element, Node } from '@xmldom/xmldom'
import type { Inline, Phrasing } from '../model/inline.js'
import type { Issue } from '../model/issues.js'
import { limits } from '../model/limits.js'
import { parseXml } from './xml-read.js'
import { FS_NAMESPACE, hrefFromSubFs, normalizePhrasing } from './xliff-inline.js'

/** The XLIFF 2 core namespace (shared by versions 2.0 and 2.1). */
export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0'

/** One `unit` as read from an XLIFF file, its segments joined. */
export interface ReadUnit {
  id: string
  line?: number
  column?: number
  source: Phrasing
  /** `undefined` when a segment has no `target`. */
  target?: Phrasing
  /** The least advanced state of its segments (`initial` when none is given). */
  state: string
  notes: { category?: string; text: string }[]
  /** Inline codes this library cannot map back, one issue each. */
  issues: Issue[]
}

/** An XLIFF 2 document as read: languages and its files' units in document order. */
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

function where(node: Node): { line?: number; column?: number } {
  return node.lineNumber === undefined ? {} : { line: node.lineNumber, column: node.columnNumber }
}

// Inline codes nest no deeper than this (emphasis in a link in strong text is 3).
const inlineDepth = 32

// The character a `<cp hex="…"/>` stands for, or `undefined` when the value names no Unicode code point.
function codePoint(hex: string | null): string | undefined {
  if (!hex || !/^[0-9A-Fa-f]{1,6}$/.test(hex)) return undefined
  const value = Number.parseInt(hex, 16)
  return value <= 0x10ffff ? String.fromCodePoint(value) : undefined
}

// Maps inline content back to the model. `hrefs` gives each source code's URL by id: a target's link
// always takes the source's URL (a translation may not send a reader elsewhere), so a target whose tool
// dropped the fs attributes still links to it, and one that names another URL is an issue.
function readInline(parent: Node, unitId: string, hrefs: Map<string, string>, issues: Issue[], inTarget = false, depth = 0): Inline[] {
  const out: Inline[] = []
  if (depth > inlineDepth) {
    issues.push({ code: 'too_deep', message: `unit "${unitId}": inline codes nested more than ${inlineDepth} deep`, path: [], ...where(parent) })
    return out
  }
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 || child.nodeType === 4) out.push({ type: 'text', value: child.nodeValue ?? '' })
    if (child.nodeType !== 1) continue
    const element = child as Element
    const inner = () => readInline(element, unitId, hrefs, issues, inTarget, depth + 1)
    const type = element.getAttribute('type')
    const subType = element.getAttribute('subType')
    if (element.localName === 'pc' && type === 'fmt' && subType === 'xlf:i') out.push({ type: 'emphasis', children: inner() })
    else if (element.localName === 'pc' && type === 'fmt' && subType === 'xlf:b') out.push({ type: 'strong', children: inner() })
    else if (element.localName === 'pc' && type === 'fmt' && subType === 'xlf:u') out.push({ type: 'superscript', children: inner() })
    else if (element.localName === 'ph' && type === 'fmt' && subType === 'xlf:lb') out.push({ type: 'break' })
    else if (element.localName === 'ph' && subType === 'dk:footnote') out.push({ type: 'footnoteReference', label: element.getAttribute('disp') ?? '' })
    else if (element.localName === 'pc' && type === 'link') {
      const written = hrefFromSubFs(element.getAttributeNS(FS_NAMESPACE, 'subFs'))
      const url = inTarget ? hrefs.get(element.getAttribute('id') ?? '') : written
      if (inTarget && url !== undefined && written !== undefined && written !== url) {
        const code = element.getAttribute('id')
        issues.push({ code: 'link_changed', message: `unit "${unitId}": the target points link ${code} to "${written}"; a translation keeps the source's URL "${url}"`, path: [], ...where(element) })
        out.push(...inner())
      } else if (url) out.push({ type: 'link', url, children: inner() })
      else {
        issues.push({ code: 'unsupported_inline', message: `unit "${unitId}": link code ${element.getAttribute('id')} has no URL`, path: [], ...where(element) })
        out.push(...inner())
      }
    } else if (element.localName === 'mrk') out.push(...inner()) // annotations (terms, comments) carry no formatting
    else if (element.localName === 'cp') {
      const character = codePoint(element.getAttribute('hex'))
      if (character !== undefined) out.push({ type: 'text', value: character })
      else issues.push({ code: 'invalid_code_point', message: `unit "${unitId}": <cp hex="${element.getAttribute('hex') ?? ''}"/> names no Unicode code point (hex 0 to 10FFFF)`, path: [], ...where(element) })
    }
    else if (element.localName === 'sm' || element.localName === 'em') continue
    else {
      issues.push({ code: 'unsupported_inline', message: `unit "${unitId}": inline element <${element.localName}> is not one this library writes (pc for emphasis, strong and links)`, path: [], ...where(element) })
      out.push(...inner())
    }
  }
  return out
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

function readUnit(unit: Element): ReadUnit {
  const id = unit.getAttribute('id') ?? ''
  const issues: Issue[] = []
  const parts = children(unit).filter((e) => e.localName === 'segment' || e.localName === 'ignorable')
  const sources = parts.map((part) => children(part, 'source')[0])
  const hrefs = new Map<string, string>()
  for (const source of sources) if (source) linkHrefs(source, hrefs)
  const source: Inline[] = []
  const target: Inline[] = []
  let complete = parts.length > 0
  let state = 'final'
  parts.forEach((part, index) => {
    const sourceContent = sources[index] ? readInline(sources[index], id, hrefs, issues) : []
    source.push(...sourceContent)
    const targetElement = children(part, 'target')[0]
    // An ignorable's target may be left out: its source stands (white space between segments).
    if (targetElement) target.push(...readInline(targetElement, id, hrefs, issues, true))
    else if (part.localName === 'ignorable') target.push(...sourceContent)
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
    ...where(unit),
    source: normalizePhrasing(source),
    ...(complete ? { target: normalizePhrasing(target) } : {}),
    state: parts.some((p) => p.localName === 'segment') ? state : 'initial',
    notes,
    issues,
  }
}

function unitsOf(node: Element): ReadUnit[] {
  return children(node).flatMap((child) => (child.localName === 'unit' ? [readUnit(child)] : child.localName === 'group' ? unitsOf(child) : []))
}

/** Limits of `readXliff`: the largest string and the most units it reads. */
export interface XliffLimits {
  /** Largest XLIFF read, in UTF-16 code units (`limits.xliffSize` by default). */
  maxSize?: number
  /** Most `unit` elements (`limits.xliffUnits` by default). */
  maxUnits?: number
}

/** Parses an XLIFF 2.x string into its units, or returns the issues that stop it being read (too large, or a syntax error at its line and column). */
export function readXliff(xml: string, options: XliffLimits = {}): { success: true; data: ReadXliff } | { success: false; issues: Issue[] } {
  const fail = (code: string, message: string) => ({ success: false as const, issues: [{ code, message, path: [] }] })
  if (typeof xml !== 'string') return fail('not_xliff', 'expected the XLIFF as a string')
  const maxSize = options?.maxSize ?? limits.xliffSize
  if (xml.length > maxSize) return fail('too_large', `the XLIFF is ${xml.length} characters long, more than the limit of ${maxSize}`)
  const maxUnits = options?.maxUnits ?? limits.xliffUnits
  let units = 0
  for (const _ of xml.matchAll(/<(?:[\w.-]+:)?unit[\s>/]/g)) if (++units > maxUnits) return fail('too_large', `the XLIFF holds more than ${maxUnits} units, the limit`)
  const parsed = parseXml(xml, 'the XLIFF')
  if (!parsed.success) return parsed
  const doc = parsed.doc
  const root = doc.documentElement
  if (!root || root.localName !== 'xliff' || root.namespaceURI !== XLIFF_NAMESPACE || !/^2\.\d+$/.test(root.getAttribute('version') ?? '')) {
    const found = root ? `<${root.tagName}> in namespace "${root.namespaceURI ?? ''}" version "${root.getAttribute('version') ?? ''}"` : 'no root element'
    return { success: false, issues: [{ code: 'not_xliff', message: `expected an XLIFF 2.x document (<xliff xmlns="${XLIFF_NAMESPACE}" version="2.1">); found ${found}`, path: [] }] }
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
