// Every example a newcomer may copy runs as written: each TypeScript block of README.md is
// type-checked against the built package and run; each CLI command of the README and of every
// command's --help runs in a fresh temporary folder (through the built CLI's program) and exits as documented.
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { cop29Declaration } from '../src/content/index.js'
import { fromXliff, toXliff } from '../src/interchange/index.js'
import { renderMarkdown } from '../src/render/markdown.js'
import { cliInProcess, cliPath, root, run, type Result } from './cli-run.js'
import { fillTargets } from './helpers/interchange.js'
import { commandExamples, readmeBlocks, readmeCommands, type Block } from './helpers/readme.js'
import type { SampleResult } from './helpers/readme-samples.js'

const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
const blocks = readmeBlocks(readme)
const code = blocks.filter((block) => ['ts', 'typescript', 'js', 'javascript'].includes(block.lang))
const checked = code.filter((block) => !block.fragment)

// Commands documented to fail, with the exit code the README gives them.
const documentedExit: Record<string, number> = {
  'declaration-kit validate draft.md': 1,
}

let work: string
let project: string
let diagnostics: string
const sampleResults = new Map<string, SampleResult>()

const blockFile = (block: Block) => `readme-${block.line}.${block.lang.startsWith('t') ? 'ts' : 'mjs'}`

beforeAll(async () => {
  if (!existsSync(cliPath)) throw new Error('dist/ is missing: run `npm run build` first')
  work = mkdtempSync(path.join(tmpdir(), 'declaration-kit-readme-'))
  // A user's project: the package installed under its own name (a link to this repository, as
  // `npm install ../declaration-kit` makes), TypeScript's Node types and tsx to run the samples.
  project = path.join(work, 'project')
  mkdirSync(path.join(project, 'node_modules'), { recursive: true })
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ type: 'module', private: true, dependencies: { 'declaration-kit': `file:${root}` } }))
  symlinkSync(root, path.join(project, 'node_modules/declaration-kit'), 'dir')
  for (const name of ['@types', 'tsx', 'typescript']) symlinkSync(path.join(root, 'node_modules', name), path.join(project, 'node_modules', name), 'dir')
  const compilerOptions = { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', moduleDetection: 'force', types: ['node'], skipLibCheck: true, noEmit: true, allowJs: true, checkJs: true }
  writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['readme-*'] }))
  for (const block of checked) writeFileSync(path.join(project, blockFile(block)), block.text)
  // One tsc program checks every sample; one tsx process runs them one after another, each with its own
  // exit code and output (test/helpers/readme-samples.ts): loading the package through tsx's hooks once
  // instead of once per sample.
  const resultsFile = path.join(work, 'samples.json')
  const runner = path.join(root, 'test/helpers/readme-samples.ts')
  const [tsc, samples] = await Promise.all([
    run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', project, '--pretty', 'false'], { cwd: project }),
    run(process.execPath, ['--import', 'tsx', runner, resultsFile, ...checked.map(blockFile)], { cwd: project }),
  ])
  diagnostics = tsc.stdout + tsc.stderr
  if (samples.code !== 0 || !existsSync(resultsFile)) throw new Error(`the README samples' runner failed (exit code ${samples.code}):\n${samples.stdout}${samples.stderr}`)
  for (const result of JSON.parse(readFileSync(resultsFile, 'utf8')) as SampleResult[]) sampleResults.set(result.file, result)
}, 300_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

// The files the examples name, in a fresh folder each: the bundled documents under content/, two
// drafts, a letter, a declaration with its French XLIFF and translation, and the README's own files
// (a block after `<!-- file: name -->`).
function workspace(): string {
  const folder = mkdtempSync(path.join(work, 'cli-'))
  cpSync(path.join(root, 'content'), path.join(folder, 'content'), { recursive: true })
  files ??= workspaceFiles()
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text)
  return folder
}

// The workspace's files, made once (the XLIFF round trip and the Markdown take longer than the copying).
let files: Record<string, string> | undefined
function workspaceFiles(): Record<string, string> {
  const declaration = readFileSync(path.join(root, 'content/declaration.en.md'), 'utf8')
  const letter = readFileSync(path.join(root, 'content/letter.fr.md'), 'utf8')
  const draft2 = readFileSync(path.join(root, 'test/fixtures/diff/declaration.draft-2.en.md'), 'utf8')
  const translated = fillTargets(toXliff(cop29Declaration, { targetLanguage: 'fr' }))
  const files: Record<string, string> = {
    'draft-1.md': declaration,
    'draft-2.md': draft2,
    'draft.md': invalidDraft(declaration),
    'my-draft.md': draft2,
    'my-letter.fr.md': letter,
    'declaration.en.md': declaration,
    'declaration.fr.xlf': translated,
    'declaration.fr.old.xlf': translated,
    'declaration.fr.md': renderMarkdown(fromXliff(translated, cop29Declaration)),
    // The help's house-style example: an office's own letterhead on the default style.
    'my-office.json': `${JSON.stringify({ letterhead: { lines: ['Ministry of Digital Development'] } })}\n`,
  }
  for (const block of blocks) if (block.file) files[block.file] = block.text
  return files
}

