import { DOMParser, type Document as XmlDocument } from '@xmldom/xmldom'
import type { Issue } from '../model/issues.js'

// xmldom's wording, rewritten as what was found and what XML expects there.
const rewrites: [RegExp, (...groups: string[]) => string][] = [
  [/^Opening and ending tag mismatch: "([^"]*)" != "([^"]*)"/, (open, close) => `the closing tag </${close}> does not match the open element <${open}>; close <${open}> first`],
  [/^unclosed xml tag\(s\): (.*)/, (names) => `the file ends before the element(s) ${names.trim().split(/\s+/).map((name) => `<${name}>`).join(', ')} are closed; add the closing tag(s)`],
  [/^Attribute (\S+) redefined/, (name) => `the attribute ${name} is given twice on one element; keep one`],
  [/^entity not found:\s*(\S+)/, (entity) => `unknown entity ${entity}; XML knows only &amp; &lt; &gt; &quot; &apos; and numeric references such as &#160;`],
  [/^missing root element/, () => 'no XML element found; expected an XML document'],
]

/** Rewrites one message of the xmldom parser in the project's own words (unknown ones are kept). */
export function rewriteXmlMessage(message: string): string {
  for (const [pattern, rewrite] of rewrites) {
    const match = pattern.exec(message)
    if (match) return rewrite(...match.slice(1))
  }
  return message
}

type Place = { line: number; column: number }

// XML 1.0 line ends: CR LF and CR become LF; U+0085, U+2028 and U+2029 stay text (xmldom follows XML 1.1 by default).
const xml10LineEnds = (input: string) => input.replace(/\r\n?/g, '\n')

function offsetOf(text: string, { line, column }: Place): number {
  let offset = 0
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset)
    if (next === -1) return text.length
    offset = next + 1
  }
  return offset + column - 1
}

function placeOf(text: string, offset: number): Place {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: before.at(-1)!.length + 1 }
}

// xmldom's locator stays at the last start tag it read: move it to the text the message is about.
function refine(text: string, message: string, at: Place): Place {
  const from = offsetOf(text, at)
  const find = (needle: string) => {
    const found = text.indexOf(needle, from)
    return found === -1 ? at : placeOf(text, found)
  }
  const mismatch = /^Opening and ending tag mismatch: "[^"]*" != "([^"]*)"/.exec(message)
  if (mismatch) return find(`</${mismatch[1]}`)
  const entity = /^entity not found:\s*(\S+)/.exec(message)
  if (entity) return find(entity[1]!)
  if (/^unclosed xml tag/.test(message)) return placeOf(text, text.replace(/\s+$/, '').length)
  return at
}

/**
 * Parses XML with xmldom; the first error or fatal error becomes one `invalid_xml` issue at its line and
 * column, in the project's words, never a thrown exception. `what` names the document (`the XLIFF`).
 */
export function parseXml(xml: string, what: string): { success: true; doc: XmlDocument } | { success: false; issues: Issue[] } {
  let failure: Issue | undefined
  try {
    const doc = new DOMParser({
      normalizeLineEndings: xml10LineEnds,
      onError: (level, message, context) => {
        if (level === 'warning') return
        const locator = (context as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined)?.locator
        const at = { line: Math.max(1, locator?.lineNumber ?? 1), column: Math.max(1, locator?.columnNumber ?? 1) }
        failure ??= { code: 'invalid_xml', message: `${what} is not well-formed XML: ${rewriteXmlMessage(message)}`, path: [], ...refine(xml, message, at) }
        throw new Error(message)
      },
    }).parseFromString(xml, 'text/xml')
    if (!failure) return { success: true, doc }
  } catch (error) {
    failure ??= { code: 'invalid_xml', message: `${what} is not well-formed XML: ${rewriteXmlMessage((error as Error).message.split('\n')[0]!)}`, path: [] }
  }
  return { success: false, issues: [failure!] }
}
