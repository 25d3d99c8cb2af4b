import { beforeAll, describe, expect, it } from 'vitest'
import { cop29Declaration, cop29Letter } from '../src/content/index.js'
import type { Declaration, List, Section } from '../src/model/declaration.js'
import type { Document } from '../src/model/document.js'
import { phrasingText, type Phrasing } from '../src/model/inline.js'
import { DocumentError } from '../src/model/issues.js'
import { safeValidate } from '../src/model/guard.js'
import { parseDocument } from '../src/parse/index.js'
import { renderMarkdown } from '../src/render/markdown.js'
import { renderText } from '../src/render/text.js'
import { fromXliff, safeFromXliff, toXliff } from '../src/interchange/index.js'
import { translationUnits } from '../src/render/units.js'
import { fillTargets, hasSchemas, parseXml, pseudo, serializeXml, validateXliff } from './helpers/interchange.js'

let declarationXliff: string
let filledDeclaration: string
let filledLetter: string
let declaration: Document
let letter: Document

beforeAll(() => {
  declarationXliff = toXliff(cop29Declaration, { targetLanguage: 'fr' })
  filledDeclaration = fillTargets(declarationXliff)
  filledLetter = fillTargets(toXliff(cop29Letter, { targetLanguage: 'en-GB' }))
  declaration = fromXliff(filledDeclaration, cop29Declaration)
  letter = fromXliff(filledLetter, cop29Letter)
})

function issuesOf(xliff: string, doc: Document = cop29Declaration) {
  const result = safeFromXliff(xliff, doc, { file: 'fr.xlf' })
  expect(result.success).toBe(false)
  return result.success ? [] : result.issues
}

/** The non-blank text runs of inline content, trimmed. */
const textRuns = (content: Phrasing): string[] =>
  content.flatMap((node) => (node.type === 'text' ? (node.value.trim() ? [node.value.trim()] : []) : 'children' in node ? textRuns(node.children) : []))
const numbered = (doc: Declaration) => (doc.body[0] as List).items
const endorsement = (doc: Declaration) => ((doc.body[2] as Section).body[1] as List).items

function editUnit(xliff: string, id: string, edit: (unit: Element) => void): string {
  const doc = parseXml(xliff)
  const unit = Array.from(doc.getElementsByTagName('unit')).find((u) => u.getAttribute('id') === id)!
  edit(unit as unknown as Element)
  return serializeXml(doc)
}

