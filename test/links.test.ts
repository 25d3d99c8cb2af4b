import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { cop29Declaration, cop29DeclarationSource, cop29LetterSource } from '../src/content/index.js'
import { toAkomaNtoso, toXliff, safeFromXliff } from '../src/interchange/index.js'
import type { Declaration } from '../src/model/declaration.js'
import type { Inline } from '../src/model/inline.js'
import { asciiUrl, linkProblem } from '../src/model/links.js'
import { safeValidate } from '../src/model/guard.js'
import { safeParseDocument } from '../src/parse/index.js'
import { renderDocx } from '../src/render/docx/index.js'
import { renderMarkdown } from '../src/render/markdown-safe.js'
import { renderPdf } from '../src/render/pdf/index.js'
import { fillTargets } from './helpers/interchange.js'
import { readPdf } from './pdf-reader.js'

const link = (url: string, ...children: Inline[]): Inline => ({ type: 'link', url, children })
const text = (value: string): Inline => ({ type: 'text', value })
const { profile: _profile, ...unprofiled } = cop29Declaration

// The bundled declaration (without its profile's rules on counts) with a first paragraph of this text, id "hostile".
function withText(content: Inline[]): Declaration {
  return { ...unprofiled, body: [{ type: 'paragraph', id: 'hostile', text: content }, ...unprofiled.body] }
}

describe('the link rule', () => {
  it.each([
    ['https://www.itu.int/cop29/'],
    ['http://example.org/a?b=c#d'],
    ['mailto:green@itu.int'],
    ['mailto:green@itu.int?subject=COP29%20declaration'],
    ['https://bücher.example/straße'],
  ])('allows %s', (url) => {
    expect(linkProblem(url)).toBeUndefined()
  })

  it.each([
    ['javascript:alert(1)', 'link "javascript:alert(1)": links must use https:, http: or mailto:'],
    ['data:text/html,<b>x</b>', 'link "data:text/html,<b>x</b>": links must use https:, http: or mailto:'],
    ['https://good.example@evil.example/', 'link "https://good.example@evil.example/": a link may not carry a user name or password (the host is what follows "@")'],
    ['https://user:pw@example.org/', 'link "https://user:pw@example.org/": a link may not carry a user name or password (the host is what follows "@")'],
    ['https://elpmaxe\u202E.org/', 'link "https://elpmaxe\u202E.org/": contains the space, control or invisible character U+202E; write the address plainly'],
    ['https://exa\u200Bmple.org/', 'link "https://exa\u200Bmple.org/": contains the space, control or invisible character U+200B; write the address plainly'],
    ['https://example.org/a b', 'link "https://example.org/a b": contains the space, control or invisible character U+0020; write the address plainly'],
    ['mailto:green@itu.int?body=click%20here', 'link "mailto:green@itu.int?body=click%20here": a mailto: link may carry only a subject, not "body"'],
    ['mailto:green@itu.int?subject=x&cc=evil@example.org', 'link "mailto:green@itu.int?subject=x&cc=evil@example.org": a mailto: link may carry only a subject, not "cc"'],
    ['mailto:not-an-address', 'link "mailto:not-an-address": expected a valid e-mail address after mailto:'],
    ['https:///path', 'link "https:///path": expected a host after https://'],
    ['https://[::1', 'link "https://[::1": not a valid URL'],
  ])('refuses %s', (url, message) => {
    expect(linkProblem(url)).toBe(message)
  })

  it('is the one the validator applies', () => {
    const doc = withText([link('https://good.example@evil.example/', text('good.example'))])
    const result = safeValidate(doc)
    expect(result.success ? [] : result.issues.map((issue) => [issue.code, issue.message])).toEqual([
      ['invalid_link', 'operative paragraph 1: link "https://good.example@evil.example/": a link may not carry a user name or password (the host is what follows "@")'],
    ])
  })

  it('writes a PDF /URI in ASCII: the host in punycode, the rest percent-encoded', () => {
    expect(asciiUrl('https://bücher.example/straße?q=é')).toBe('https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%A9')
    expect(asciiUrl('mailto:grün@itu.int')).toBe('mailto:gr%C3%BCn@itu.int')
    expect(asciiUrl('https://www.itu.int/cop29/')).toBe('https://www.itu.int/cop29/')
  })
})

// A document built in code, never validated, with a live-looking link of each kind that breaks the rule.
const hostile: Declaration = withText([
    text('Read '),
    link('javascript:alert(1)', text('the text')),
    text(' and '),
    { type: 'strong', children: [link('https://good.example@evil.example/', text('good.example'))] },
    text(' then '),
    link('https://www.itu.int/', text('ITU')),
    text(':'),
  ])

