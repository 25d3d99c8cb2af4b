import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { cop29Declaration, cop29Letter } from '../src/content/index.js'
import { fromXliff, toAkomaNtoso, toXliff } from '../src/interchange/index.js'
import { renderMarkdown } from '../src/render/markdown.js'
import { cliInProcess, cliPath } from './cli-run.js'
import { fillTargets } from './helpers/interchange.js'

let work: string

beforeAll(() => {
  if (!existsSync(cliPath)) throw new Error('dist/cli.js is missing: run `npm run build` first')
  work = mkdtempSync(path.join(tmpdir(), 'declaration-kit-interchange-'))
})

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe.concurrent('declaration-kit export and import-xliff', () => {
  it('exports the declaration as XLIFF on stdout, as toXliff does', async ({ expect }) => {
    const { code, stdout, stderr } = await cliInProcess(['export', '--format', 'xliff', '--target-lang', 'fr', 'content/declaration.en.md'])
    expect([code, stderr]).toEqual([0, ''])
    expect(stdout).toBe(toXliff(cop29Declaration, { targetLanguage: 'fr' }))
  })

  it('exports the letter with its annexed declaration as Akoma Ntoso', async ({ expect }) => {
    const { code, stdout } = await cliInProcess(['export', '--format', 'akn', 'content/letter.fr.md'])
    expect(code).toBe(0)
    expect(stdout).toBe(toAkomaNtoso(cop29Letter, { annexes: [cop29Declaration] }))
    expect(stdout).toContain('<doc name="circular">')
  })

  it('rebuilds the translated document from a translated XLIFF, as Markdown', async ({ expect }) => {
    const xliff = path.join(work, 'declaration.fr.xlf')
    const translated = fillTargets(toXliff(cop29Declaration, { targetLanguage: 'fr' }))
    writeFileSync(xliff, translated)
    const out = path.join(work, 'declaration.fr.md')
    const { code, stderr } = await cliInProcess(['import-xliff', xliff, '--source', 'content/declaration.en.md', '--out', out, '--quiet'])
    expect([code, stderr]).toEqual([0, ''])
    expect(readFileSync(out, 'utf8')).toBe(renderMarkdown(fromXliff(translated, cop29Declaration)))
    const validated = await cliInProcess(['validate', out])
    expect(validated.code).toBe(0)
  })

  it('carries an earlier translation forward with --previous', async ({ expect }) => {
    const previous = path.join(work, 'previous.xlf')
    writeFileSync(previous, fillTargets(toXliff(cop29Declaration, { targetLanguage: 'fr' })))
    const { code, stdout } = await cliInProcess(['export', '--format', 'xliff', '--target-lang', 'fr', '--previous', previous, 'content/declaration.en.md'])
    expect(code).toBe(0)
    expect(stdout).toBe(toXliff(cop29Declaration, { targetLanguage: 'fr', previous: readFileSync(previous, 'utf8') }))
    expect(stdout).toContain('state="translated"')
  })

  it('rejects an XLIFF whose source text was changed, naming the unit, with exit code 1', async ({ expect }) => {
    const xliff = path.join(work, 'tampered.xlf')
    writeFileSync(xliff, fillTargets(toXliff(cop29Declaration, { targetLanguage: 'fr' })).replace('fs:fs="b">Building Resilient', 'fs:fs="b">Building Robust'))
    const out = path.join(work, 'never.md')
    const { code, stderr } = await cliInProcess(['import-xliff', xliff, '--source', 'content/declaration.en.md', '--out', out])
    expect(code).toBe(1)
    expect(stderr).toMatch(/tampered\.xlf:\d+:\d+ unit "para-2"/)
    expect(stderr).not.toContain('    at ')
    expect(existsSync(out)).toBe(false)
  })

  it.for([
    [['export', 'content/declaration.en.md'], 'export: --format is required (xliff or akn)'],
    [['export', '--format', 'xliff', 'content/declaration.en.md'], 'export: --format xliff needs --target-lang TAG (e.g. fr)'],
    [['export', '--format', 'pdf', 'content/declaration.en.md'], 'export: unknown format "pdf"; allowed: xliff, akn'],
    [['import-xliff', 'x.xlf'], 'import-xliff: --source SOURCE.md is required (the document the XLIFF was exported from)'],
  ] as const)('exits 2 on bad usage: %j', async ([args, message], { expect }) => {
    const { code, stderr } = await cliInProcess([...args])
    expect(code).toBe(2)
    expect(stderr.split('\n')[0]).toBe(message)
  })

  it('finds a letter\'s annex among the files given after it, as render does', async ({ expect }) => {
    const letter = path.join(work, 'my-letter.fr.md')
    const annex = path.join(work, 'ocean.en.md')
    writeFileSync(letter, renderMarkdown(cop29Letter).replace('  - cop29-green-digital-action', '  - ocean-data'))
    writeFileSync(annex, renderMarkdown(cop29Declaration).replace('id: cop29-green-digital-action', 'id: ocean-data'))
    const found = await cliInProcess(['export', '--format', 'akn', letter, annex])
    expect([found.code, found.stderr]).toEqual([0, ''])
    expect(found.stdout).toContain('<attachment')
    const missing = await cliInProcess(['export', '--format', 'akn', letter])
    expect([missing.code, missing.stdout]).toEqual([1, ''])
    expect(missing.stderr).toBe(`${letter}:6:5 annex 1: document "ocean-data" is not among the input files or the bundled documents\n`)
  })

  it('reports malformed XML at its line and column in its own words, not xmldom\'s', async ({ expect }) => {
    const xliff = path.join(work, 'broken.xlf')
    writeFileSync(xliff, toXliff(cop29Declaration, { targetLanguage: 'fr' }).replace('</segment>', ''))
    const { code, stderr } = await cliInProcess(['import-xliff', xliff, '--source', 'content/declaration.en.md'])
    expect(code).toBe(1)
    expect(stderr).toMatch(/^\S+broken\.xlf:\d+:\d+ the XLIFF is not well-formed XML: the closing tag <\/unit> does not match the open element <segment>; close <segment> first\n$/)
  })

  it('says which file is missing, without a stack trace', async ({ expect }) => {
    const { code, stderr } = await cliInProcess(['import-xliff', 'nowhere.xlf', '--source', 'content/declaration.en.md'])
    expect([code, stderr]).toEqual([1, 'nowhere.xlf: no such file\n'])
  })
})
