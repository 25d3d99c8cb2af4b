import { asciiUrl } from '../../model/links.js'
import type { LinkTarget } from './runs.js'

type StructElement = PDFKit.PDFStructureElement

// pdfkit's own objects behind its public types: a reference is written once ended, a page keeps its dictionary.
interface PdfReference {
  data: Record<string, unknown>
}
interface ElementInternals {
  dictionary: { data: { K: unknown[] } }
  _flushChild(child: unknown): void
}

/**
 * The marked content of one paragraph on its pages: its own text under its tag, and each link's text
 * under a `Link` element (a child of the paragraph, in reading order) that also holds an object
 * reference to the link annotation over each line fragment of the link, the PDF/UA way.
 */
export class ParagraphMarks {
  readonly #doc: PDFKit.PDFDocument
  readonly #element: StructElement
  readonly #tag: string
  readonly #links = new Map<LinkTarget, StructElement>()
  // The page of each link annotation, for its OBJR.
  readonly #pages = new Map<PdfReference, PdfReference>()
  // What the open marked content belongs to: a link, the paragraph's own text (null), or nothing is open (undefined).
  #open: LinkTarget | null | undefined
  #line = { top: 0, bottom: 0 }
  #fragment: { link: LinkTarget; left: number; right: number } | undefined

  constructor(doc: PDFKit.PDFDocument, element: StructElement, tag: string) {
    this.#doc = doc
    this.#element = element
    this.#tag = tag
  }

  /** Marks what is drawn next as the text of `link`, or as the paragraph's own text when there is none. */
  enter(link: LinkTarget | undefined): void {
    const owner = link ?? null
    if (this.#open === owner) return
    if (this.#open !== undefined) this.#doc.endMarkedContent()
    this.#open = owner
    if (link) this.#linkElement(link).add(this.#doc.markStructureContent('Link'))
    else this.#element.add(this.#doc.markStructureContent(this.#tag))
  }

  /** Starts a line whose glyphs reach from `top` to `bottom` (points from the page top). */
  startLine(top: number, bottom: number): void {
    this.#line = { top, bottom }
    this.#fragment = undefined
  }

  /** Notes glyphs of `link` drawn between `left` and `right` on the current line. */
  extend(link: LinkTarget, left: number, right: number): void {
    if (this.#fragment?.link === link) this.#fragment.right = right
    else {
      this.#annotate()
      this.#fragment = { link, left, right }
    }
  }

  /** Ends the current line: the link fragment on it gets its annotation. */
  endLine(): void {
    this.#annotate()
    this.#fragment = undefined
  }

  /** Closes the open marked content, at the end of the paragraph's share of a page. */
  close(): void {
    if (this.#open !== undefined) this.#doc.endMarkedContent()
    this.#open = undefined
  }

  /** Ends the `Link` elements, once the paragraph is set. */
  end(): void {
    for (const element of this.#links.values()) element.end()
  }

  #linkElement(link: LinkTarget): StructElement {
    let element = this.#links.get(link)
    if (!element) {
      element = linkElement(this.#doc, this.#element, this.#pages)
      this.#links.set(link, element)
    }
    return element
  }

  #annotate(): void {
    const fragment = this.#fragment
    if (!fragment) return
    const { top, bottom } = this.#line
    // `structParent` makes pdfkit set the annotation's /StructParent and add an OBJR to the Link element.
    const options = { structParent: this.#linkElement(fragment.link), Contents: new String(fragment.link.description) }
    this.#doc.link(fragment.left, top, fragment.right - fragment.left, bottom - top, asciiUrl(fragment.link.url), options as unknown as PDFKit.Mixins.AnnotationOption)
    const page = (this.#doc as unknown as { page: { annotations: PdfReference[]; dictionary: PdfReference } }).page
    this.#pages.set(page.annotations[page.annotations.length - 1]!, page.dictionary)
    this.#fragment = undefined
  }
}

/**
 * Adds a `Link` element under `parent`. pdfkit writes an OBJR's page as the page current when the
 * element is written, which is wrong for a link that wraps onto the next page; this element writes
 * each OBJR with the page its annotation is on.
 */
function linkElement(doc: PDFKit.PDFDocument, parent: StructElement, pages: ReadonlyMap<PdfReference, PdfReference>): StructElement {
  const element = doc.struct('Link')
  parent.add(element)
  const internals = element as unknown as ElementInternals
  const flushChild = internals._flushChild
  internals._flushChild = function (this: ElementInternals, child: unknown) {
    const annotation = (child as { annotationRef?: PdfReference }).annotationRef
    const page = annotation && pages.get(annotation)
    if (annotation && page) this.dictionary.data.K.push({ Type: 'OBJR', Obj: annotation, Pg: page })
    else flushChild.call(this, child)
  }
  return element
}
