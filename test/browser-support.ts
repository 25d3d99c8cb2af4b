import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { getDocument } from './helpers/pdfjs.js'
import { chromium, type Browser, type Page } from 'playwright-core'

/** Debian's Chromium, which `.ci/run` installs (`apt-get install -y chromium`). */
export const chromiumPath = '/usr/bin/chromium'

/** The flags headless Chromium needs when it runs as root in a container. */
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking']

const require = createRequire(import.meta.url)

/** The axe-core engine's source and version, injected into pages under test. */
export const axe = { source: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'), version: (require('axe-core/package.json') as { version: string }).version }

/** Launches Debian's Chromium; fails (never skips) when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: install it with apt-get install -y chromium (as .ci/run does)`)
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true })
}

/** What axe-core found on a page: the rules it ran and its violations as `rule: selectors`. */
export interface AxeReport {
  rules: number
  violations: string[]
}

/** Runs every axe-core rule that is not experimental on the page. */
export async function runAxe(page: Page): Promise<AxeReport> {
  await page.addScriptTag({ content: axe.source })
  return page.evaluate(async () => {
    type Result = { id: string; nodes: { target: string[] }[] }
    const engine = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<Record<'violations' | 'passes' | 'incomplete' | 'inapplicable', Result[]>> } }).axe
    const results = await engine.run(document, { resultTypes: ['violations'] })
    const rules = new Set([...results.violations, ...results.passes, ...results.incomplete, ...results.inapplicable].map((rule) => rule.id)).size
    return { rules, violations: results.violations.map((rule) => `${rule.id}: ${rule.nodes.map((node) => node.target.join(' ')).join(', ')}`) }
  })
}

/** The page's headings in order, as `H2 text`. */
export function outline(page: Page): Promise<string[]> {
  return page.$$eval('h1, h2, h3, h4, h5, h6', (headings) => headings.map((heading) => `${heading.tagName} ${heading.textContent}`))
}

/** Every element that sets a language, as `TAG lang`. */
export function languages(page: Page): Promise<string[]> {
  return page.$$eval('[lang]', (elements) => elements.map((element) => `${element.tagName} ${element.getAttribute('lang')}`))
}

/** The text of each page of a PDF Chromium printed (pdfjs, lines joined with a space), and the size of page 1 in points. */
export async function readPrintedPdf(bytes: Uint8Array): Promise<{ pages: string[]; size: [number, number] }> {
  const pdf = await getDocument({ data: bytes.slice(), disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise
  const pages: string[] = []
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? ' ' : ''}` : '')).join(''))
  }
  const [, , width, height] = (await pdf.getPage(1)).view
  await pdf.destroy()
  return { pages, size: [Math.round(width!), Math.round(height!)] }
}
