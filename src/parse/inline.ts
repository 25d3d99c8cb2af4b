import type { PhrasingContent } from 'mdast'
import type { Inline } from '../model/inline.js'
import type { ParseContext } from './context.js'

/** Joins adjacent text runs and drops empty ones, so equal text always has one model shape. */
export function normalizePhrasing(content: readonly Inline[]): Inline[] {
  const out: Inline[] = []
  for (const node of content) {
    if (node.type === 'text') {
      if (node.value === '') continue
      const last = out[out.length - 1]
      if (last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + node.value }
      else out.push({ type: 'text', value: node.value })
    } else if (node.type === 'break' || node.type === 'footnoteReference') {
      out.push(node)
    } else {
      const children = normalizePhrasing(node.children)
      if (children.length === 0) continue
      out.push(node.type === 'link' ? { type: 'link', url: node.url, children } : { type: node.type, children })
    }
  }
  return out
}

/** Trims white space at the start and end of inline content. */
export function trimPhrasing(content: readonly Inline[]): Inline[] {
  const trimEdge = (nodes: readonly Inline[], edge: 'start' | 'end'): Inline[] => {
    const list = [...nodes]
    const index = edge === 'start' ? 0 : list.length - 1
    const node = list[index]
    if (!node) return list
    if (node.type === 'text') {
      const value = edge === 'start' ? node.value.trimStart() : node.value.trimEnd()
      if (value === '') {
        list.splice(index, 1)
        return trimEdge(list, edge)
      }
      list[index] = { type: 'text', value }
    } else if (node.type === 'break') {
      list.splice(index, 1)
      return trimEdge(list, edge)
    } else if (node.type !== 'footnoteReference') {
      const children = trimEdge(node.children, edge)
      list[index] = node.type === 'link' ? { ...node, children } : { type: node.type, children }
    }
    return list
  }
  return normalizePhrasing(trimEdge(trimEdge(content, 'start'), 'end'))
}

const supOpen = /^<sup>$/i
const supClose = /^<\/sup>$/i

/**
 * Reports a footnote mark typed without its definition: GFM reads `[^1]` as a reference only when a
 * `[^1]: …` line defines it, and as literal text otherwise (an escaped `\[^1]` is literal on purpose).
 */
function checkUndefinedFootnote(node: Extract<PhrasingContent, { type: 'text' }>, context: ParseContext, path: (string | number)[]): void {
  if (!node.value.includes('[^')) return
  const start = node.position?.start
  const end = node.position?.end
  if (start?.offset === undefined || end?.offset === undefined) return
  const typed = /(?<!\\)\[\^([^\]\s]+)\]/u.exec(context.source.slice(start.offset, end.offset))
  if (!typed) return
  const before = context.source.slice(start.offset, start.offset + typed.index)
  const lines = before.split('\n')
  const place = { line: start.line + lines.length - 1, column: lines.length > 1 ? lines[lines.length - 1]!.length + 1 : start.column + typed.index }
  const label = typed[1]!
  context.report('missing_footnote', `footnote [^${label}]: no definition; expected a line "[^${label}]: the note" (usually at the end of the file)`, path, place)
}

/** Converts mdast phrasing content to the model's inline nodes; soft line breaks become spaces. */
export function toPhrasing(nodes: readonly PhrasingContent[], context: ParseContext, path: (string | number)[]): Inline[] {
  const out: Inline[] = []
  for (let at = 0; at < nodes.length; at++) {
    const node = nodes[at]!
    if (node.type === 'html' && supOpen.test(node.value.trim())) {
      const close = nodes.findIndex((candidate, index) => index > at && candidate.type === 'html' && supClose.test(candidate.value.trim()))
      if (close !== -1) {
        out.push({ type: 'superscript', children: toPhrasing(nodes.slice(at + 1, close), context, path) })
        at = close
        continue
      }
    }
    switch (node.type) {
      case 'text':
        checkUndefinedFootnote(node, context, path)
        out.push({ type: 'text', value: node.value.replace(/[ \t]*\r?\n[ \t]*/g, ' ') })
        break
      case 'emphasis':
      case 'strong':
        out.push({ type: node.type, children: toPhrasing(node.children, context, path) })

        break
      case 'link':
        out.push({ type: 'link', url: node.url, children: toPhrasing(node.children, context, path) })
        break
      case 'inlineCode':
      case 'html':
        // Kept as the literal characters the author typed.
        out.push({ type: 'text', value: node.type === 'inlineCode' ? `\`${node.value}\`` : node.value })
        break
      case 'break':
        out.push({ type: 'break' })
        break
      case 'footnoteReference':
        out.push({ type: 'footnoteReference', label: node.label ?? node.identifier })
        break
      default:
        context.report(
          'unsupported_inline',
          `${node.type}: not supported in document text; expected plain text, *emphasis*, **strong** or [links](https://…)`,
          path,
          node,
        )
    }
  }
  return normalizePhrasing(out)
}

function modelLinkPaths(content: readonly Inline[], path: (string | number)[]): (string | number)[][] {
  return content.flatMap((node, index) => {
    if (!('children' in node)) return []
    const here = [...path, index]
    return node.type === 'link' ? [here, ...modelLinkPaths(node.children, [...here, 'children'])] : modelLinkPaths(node.children, [...here, 'children'])
  })
}

function sourceLinks(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  return nodes.flatMap((node) =>
    node.type === 'link' ? [node, ...sourceLinks(node.children)] : 'children' in node ? sourceLinks(node.children as PhrasingContent[]) : [],
  )
}

/** Converts phrasing and remembers where each link came from, so a bad link is reported at its own line and column. */
export function readPhrasing(nodes: readonly PhrasingContent[], context: ParseContext, path: (string | number)[], trim = true): Inline[] {
  const content = trim ? trimPhrasing(toPhrasing(nodes, context, path)) : toPhrasing(nodes, context, path)
  const links = sourceLinks(nodes).filter((node) => node.type === 'link' && node.children.length > 0)
  modelLinkPaths(content, path).forEach((linkPath, index) => context.mark([...linkPath, 'url'], links[index]))
  return content
}
