import { beforeAll, describe, expect, it } from 'vitest'
import { cop29Declaration, cop29Letter } from '../src/content/index.js'
import type { Document } from '../src/model/document.js'
import { translationUnits } from '../src/render/units.js'
import { safeImportXliff, toXliff, xliffStatus } from '../src/interchange/index.js'
import { parseSubFs } from '../src/interchange/xliff-inline.js'
import { fillTargets, fillTargets12, hasSchemas, parseXml, pseudo, validateXliff, validateXliff12Each } from './helpers/interchange.js'

let xliff12: string
let prefilled12: string
let filled12: string

beforeAll(() => {
  xliff12 = toXliff(cop29Declaration, { targetLanguage: 'fr', version: '1.2' })
  prefilled12 = toXliff(cop29Declaration, { targetLanguage: 'fr', version: '1.2', prefill: true })
  filled12 = fillTargets12(xliff12)
})

function importIssues(xliff: string, options = {}) {
  const result = safeImportXliff(xliff, cop29Declaration, { file: 'fr.xlf', ...options })
  return result.success ? [] : result.issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.code} ${i.message}`)
}

// The unit with the bundled declaration's one link (an endorsement channel).
function linkUnit(doc: Document): unknown {
  const unit = translationUnits(doc).find((u) => u.id === 'section-2-2')!
  return unit.content
}

function label(id: string): string {
  return translationUnits(cop29Declaration).find((u) => u.id === id)!.label
}

function endorsementItem(xliff: string): string {
  const result = safeImportXliff(xliff, cop29Declaration)
  if (!result.success) throw new Error(result.issues.map((i) => i.message).join('\n'))
  return JSON.stringify(linkUnit(result.data.document))
}

describe('toXliff version 1.2', () => {
  it('writes an XLIFF 1.2 root, one file named by original, one group per part and a trans-unit per unit', () => {
    const doc = parseXml(xliff12)
    const root = doc.documentElement!
    expect([root.namespaceURI, root.getAttribute('version')]).toEqual(['urn:oasis:names:tc:xliff:document:1.2', '1.2'])
    const file = doc.getElementsByTagName('file')[0]!
    expect(['original', 'source-language', 'target-language', 'datatype'].map((a) => file.getAttribute(a))).toEqual([
      'declaration/cop29-green-digital-action',
      'en-GB',
      'fr',
      'plaintext',
    ])
    expect(Array.from(doc.getElementsByTagName('group')).map((g) => [g.getAttribute('id'), g.getAttribute('resname')])).toEqual([
      ['part:front', 'front'],
      ['part:preamble', 'preamble'],
      ['part:body', 'body'],
    ])
    const ids = Array.from(doc.getElementsByTagName('trans-unit')).map((u) => u.getAttribute('id'))
    expect(ids.slice(0, 4)).toEqual(['title', 'formula', 'preamble-1', 'preamble-2'])
    expect(ids.length).toBe(25)
    expect(ids.filter((id) => id!.includes(':'))).toEqual([])
  })

  it('writes a link as <g ctype="x-link"> with its URL in a link-N note, the lead and title as italic and bold codes, and no target unless asked', () => {
    expect(xliff12).toContain('<source><g id="1" ctype="italic">Recognising</g> the imperative to mitigate')
    expect(xliff12).toContain('<source><g id="1" ctype="bold">Leveraging Digital Technologies and Tools for Climate Action:</g> Encourage the development')
    expect(xliff12).toContain(
      '<source>Any official written communications (letter and note verbale) to the COP29 Presidency or email to <g id="1" ctype="x-link">digitalisation@cop29.az</g></source>',
    )
    expect(xliff12).toContain('<note from="link-1" annotates="source">mailto:digitalisation@cop29.az</note>')
    expect(parseXml(xliff12).getElementsByTagName('target').length).toBe(0)
  })

  it('writes bold, italic, superscript, a line break and a footnote reference as <g> and <x> codes, and reads them back', () => {
    const doc = structuredClone(cop29Declaration)
    if (doc.type !== 'declaration') throw new Error('declaration expected')
    doc.preamble!.formula!.text = [
      { type: 'text', value: 'We ' },
      { type: 'strong', children: [{ type: 'text', value: 'all' }] },
      { type: 'text', value: ' ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'agree' }] },
      { type: 'superscript', children: [{ type: 'text', value: 'e' }] },
      { type: 'break' },
      { type: 'text', value: 'here' },
      { type: 'footnoteReference', label: '1' },
    ]
    doc.footnotes = [{ id: 'fn-1', label: '1', text: [{ type: 'text', value: 'A note.' }] }]
    const xml = toXliff(doc, { targetLanguage: 'fr', version: '1.2' })
    expect(xml).toContain(
      '<source>We <g id="1" ctype="bold">all</g> <g id="2" ctype="italic">agree</g><g id="3" ctype="x-superscript">e</g><x id="4" ctype="lb"/>here<x id="5" ctype="x-footnote" equiv-text="1"/></source>',
    )
    const result = safeImportXliff(fillTargets12(xml), doc)
    // translate-toolkit writes a target's codes without ctype or equiv-text: the source's code of that id says what each is.
    const bare = fillTargets12(xml).replace(/(<target[^>]*>)(.*?)(<\/target>)/g, (_, open: string, inner: string, close: string) => open + inner.replace(/ (ctype|equiv-text)="[^"]*"/g, '') + close)
    expect(bare).toContain('<x id="4"/>héré<x id="5"/></target>')
    const bareResult = safeImportXliff(bare, doc)
    expect(bareResult.success && bareResult.data.document).toEqual(result.success && result.data.document)
    expect(result.success && result.data.document.type === 'declaration' && result.data.document.preamble!.formula!.text).toEqual([
      { type: 'text', value: 'Wé ' },
      { type: 'strong', children: [{ type: 'text', value: 'àll' }] },
      { type: 'text', value: ' ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'àgréé' }] },
      { type: 'superscript', children: [{ type: 'text', value: 'é' }] },
      { type: 'break' },
      { type: 'text', value: 'héré' },
      { type: 'footnoteReference', label: '1' },
    ])
  })

  it('pre-fills targets with the source in state "new" (--prefill)', () => {
    const targets = Array.from(parseXml(prefilled12).getElementsByTagName('target'))
    expect(targets.length).toBe(25)
    expect(new Set(targets.map((t) => t.getAttribute('state')))).toEqual(new Set(['new']))
    expect(prefilled12).toContain('<target state="new">Any official written communications (letter and note verbale) to the COP29 Presidency or email to <g id="1" ctype="x-link">digitalisation@cop29.az</g></target>')
  })

  it.skipIf(!hasSchemas)('is valid against the XLIFF 1.2 strict schema, empty, pre-filled, translated and for the letter (skipped without ../shared/schemas)', async () => {
    const files = [xliff12, prefilled12, filled12, toXliff(cop29Letter, { targetLanguage: 'en-GB', version: '1.2', prefill: true })]
    expect(await validateXliff12Each(files)).toEqual([[], [], [], []])
  })
})

describe('toXliff version 2.0 with --prefill', () => {
  it('fills each target with the source in state initial, and stays valid (skipped schema check without ../shared/schemas)', async () => {
    const xml = toXliff(cop29Declaration, { targetLanguage: 'fr', prefill: true })
    const segments = Array.from(parseXml(xml).getElementsByTagName('segment'))
    expect(segments.length).toBe(25)
    expect(new Set(segments.map((s) => s.getAttribute('state')))).toEqual(new Set(['initial']))
    expect(xml).toContain('<target>Any official written communications (letter and note verbale) to the COP29 Presidency or email to <pc id="1" type="link" fs:fs="a" fs:subFs="href,mailto:digitalisation@cop29.az">digitalisation@cop29.az</pc></target>')
    if (hasSchemas) expect(await validateXliff(xml)).toEqual([])
  })
})

describe('import of XLIFF 1.2', () => {
  it('detects the version and rebuilds the translated document, link included', () => {
    const result = safeImportXliff(filled12, cop29Declaration)
    expect(result.success).toBe(true)
    if (!result.success || result.data.document.type !== 'declaration') return
    const doc = result.data.document
    expect(doc.language).toBe('fr')
    expect(doc.title).toBe(pseudo('COP29 Declaration on Green Digital Action'))
    expect(linkUnit(doc)).toEqual([
      { type: 'text', value: pseudo('Any official written communications (letter and note verbale) to the COP29 Presidency or email to ') },
      { type: 'link', url: 'mailto:digitalisation@cop29.az', children: [{ type: 'text', value: pseudo('digitalisation@cop29.az') }] },
    ])
    expect([result.data.untranslated, result.data.stale]).toEqual([[], []])
  })

  it('reads <bx>/<ex> as the <g> they replace', () => {
    const split = filled12.replace(/<target state="translated">(.*?)<g id="1" ctype="x-link">(.*?)<\/g><\/target>/, '<target state="translated">$1<bx id="1" rid="1" ctype="x-link"/>$2<ex id="2" rid="1"/></target>')
    expect(split).toContain('<bx id="1"')
    expect(endorsementItem(split)).toBe(endorsementItem(filled12))
  })

  it('rejects a target that lost its link code, naming file, line, column and unit', () => {
    const lost = filled12.replace(/(<target state="translated">[^<]*)<g id="1" ctype="x-link">([^<]*)<\/g>/, '$1$2')
    const line = lost.split('\n').findIndex((l) => l.includes('<trans-unit id="section-2-2"')) + 1
    expect(importIssues(lost)).toEqual([
      `fr.xlf:${line}:9 missing_code unit "section-2-2" (${label('section-2-2')}): the target has lost link code 1; put the translated link text inside it`,
    ])
  })

  it('rejects a target carrying a code its source does not have, at the code', () => {
    const extra = filled12.replace('<target state="translated">Côllàbôràtîôn</target>', '<target state="translated"><g id="7" ctype="bold">Côllàbôràtîôn</g></target>')
    const line = extra.split('\n').findIndex((l) => l.includes('<g id="7"')) + 1
    const column = extra.split('\n')[line - 1]!.indexOf('<g id="7"') + 1
    expect(importIssues(extra)).toEqual([
      `fr.xlf:${line}:${column} extra_code unit "section-2" (Heading: Collaboration): the target has code 7 (strong), which its source does not have; remove it`,
    ])
  })

  it('counts a pre-filled target still equal to its source as untranslated; --allow-untranslated keeps the source and names the units', () => {
    const partly = fillTargets12(prefilled12, 'translated', (id) => /^para-/.test(id))
    expect(importIssues(partly).length).toBe(8)
    expect(importIssues(partly)[0]).toMatch(/missing_target unit "para-1" \(Paragraph I\.\): has its source copied in the target, still in the initial state; translate it, or import with --allow-untranslated/)
    const result = safeImportXliff(partly, cop29Declaration, { allowUntranslated: true })
    expect(result.success).toBe(true)
    if (!result.success || result.data.document.type !== 'declaration') return
    expect(result.data.untranslated).toEqual(['para-1', 'para-2', 'para-3', 'para-4', 'para-5', 'para-6', 'para-7', 'para-8'])
    const list = (d: typeof result.data.document) => (d.type === 'declaration' && d.body[0]!.type === 'list' ? d.body[0] : undefined)
    expect(list(result.data.document)!.items[0]).toEqual(list(cop29Declaration)!.items[0])
    expect(result.data.document.title).toBe(pseudo('COP29 Declaration on Green Digital Action'))
  })
})

describe('import of XLIFF 2.x', () => {
  const filled = () => fillTargets(toXliff(cop29Declaration, { targetLanguage: 'fr' }))

  it('reads fs:subFs as backslash-separated pairs with \\\\ and \\, escapes', () => {
    expect(parseSubFs('href,mailto:digitalisation@cop29.az\\title,COP29\\, Baku')).toEqual([
      ['href', 'mailto:digitalisation@cop29.az'],
      ['title', 'COP29, Baku'],
    ])
    expect(parseSubFs('href,https://example.org/a\\\\b')).toEqual([['href', 'https://example.org/a\\b']])
    const twoPairs = filled().replaceAll('fs:subFs="href,mailto:digitalisation@cop29.az"', 'fs:subFs="href,mailto:digitalisation@cop29.az\\title,Write to us"')
    expect(twoPairs).toContain('\\title,Write to us')
    expect(endorsementItem(twoPairs)).toBe(endorsementItem(filled()))
  })

  it('accepts a <pc> split into <sc>/<ec> by a CAT tool, in source and target', () => {
    const xml = filled()
    const split = xml.replace(/<pc id="1" type="link" fs:fs="a" fs:subFs="([^"]*)">([^<]*)<\/pc>/g, '<sc id="1" type="link" fs:fs="a" fs:subFs="$1"/>$2<ec startRef="1"/>')
    expect(split.match(/<sc id="1"/g)!.length).toBe(2)
    expect(endorsementItem(split)).toBe(endorsementItem(xml))
  })

  it('rejects an <ec> without its <sc>, naming the unit', () => {
    const broken = filled().replace(/(<target>[^<]*)<pc id="1" type="link" fs:fs="a" fs:subFs="[^"]*">([^<]*)<\/pc>/, '$1$2<ec startRef="1"/>')
    expect(importIssues(broken).map((i) => i.replace(/^fr\.xlf:\d+:\d+ /, ''))).toEqual([
      'unsupported_inline unit "section-2-2": end of code "1" without its start before it at the same level',
      `missing_code unit "section-2-2" (${label('section-2-2')}): the target has lost link code 1; put the translated link text inside it`,
    ])
  })

  it('rejects a stale target (carried from an earlier source, still initial) unless --accept-stale', () => {
    const previous = fillTargets(toXliff(cop29Declaration, { targetLanguage: 'fr' }))
    const edited = structuredClone(cop29Declaration)
    if (edited.type !== 'declaration') throw new Error('declaration expected')
    edited.preamble!.formula!.text = [{ type: 'text', value: 'We, the governments;' }]
    const carried = toXliff(edited, { targetLanguage: 'fr', previous })
    const result = safeImportXliff(carried, edited, { file: 'fr.xlf' })
    expect(result.success ? [] : result.issues.map((i) => [i.code, i.message])).toEqual([
      [
        'stale_target',
        'unit "formula" (Formula): its target was translated from an earlier source (see its source-diff note) and is still in the initial state; review it and mark it translated, or import with --accept-stale',
      ],
    ])
    const accepted = safeImportXliff(carried, edited, { acceptStale: true })
    expect(accepted.success && accepted.data.stale).toEqual(['formula'])
  })
})

describe('xliffStatus', () => {
  it('counts units and source words by progress, per part and in total, for 1.2 and 2.0 alike', () => {
    const partly = fillTargets12(prefilled12, 'translated', (id) => /^para-/.test(id))
    const withFinal = partly.replace('<target state="translated">CÔP29', '<target state="final">CÔP29')
    const status = xliffStatus(withFinal)
    expect([status.version, status.sourceLanguage, status.targetLanguage]).toEqual(['1.2', 'en-GB', 'fr'])
    expect(status.parts.map((p) => p.part)).toEqual(['front', 'preamble', 'body'])
    const paragraphs = status.parts[2]!.counts
    expect(paragraphs.untranslated.units).toBe(8)
    expect(paragraphs.translated.units).toBe(7)
    expect(status.parts[0]!.counts.final).toEqual({ units: 1, words: 6 })
    expect(status.total.untranslated.units + status.total.translated.units + status.total.final.units + status.total.stale.units).toBe(25)
    const words = translationUnits(cop29Declaration)
      .filter((u) => /^para-/.test(u.id))
      .reduce((n, u) => n + u.text.split(/\s+/).filter(Boolean).length, 0)
    expect(paragraphs.untranslated.words).toBe(words)
    const v2 = fillTargets(toXliff(cop29Declaration, { targetLanguage: 'fr', prefill: true }), 'translated', (id) => /^para-/.test(id))
    expect(xliffStatus(v2).parts.map((p) => [p.part, p.counts.untranslated.units, p.counts.translated.units])).toEqual(
      status.parts.map((p) => [p.part, p.counts.untranslated.units, p.counts.translated.units + p.counts.final.units]),
    )
  })
})
