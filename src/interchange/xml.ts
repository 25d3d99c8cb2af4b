/** An XML element to write: its name, attributes (undefined ones are left out) and children. */
export interface XmlElement {
  name: string
  attributes?: Readonly<Record<string, string | undefined>>
  children?: readonly XmlNode[]
  /** Holds text (mixed content): written on one line even when its children are all elements. */
  mixed?: boolean
}

/** A node to write: an element, or character data (escaped on output). */
export type XmlNode = XmlElement | string

// Characters XML 1.0 forbids outright; they cannot be escaped, so they are dropped.
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu

/** Escapes character data: `&`, `<` and `>` (the last so that `]]>` never appears). */
export function escapeText(value: string): string {
  return value.replace(forbidden, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Escapes an attribute value written between double quotes; tabs and line breaks become references so that they survive attribute normalisation. */
export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')
}

/** Shorthand for an element. */
export function el(name: string, attributes: XmlElement['attributes'] = {}, children: readonly XmlNode[] = []): XmlElement {
  return { name, attributes, children }
}

function openTag(node: XmlElement): string {
  let out = `<${node.name}`
  for (const [key, value] of Object.entries(node.attributes ?? {})) {
    if (value !== undefined) out += ` ${key}="${escapeAttribute(value)}"`
  }
  return out
}

function inline(node: XmlNode): string {
  if (typeof node === 'string') return escapeText(node)
  const children = node.children ?? []
  if (children.length === 0) return `${openTag(node)}/>`
  return `${openTag(node)}>${children.map(inline).join('')}</${node.name}>`
}

function block(node: XmlElement, depth: number): string {
  const indent = '  '.repeat(depth)
  const children = node.children ?? []
  // Mixed content is written on one line: indentation there would be text.
  if (node.mixed || children.length === 0 || children.some((child) => typeof child === 'string')) return `${indent}${inline(node)}`
  const inner = children.map((child) => block(child as XmlElement, depth + 1)).join('\n')
  return `${indent}${openTag(node)}>\n${inner}\n${indent}</${node.name}>`
}

/** Writes an XML document: declaration, then the root element indented by two spaces where no text is around. */
export function writeXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${block(root, 0)}\n`
}

/** Shorthand for an element that holds text, such as a paragraph or an XLIFF `source`: never indented inside. */
export function textEl(name: string, attributes: XmlElement['attributes'] = {}, children: readonly XmlNode[] = []): XmlElement {
  return { name, attributes, children, mixed: true }
}

/** Writes one node without indentation (the canonical form hashed for a unit's source). */
export function writeInline(nodes: readonly XmlNode[]): string {
  return nodes.map(inline).join('')
}
