// pdfjs-dist's legacy build replaces built-ins for the whole process under Node 20 (test/helpers/pdfjs.ts
// says why that matters): every test loads it through that helper, which puts them back.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { root } from './cli-run.js'
import { getDocument } from './helpers/pdfjs.js'

// Function.prototype.toString of a fresh realm: core-js's own version calls its replacements native too.
const toString = runInNewContext('Function.prototype.toString') as (this: unknown) => string
const native = (value: unknown) => typeof value === 'function' && /\{\s*\[native code\]\s*\}$/.test(toString.call(value))

describe('pdfjs-dist in the tests', () => {
  it('leaves Array.prototype.push, JSON.parse and JSON.stringify native, after reading a PDF too', async () => {
    const pdf = await getDocument({ data: new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'), isEvalSupported: false, verbosity: 0 }).promise
    expect(pdf.numPages).toBe(0)
    await pdf.destroy()
    expect([Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString].map(native)).toEqual([true, true, true, true])
  })

  it('is imported by no test module but through test/helpers/pdfjs.ts', () => {
    const modules = readdirSync(path.join(root, 'test'), { recursive: true, encoding: 'utf8' }).filter((file) => /\.(ts|mts|js|mjs)$/.test(file) && !file.startsWith('bench'))
    const direct = modules.filter((file) => file !== path.join('helpers', 'pdfjs.ts') && /from ['"]pdfjs-dist|import\(['"]pdfjs-dist/.test(readFileSync(path.join(root, 'test', file), 'utf8')))
    expect(direct).toEqual([])
  })
})
