// The one rule for link targets, applied by the validator and by every renderer and exporter.

const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/u

// Characters that make a URL read as something it is not: controls, white space, bidirectional
// controls (U+202E turns "moc.live" into "evil.com"), zero-width and other invisible characters.
const deceptive = /[\p{Cc}\p{Z}\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFFB]/u

/** Whether a string is a syntactically valid e-mail address (local@domain.tld). */
export function isEmail(value: string): boolean {
  return emailPattern.test(value) && !deceptive.test(value)
}

function describeCharacter(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
}

/**
 * Why a link target is not allowed, or `undefined` when it is. Allowed: `https:` and `http:` URLs with a
 * host and no user name or password, and `mailto:` with one valid address and at most a `subject`;
 * the URL is read with the WHATWG URL parser, as browsers read it, and may hold no control, bidirectional
 * or invisible character anywhere.
 * @param url the link target as written
 * @returns the problem, as a sentence naming the URL, or `undefined`
 */
export function linkProblem(url: string): string | undefined {
  if (typeof url !== 'string') return 'link: expected a URL as text'
  const shown = JSON.stringify(url.length > 200 ? `${url.slice(0, 200)}…` : url)
  const hidden = deceptive.exec(url)
  if (hidden) return `link ${shown}: contains the space, control or invisible character ${describeCharacter(hidden[0])}; write the address plainly`
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return /^[a-z][a-z0-9+.-]*:/i.test(url) ? `link ${shown}: not a valid URL` : `link ${shown}: links must use https:, http: or mailto:`
  }
  if (parsed.protocol === 'mailto:') {
    const address = mailtoAddress(url)
    if (address === undefined || !isEmail(address)) return `link ${shown}: expected a valid e-mail address after mailto:`
    const headers = [...parsed.searchParams.keys()].filter((name) => name.toLowerCase() !== 'subject')
    if (headers.length) return `link ${shown}: a mailto: link may carry only a subject, not ${headers.map((name) => `"${name}"`).join(', ')}`
    return undefined
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return `link ${shown}: links must use https:, http: or mailto:`
  if (!/^https?:\/\/[^/?#]/i.test(url) || parsed.hostname === '') return `link ${shown}: expected a host after ${parsed.protocol}//`
  if (parsed.username || parsed.password) return `link ${shown}: a link may not carry a user name or password (the host is what follows "@")`
  return undefined
}

/** Whether a link target passes the link rule (`linkProblem` finds nothing). */
export function isSafeLink(url: unknown): url is string {
  try {
    return typeof url === 'string' && linkProblem(url) === undefined
  } catch {
    return false
  }
}

/**
 * A link target as 7-bit ASCII, as PDF wants a `/URI`: the host in punycode, other characters
 * percent-encoded (the WHATWG serialisation). An ASCII URL is returned as written.
 */
export function asciiUrl(url: string): string {
  if (/^[\x21-\x7E]*$/.test(url)) return url
  const href = new URL(url).href
  // mailto: keeps its address's domain as written; the percent-encoding makes it ASCII all the same.
  return /^[\x21-\x7E]*$/.test(href) ? href : encodeURI(href)
}

/** The address a `mailto:` link writes to, or `undefined` for another link. */
export function mailtoAddress(url: string): string | undefined {
  if (!/^mailto:/i.test(url)) return undefined
  try {
    return decodeURIComponent(new URL(url).pathname)
  } catch {
    return undefined
  }
}

// A node of inline content that is a link: its children replace it when its target breaks the rule.
interface LinkLike {
  type: 'link'
  url: string
  children: unknown[]
}

function isLinkNode(value: unknown): value is LinkLike {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'link' && Array.isArray((value as { children?: unknown }).children)
}

/**
 * A copy of a document (or any part of one) in which every link whose target breaks the link rule is
 * replaced by its text, so that a renderer given a document built in code never writes a live link
 * nobody checked. Walks without recursion; returns the same object when every link is safe.
 */
export function withSafeLinks<T>(value: T): T {
  if (!hasUnsafeLink(value)) return value
  const copy = structuredClone(value)
  const stack: unknown[] = [copy]
  while (stack.length) {
    const node = stack.pop()
    if (typeof node !== 'object' || node === null) continue
    if (Array.isArray(node)) {
      // The same index is looked at again after a splice: a link inside an unsafe link is checked like any other.
      for (let index = 0; index < node.length; ) {
        const item: unknown = node[index]
        if (isLinkNode(item) && !isSafeLink(item.url)) node.splice(index, 1, ...item.children)
        else index++
      }
    }
    for (const child of Object.values(node)) stack.push(child)
  }
  return copy
}

function hasUnsafeLink(value: unknown): boolean {
  const stack: unknown[] = [value]
  while (stack.length) {
    const node = stack.pop()
    if (typeof node !== 'object' || node === null) continue
    if (isLinkNode(node) && !isSafeLink(node.url)) return true
    for (const child of Object.values(node)) stack.push(child)
  }
  return false
}