describe('fromXliff', () => {
  it('rebuilds the declaration in the target language with the same structure and ids', () => {
    expect(declaration.language).toBe('fr')
    expect(declaration.type).toBe('declaration')
    if (declaration.type !== 'declaration') return
    expect(declaration.preamble!.paragraphs.map((c) => c.id)).toEqual(cop29Declaration.preamble!.paragraphs.map((c) => c.id))
    expect(numbered(declaration).map((o) => [o.id, o.num])).toEqual(numbered(cop29Declaration).map((o) => [o.id, o.num]))
    expect(declaration.preamble!.paragraphs[0]!.lead).toBe('Récôgnîsîng')
    expect(numbered(declaration)[2]!.title).toBe("Mîtîgàtîng Dîgîtàlîsàtîôn's Clîmàté Impàct:")
    expect(declaration.body.flatMap((b) => (b.type === 'section' ? [b.heading] : []))).toEqual(['Impléméntàtîôn Fràméwôrk', 'Côllàbôràtîôn'])
  })

  it('keeps the link target and the inline structure of the source', () => {
    if (declaration.type !== 'declaration') return
    expect(endorsement(declaration)[0]!.text).toEqual([
      { type: 'text', value: pseudo('Any official written communications (letter and note verbale) to the COP29 Presidency or email to ') },
      { type: 'link', url: 'mailto:digitalisation@cop29.az', children: [{ type: 'text', value: pseudo('digitalisation@cop29.az') }] },
    ])
  })

  it('keeps the profile of the source and validates under it', () => {
    expect(declaration.type === 'declaration' && declaration.profile).toBe('cop29')
    expect(safeValidate(declaration).success).toBe(true)
    expect(safeValidate(letter).success).toBe(true)
  })

  it('gives the translated text of every unit in the rendered plain text and Markdown', () => {
    for (const [source, translated] of [
      [cop29Declaration, declaration],
      [cop29Letter, letter],
    ] as const) {
      const text = renderText(translated, { annex: false })
      const markdown = renderMarkdown(translated)
      for (const unit of translationUnits(source)) {
        expect(text).toContain(pseudo(phrasingText(unit.content)))
        // A paragraph's bold title and italic lead are marked up in Markdown: each run is looked for on its own.
        for (const run of textRuns(unit.content)) expect(markdown).toContain(pseudo(run).split(' ').slice(0, 3).join(' '))
      }
    }
  })

  it('renders the translated letter with the target language labels and date line, keeping untranslated fields', () => {
    const text = renderText(letter, { annex: false })
    expect(text).toContain('Génèvé, 7 November 2024')
    expect(text).toContain('Reference: CL-24/63')
    expect(text).toContain('Doreen Bogdan-Martin\nSécrétàîré généràlé')
  })

  it('renders Markdown that parses back to the same translated document', () => {
    expect(parseDocument(renderMarkdown(declaration))).toEqual(declaration)
    expect(parseDocument(renderMarkdown(letter))).toEqual(letter)
  })

  it('takes a link target from the source code with the same id when a tool dropped the fs attributes', () => {
    const attribute = ' fs:subFs="href,mailto:digitalisation@cop29.az"'
    const at = filledDeclaration.lastIndexOf(attribute)
    const stripped = filledDeclaration.slice(0, at) + filledDeclaration.slice(at + attribute.length)
    expect(stripped.split(attribute).length).toBe(2)
    const result = fromXliff(stripped, cop29Declaration)
    expect(result.type === 'declaration' && endorsement(result)[0]!.text[1]).toMatchObject({ type: 'link', url: 'mailto:digitalisation@cop29.az' })
  })

  it('reads a target split into several segments and ignorables by a CAT tool', () => {
    const split = editUnit(filledDeclaration, 'formula', (unit) => {
      const segment = unit.getElementsByTagName('segment')[0]!
      const doc = unit.ownerDocument!
      const ns = segment.namespaceURI
      const make = (name: string, source: string, target?: string) => {
        const part = doc.createElementNS(ns, name)
        const s = doc.createElementNS(ns, 'source')
        s.appendChild(doc.createTextNode(source))
        part.appendChild(s)
        if (target !== undefined) {
          const t = doc.createElementNS(ns, 'target')
          t.appendChild(doc.createTextNode(target))
          part.appendChild(t)
        }
        if (name === 'segment') part.setAttribute('state', 'final')
        return part
      }
      const text = phrasingText(cop29Declaration.preamble!.formula!.text)
      const [first, second] = [text.slice(0, 3), text.slice(4)]
      unit.replaceChild(make('segment', first, 'Nous,'), segment)
      unit.appendChild(make('ignorable', ' '))
      unit.appendChild(make('segment', second, 'les gouvernements;'))
    })
    const result = fromXliff(split, cop29Declaration)
    expect(result.type === 'declaration' && result.preamble!.formula!.text).toEqual([{ type: 'text', value: 'Nous, les gouvernements;' }])
  })
})

