// Reading rendered DOCX packages back in tests: parts as text, paragraphs, attributes.
import { strFromU8, unzipSync } from 'fflate'

/** The parts of a DOCX package as text, by path. */
export function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]))
}

/** The `w:p` elements of a part, in order (paragraphs do not nest in what the renderer writes). */
export function paragraphs(xml: string): string[] {
  return xml.match(/<w:p\b[^>]*>[\s\S]*?<\/w:p>|<w:p\b[^>]*\/>/g) ?? []
}

/** The `w:val` of the first element with this name in a fragment, or `undefined`. */
export function val(xml: string, element: string): string | undefined {
  return new RegExp(`<${element}\\b[^>]*\\bw:val="([^"]*)"`).exec(xml)?.[1]
}

/** The paragraph style id of a paragraph. */
export function styleOf(paragraph: string): string | undefined {
  return val(paragraph, 'w:pStyle')
}

/** The text of a paragraph's runs, tabs as spaces. */
export function textOf(paragraph: string): string {
  return [...paragraph.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>|<w:tab\/>/g)]
    .map((match) => (match[1] === undefined ? ' ' : unescapeXml(match[1])))
    .join('')
}

/** The `w:style` element with this id in styles.xml. */
export function styleDefinition(styles: string, id: string): string | undefined {
  return new RegExp(`<w:style\\b[^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0]
}

/** The `w:r` elements of a fragment. */
export function runs(xml: string): string[] {
  return xml.match(/<w:r>[\s\S]*?<\/w:r>|<w:r\b[^>]*>[\s\S]*?<\/w:r>/g) ?? []
}

/** The lvl 0 of the abstract numbering behind a `w:numId`, from numbering.xml. */
export function levelZero(numbering: string, numId: string): string | undefined {
  const abstractId = new RegExp(`<w:num w:numId="${numId}"[^>]*>\\s*<w:abstractNumId w:val="(\\d+)"`).exec(numbering)?.[1]
  const abstract = new RegExp(`<w:abstractNum\\b[^>]*w:abstractNumId="${abstractId}"[^>]*>[\\s\\S]*?</w:abstractNum>`).exec(numbering)?.[0]
  return abstract && /<w:lvl\b[^>]*w:ilvl="0"[^>]*>[\s\S]*?<\/w:lvl>/.exec(abstract)?.[0]
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!)
}
