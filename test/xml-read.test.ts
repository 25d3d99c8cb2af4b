import { describe, it } from 'vitest'
import { parseXml, rewriteXmlMessage } from '../src/interchange/xml-read.js'

describe('parseXml: xmldom messages in the project\'s own words, with their place', () => {
  it.for([
    ['<a>\n<b>\n</a>\n', 3, 1, 'the closing tag </a> does not match the open element <b>; close <b> first'],
    ['<a>\n<c x="1" x="2"/></a>', 2, 1, 'the attribute x is given twice on one element; keep one'],
    ['<a>\n  <b>\n</b>', 3, 5, 'the file ends before the element(s) <a> are closed; add the closing tag(s)'],
    ['<a>\n  x &nbsp;</a>', 2, 5, 'unknown entity &nbsp;; XML knows only &amp; &lt; &gt; &quot; &apos; and numeric references such as &#160;'],
    ['hello', 1, 1, 'no XML element found; expected an XML document'],
  ] as const)('%j', ([xml, line, column, message], { expect }) => {
    expect(parseXml(xml, 'the file')).toEqual({
      success: false,
      issues: [{ code: 'invalid_xml', message: `the file is not well-formed XML: ${message}`, path: [], line, column }],
    })
  })

  it('keeps a message it has no rewrite for', ({ expect }) => {
    expect(rewriteXmlMessage('something new')).toBe('something new')
  })

  it('returns the document of well-formed XML', ({ expect }) => {
    const result = parseXml('<a><b/></a>', 'the file')
    expect(result.success && result.doc.documentElement?.localName).toBe('a')
  })
})
