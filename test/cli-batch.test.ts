import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { runCli } from '../src/cli/program.js'
import { cli, cliInProcess, cliPath, root } from './cli-run.js'

// 2024-11-07T00:00:00Z, the letter's date.
const env = { SOURCE_DATE_EPOCH: '1730937600' }
const seedling = '\u{1F331}'
let work: string

const source = (file: string) => readFileSync(path.join(root, file), 'utf8')
const listing = (folder: string) => readdirSync(path.join(work, folder)).sort()

// The line and column of the first occurrence of text in a file of the work folder.
function placeOf(file: string, text: string): string {
  const content = readFileSync(path.join(work, file), 'utf8')
  const before = content.slice(0, content.indexOf(text)).split('\n')
  return `${file}:${before.length}:${before.at(-1)!.length + 1}`
}

beforeAll(() => {
  if (!existsSync(cliPath)) throw new Error('dist/cli.js is missing: run `npm run build` first')
  work = mkdtempSync(path.join(tmpdir(), 'declaration-kit-batch-'))
  writeFileSync(path.join(work, 'declaration.en.md'), source('content/declaration.en.md'))
  writeFileSync(path.join(work, 'letter.fr.md'), source('content/letter.fr.md'))
  writeFileSync(path.join(work, 'udhr.fr.md'), source('test/fixtures/real/udhr.fr.md'))
  // A character that no bundled font has: the PDF refuses it.
  writeFileSync(path.join(work, 'seedling.en.md'), source('content/declaration.en.md').replace('Recognising', `Recognising ${seedling}`))
  writeFileSync(path.join(work, 'sprout.en.md'), source('test/fixtures/real/g20-bali.en.md').replace(/\bthe\b/, `the ${seedling}`))
})

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('declaration-kit render of many files', () => {
  it('renders them on worker threads to the same bytes as one run per file', async ({ expect }) => {
    const files = ['declaration.en.md', 'letter.fr.md', 'udhr.fr.md']
    const batch = await cli(['render', ...files, '--format', 'md,pdf,docx', '--jobs', '3', '--quiet', '--out', 'batch'], { cwd: work, env })
    expect(batch).toEqual({ code: 0, stdout: '', stderr: '' })
    for (const file of files) {
      // One run per file, of the built program in this process (the batch above is a process of the CLI).
      const one = await cliInProcess(['render', file, '--format', 'md,pdf,docx', '--jobs', '1', '--quiet', '--out', 'single'], { cwd: work, env })
      expect(one).toEqual({ code: 0, stdout: '', stderr: '' })
    }
    const names = files.flatMap((file) => ['.md', '.pdf', '.docx'].map((extension) => file.replace(/\.md$/, extension))).sort()
    expect(listing('batch')).toEqual(names)
    expect(listing('single')).toEqual(names)
    for (const name of names) expect(readFileSync(path.join(work, 'batch', name)).equals(readFileSync(path.join(work, 'single', name))), name).toBe(true)
  }, 240_000)

  it('reports every file that cannot be rendered with its place, writes nothing and exits 1', async ({ expect }) => {
    const { code, stdout, stderr } = await cli(['render', 'seedling.en.md', 'declaration.en.md', 'sprout.en.md', '--format', 'md,pdf', '--jobs', '2', '--out', 'failed'], { cwd: work })
    const message = `character "${seedling}" (U+1F331) is in none of the document's fonts and would print as an empty box`
    expect({ code, stdout, stderr }).toEqual({
      code: 1,
      stdout: '',
      stderr: `${placeOf('seedling.en.md', seedling)} ${message}\n${placeOf('sprout.en.md', seedling)} ${message}\n`,
    })
    expect(existsSync(path.join(work, 'failed'))).toBe(false)
  }, 240_000)

  it('refuses a number of jobs that is not a whole number of at least 1', async ({ expect }) => {
    for (const jobs of ['0', 'two', '1.5']) {
      expect(await cliInProcess(['render', 'declaration.en.md', '--jobs', jobs], { cwd: work })).toEqual({
        code: 2,
        stdout: '',
        stderr: `render: --jobs must be a whole number of at least 1, not "${jobs}"\nRun "declaration-kit render --help" for usage.\n`,
      })
    }
  })

  it('shows a progress line on a terminal, cleared before the list of files, and none with --quiet', async ({ expect }) => {
    const run = async (args: string[], stderrIsTerminal: boolean) => {
      let stderr = ''
      const code = await runCli(['render', 'declaration.en.md', 'udhr.fr.md', '--format', 'md', ...args], { stdout: () => {}, stderr: (text) => (stderr += text), stderrIsTerminal, env: {}, cwd: work })
      return { code, stderr }
    }
    const shown = await run(['--out', 'progress'], true)
    expect(shown.code).toBe(0)
    expect(shown.stderr).toMatch(
      /^\rrendered 1\/2 files, \d+\.\d s\x1b\[K\rrendered 2\/2 files, \d+\.\d s\x1b\[K\r\x1b\[Kprogress\/declaration\.en\.md +\S+ k?B +\d+ ms\nprogress\/udhr\.fr\.md +\S+ k?B +\d+ ms\n$/,
    )
    expect(await run(['--out', 'progress', '--quiet'], true)).toEqual({ code: 0, stderr: '' })
    const piped = await run(['--out', 'progress'], false)
    expect(piped.stderr).toMatch(/^progress\/declaration\.en\.md +\S+ k?B +\d+ ms\nprogress\/udhr\.fr\.md +\S+ k?B +\d+ ms\n$/)
  })
})
