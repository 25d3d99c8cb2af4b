import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDocument } from '../src/parse/index.js'
import { renderHtml } from '../src/render/html/index.js'
import { renderText, words } from '../src/render/text.js'
import { phrasingText } from '../src/model/inline.js'
import { printedBlocks } from '../src/model/walk.js'
import type { Document } from '../src/model/document.js'
import { axe, languages, launchChromium, outline, readPrintedPdf, runAxe } from './browser-support.js'
import { cliPath, root } from './cli-run.js'

const read = (file: string) => parseDocument(readFileSync(path.join(root, file)), { file })
const declaration = read('content/declaration.en.md')
const letter = read('content/letter.fr.md')
const annexes = [declaration]

// Every real document of the repository: the bundled content and the test fixtures written in Markdown.
const corpus = [
  ...readdirSync(path.join(root, 'content')).map((name) => `content/${name}`),
  ...readdirSync(path.join(root, 'test/fixtures'), { recursive: true, encoding: 'utf8' }).map((name) => `test/fixtures/${name}`),
]
  .filter((file) => file.endsWith('.md') && readFileSync(path.join(root, file), 'utf8').startsWith('---\n'))
  .sort()

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => browser?.close())

async function open(doc: Document): Promise<Page> {
  const page = await browser.newPage()
  await page.setContent(renderHtml(doc, { annexes }), { waitUntil: 'load' })
  return page
}

// The pages are independent: up to five are open at once (vitest's maxConcurrency), so that Chromium lays out
// and checks one while the test reads another, instead of each page waiting for the last.
// The pages are checked side by side: a test's time includes the others' turns on Chromium, more than the default 30 s
// on a busy machine (the print test, three documents one after another, timed out once so).
describe.concurrent(`HTML pages in headless Chromium, checked with axe-core ${axe.version}`, { timeout: 120_000 }, () => {
  it('gives the declaration a page whose text is the document\'s words, with no axe-core violation', async ({ expect }) => {
    const page = await open(declaration)
    expect(words(await page.innerText('body'))).toEqual(words(renderText(declaration)))
    expect(await runAxe(page)).toEqual({ rules: 90, violations: [] })
    expect(await outline(page)).toEqual(['H1 COP29 Declaration on Green Digital Action', 'H2 Implementation Framework', 'H2 Collaboration'])
    expect(await languages(page)).toEqual(['HTML en-GB'])
    await page.close()
  })

  it('gives the letter its reference block, addressees and English annex in reading order, with no axe-core violation', async ({ expect }) => {
    const page = await open(letter)
    expect(words(await page.innerText('body'))).toEqual(words(renderText(letter, { annexes })))
    expect(await runAxe(page)).toEqual({ rules: 90, violations: [] })
    expect(await outline(page)).toEqual([
      `H1 Objet: ${letter.type === 'letter' && letter.subject}`,
      "H2 Annexe – Déclaration de la COP29 sur l'action du secteur du numérique pour l'environnement (version anglaise uniquement)",
      'H3 COP29 Declaration on Green Digital Action',
      'H4 Implementation Framework',
      'H4 Collaboration',
    ])
    expect(await languages(page)).toEqual(['HTML fr', 'ARTICLE en-GB'])
    await page.close()
  })

  it('keeps the objectives\' own numerals as text in an ordered list, and links a clause by its id', async ({ expect }) => {
    const page = await open(declaration)
    expect(await page.$$eval('ol.numbered > li', (items) => items.map((item) => item.id + ' ' + (item as HTMLElement).innerText.split(' ')[0]))).toEqual(
      ['I.', 'II.', 'III.', 'IV.', 'V.', 'VI.', 'VII.', 'VIII.'].map((numeral, index) => `para-${index + 1} ${numeral}`),
    )
    expect(await page.$eval('#para-3 strong', (title) => title.textContent)).toBe("Mitigating Digitalisation's Climate Impact:")
    expect(await page.$$eval('.preamble em', (leads) => leads.map((lead) => lead.textContent))).toEqual([
      'Recognising', 'Highlighting', 'Noting with concern', 'Acknowledging', 'Underlining', 'Expressing deep concern', 'Reaffirming', 'Emphasising',
    ])
    await page.close()
  })

  it('sets the text in a measure of 70 characters (70ch) on a wide screen', async ({ expect }) => {
    const page = await open(declaration)
    await page.setViewportSize({ width: 1400, height: 900 })
    const characters = await page.$eval('main', (main) => {
      const style = getComputedStyle(main)
      const probe = document.createElement('span')
      probe.textContent = '0'
      main.append(probe)
      const zero = probe.getBoundingClientRect().width
      probe.remove()
      return (main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)) / zero
    })
    expect(Math.round(characters)).toBe(70)
    await page.close()
  })

  it("prints to an A4 PDF with the same words (footnotes without their back-links), the letter's annex starting a page", async ({ expect }) => {
    for (const doc of [declaration, letter, read('test/fixtures/real/a-res-73-8.en.md')]) {
      const page = await open(doc)
      await page.emulateMedia({ media: 'print' })
      const pdf = await readPrintedPdf(new Uint8Array(await page.pdf({ preferCSSPageSize: true })))
      // A line may break after a hyphen ("non-" | "intervention"), and the PDF's lines are joined with a space: both sides join there.
      const joined = (text: string) => words(text.replace(/([-\u2010])\s+/gu, '$1'))
      expect(joined(pdf.pages.join(' '))).toEqual(joined(renderText(doc, { annexes })))
      expect(pdf.size).toEqual([595, 842])
      if (doc.type === 'letter') expect(pdf.pages.filter((text) => text.startsWith('Annexe – ')).length).toBe(1)
      await page.close()
    }
  })

  it.for(corpus)('renders %s as a page with its words, its headings and its language, and no axe-core violation', async (file, { expect }) => {
    const doc = read(file)
    const page = await open(doc)
    expect(words(await page.innerText('body'))).toEqual(words(renderText(doc, { annexes })))
    expect((await runAxe(page)).violations).toEqual([])
    expect(await page.$$eval('h1', (headings) => headings.length)).toBe(1)
    if (doc.type === 'declaration') {
      const headings = printedBlocks(doc).filter((block) => ['title', 'preamble-heading', 'heading', 'annex-heading'].includes(block.role))
      expect((await outline(page)).map((line) => line.slice(3))).toEqual(headings.map((block) => phrasingText(block.content)))
      expect(await languages(page)).toEqual([`HTML ${doc.language}`])
    }
    expect(await page.$$eval('script', (scripts) => scripts.length)).toBe(1) // axe-core's own, injected by the test
    await page.close()
  })
})