describe('a document built in code with links that break the rule', () => {
  it('renders them in Markdown as their text, keeping the good link', () => {
    const markdown = renderMarkdown(hostile)
    expect(markdown).not.toContain('javascript:')
    expect(markdown).not.toContain('evil.example')
    expect(markdown).toContain('Read the text and **good.example** then [ITU](https://www.itu.int/):')
  })

  it('renders them in DOCX as plain runs, keeping the hyperlinks of the good links', async () => {
    const files = unzipSync(await renderDocx(hostile))
    const rels = strFromU8(files['word/_rels/document.xml.rels']!)
    expect([...rels.matchAll(/Target="([^"]+)" TargetMode="External"/g)].map((match) => match[1])).toEqual(['https://www.itu.int/', 'mailto:digitalisation@cop29.az'])
    expect(strFromU8(files['word/document.xml']!)).toContain('the text')
  })

  it('renders them in the PDF with annotations for the good links only', async () => {
    const read = await readPdf(await renderPdf(hostile))
    expect(read.annotations.flat().map((annotation) => annotation.url)).toEqual(['https://www.itu.int/', 'mailto:digitalisation@cop29.az'])
    expect(read.pages.join(' ')).toContain('Read the text and good.example then ITU:')
  })

  it('exports them to XLIFF and Akoma Ntoso as text', () => {
    const xliff = toXliff(hostile, { targetLanguage: 'fr' })
    const akn = toAkomaNtoso(hostile, { date: '2024-11-15' })
    for (const xml of [xliff, akn]) {
      expect(xml).not.toContain('javascript:')
      expect(xml).not.toContain('evil.example')
    }
    expect(akn).toContain('<a href="https://www.itu.int/">ITU</a>')
  })
})

describe('a PDF link to a non-ASCII address', () => {
  it('is read back by pdfjs with its ASCII form', async () => {
    const doc = withText([text('See '), link('https://bücher.example/straße', text('the books')), text(':')])
    const read = await readPdf(await renderPdf(doc))
    expect(read.annotations.flat().map((annotation) => annotation.url)).toEqual(['https://xn--bcher-kva.example/stra%C3%9Fe', 'mailto:digitalisation@cop29.az'])
  })
})

describe('importing a translation', () => {
  const source = safeParseDocument(cop29DeclarationSource)
  if (!source.success) throw new Error('the bundled declaration is invalid')
  const translated = fillTargets(toXliff(source.data, { targetLanguage: 'fr' }))

  it('keeps the source URL when the target names none', () => {
    const result = safeFromXliff(translated.replace(/(<target>(?:(?!<\/target>)[\s\S])*?<pc [^>]*?) fs:subFs="[^"]*"/g, '$1'), source.data)
    expect(result.success).toBe(true)
  })

  it('refuses a target that points a link elsewhere, naming the unit and both URLs', () => {
    const units = translated.split('<unit ')
    const index = units.findIndex((unit) => unit.includes('href,mailto:digitalisation@cop29.az'))
    const unit = units[index]!
    const targetAt = unit.indexOf('<target>')
    units[index] = unit.slice(0, targetAt) + unit.slice(targetAt).replace('href,mailto:digitalisation@cop29.az', 'href,https://evil.example/login')
    const result = safeFromXliff(units.join('<unit '), source.data, { file: 'fr.xlf' })
    const id = /^id="([^"]+)"/.exec(unit)![1]
    expect(result.success ? [] : result.issues.map((issue) => `${issue.code} ${issue.message}`)).toEqual([
      `link_changed unit "${id}": the target points link 1 to "https://evil.example/login"; a translation keeps the source's URL "mailto:digitalisation@cop29.az"`,
    ])
  })
})

describe('a letter contact line', () => {
  it('is an error when it links to anything but its own address', () => {
    const source = cop29LetterSource.replace('Courriel: <green@itu.int>', 'Courriel: [green@itu.int](javascript:alert(1))')
    const result = safeParseDocument(source, { file: 'l.md' })
    expect(result.success ? [] : result.issues.map((issue) => `${issue.line}:${issue.column} ${issue.code} ${issue.message}`)).toEqual([
      '16:1 contact_link reference block line "Courriel: green@itu.int": links to "javascript:alert(1)"; a contact line may only link to its own address (mailto:green@itu.int)',
    ])
  })

  it('may link to its own address', () => {
    const source = cop29LetterSource.replace('Courriel: <green@itu.int>', 'Courriel: [green@itu.int](mailto:green@itu.int)')
    expect(safeParseDocument(source).success).toBe(true)
  })
})
