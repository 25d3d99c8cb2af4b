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

const annexWords = /^(annex|annexe|anexo|anhang|allegato|bijlage|приложение|附件|مرفق)\b/iu
const annexComment = /^<!--\s*annex\s*-->$/

/** The comment that marks a heading as an annex's when its words do not say so (`## Anlage <!-- annex -->`). */
export const annexMarker = '<!-- annex -->'

/** Whether a phrasing node is the annex marker comment. */
export function isAnnexMarker(node: PhrasingContent): boolean {
  return node.type === 'html' && annexComment.test(node.value.trim())
}

/** Whether a heading's printed text opens an annex by its first word ("Annex", "Annexe", "Anexo", "Anhang" …). */
export function namesAnnex(text: string): boolean {
  return annexWords.test(text.trim())
}
