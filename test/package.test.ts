import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { publint } from 'publint'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { root, run, type Result } from './cli-run.js'

const attw = path.join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js')
const node = (args: string[], cwd: string) => run(process.execPath, args, { cwd })

let work: string
let tarball: string
let installed: string
let typesReport: Promise<Result>

/** The files of a fresh clone: tracked and new files, none ignored (no node_modules, no dist). */
async function cloneFiles(): Promise<string[]> {
  const listed = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root })
  if (listed.code !== 0) throw new Error(`git ls-files failed:\n${listed.stderr}`)
  return listed.stdout.split('\0').filter((file) => file !== '' && existsSync(path.join(root, file)))
}

// One pack and one install, shared by every test. The tarball is packed from a copy of the repository
// as a fresh clone has it (no dist/): npm's prepack hook must build what the package ships.
beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first')
  work = mkdtempSync(path.join(tmpdir(), 'declaration-kit-package-'))
  const clone = path.join(work, 'clone')
  for (const file of await cloneFiles()) cpSync(path.join(root, file), path.join(clone, file))
  expect(existsSync(path.join(clone, 'dist'))).toBe(false)
  // The build tools come from the repository's own install, as `npm ci` would have put them.
  symlinkSync(path.join(root, 'node_modules'), path.join(clone, 'node_modules'), 'dir')
  const packs = path.join(work, 'packs')
  mkdirSync(packs)
  const packed = await run('npm', ['pack', '--pack-destination', packs], { cwd: clone })
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stdout}\n${packed.stderr}`)
  tarball = path.join(packs, readdirSync(packs).find((file) => file.endsWith('.tgz'))!)
  // are-the-types-wrong needs the tarball only: it runs while npm installs the tarball.
  typesReport = node([attw, tarball, '--format', 'json'], work)
  installed = path.join(work, 'consumer')
  const manifest = JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' })
  mkdirSync(installed)
  writeFileSync(path.join(installed, 'package.json'), manifest)
  // The dependencies are in the npm cache after `npm ci`; on a fresh machine npm fetches what is missing.
  const install = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], { cwd: installed })
  if (install.code !== 0) throw new Error(`npm install of the tarball failed:\n${install.stderr}`)
}, 300_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe.concurrent('the packed package', () => {
  it('passes publint without errors or warnings', async ({ expect }) => {
    const { messages } = await publint({ pack: { tarball: new Uint8Array(readFileSync(tarball)).buffer }, level: 'warning' })
    expect(messages).toEqual([])
  })

  it('passes are-the-types-wrong in its strict profile: node10, node16 (ESM and CommonJS) and bundlers', async ({ expect }) => {
    const { code, stdout } = await typesReport
    const report = JSON.parse(stdout) as { analysis: { problems: unknown[] } }
    expect(report.analysis.problems).toEqual([])
    expect(code).toBe(0)
  }, 240_000)

  it('ships the built entries, the bundled content, the schemas and the README, and no sources or tests', async ({ expect }) => {
    const { stdout } = await run('tar', ['-tzf', tarball], { cwd: work })
    const files = stdout.trim().split('\n').map((file) => file.replace(/^package\//, ''))
    expect(files.filter((file) => !file.startsWith('dist/')).sort()).toEqual([
      'LICENSE',
      'README.md',
      'content/declaration.en.md',
      'content/letter.fr.md',
      'package.json',
      'schema/declaration.schema.json',
      'schema/letter.schema.json',
    ])
    expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/pdf.js', 'dist/docx.js', 'dist/html.js', 'dist/html.cjs', 'dist/cli.js']))
  })

  it('types nested inline content and blocks to any depth, for import and require', async ({ expect }) => {
    // Each wrong node sits four levels down: types unrolled to a fixed depth (with `any` below it) let them through.
    const program = (kind: string) => `${kind}
const ok: Inline = { type: 'emphasis', children: [{ type: 'strong', children: [{ type: 'superscript', children: [
  { type: 'link', url: 'https://example.org', children: [{ type: 'text', value: 'e' }] }] }] }] }
