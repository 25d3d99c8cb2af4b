import type { PhrasingContent } from 'mdast'
import type { ParseContext } from './context.js'

const idComment = /^<!--\s*id:\s*(\S+)\s*-->$/

/**
 * Takes a pinned clause id from a trailing `<!-- id: name -->` comment, which readers of the rendered
 * Markdown do not see. Without one a clause gets its positional id (`preamble-3`).
 */
export function takeId(children: readonly PhrasingContent[], context: ParseContext, path: (string | number)[]): { id?: string; children: PhrasingContent[] } {
  const last = children[children.length - 1]
  const match = last?.type === 'html' ? idComment.exec(last.value.trim()) : null
  if (!last || !match) return { children: [...children] }
  context.mark([...path, 'id'], last)
  return { id: match[1]!, children: children.slice(0, -1) }
}

/** The comment that pins an id, as the Markdown renderer writes it. */
export function idCommentFor(id: string): string {
  return `<!-- id: ${id} -->`
}
