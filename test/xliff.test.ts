import { beforeAll, describe, expect, it } from 'vitest'
import xliff2js from 'xliff/xliff2js'
import { cop29Declaration, cop29Letter } from '../src/content/index.js'
import { phrasingText } from '../src/model/inline.js'
import { DocumentError } from '../src/model/issues.js'
import { toXliff } from '../src/interchange/index.js'
import type { List } from '../src/model/declaration.js'
import type { Phrasing } from '../src/model/inline.js'
import { translationUnits } from '../src/render/units.js'
import { hasSchemas, parseXml, validateXliffEach } from './helpers/interchange.js'

let declarationXliff: string
let letterXliff: string

beforeAll(() => {
  declarationXliff = toXliff(cop29Declaration, { targetLanguage: 'fr' })
  letterXliff = toXliff(cop29Letter, { targetLanguage: 'en-GB' })
})

type Resource = { source?: unknown; note?: string | string[] }

// The `xliff` package's view of inline content: strings and { Span: { contents } } objects.
function plain(value: unknown): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(plain).join('')
  if (value && typeof value === 'object') {
    const inner = Object.values(value)[0] as { contents?: unknown }
    return plain(inner?.contents ?? '')
  }
  return ''
}

function flatten(resources: Record<string, Record<string, Resource & { groupUnits?: Record<string, Resource> }>>): Map<string, Resource> {
  const units = new Map<string, Resource>()
  for (const file of Object.values(resources)) {
    for (const [id, entry] of Object.entries(file)) {
      if (entry.groupUnits) for (const [unitId, unit] of Object.entries(entry.groupUnits)) units.set(unitId, unit)
      else units.set(id, entry)
    }
  }
  return units
}

/** The bundled declaration with another lead-in before its numbered paragraphs. */
function withLeadIn(content: Phrasing) {
  const doc = structuredClone(cop29Declaration)
  const list = doc.body[0] as List
  list.intro = { ...list.intro!, text: content }
  return doc
}

describe('the interchange entry', () => {
  it('exports exactly the XLIFF and Akoma Ntoso functions', async () => {
    expect(Object.keys(await import('../src/interchange/index.js')).sort()).toEqual(['fromXliff', 'safeFromXliff', 'safeImportXliff', 'toAkomaNtoso', 'toTmx', 'toXliff', 'xliffStatus'])
  })
})

