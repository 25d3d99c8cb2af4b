import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cop29Declaration } from '../src/content/index.js'
import type { Document } from '../src/model/document.js'
import { alignDocuments, renderAlignmentMarkdown } from '../src/diff/index.js'
import { fromXliff, toTmx, toXliff } from '../src/interchange/index.js'
import { translationUnits } from '../src/render/units.js'
import { run } from './cli-run.js'
import { fillTargets, hasSchemas, pseudo, schemasDir } from './helpers/interchange.js'

let work: string
let french: Document

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'declaration-kit-tmx-'))
  french = fromXliff(fillTargets(toXliff(cop29Declaration, { targetLanguage: 'fr' })), cop29Declaration)
})

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('align tells the truth', () => {
  it('matches every clause of a translation', () => {
    expect(alignDocuments(cop29Declaration, french).summary).toEqual({ matched: 25, missing: 0, extra: 0, structure: 0, untranslated: 0 })
  })

  it('lists a "translation" still in the source language as untranslated, not matched', () => {
    const english = { ...structuredClone(cop29Declaration), language: 'fr' } as Document
    const alignment = alignDocuments(cop29Declaration, english)
    expect(alignment.summary).toEqual({ matched: 0, missing: 0, extra: 0, structure: 0, untranslated: 25 })
    expect(renderAlignmentMarkdown(alignment).split('\n')[2]).toBe('0 matched, 0 missing in target, 0 only in target, 0 different structure, 25 untranslated.')
  })

  it('lists a clause that lost its bold title as a different structure, with what differs', () => {
    const changed = structuredClone(french)
    const list = changed.type === 'declaration' ? changed.body[0] : undefined
    if (list?.type !== 'list') throw new Error('list expected')
    delete list.items[0]!.title
    const row = alignDocuments(cop29Declaration, changed).rows.find((r) => r.id === 'para-1')!
    expect([row.status, row.note]).toEqual(['structure', 'strong -> text'])
  })
})

describe('toTmx', () => {
  it('writes one tu per matched clause with both languages, and no dates', () => {
    const tmx = toTmx(alignDocuments(cop29Declaration, french))
    expect(tmx.split('\n').slice(0, 4)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
      '<tmx version="1.4">',
      '  <header creationtool="declaration-kit" creationtoolversion="1" segtype="paragraph" o-tmf="declaration-kit" adminlang="en" srclang="en-GB" datatype="plaintext"/>',
    ])
    expect(tmx.match(/<tu /g)!.length).toBe(25)
    expect(tmx).toContain('    <tu tuid="title">\n      <prop type="x-label">Title</prop>\n      <tuv xml:lang="en-GB">\n        <seg>COP29 Declaration on Green Digital Action</seg>')
    expect(tmx).not.toMatch(/creationdate|changedate/)
  })

  it('leaves out untranslated clauses', () => {
    const english = { ...structuredClone(cop29Declaration), language: 'fr' } as Document
    expect(toTmx(alignDocuments(cop29Declaration, english))).not.toContain('<tu ')
  })

  it.skipIf(!hasSchemas)('is valid against tmx14.dtd (xmllint from libxml2-utils; skipped without ../shared/schemas) and read back by the TMX storage of translate-toolkit', async () => {
    const file = path.join(work, 'en-fr.tmx')
    writeFileSync(file, toTmx(alignDocuments(cop29Declaration, french)))
    // The DOCTYPE names tmx14.dtd beside the file, as CAT tools expect it.
    copyFileSync(path.join(schemasDir, 'tmx/tmx14.dtd'), path.join(work, 'tmx14.dtd'))
    const valid = await run('xmllint', ['--noout', '--dtdvalid', path.join(schemasDir, 'tmx/tmx14.dtd'), file])
    expect([valid.code, valid.stderr]).toEqual([0, ''])
    // Debian's translate-toolkit has no tmx2po script: its TMX storage class reads the file.
    const script = 'import sys\nfrom translate.storage import tmx\nfor u in tmx.tmxfile.parsefile(sys.argv[1]).units:\n    print(u.source + "\\t" + u.target)\n'
    const read = await run('/usr/bin/python3', ['-c', script, file])
    expect([read.code, read.stderr]).toEqual([0, ''])
    const pairs = read.stdout.trimEnd().split('\n')
    expect(pairs.length).toBe(25)
    expect(pairs[0]).toBe(`COP29 Declaration on Green Digital Action\t${pseudo('COP29 Declaration on Green Digital Action')}`)
    expect(translationUnits(cop29Declaration).length).toBe(25)
  })
})
