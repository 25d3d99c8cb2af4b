import { existsSync } from 'node:fs'
import { runInNewContext } from 'node:vm'
import { build } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'
import { cop29DeclarationSource } from '../src/content/index.js'

const entry = new URL('../dist/index.js', import.meta.url).pathname
let page: { code: string; inputs: string[] }
let worker: { code: string; inputs: string[] }

// A page bundle may use the DOM (remark decodes character references with it there); a Web Worker
// bundle (the `worker` export condition) has neither DOM nor Node, the strictest browser setting.
const bundle = async (conditions: string[]) => {
  const result = await build({ entryPoints: [entry], bundle: true, platform: 'browser', conditions, format: 'iife', globalName: 'declarationKit', write: false, metafile: true, logLevel: 'silent' })
  return { code: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) }
}

beforeAll(async () => {
  if (!existsSync(entry)) throw new Error('dist/index.js is missing: run `npm run build` first')
  ;[page, worker] = await Promise.all([bundle([]), bundle(['worker'])])
})

describe('the core entry in a browser bundle', () => {
  it('bundles for a page and for a Web Worker with no Node built-in module', () => {
    for (const { inputs } of [page, worker]) {
      expect(inputs.filter((input) => /^node:|^(fs|path|url|process|module|os|crypto|stream)$/.test(input))).toEqual([])
    }
  })

  it('parses, validates, renders Markdown, diffs and exports XLIFF in a Web Worker setting (no DOM, no Node globals)', () => {
    // A context with what browsers give (no process, require, Buffer or module): the bundle must run as is.
    const context = { TextDecoder, TextEncoder, URL, console, structuredClone, Intl, source: cop29DeclarationSource, result: undefined as unknown }
    runInNewContext(
      `${worker.code}
      const kit = declarationKit
      const doc = kit.parseDeclaration(source, { file: 'declaration.en.md' })
      result = {
        globals: [typeof process, typeof require, typeof Buffer],
        objectives: doc.body[0].items.length,
        canonical: kit.renderMarkdown(doc) === source,
        unchanged: kit.diffDocuments(doc, kit.cop29Declaration).summary.unchanged,
        units: (kit.toXliff(doc, { targetLanguage: 'fr' }).match(/<unit /g) || []).length,
      }`,
      context,
    )
    expect(context.result).toEqual({ globals: ['undefined', 'undefined', 'undefined'], objectives: 8, canonical: true, unchanged: 25, units: 25 })
  })
})
