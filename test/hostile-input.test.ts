import { DOMParser } from '@xmldom/xmldom'
import fc from 'fast-check'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { cop29Declaration, cop29DeclarationSource, cop29LetterSource } from '../src/content/index.js'
import { safeFromXliff, toAkomaNtoso, toXliff } from '../src/interchange/index.js'
import { DocumentError } from '../src/model/issues.js'
import { renderMarkdown } from '../src/render/markdown-safe.js'
import type { Declaration } from '../src/model/declaration.js'
import { checkDocument, safeValidate } from '../src/model/guard.js'
import type { Inline } from '../src/model/inline.js'
import type { Issue } from '../src/model/issues.js'
import { limits, overlongWords } from '../src/model/limits.js'
import { safeParseDocument } from '../src/parse/index.js'
import { renderDocx } from '../src/render/docx/index.js'
import { renderPdf } from '../src/render/pdf/index.js'
import { readPdf } from './pdf-reader.js'

const text = (value: string): Inline => ({ type: 'text', value })
const { profile: _profile, ...unprofiled } = cop29Declaration

// The bundled declaration (without its profile's rules on counts) with a first paragraph of this text, id "hostile".
function withText(content: Inline[], rest = true): Declaration {
  return { ...unprofiled, body: [{ type: 'paragraph', id: 'hostile', text: content }, ...(rest ? unprofiled.body : [])] }
}
const messages = (result: { success: boolean; issues?: Issue[] }) =>
  result.success ? [] : result.issues!.map((issue) => [issue.line === undefined ? '' : `${issue.line}:${issue.column} `, issue.code, ' ', issue.message].join(''))

// Every target filled with its source, by string: xmldom's default parser would turn U+2028 into a line feed.
function copyTargets(xliff: string): string {
  return xliff.replace(/(<source>([\s\S]*?)<\/source>)/g, '$1<target>$2</target>')
}

function wellFormed(xml: string): boolean {
  try {
    new DOMParser({ onError: (level) => { if (level !== 'warning') throw new Error(level) } }).parseFromString(xml, 'text/xml')
    return true
  } catch {
    return false
  }
}

describe('text no output can carry', () => {
  it.each([
    ['U+FFFE', '\uFFFE', 'noncharacter U+FFFE'],
    ['U+FFFF', '\uFFFF', 'noncharacter U+FFFF'],
    ['U+FDD0', '\uFDD0', 'noncharacter U+FDD0'],
    ['U+0001', '\u0001', 'control character U+0001'],
    ['a lone surrogate', '\uD800', 'lone surrogate U+D800'],
  ])('is rejected by the model with its place: %s', (_, character, name) => {
    const doc = withText([text(`We ${character} commit:`)])
    expect(messages(safeValidate(doc))).toEqual([`invalid_character operative paragraph 1 "We ${character} commit:": contains the ${name} at character 4; no output can carry it`])
  })

  it('is not written raw into a DOCX made from a document built in code', async () => {
    const doc: Declaration = { ...withText([text('We \uFFFF\u0001 commit:')]), title: 'Declaration \uFFFE title' }
    const files = unzipSync(await renderDocx(doc))
    for (const part of ['word/document.xml', 'docProps/core.xml']) {
      const xml = strFromU8(files[part]!)
      expect(wellFormed(xml)).toBe(true)
      expect(/[\uFFFE\uFFFF\u0001]/.test(xml)).toBe(false)
    }
    expect(strFromU8(files['docProps/core.xml']!)).toContain('<dc:title>Declaration  title</dc:title>')
  })

  it('keeps U+2028, U+2029 and U+0085 through an XLIFF round trip', () => {
    const doc = withText([text('One\u2028two\u2029three\u0085four:')])
    const result = safeFromXliff(copyTargets(toXliff(doc, { targetLanguage: 'fr' })), doc)
    expect(result.success ? result.data : messages(result)).toEqual({ ...doc, language: 'fr' })
  })
})