describe('preview in headless Chromium', () => {
  let work: string
  let child: ChildProcessWithoutNullStreams
  let stderr = ''

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'declaration-kit-preview-'))
    cpSync(path.join(root, 'content/declaration.en.md'), path.join(work, 'declaration.en.md'))
    child = spawn(process.execPath, [cliPath, 'preview', 'declaration.en.md'], { cwd: work })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  })
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL')
    rmSync(work, { recursive: true, force: true })
  })

  it('reloads after a file edit, shows an issue with its place for a broken file, keeps the last good page, and stops on SIGINT', async () => {
    const address = await new Promise<string>((resolve, reject) => {
      let stdout = ''
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        const match = /at (http:\/\/127\.0\.0\.1:\d+\/) /.exec(stdout)
        if (match) resolve(match[1]!)
      })
      child.once('exit', (code) => reject(new Error(`preview exited with ${code}: ${stderr}`)))
    })
    expect(stderr).toBe('declaration.en.md: rendered in ' + /rendered in (\d+) ms/.exec(stderr)![1] + ' ms\n')
    const page = await browser.newPage()
    await page.goto(address)
    expect(await page.textContent('h1')).toBe('COP29 Declaration on Green Digital Action')

    const file = path.join(work, 'declaration.en.md')
    const source = readFileSync(file, 'utf8')
    let reloaded = page.waitForEvent('load')
    writeFileSync(file, source.replace('# COP29 Declaration', '# COP30 Declaration'))
    await reloaded
    expect(await page.textContent('h1')).toBe('COP30 Declaration on Green Digital Action')

    reloaded = page.waitForEvent('load')
    writeFileSync(file, source.replace('# COP29 Declaration', '# COP30 Declaration').replace('type: declaration', 'type: decleration'))
    await reloaded
    expect(await page.textContent('.preview-issues li')).toBe('declaration.en.md:2:1 front matter type "decleration": expected "declaration" or "letter"')
    expect(await page.textContent('h1')).toBe('COP30 Declaration on Green Digital Action')
    expect(stderr).toContain('\ndeclaration.en.md:2:1 front matter type "decleration": expected "declaration" or "letter"\n')
    await page.close()

    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGINT')
    expect(await exit).toBe(0)
    expect(stderr.endsWith('preview stopped\n')).toBe(true)
  })
})
