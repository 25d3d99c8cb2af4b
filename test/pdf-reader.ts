// Reads PDFs back with pdfjs-dist, an implementation independent of the one that wrote them.
import { getDocument, OPS } from './helpers/pdfjs.js'

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>

/** What a test needs to know about a PDF, read once. */
export interface ReadPdf {
  pdf: PdfDocument
  /** The text of each page, artifacts (page numbers) left out, lines separated by a space. */
  pages: string[]
  /**
   * The text of the whole document without artifacts and footnotes (`Note` elements), lines and pages
   * separated by a space, but for a line that ends in a hyphen of line breaking (a `Span` whose actual
   * text is a soft hyphen): the word goes on at the start of the next line, on the same page or the next.
   */
  body: string
  /** The text of each `Note` element (a footnote) on each page, in reading order (a note that goes on at the next page's foot is read as its two parts). */
  notes: string[]
  /** The text inside artifacts on each page. */
  artifacts: string[]
  /** The roles of the structure tree of each page, depth first. */
  roles: string[][]
  /** The right edge of the widest text item on each page, in points. */
  right: number[]
  /** The PDF font names used on each page with whether pdfjs found the font program in the file. */
  fonts: { name: string; embedded: boolean }[]
  /** The `Link` structure elements of each page, in reading order, with the annotations they reference. */
  links: ReadLink[][]
  /** The link annotations of each page, in page order. */
  annotations: ReadAnnotation[][]
}

/** A link annotation as pdfjs reads it: its id (`23R`), target, rectangle, description and structure key. */
export interface ReadAnnotation {
  id: string
  url: string | undefined
  rect: number[]
  contents: string
  structParent: number | undefined
}

/** A `Link` structure element: the text of its marked content, where its glyphs are, and its annotations' ids. */
export interface ReadLink {
  text: string
  glyphs: Glyphs[]
  objects: string[]
}

/** Text drawn at one baseline, from `left` to `right`, in points from the page's bottom left corner. */
export interface Glyphs {
  str: string
  left: number
  right: number
  baseline: number
}

interface TextItem {
  id?: string | null
  str?: string
  hasEOL?: boolean
  type?: string
  tag?: string
  width?: number
  transform?: number[]
}

interface StructNode {
  role?: string
  lang?: string
  type?: string
  id?: string
  children?: StructNode[]
}

interface AnnotationData {
  id: string
  subtype: string
  url?: string
  rect: number[]
  contentsObj?: { str: string }
  structParent?: number
}

/** Opens PDF bytes and reads text, artifacts, structure roles and fonts of every page. */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  // pdfjs takes ownership of the buffer it gets, so it gets a copy.
  const pdf = await getDocument({ data: bytes.slice(), disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise
  const pages: string[] = []
  const artifacts: string[] = []
  const roles: string[][] = []
  const right: number[] = []
  const fonts = new Map<string, boolean>()
  const links: ReadLink[][] = []
  const annotations: ReadAnnotation[][] = []
  let body = ''
  let bodyHyphenated = false
  const notes: string[] = []
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number)
    const content = await page.getTextContent({ includeMarkedContent: true })
    let text = ''
    let artifact = ''
    let edge = 0
    const open: boolean[] = []
    const ids: (string | null)[] = []
    const marked = new Map<string, Glyphs[]>()
    // The page's text in reading order: each item with the marked content it is in, and the hyphens of line breaking.
    const events: { owner: string | null; artifact: boolean; str?: string; eol?: boolean; hyphen?: true }[] = []
    // A hyphen of line breaking is a Span whose ActualText is a soft hyphen (pdfjs leaves its glyph out):
    // the word goes on at the start of the next line.
    let hyphenated = false
    for (const item of content.items as TextItem[]) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
        if (item.tag === 'Span' && !item.id) hyphenated = true
        if (item.tag === 'Span' && !item.id) events.push({ owner: ids.findLast((id) => id !== null) ?? null, artifact: open.includes(true), hyphen: true })
        open.push(item.tag === 'Artifact')
        ids.push(item.id ?? null)
      } else if (item.type === 'endMarkedContent') {
        open.pop()
        ids.pop()
      } else {
        const id = ids[ids.length - 1]
        if (id && item.str) {
          const left = item.transform?.[4] ?? 0
          marked.set(id, [...(marked.get(id) ?? []), { str: item.str, left, right: left + (item.width ?? 0), baseline: item.transform?.[5] ?? 0 }])
        }
        events.push({ owner: ids.findLast((each) => each !== null) ?? null, artifact: open.includes(true), str: item.str ?? '', eol: item.hasEOL ?? false })
        const piece = `${item.str ?? ''}${item.hasEOL && !hyphenated ? ' ' : ''}`
        if (item.hasEOL) hyphenated = false
        if (open.includes(true)) artifact += piece
        else text += piece
        if (item.str) edge = Math.max(edge, (item.transform?.[4] ?? 0) + (item.width ?? 0))
      }
    }
    pages.push(text)
    right.push(edge)
    artifacts.push(artifact.trim())
    const tree = (await page.getStructTree()) as StructNode | null
    const pageRoles: string[] = []
    const pageLinks: ReadLink[] = []
    const walk = (node: StructNode) => {
      if (node.role && node.role !== 'Root') pageRoles.push(node.lang ? `${node.role}@${node.lang}` : node.role)
      if (node.role === 'Link') {
        const kids = node.children ?? []
        const glyphs = kids.flatMap((kid) => (kid.type === 'content' ? (marked.get(kid.id!) ?? []) : []))
        // Lines are joined by a space; pdfjs gives the space that ends the text before a link to the link's first item, so the text is trimmed.
        const text = glyphs.map((glyph, index) => (index > 0 && glyph.baseline !== glyphs[index - 1]!.baseline ? ` ${glyph.str}` : glyph.str)).join('')
        pageLinks.push({ text: text.replace(/\s+/g, ' ').trim(), glyphs: glyphs.filter((glyph) => glyph.str.trim()), objects: kids.flatMap((kid) => (kid.type === 'object' ? [kid.id!] : [])) })
      }
      node.children?.forEach(walk)
    }
    if (tree) walk(tree)
    // The marked content of the page's notes, note by note.
    const noteIds: string[][] = []
    const collect = (node: StructNode, into?: string[]) => {
      const ids = node.role === 'Note' ? [] : into
      if (node.role === 'Note') noteIds.push(ids!)
      if (node.type === 'content' && into) into.push(node.id!)
      node.children?.forEach((child) => collect(child, ids))
    }
    if (tree) collect(tree)
    const inNote = new Set(noteIds.flat())
    const textOf = (owners: (owner: string | null) => boolean, start: { text: string; hyphenated: boolean }) => {
      let { text, hyphenated: pending } = start
      for (const event of events) {
        if (event.artifact || !owners(event.owner)) continue
        if (event.hyphen) pending = true
        else {
          text += `${event.str}${event.eol && !pending ? ' ' : ''}`
          if (event.eol) pending = false
        }
      }
      return { text, hyphenated: pending }
    }
    if (body && !bodyHyphenated && !/\s$/.test(body)) body += ' '
    ;({ text: body, hyphenated: bodyHyphenated } = textOf((owner) => owner === null || !inNote.has(owner), { text: body, hyphenated: bodyHyphenated }))
    for (const ids of noteIds) notes.push(textOf((owner) => owner !== null && ids.includes(owner), { text: '', hyphenated: false }).text.trim())
    roles.push(pageRoles)
    links.push(pageLinks)
    const pageAnnotations = (await page.getAnnotations()) as AnnotationData[]
    annotations.push(
      pageAnnotations
        .filter((annotation) => annotation.subtype === 'Link')
        .map((annotation) => ({ id: annotation.id, url: annotation.url, rect: annotation.rect, contents: annotation.contentsObj?.str ?? '', structParent: annotation.structParent })),
    )
    const operators = await page.getOperatorList()
    operators.fnArray.forEach((fn, index) => {
      if (fn !== OPS.setFont) return
      const id = operators.argsArray[index]![0] as string
      const font = page.commonObjs.get(id) as { name: string; missingFile: boolean }
      fonts.set(font.name, !font.missingFile)
    })
  }
  return { pdf, pages, body: body.trim(), notes, artifacts, roles, right, fonts: [...fonts].map(([name, embedded]) => ({ name, embedded })), links, annotations }
}