describe('toXliff', () => {
  it('writes an XLIFF 2.0 root (nothing 2.1-only is used) with the source and target languages and one file named after the document', () => {
    const root = parseXml(declarationXliff).documentElement!
    expect(root.namespaceURI).toBe('urn:oasis:names:tc:xliff:document:2.0')
    expect([root.getAttribute('version'), root.getAttribute('srcLang'), root.getAttribute('trgLang')]).toEqual(['2.0', 'en-GB', 'fr'])
    const files = root.getElementsByTagName('file')
    expect(files.length).toBe(1)
    expect(files[0]!.getAttribute('id')).toBe('cop29-green-digital-action')
  })

  it('groups the declaration by part, in reading order', () => {
    const groups = Array.from(parseXml(declarationXliff).getElementsByTagName('group')).map((g) => g.getAttribute('id'))
    expect(groups).toEqual(['part:front', 'part:preamble', 'part:body'])
    const letterGroups = Array.from(parseXml(letterXliff).getElementsByTagName('group')).map((g) => g.getAttribute('id'))
    expect(letterGroups).toEqual(['part:letterhead', 'part:addressees', 'part:subject', 'part:body', 'part:signature', 'part:annexes'])
  })

  it('names each unit by its clause id or field name, one unit per clause with its title and lead inside', () => {
    const ids = Array.from(parseXml(declarationXliff).getElementsByTagName('unit')).map((u) => u.getAttribute('id'))
    expect(ids.slice(0, 6)).toEqual(['title', 'formula', 'preamble-1', 'preamble-2', 'preamble-3', 'preamble-4'])
    expect(ids).toContain('para-3')
    expect(ids.filter((id) => id!.includes(':'))).toEqual([])
    expect(ids.slice(-6)).toEqual(['section-1', 'section-1-1', 'section-2', 'section-2-1', 'section-2-intro-1', 'section-2-2'])
    expect(ids.length).toBe(2 + 8 + 1 + 8 + 6)
    expect(declarationXliff).toContain(
      '<source><pc id="1" type="fmt" subType="xlf:b" fs:fs="b">Mitigating Digitalisation\'s Climate Impact:</pc> Develop policies',
    )
    expect(declarationXliff).toContain('<source><pc id="1" type="fmt" subType="xlf:i" fs:fs="i">Highlighting</pc> that digital innovations')
  })

  it('writes the label and a SHA-256 of the source in the notes', () => {
    const unit = Array.from(parseXml(declarationXliff).getElementsByTagName('unit')).find((u) => u.getAttribute('id') === 'para-3')!
    const notes = Array.from(unit.getElementsByTagName('note')).map((n) => [n.getAttribute('category'), n.textContent])
    expect(notes[0]).toEqual(['label', 'Paragraph III.'])
    expect(notes[1]![0]).toBe('source-hash')
    expect(notes[1]![1]).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it('writes labels in the source language: the French letter has French labels', () => {
    const labels = Array.from(parseXml(letterXliff).getElementsByTagName('note'))
      .filter((n) => n.getAttribute('category') === 'label')
      .map((n) => n.textContent)
    expect(labels.slice(0, 3)).toEqual(['Service', 'Lieu de la ligne de date', 'Destinataire 1'])
    expect(labels).toContain('Objet')
    expect(labels).toContain('Annexe 1, titre')
  })

  it('writes a link as a paired code whose fs:subFs carries the URL, escaping nothing it need not', () => {
    expect(declarationXliff).toContain(
      '<source>Any official written communications (letter and note verbale) to the COP29 Presidency or email to <pc id="1" type="link" fs:fs="a" fs:subFs="href,mailto:digitalisation@cop29.az">digitalisation@cop29.az</pc></source>',
    )
  })

  it('writes emphasis and strong as fmt codes with xlf:i and xlf:b, numbered in order', () => {
    const doc = withLeadIn([
      { type: 'text', value: 'Affirm ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'within ' }, { type: 'strong', children: [{ type: 'text', value: 'our' }] }] },
      { type: 'text', value: ' mandates & <duties>:' },
    ])
    expect(toXliff(doc, { targetLanguage: 'fr' })).toContain(
      '<source>Affirm <pc id="1" type="fmt" subType="xlf:i" fs:fs="i">within <pc id="2" type="fmt" subType="xlf:b" fs:fs="b">our</pc></pc> mandates &amp; &lt;duties&gt;:</source>',
    )
  })

  it('writes a source that is one inline code on one line, adding no white space', () => {
    const doc = withLeadIn([{ type: 'strong', children: [{ type: 'text', value: 'Affirm:' }] }])
    expect(toXliff(doc, { targetLanguage: 'fr' })).toContain('<source><pc id="1" type="fmt" subType="xlf:b" fs:fs="b">Affirm:</pc></source>')
  })

  it('writes no target and no state without a previous translation', () => {
    expect(declarationXliff).not.toContain('<target')
    expect(declarationXliff).not.toContain('state=')
  })

  it('is a pure function: the same input gives the same string', () => {
    expect(toXliff(cop29Declaration, { targetLanguage: 'fr' })).toBe(declarationXliff)
  })

  it('rejects a target language that is not a BCP 47 tag', () => {
    expect(() => toXliff(cop29Declaration, { targetLanguage: 'french!' })).toThrow(DocumentError)
    expect(() => toXliff(cop29Declaration, { targetLanguage: 'french!' })).toThrow('target language "french!": expected a BCP 47 language tag')
  })

  it('gives every unit a unique id', () => {
    for (const xliff of [declarationXliff, letterXliff]) {
      const ids = Array.from(parseXml(xliff).getElementsByTagName('unit')).map((u) => u.getAttribute('id'))
      const groups = Array.from(parseXml(xliff).getElementsByTagName('group')).map((g) => g.getAttribute('id'))
      expect(new Set([...ids, ...groups]).size).toBe(ids.length + groups.length)
    }
  })

  it('is read back by an independent reader (npm xliff): every unit id and source text', async () => {
    for (const [doc, xliff] of [
      [cop29Declaration, declarationXliff],
      [cop29Letter, letterXliff],
    ] as const) {
      const js = await xliff2js(xliff)
      expect(js.sourceLanguage).toBe(doc.language)
      const read = flatten(js.resources as never)
      const expected = translationUnits(doc)
      expect([...read.keys()]).toEqual(expected.map((u) => u.id))
      for (const unit of expected) expect(plain(read.get(unit.id)!.source)).toBe(phrasingText(unit.content))
    }
  })
})

describe.skipIf(!hasSchemas)('XLIFF schema', () => {
  // The valid files and the broken one in one run of the validator, each with its own errors.
  let errors: Promise<string[][]> | undefined
  const validated = () => (errors ??= validateXliffEach([declarationXliff, letterXliff, declarationXliff.replace('<segment>', '<segment><bogus/>')]))

  it('declaration and letter are valid against the OASIS XLIFF 2.0 core schema (skipped without ../shared/schemas)', async () => {
    const [declaration, letter] = await validated()
    expect(declaration).toEqual([])
    expect(letter).toEqual([])
  })

  it('the validator does report an invalid file (skipped without ../shared/schemas)', async () => {
    expect((await validated())[2]!.length).toBeGreaterThan(0)
  })
})