describe('fromXliff rejects', () => {
  it('a tampered source, naming its unit id and place', () => {
    const tampered = filledDeclaration.replace('fs:fs="i">Highlighting</pc>', 'fs:fs="i">Stressing</pc>')
    expect(tampered).not.toBe(filledDeclaration)
    const issues = issuesOf(tampered)
    expect(issues.map((i) => [i.code, i.message, i.path])).toEqual([
      [
        'source_mismatch',
        'unit "preamble-2" (Preambular clause 2): its source no longer matches the source document; export again with the XLIFF as previous translation',
        ['preamble', 'paragraphs', 1],
      ],
    ])
    expect(issues[0]!.file).toBe('fr.xlf')
    expect(issues[0]!.line).toBeGreaterThan(1)
  })

  it('a translation of an earlier source document', () => {
    const changed = structuredClone(cop29Declaration)
    const list = changed.body[0] as List
    list.intro = { ...list.intro!, text: [{ type: 'text', value: 'Affirm the following objectives:' }] }
    expect(issuesOf(filledDeclaration, changed).map((i) => [i.code, i.path])).toEqual([['source_mismatch', ['body', 0, 'intro']]])
  })

  it('a source hash note that does not match, even when the source text was restored', () => {
    const wrongHash = editUnit(filledDeclaration, 'para-2', (unit) => {
      unit.getElementsByTagName('note')[1]!.textContent = `sha256:${'0'.repeat(64)}`
    })
    expect(issuesOf(wrongHash).map((i) => i.code)).toEqual(['source_mismatch'])
  })

  it('missing units, unknown units and units without target, each naming the unit', () => {
    let xliff = editUnit(filledDeclaration, 'para-8', (unit) => unit.parentNode!.removeChild(unit as never))
    xliff = editUnit(xliff, 'section-1-1', (unit) => unit.setAttribute('id', 'section-1-9'))
    xliff = editUnit(xliff, 'preamble-4', (unit) => {
      const segment = unit.getElementsByTagName('segment')[0]!
      segment.removeChild(segment.getElementsByTagName('target')[0]!)
      segment.removeAttribute('state')
    })
    const issues = issuesOf(xliff)
    expect(issues.map((i) => [i.code, i.message])).toEqual([
      ['missing_target', 'unit "preamble-4" (Preambular clause 4): has no target; translate it, or import with --allow-untranslated to keep the source text'],
      ['missing_unit', 'unit "para-8" (Paragraph VIII.): not in the XLIFF; export the source document again'],
      ['missing_unit', 'unit "section-1-1" (Paragraph 1 (Implementation Framework)): not in the XLIFF; export the source document again'],
      ['unknown_unit', 'unit "section-1-9": the source document has no such unit'],
    ])
    expect(issues[1]!.path).toEqual(['body', 0, 'items', 7])
  })

  it('an empty target', () => {
    const xliff = editUnit(filledDeclaration, 'intro-1', (unit) => {
      const target = unit.getElementsByTagName('target')[0]!
      while (target.firstChild) target.removeChild(target.firstChild)
    })
    expect(issuesOf(xliff).map((i) => [i.code, i.path])).toEqual([['empty_target', ['body', 0, 'intro']]])
  })

  it('an XLIFF for another document, an XLIFF 1.2 file and text that is not XML', () => {
    expect(issuesOf(filledLetter).map((i) => i.message)).toEqual(['the XLIFF holds "cl-24-63"; expected a file with id "cop29-green-digital-action"'])
    expect(issuesOf('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"/>').map((i) => i.code)).toEqual(['not_xliff'])
    expect(issuesOf('<xliff').map((i) => i.code)).toEqual(['invalid_xml'])
  })

  it('by throwing a DocumentError from fromXliff', () => {
    expect(() => fromXliff(declarationXliff, cop29Declaration)).toThrow(DocumentError)
  })
})

describe('filled XLIFF', () => {
  it('every unit with a state other than initial has a target', () => {
    for (const xliff of [filledDeclaration, filledLetter]) {
      for (const segment of Array.from(parseXml(xliff).getElementsByTagName('segment'))) {
        const state = segment.getAttribute('state') || 'initial'
        if (state !== 'initial') expect(segment.getElementsByTagName('target').length).toBe(1)
      }
    }
  })

  it.skipIf(!hasSchemas)('is still valid against the XLIFF 2.0 core schema (skipped without ../shared/schemas)', async () => {
    expect(await validateXliff(filledDeclaration)).toEqual([])
  })
})
