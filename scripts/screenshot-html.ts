// Writes examples/declaration.en.html.png: the top of the bundled declaration's HTML page as Debian's
// headless Chromium shows it (the README's picture). Run: npx tsx scripts/screenshot-html.ts
import { readFileSync, writeFileSync } from 'node:fs'
import { parseDocument } from '../src/parse/index.js'
import { renderHtml } from '../src/render/html/index.js'
import { launchChromium } from '../test/browser-support.js'

const browser = await launchChromium()
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1100 }, deviceScaleFactor: 1 })
  const declaration = parseDocument(readFileSync(new URL('../content/declaration.en.md', import.meta.url)), { file: 'content/declaration.en.md' })
  await page.setContent(renderHtml(declaration), { waitUntil: 'load' })
  writeFileSync(new URL('../examples/declaration.en.html.png', import.meta.url), await page.screenshot({ type: 'png' }))
} finally {
  await browser.close()
}