const inline: Inline = { type: 'emphasis', children: [{ type: 'strong', children: [{ type: 'superscript', children: [
  { type: 'link', url: 'https://example.org', children: [{ type: 'nonsense' }] }] }] }] }
const block: Block = { type: 'section', id: 's1', level: 2, heading: 'Part', body: [{ type: 'section', id: 's2', level: 3, heading: 'Sub', body: [
  { type: 'paragraph', id: 'p1', text: [], children: [{ type: 'bogus' }] }] }] }
const body: Block[] = Declaration.parse({}).body
export { block, body, inline, ok }
`
    const types = path.join(installed, 'types')
    mkdirSync(types)
    writeFileSync(path.join(types, 'esm.mts'), program("import { Declaration, type Block, type Inline } from 'declaration-kit'"))
    writeFileSync(path.join(types, 'cjs.cts'), program("import kit = require('declaration-kit')\nconst { Declaration } = kit\ntype Block = kit.Block\ntype Inline = kit.Inline"))
    const options = { strict: true, module: 'node16', moduleResolution: 'node16', noEmit: true, skipLibCheck: true, types: [] }
    writeFileSync(path.join(types, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['esm.mts', 'cjs.cts'] }))
    const { code, stdout } = await node([path.join(root, 'node_modules/typescript/bin/tsc'), '-p', types, '--pretty', 'false'], types)
    // Where the errors are and which (the messages list union members in an order TypeScript picks).
    expect(stdout.trim().split('\n').map((line) => line.replace(/^(\S+\(\d+,\d+\): error TS\d+).*/, '$1'))).toEqual([
      'cjs.cts(8,60): error TS2322',
      'cjs.cts(10,57): error TS2322',
      'esm.mts(5,60): error TS2322',
      'esm.mts(7,57): error TS2322',
    ])
    expect(stdout).toContain(`Type '"nonsense"' is not assignable to type`)
    expect(stdout).toContain(`Type '"bogus"' is not assignable to type`)
    expect(code).toBe(2)
  }, 120_000)

  it('can be imported as an ES module once installed', async ({ expect }) => {
    const script = "const kit = await import('declaration-kit'); console.log(kit.cop29Declaration.preamble.paragraphs.length, kit.cop29Declaration.body[0].items.length, typeof kit.renderMarkdown)"
    expect(await node(['--input-type=module', '-e', script], installed)).toEqual({ code: 0, stdout: '8 8 function\n', stderr: '' })
  })

  it('can be required as CommonJS once installed', async ({ expect }) => {
    const script = "const kit = require('declaration-kit'); console.log(kit.cop29Declaration.preamble.paragraphs.length, kit.cop29Declaration.body[0].items.length, typeof kit.renderMarkdown)"
    expect(await node(['--input-type=commonjs', '-e', script], installed)).toEqual({ code: 0, stdout: '8 8 function\n', stderr: '' })
  })

  it('gives the PDF and DOCX renderers through their subpaths, in both module systems', async ({ expect }) => {
    const esm = "const [pdf, docx] = await Promise.all([import('declaration-kit/pdf'), import('declaration-kit/docx')]); console.log(typeof pdf.renderPdf, typeof docx.renderDocx)"
    const cjs = "console.log(typeof require('declaration-kit/pdf').renderPdf, typeof require('declaration-kit/docx').renderDocx)"
    expect(await node(['--input-type=module', '-e', esm], installed)).toEqual({ code: 0, stdout: 'function function\n', stderr: '' })
    expect(await node(['--input-type=commonjs', '-e', cjs], installed)).toEqual({ code: 0, stdout: 'function function\n', stderr: '' })
  })

  it('gives the HTML renderer through its subpath, in both module systems', async ({ expect }) => {
    const render = (kit: string, html: string) => `console.log(${html}.renderHtml(${kit}.cop29Declaration).split('\\n')[1], typeof ${html}.renderDiffHtml)`
    const esm = `const [kit, html] = await Promise.all([import('declaration-kit'), import('declaration-kit/html')]); ${render('kit', 'html')}`
    const cjs = `const kit = require('declaration-kit'); const html = require('declaration-kit/html'); ${render('kit', 'html')}`
    expect(await node(['--input-type=module', '-e', esm], installed)).toEqual({ code: 0, stdout: '<html lang="en-GB"> function\n', stderr: '' })
    expect(await node(['--input-type=commonjs', '-e', cjs], installed)).toEqual({ code: 0, stdout: '<html lang="en-GB"> function\n', stderr: '' })
  })

  it('installs a working declaration-kit command that finds its bundled documents', async ({ expect }) => {
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }
    const bin = path.join(installed, 'node_modules/.bin/declaration-kit')
    expect(await run(bin, ['--version'], { cwd: installed })).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
    expect(await run(bin, ['validate'], { cwd: installed })).toEqual({
      code: 0,
      stdout:
        '2 documents valid: node_modules/declaration-kit/content/declaration.en.md (declaration), node_modules/declaration-kit/content/letter.fr.md (letter)\n',
      stderr: '',
    })
  })
})

/** The files an ES module entry of dist/ loads, following its relative static and dynamic imports. */
function moduleGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  const visit = (file: string) => {
    if (graph.has(file)) return
    const code = readFileSync(file, 'utf8')
    const specifiers = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map((match) => match[1]!)
    graph.set(file, specifiers)
    for (const specifier of specifiers) if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier))
  }
  visit(entry)
  return graph
}

describe('the HTML entry', () => {
  it('imports no Node built-in module, so it runs in a browser bundle', () => {
    const builtins = new Set(builtinModules)
    const bare = [...moduleGraph(path.join(root, 'dist/html.js')).values()].flat().filter((specifier) => !specifier.startsWith('.'))
    expect(bare.filter((specifier) => specifier.startsWith('node:') || builtins.has(specifier.split('/')[0]!))).toEqual([])
  })
})

describe('the core entry', () => {
  const bare = () => [...moduleGraph(path.join(root, 'dist/index.js')).values()].flat().filter((specifier) => !specifier.startsWith('.'))

  it('imports no Node built-in module, so it runs in a browser bundle', () => {
    const builtins = new Set(builtinModules)
    expect(bare().filter((specifier) => specifier.startsWith('node:') || builtins.has(specifier.split('/')[0]!))).toEqual([])
  })

  it('imports neither pdfkit nor docx, statically or dynamically', () => {
    expect(bare().filter((specifier) => /^(pdfkit|docx|@fontsource)(\/|$)/.test(specifier))).toEqual([])
  })

  it('loads neither pdfkit nor docx when imported or required', async () => {
    // A resolve hook refuses pdfkit and docx: the import fails if anything in the core reaches them.
    const hook = `data:text/javascript,${encodeURIComponent(
      "export async function resolve(specifier, context, next) { if (/^(pdfkit|docx)(\\/|$)/.test(specifier)) throw new Error('core loaded ' + specifier); return next(specifier, context) }",
    )}`
    const load = (entry: string) =>
      `import { register } from 'node:module'; register(${JSON.stringify(hook)}); const kit = await import(${JSON.stringify(path.join(root, entry))}); console.log(kit.cop29Letter?.id)`
    // The hook does refuse: the PDF entry cannot load under it.
    expect((await node(['--input-type=module', '-e', load('dist/pdf.js')], root)).stderr).toContain('core loaded pdfkit')
    const cjs = `require(${JSON.stringify(path.join(root, 'dist/index.cjs'))}); console.log(Object.keys(require.cache).filter((file) => /node_modules[\\\\/](pdfkit|docx)[\\\\/]/.test(file)).length)`
    expect(await node(['--input-type=module', '-e', load('dist/index.js')], root)).toEqual({ code: 0, stdout: 'cl-24-63\n', stderr: '' })
    expect(await node(['--input-type=commonjs', '-e', cjs], root)).toEqual({ code: 0, stdout: '0\n', stderr: '' })
  })
})
