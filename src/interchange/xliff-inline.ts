import { hasChildren, type Inline, type Phrasing } from '../model/inline.js'
import { isSafeLink } from '../model/links.js'
import { el, type XmlNode } from './xml.js'

/** The XLIFF 2 Format Style module namespace: `fs:fs`/`fs:subFs` let CAT tools preview the codes as HTML. */
export const FS_NAMESPACE = 'urn:oasis:names:tc:xliff:fs:2.0'

// In fs:subFs (XLIFF 2.0, Format Style module) "," separates a name from its value, "\" separates
// the pairs, and "\\" and "\," write a backslash and a comma inside a name or value.
function subFsValue(name: string, value: string): string {
  const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/,/g, '\\,')
  return `${escape(name)},${escape(value)}`
}

/** Reads an `fs:subFs` value into its name/value pairs (`href,a\title,b` -> href=a, title=b). */
export function parseSubFs(value: string): [string, string][] {
  const pairs: string[][] = [['']]
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!
    const pair = pairs[pairs.length - 1]!
    if (c === '\\' && (value[i + 1] === '\\' || value[i + 1] === ',')) pair[pair.length - 1] += value[++i]!
    else if (c === '\\') pairs.push([''])
    else if (c === ',') pair.push('')
    else pair[pair.length - 1] += c
  }
  return pairs.map((pair) => [pair[0]!, pair.slice(1).join(',')])
}

/** Reads the `href` back from an `fs:subFs` value, or `undefined` when it holds none. */
export function hrefFromSubFs(value: string | null | undefined): string | undefined {
  if (!value) return undefined
  return parseSubFs(value).find(([name]) => name === 'href')?.[1]
}

/**
 * Writes inline content as XLIFF 2 inline codes: emphasis and strong as `pc type="fmt"` with
 * `subType="xlf:i"`/`"xlf:b"`, links as `pc type="link"` carrying the URL in `fs:subFs`. The codes
 * are numbered from 1 in document order, so a target's `pc id="2"` points at the source's second code.
 */
export function inlineToXliff(content: readonly Inline[]): XmlNode[] {
  let next = 1
  const write = (nodes: readonly Inline[]): XmlNode[] =>
    nodes.flatMap((node): XmlNode[] => {
      if (node.type === 'text') return node.value ? [node.value] : []
      // A link that breaks the link rule (a document built in code) is written as its text.
      if (node.type === 'link' && !isSafeLink(node.url)) return write(node.children)
      const id = String(next++)
      if (node.type === 'break') return [el('ph', { id, type: 'fmt', subType: 'xlf:lb', disp: '\n' }, [])]
      if (node.type === 'footnoteReference') return [el('ph', { id, type: 'other', subType: 'dk:footnote', disp: node.label, 'fs:fs': 'sup' }, [])]
      if (node.type === 'superscript') return [el('pc', { id, type: 'fmt', subType: 'xlf:u', 'fs:fs': 'sup' }, write(node.children))]
      if (node.type === 'link') {
        return [el('pc', { id, type: 'link', 'fs:fs': 'a', 'fs:subFs': subFsValue('href', node.url) }, write(node.children))]
      }
      const italic = node.type === 'emphasis'
      return [el('pc', { id, type: 'fmt', subType: italic ? 'xlf:i' : 'xlf:b', 'fs:fs': italic ? 'i' : 'b' }, write(node.children))]
    })
  return write(content)
}

/** Joins adjacent text runs and drops empty ones, so that equal content has one shape. */
export function normalizePhrasing(content: readonly Inline[]): Phrasing {
  const out: Phrasing = []
  for (const node of content) {
    if (node.type === 'text') {
      if (!node.value) continue
      const last = out[out.length - 1]
      if (last?.type === 'text') last.value += node.value
      else out.push({ type: 'text', value: node.value })
    } else if (hasChildren(node)) {
      out.push({ ...node, children: normalizePhrasing(node.children) })
    } else out.push(node)
  }
  return out
}