// The README's invalid draft: the bundled declaration with a ninth objective.
function invalidDraft(declaration: string): string {
  const lines = declaration.split('\n')
  const last = lines.findLastIndex((line) => line.startsWith('- VIII. '))
  lines.splice(last + 1, 0, '- IX. **Open Water Data:** Publish river and rainfall data openly.')
  return lines.join('\n')
}

// A command line that both the README and a --help text show (with or without `npx`) runs once, in
// its fresh folder: the tests of both check that one result (the output depends only on the input files
// and the arguments).
const runs = new Map<string, Promise<Result>>()
function runCommand(command: string): Promise<Result> {
  const key = command.replace(/(^|\s)npx\s+(?=declaration-kit)/, '$1')
  if (!runs.has(key)) runs.set(key, runCommandAfresh(command))
  return runs.get(key)!
}

// Runs one documented command line (`SOURCE_DATE_EPOCH=… declaration-kit render`) in a fresh folder.
async function runCommandAfresh(command: string): Promise<Result> {
  const words = command.split(/\s+/).filter(Boolean)
  const env: Record<string, string> = {}
  while (/^[A-Z_]+=/.test(words[0]!)) {
    const [name, value] = words.shift()!.split('=')
    env[name!] = value!
  }
  if (words[0] === 'npx') words.shift()
  if (words.shift() !== 'declaration-kit') throw new Error(`not a declaration-kit command: ${command}`)
  if (words[0] === 'preview' && !words.includes('--help')) return preview(words, workspace(), env)
  // The built program in this process: the CLI as a process is tested in cli.test.ts and cli-hostile.test.ts.
  return cliInProcess(words, { cwd: workspace(), env })
}

// `preview` serves until Ctrl-C: it runs until it prints its address, the page is fetched, then SIGINT stops it.
function preview(args: string[], cwd: string, env: Record<string, string>): Promise<Result & { page: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd, env: { ...process.env, ...env } })
    let stdout = ''
    let stderr = ''
    let page = 0
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.stdout.on('data', async (chunk: Buffer) => {
      stdout += chunk.toString()
      const address = /at (http:\/\/127\.0\.0\.1:\d+\/) /.exec(stdout)?.[1]
      if (!address || page) return
      page = -1
      page = (await fetch(address).catch(reject))?.status ?? 0
      child.kill('SIGINT')
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code: code ?? 1, stdout, stderr, page })
    })
  })
}

describe('README.md', () => {
  it('has TypeScript samples, CLI examples and no unnamed fragment', ({ expect }) => {
    expect(checked.length).toBeGreaterThanOrEqual(8)
    expect(readmeCommands(readme).length).toBeGreaterThanOrEqual(10)
    for (const block of code) if (block.fragment !== undefined) expect(block.fragment, `README.md:${block.line}`).toMatch(/^[a-z0-9-]+$/)
  })

  describe.concurrent('every TypeScript sample type-checks against the built package and runs', () => {
    it.for(checked.map((block) => [`README.md:${block.line}`, block] as const))('%s', { timeout: 120_000 }, async ([, block], { expect }) => {
      const file = blockFile(block)
      expect(diagnostics.split('\n').filter((line) => line.startsWith(file))).toEqual([])
      const result = sampleResults.get(file)!
      expect(result.stderr).not.toMatch(/^\s+at /m)
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' })
    })
  })

  describe.concurrent('every CLI example runs in a fresh folder and exits as documented', () => {
    it.for(readmeCommands(readme).map((example) => [`README.md:${example.line} ${example.command}`, example] as const))('%s', { timeout: 120_000 }, async ([, example], { expect }) => {
      const result = await runCommand(example.command)
      expect(result.stderr).not.toMatch(/^\s+at /m)
      expect(result.code, result.stderr).toBe(documentedExit[example.command] ?? 0)
      if (example.output !== undefined) expect(result.stdout + result.stderr).toBe(example.output)
    })
  })
})

// The help texts as the built CLI's program prints them (read once, when the tests are collected).
async function helpOf(...args: string[]): Promise<string> {
  if (!existsSync(cliPath)) return ''
  const { code, stdout, stderr } = await cliInProcess([...args, '--help'])
  if (code !== 0) throw new Error(`declaration-kit ${[...args, '--help'].join(' ')} exited with ${code}:\n${stderr}`)
  return stdout
}
const names = ((await helpOf()).split('Commands:\n')[1] ?? '').split('\n\n')[0]!.split('\n').filter(Boolean).map((line) => line.trim().split(/\s+/)[0]!)
const examples = (await Promise.all(names.map((name) => helpOf(name)))).flatMap((help) => commandExamples(help))

describe.concurrent('every example of every command\'s --help runs in a fresh folder and exits 0', () => {
  it('every command has examples', ({ expect }) => {
    expect(names).toEqual(['render', 'validate', 'diff', 'align', 'export', 'import-xliff', 'status', 'preview'])
    expect(new Set(examples.map((example) => example.split(' ')[1]))).toEqual(new Set(names))
  })

  it.for(examples)('%s', { timeout: 120_000 }, async (example, { expect }) => {
    const result = await runCommand(example)
    expect(result.stderr).not.toMatch(/^\s+at /m)
    expect(result.code, result.stderr).toBe(0)
  })
})
