// The PDF hyphenates justified text only. Word and LibreOffice hyphenate every paragraph once the document turns
// automatic hyphenation on, so a ragged paragraph (an addressee, a heading, the subject) would break words the PDF
// keeps whole: each of those styles says `w:suppressAutoHyphens`, which docx's style options cannot write.

// The children of a paragraph's properties that come after `w:suppressAutoHyphens` (ECMA-376, CT_PPrBase and
// CT_PPr); none of the ones before it (tabs, borders, numbering...) has a child of these names.
const after = /<w:(kinsoku|wordWrap|overflowPunct|topLinePunct|autoSpaceDE|autoSpaceDN|bidi|adjustRightInd|snapToGrid|spacing|ind|contextualSpacing|mirrorIndents|suppressOverlap|jc|textDirection|textAlignment|textboxTightWrap|outlineLvl|divId|cnfStyle|rPr|sectPr|pPrChange)\b/

/**
 * Turns automatic hyphenation off in the named paragraph styles of a styles part.
 * @param styles the `word/styles.xml` part
 * @param ids the ids of the paragraph styles whose text is not justified
 * @returns the part, each of those styles with `<w:suppressAutoHyphens/>` in its paragraph properties
 */
export function suppressHyphenation(styles: string, ids: readonly string[]): string {
  const wanted = new Set(ids)
  return styles.replace(/<w:style\b[^>]*\bw:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g, (style, id: string) => {
    if (!wanted.has(id) || !/^<w:style\b[^>]*\bw:type="paragraph"/.test(style)) return style
    const properties = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(style)
    if (!properties) {
      // A style's paragraph properties come before its run properties (CT_Style).
      const at = style.search(/<w:rPr>|<\/w:style>$/)
      return `${style.slice(0, at)}<w:pPr><w:suppressAutoHyphens/></w:pPr>${style.slice(at)}`
    }
    if (/<w:suppressAutoHyphens\b/.test(properties[1]!)) return style
    const inner = properties.index + '<w:pPr>'.length
    const next = properties[1]!.search(after)
    const at = inner + (next < 0 ? properties[1]!.length : next)
    return `${style.slice(0, at)}<w:suppressAutoHyphens/>${style.slice(at)}`
  })
}
