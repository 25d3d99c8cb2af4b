import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliPath, root, run } from './cli-run.js'

// Node 22 and 24 come from the npm registry's `node` package (npx caches them after the first run).
const versions = ['22', '24'] as const
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }

let work: string
const binaries = new Map<string, string>()
const renders = new Map<string, Record<string, string>>()

/** The sha256 of every file `render` wrote, by file name. */
function digests(folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(folder).sort().map((name) => [name, createHash('sha256').update(readFileSync(path.join(folder, name))).digest('hex')]))
}

async function renderWith(node: string, name: string): Promise<Record<string, string>> {
  const out = path.join(work, name)
  const result = await run(node, [cliPath, 'render', '--quiet', '--out', out], { env: { SOURCE_DATE_EPOCH: '1700000000' } })
  if (result.code !== 0) throw new Error(`render under ${name} failed:\n${result.stderr}`)
  return digests(out)
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'declaration-kit-node-'))
  await Promise.all(
    versions.map(async (major) => {
      const found = await run('npx', ['-y', `node@${major}`, '-e', 'console.log(process.execPath)'], { cwd: work })
      if (found.code !== 0) throw new Error(`npx -y node@${major} failed:\n${found.stderr}`)
      binaries.set(major, found.stdout.trim())
    }),
  )
  // One render at a time: the machine's cores are shared with the rest of the suite.
  renders.set('this', await renderWith(process.execPath, 'this'))
  for (const major of versions) renders.set(major, await renderWith(binaries.get(major)!, major))
}, 300_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('the CLI under Node 22 and 24', () => {
  it.each(versions)('runs under Node %s from the npm registry', async (major) => {
    const node = binaries.get(major)!
    expect((await run(node, ['-p', 'process.versions.node.split(".")[0]'])).stdout).toBe(`${major}\n`)
    expect(await run(node, [cliPath, '--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
  })

  it(`writes the same eight files under Node ${process.versions.node}, 22 and 24, byte for byte`, () => {
    const here = renders.get('this')!
    expect(Object.keys(here)).toEqual([
      'declaration.en.docx',
      'declaration.en.html',
      'declaration.en.md',
      'declaration.en.pdf',
      'letter.fr.docx',
      'letter.fr.html',
      'letter.fr.md',
      'letter.fr.pdf',
    ])
    expect(renders.get('22')).toEqual(here)
    expect(renders.get('24')).toEqual(here)
  })
})
