/** An outline (bookmark) entry that can hold children. */
export type Outline = PDFKit.PDFOutline

/** Adds a bookmark under `parent` pointing at `top` (points from the page top) on the current page. */
export function bookmark(doc: PDFKit.PDFDocument, parent: Outline, title: string, top: number): Outline {
  // pdfkit subtracts `left` from the page width, so passing the width puts the destination at the left edge.
  const options = { top, left: doc.page.width, expanded: true }
  return parent.addItem(title, options as Parameters<Outline['addItem']>[1])
}