describe('a translated XLIFF that is broken', () => {
  const source = withText([text('We commit:')])
  const xliff = copyTargets(toXliff(source, { targetLanguage: 'fr' }))
  const chapeau = (target: string) => xliff.replace(/(<unit id="hostile"[\s\S]*?<target>)[\s\S]*?(<\/target>)/, `$1${target}$2`)

  it.each([
    ['a code point past U+10FFFF', '<cp hex="110000"/>', 'invalid_code_point unit "hostile": <cp hex="110000"/> names no Unicode code point (hex 0 to 10FFFF)'],
    ['a <cp> that is not hexadecimal', '<cp hex="zz"/>', 'invalid_code_point unit "hostile": <cp hex="zz"/> names no Unicode code point (hex 0 to 10FFFF)'],
  ])('is an issue, not a crash: %s', (_, target, message) => {
    expect(messages(safeFromXliff(chapeau(`We ${target}:`), source)).map((line) => line.replace(/^\d+:\d+ /, ''))).toEqual([message])
  })

  it.each([
    ['a control character', '<cp hex="1"/>', 'control character U+0001'],
    ['a lone surrogate', '<cp hex="D800"/>', 'lone surrogate U+D800'],
  ])('is refused when a target holds %s', (_, target, name) => {
    expect(messages(safeFromXliff(chapeau(`We${target}:`), source))).toEqual([`invalid_character operative paragraph 1 "We${name.startsWith('control') ? '\u0001' : '\uD800'}:": contains the ${name} at character 3; no output can carry it`])
  })

  it('that is not well-formed gives one message with its line and column', () => {
    const broken = xliff.replace('<target>', '<target><b>')
    const line = broken.slice(0, broken.indexOf('</target>')).split('\n').length
    const column = broken.split('\n')[line - 1]!.indexOf('</target>') + 1
    expect(messages(safeFromXliff(broken, source, { file: 'fr.xlf' }))).toEqual([`${line}:${column} invalid_xml the XLIFF is not well-formed XML: the closing tag </target> does not match the open element <b>; close <b> first`])
  })

  it('larger than the limit or with too many units is refused before it is parsed', () => {
    expect(messages(safeFromXliff(xliff, source, { maxSize: 1000 }))).toEqual([`too_large the XLIFF is ${xliff.length} characters long, more than the limit of 1000`])
    expect(messages(safeFromXliff(xliff, source, { maxUnits: 3 }))).toEqual(['too_large the XLIFF holds more than 3 units, the limit'])
  })

  it('nesting inline codes past the limit is an issue, not a stack overflow', () => {
    const deep = chapeau(`${'<pc id="1" type="fmt" subType="xlf:b">'.repeat(5000)}x${'</pc>'.repeat(5000)}`)
    expect(messages(safeFromXliff(deep, source)).map((line) => line.replace(/^\d+:\d+ /, ''))).toContain('too_deep unit "hostile": inline codes nested more than 32 deep')
  })
})

