import type { Element, Node } from '@xmldom/xmldom'
import type { Inline } from '../model/inline.js'
import type { Issue } from '../model/issues.js'

/** One inline code as read from a source or target: its id, what it maps to, and where it is. */
export interface CodeRef {
  id: string
  kind: 'emphasis' | 'strong' | 'superscript' | 'link' | 'break' | 'footnote'
  line?: number
  column?: number
  /** The node a standalone code (a line break, a footnote reference) stands for. */
  node?: Inline
}

/** How one XLIFF version's inline elements map to the model. */
export interface InlineDialect {
  /**
   * What an element is: a paired code (`pc`, `<g>`) with the formatting it carries, the start or end
   * of a code written as two elements (`sc`/`ec`, `bx`/`ex`) keyed by the id that pairs them, an
   * annotation read through, a marker skipped, a code point, or `undefined` (not supported, or in
   * another namespace).
   */
  classify(element: Element): Classified | undefined
  /** The link URL of a code that carries it, if any. */
  href(element: Element): string | undefined
  /** How the dialect names the elements it supports, for the error about one it does not. */
  supported: string
  /** The paired code element (`pc`, `g`): in a target, one without a known type takes the type of the source code with its id. */
  paired: string
  /** The standalone code element (`ph`, `x`): in a target, one without a known type stands for the source code with its id. */
  standalone: string
}

/** The codes that hold text. */
export type PairedKind = 'emphasis' | 'strong' | 'superscript' | 'link'

/** The reading of one inline element. */
export type Classified =
  | { kind: 'code'; format: PairedKind }
  | { kind: 'open'; key: string; format: PairedKind }
  | { kind: 'standalone'; format: 'break' | 'footnote'; node: Inline }
  | { kind: 'close'; key: string }
  | { kind: 'annotation' }
  | { kind: 'skip' }
  | { kind: 'codePoint'; value: string }
  | { kind: 'invalid'; code: string; message: string }

/** What reading one source or target gives: its inline content, its codes in order, and issues. */
export interface ReadContent {
  content: Inline[]
  codes: CodeRef[]
}

/** Where a node is in the XLIFF (1-based), when the parser recorded it. */
export function where(node: Node): { line?: number; column?: number } {
  return node.lineNumber === undefined ? {} : { line: node.lineNumber, column: node.columnNumber }
}

// Inline codes nest no deeper than this (emphasis in a link in strong text is 3).
const inlineDepth = 32

interface Frame {
  out: Inline[]
  open?: { key: string; id: string; format: PairedKind; element: Element }
}

/**
 * Reads the inline content of a `source` or `target`. A code split in two elements (`sc`/`ec` in
 * 2.x, `bx`/`ex` in 1.2) reads like the paired one when both are in the same content and nest
 * properly; otherwise, and for an element the dialect does not support, the issue names the unit
 * and the element's place and the text inside is kept. `hrefs` gives each source code's URL by id,
 * so a target whose tool dropped the URL still links to the source's URL.
 */
export function readInlineContent(
  parent: Node,
  unitId: string,
  dialect: InlineDialect,
  hrefs: ReadonlyMap<string, string>,
  issues: Issue[],
  sourceCodes: readonly CodeRef[] = [],
  inTarget = false,
): ReadContent {
  const sourceKinds = new Map(sourceCodes.map((c) => [c.id, c.kind]))
  const sourceNodes = new Map(sourceCodes.flatMap((c) => (c.node ? [[c.id, c.node] as const] : [])))
  const codes: CodeRef[] = []
  const issue = (element: Element, message: string) => issues.push({ code: 'unsupported_inline', message: `unit "${unitId}": ${message}`, path: [], ...where(element) })
  const code = (element: Element, id: string, format: PairedKind, children: Inline[]): Inline[] => {
    codes.push({ id, kind: format, ...where(element) })
    if (format !== 'link') return [{ type: format, children }]
    // A target's link always takes the source's URL (a translation may not send a reader elsewhere).
    const written = dialect.href(element)
    const url = inTarget ? hrefs.get(id) : (written ?? hrefs.get(id))
    if (inTarget && url !== undefined && written !== undefined && written !== url) {
      issues.push({ code: 'link_changed', message: `unit "${unitId}": the target points link ${id} to "${written}"; a translation keeps the source's URL "${url}"`, path: [], ...where(element) })
      return children
    }
    if (url) return [{ type: 'link', url, children }]
    issue(element, `link code ${id} has no URL`)
    return children
  }
  // translate-toolkit writes a target's <g> and <x> without their ctype: the source's code of that id says what it is.
  const untyped = (element: Element): Classified | undefined => {
    if (!inTarget || element.namespaceURI !== parent.namespaceURI) return undefined
    const id = element.getAttribute('id') ?? ''
    const kind = sourceKinds.get(id)
    const node = sourceNodes.get(id)
    if (!kind) return undefined
    if (element.localName === dialect.paired && kind !== 'break' && kind !== 'footnote') return { kind: 'code', format: kind }
    if (element.localName === dialect.standalone && (kind === 'break' || kind === 'footnote') && node) return { kind: 'standalone', format: kind, node }
    return undefined
  }
  const read = (node: Node, depth = 0): Inline[] => {
    if (depth > inlineDepth) {
      issues.push({ code: 'too_deep', message: `unit "${unitId}": inline codes nested more than ${inlineDepth} deep`, path: [], ...where(node) })
      return []
    }
    const stack: Frame[] = [{ out: [] }]
    for (let child = node.firstChild; child; child = child.nextSibling) {
      const top = stack[stack.length - 1]!
      if (child.nodeType === 3 || child.nodeType === 4) top.out.push({ type: 'text', value: child.nodeValue ?? '' })
      if (child.nodeType !== 1) continue
      const element = child as Element
      const found = dialect.classify(element) ?? untyped(element)
      if (!found) {
        issue(element, `inline element <${element.localName}> is not one this library reads (${dialect.supported})`)
        top.out.push(...read(element, depth + 1))
      } else if (found.kind === 'code') top.out.push(...code(element, element.getAttribute('id') ?? '', found.format, read(element, depth + 1)))
      else if (found.kind === 'annotation') top.out.push(...read(element, depth + 1))
      else if (found.kind === 'invalid') issues.push({ code: found.code, message: `unit "${unitId}": ${found.message}`, path: [], ...where(element) })
      else if (found.kind === 'standalone') {
        codes.push({ id: element.getAttribute('id') ?? '', kind: found.format, node: found.node, ...where(element) })
        top.out.push(found.node)
      } else if (found.kind === 'codePoint') top.out.push({ type: 'text', value: found.value })
      else if (found.kind === 'open') stack.push({ out: [], open: { key: found.key, id: element.getAttribute('id') ?? found.key, format: found.format, element } })
      else if (found.kind === 'close') {
        if (top.open?.key === found.key) {
          stack.pop()
          stack[stack.length - 1]!.out.push(...code(top.open.element, top.open.id, top.open.format, top.out))
        } else issue(element, `end of code "${found.key}" without its start before it at the same level`)
      }
    }
    while (stack.length > 1) {
      const frame = stack.pop()!
      issue(frame.open!.element, `start of code "${frame.open!.key}" without its end after it at the same level`)
      stack[stack.length - 1]!.out.push(...frame.out)
    }
    return stack[0]!.out
  }
  return { content: read(parent), codes }
}
