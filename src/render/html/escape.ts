const entities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => entities[char]!)
}

/** An element with escaped attributes (those `undefined` left out) around already-escaped HTML. */
export function element(name: string, attributes: Readonly<Record<string, string | undefined>>, content: string): string {
  return `<${name}${attributeList(attributes)}>${content}</${name}>`
}

/** Attributes as written in a start tag: ` id="x" lang="fr"`, values escaped, `undefined` ones left out. */
export function attributeList(attributes: Readonly<Record<string, string | undefined>>): string {
  let out = ''
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) out += ` ${name}="${escapeHtml(value)}"`
  return out
}