/** The document information dictionary as pdfjs reads it (Title, Author, Language, dates …). */
export async function infoOf(read: ReadPdf): Promise<Record<string, unknown>> {
  return (await read.pdf.getMetadata()).info as Record<string, unknown>
}

/** The objects of a PDF file as text, `n 0 obj … endobj`, read from the raw bytes (pdfkit writes no object streams). */
export function pdfObjects(bytes: Uint8Array): string[] {
  const text = new TextDecoder('latin1').decode(bytes)
  return [...text.matchAll(/\d+ 0 obj\n([\s\S]*?)\nendobj/g)].map((match) => match[1]!)
}

/** The structure element types of a PDF, one per element, in file order. */
export function structureTypes(bytes: Uint8Array): string[] {
  return pdfObjects(bytes).flatMap((object) => {
    const match = /^<<\n\/S \/(\w+)\n/.exec(object)
    return match && /\/P \d+ 0 R/.test(object) ? [match[1]!] : []
  })
}

/** Counts the entries of a list. */
export function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1
  return counts
}

/** A straight horizontal stroke on a page: from `left` to `right` at `y`, in points from the page's bottom left corner. */
export interface Stroke {
  colour: string
  width: number
  left: number
  right: number
  y: number
}

/** The horizontal strokes of a page (rules, dashes, underlines) with their colour and line width, in drawing order. */
export async function horizontalStrokes(read: ReadPdf, pageNumber: number): Promise<Stroke[]> {
  const page = await read.pdf.getPage(pageNumber)
  const height = page.view[3]!
  const { fnArray, argsArray } = await page.getOperatorList()
  const strokes: Stroke[] = []
  const stack: { colour: string; width: number }[] = []
  let state = { colour: '#000000', width: 1 }
  const round = (points: number) => Math.round(points * 1000) / 1000
  fnArray.forEach((fn, index) => {
    const args = argsArray[index] as unknown[]
    if (fn === OPS.save) stack.push({ ...state })
    else if (fn === OPS.restore) state = stack.pop() ?? state
    else if (fn === OPS.setStrokeRGBColor) state.colour = args[0] as string
    else if (fn === OPS.setLineWidth) state.width = args[0] as number
    else if (fn === OPS.constructPath && args[0] === OPS.stroke) {
      // pdfjs 5 keeps the path as drawing codes: 0 x y (moveTo), 1 x y (lineTo); pdfkit draws in a flipped space.
      const path = Object.values((args[1] as unknown[])[0] as Record<string, number>)
      if (path.length !== 6 || path[0] !== 0 || path[3] !== 1 || path[2] !== path[5]) return
      strokes.push({ colour: state.colour, width: round(state.width), left: round(Math.min(path[1]!, path[4]!)), right: round(Math.max(path[1]!, path[4]!)), y: round(height - path[2]!) })
    }
  })
  return strokes
}