describe('places and messages', () => {
  it('a front-matter key named like an Object.prototype member is an unknown key at its line', () => {
    const source = cop29DeclarationSource.replace('language: en', 'language: en\nconstructor: x\ntoString: y')
    expect(messages(safeParseDocument(source, { file: 'd.md' }))).toEqual([
      '5:1 unknown_front_matter_key front matter "constructor": unknown key; expected one of type, id, language, profile, symbol, date, place, organ',
      '6:1 unknown_front_matter_key front matter "toString": unknown key; expected one of type, id, language, profile, symbol, date, place, organ',
    ])
  })

  it('invalid UTF-8 is reported at its real line and column', () => {
    const lines = cop29DeclarationSource.split('\n')
    const before = new TextEncoder().encode(lines.slice(0, 13).join('\n') + '\nAb')
    const bytes = new Uint8Array([...before, 0xc3, 0x28, ...new TextEncoder().encode(' rest\n')])
    expect(messages(safeParseDocument(bytes))).toEqual(['14:3 not_text file is not UTF-8 text (byte 0xC3 is not valid UTF-8 here); expected a Markdown document'])
  })

  it('an unknown YAML tag is an error, not a warning', () => {
    const source = cop29DeclarationSource.replace('type: declaration', 'type: !custom declaration')
    expect(messages(safeParseDocument(source))).toEqual(['2:7 invalid_front_matter front matter: Unresolved tag: !custom'])
  })

  it('CR and CR LF line endings read as LF', () => {
    const lf = safeParseDocument(cop29DeclarationSource)
    expect(safeParseDocument(cop29DeclarationSource.replace(/\n/g, '\r'))).toEqual(lf)
    expect(safeParseDocument(cop29DeclarationSource.replace(/\n/g, '\r\n'))).toEqual(lf)
  })

  it('an extra "annexes" entry is an error at the front-matter key', () => {
    const source = cop29LetterSource.replace('  - cop29-green-digital-action', '  - cop29-green-digital-action\n  - another-declaration')
    expect(messages(safeParseDocument(source))).toEqual([
      '5:1 extra_annex_ref front matter "annexes": lists 2 documents but the letter has 1 annex line; remove "another-declaration" or add its annex line',
    ])
  })

  it('an id longer than the limit is refused, quoting its start only', () => {
    const id = `a${'b'.repeat(100_000)}`
    const result = safeValidate({ ...cop29Declaration, id })
    expect(messages(result)).toEqual([`too_big id "a${'b'.repeat(119)}…": expected an id of at most 100 characters`])
  })
})

