import type { Inline } from '../../model/inline.js'
import { element, escapeHtml } from './escape.js'

type Handlers = { [K in Inline['type']]: (node: Extract<Inline, { type: K }>) => string }

// One handler per inline node type: a new node type in the model is a type error here until handled.
const handlers: Handlers = {
  text: (node) => escapeHtml(node.value),
  emphasis: (node) => `<em>${phrasingHtml(node.children)}</em>`,
  strong: (node) => `<strong>${phrasingHtml(node.children)}</strong>`,
  link: (node) => element('a', { href: node.url }, phrasingHtml(node.children)),
}

/** The HTML of inline content: text escaped, emphasis as `<em>`, strong as `<strong>`, links as `<a>`. */
export function phrasingHtml(content: readonly Inline[]): string {
  let out = ''
  for (const node of content) out += (handlers[node.type] as (node: Inline) => string)(node)
  return out
}