describe('limits', () => {
  it('deeply nested list markers are refused before the Markdown parser sees them, in little time', () => {
    const started = performance.now()
    const source = `${cop29DeclarationSource}\n${'- '.repeat(14_000)}x\n`
    expect(messages(safeParseDocument(source)).map((line) => line.replace(/^\d+:/, 'L:'))).toEqual([`L:1 too_deep lists and block quotes nested 14000 levels deep; the limit is ${limits.nesting}`])
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('lists nested by indentation count their depth too', () => {
    const source = `${cop29DeclarationSource}\n${Array.from({ length: 40 }, (_, index) => `${'  '.repeat(index)}- x`).join('\n')}\n`
    expect(messages(safeParseDocument(source)).map((line) => line.replace(/^\d+:/, 'L:'))).toEqual(['L:1 too_deep lists and block quotes nested 33 levels deep; the limit is 32'])
  })

  it('a paragraph of thousands of nested emphasis markers is refused', () => {
    const source = `${cop29DeclarationSource}\n${'*_'.repeat(2000)}x${'_*'.repeat(2000)}\n`
    expect(messages(safeParseDocument(source)).map((line) => line.replace(/^\d+:/, 'L:'))).toEqual([
      `L:1 too_deep a paragraph with more than ${limits.inlineMarkers} emphasis or link markers (*, _, [); the limit keeps parsing fast`,
    ])
  })

  it('a source larger than the limit is refused, and the limit can be raised', () => {
    const padded = `${cop29DeclarationSource}\n${'word '.repeat(1000)}\n`
    expect(messages(safeParseDocument(padded, { maxSize: 2000 }))).toEqual([`1:1 too_large file is ${(padded.length / 1000).toFixed(1)} kB, larger than the limit of 2 kB (option maxSize)`])
    expect(safeParseDocument(cop29DeclarationSource, { maxSize: 1_000_000 }).success).toBe(true)
  })

  it('a document built in code nested past the limit is an issue, not a stack overflow', () => {
    let inline: Inline = text('x')
    for (let depth = 0; depth < 100_000; depth++) inline = { type: 'emphasis', children: [inline] }
    const result = safeValidate(withText([inline]))
    expect(result.success ? '' : result.issues[0]!.code).toBe('too_deep')
  })

  it('blocks and inline runs nested more than 32 levels deep in a document built in code are one issue; 32 levels pass', () => {
    const emphasised = (levels: number) => {
      let inline: Inline = text('x')
      for (let depth = 0; depth < levels; depth++) inline = { type: 'emphasis', children: [inline] }
      return withText([inline])
    }
    const subParagraphs = (levels: number): Declaration => {
      let paragraph: Declaration['body'][number] = { type: 'paragraph', id: `level-${levels}`, num: '(a)', text: [text('x')] }
      for (let depth = levels - 1; depth > 0; depth--) paragraph = { type: 'paragraph', id: `level-${depth}`, num: '(a)', text: [text('x')], children: [paragraph] }
      return { ...unprofiled, body: [...unprofiled.body, paragraph] }
    }
    const tooDeep = { success: false, issues: [{ code: 'too_deep', message: 'document: blocks nest deeper than 32 levels; expected at most 32', path: [] }] }
    // The body's blocks are the first level, and so is a paragraph's text; each emphasis or sub-paragraph one more.
    expect([safeValidate(emphasised(31)).success, safeValidate(emphasised(32))]).toEqual([true, tooDeep])
    expect([safeValidate(subParagraphs(32)).success, safeValidate(subParagraphs(33))]).toEqual([true, tooDeep])
  })

  it('a word longer than the limit is broken across lines in the PDF, every character kept', async () => {
    const word = 'x'.repeat(3000)
    const doc = withText([text(`${word}:`)], false)
    expect(overlongWords(doc)).toEqual([`${word}:`])
    const read = await readPdf(await renderPdf(doc))
    expect(read.pages.join('').replace(/[^x]/g, '').length).toBeGreaterThanOrEqual(3000)
  })
})

describe('every safe… function', () => {
  const throws = (work: () => unknown) => {
    try {
      work()
      return false
    } catch {
      return true
    }
  }

  it('returns issues and never throws, whatever the value', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (value, other) => {
        // fast-check makes objects whose "toString" is not a function: String() itself throws on them.
        let asText = ''
        try {
          asText = String(value)
        } catch {}
        expect(throws(() => safeValidate(value))).toBe(false)
        expect(throws(() => checkDocument(value as Declaration))).toBe(false)
        expect(throws(() => safeParseDocument(value as string))).toBe(false)
        expect(throws(() => safeParseDocument(asText))).toBe(false)
        expect(throws(() => safeFromXliff(value as string, other as Declaration))).toBe(false)
        expect(throws(() => safeFromXliff(asText, cop29Declaration, other as object))).toBe(false)
      }),
      { numRuns: 200 },
    )
  })

  it('answers checkDocument(null) with an issue', () => {
    expect(checkDocument(null as unknown as Declaration).map((issue) => issue.code)).toEqual(['invalid_document'])
  })
})

describe('writers given a document built in code nested past the limit', () => {
  let inline: Inline = text('x')
  for (let depth = 0; depth < 100_000; depth++) inline = { type: 'strong', children: [inline] }
  const deep = withText([inline])

  it('refuse it with a DocumentError, not a stack overflow', async () => {
    const codes = async (work: () => unknown) => {
      try {
        await work()
        return 'written'
      } catch (error) {
        return error instanceof DocumentError ? error.issues.map((issue) => issue.code).join() : String(error)
      }
    }
    expect(await codes(() => renderMarkdown(deep))).toBe('too_deep')
    expect(await codes(() => toXliff(deep, { targetLanguage: 'fr' }))).toBe('too_deep')
    expect(await codes(() => toAkomaNtoso(deep, { date: '2024-11-15' }))).toBe('too_deep')
    expect(await codes(() => renderDocx(deep))).toBe('too_deep')
    expect(await codes(() => renderPdf(deep))).toBe('too_deep')
  })
})
