import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cop29DeclarationSource, cop29LetterSource } from '../src/content/index.js'
import { runCli } from '../src/cli/program.js'
import { writeAtomically } from '../src/cli/write.js'

let work: string
let socket: Server

// Runs the CLI in this process, as the entry point does, in the work folder.
async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env, cwd: work })
  return { code, stdout, stderr }
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'declaration-kit-hostile-'))
  writeFileSync(path.join(work, 'declaration.en.md'), cop29DeclarationSource)
  writeFileSync(path.join(work, 'letter.fr.md'), cop29LetterSource)
  writeFileSync(path.join(work, 'blocker'), 'a file where a folder should be')
  execFileSync('mkfifo', [path.join(work, 'fifo')])
  socket = createServer()
  await new Promise<void>((resolve) => socket.listen(path.join(work, 'socket'), resolve))
})

afterAll(async () => {
  await new Promise((resolve) => socket.close(resolve))
  rmSync(work, { recursive: true, force: true })
})

describe('outputs are only ever regular files', () => {
  it.each([
    ['a character device', '/dev/null', 'it is under /dev, a system folder; outputs are regular files in a document folder'],
    ['a file under /proc', '/proc/self/comm', 'it is under /proc, a system folder; outputs are regular files in a document folder'],
    ['a named pipe', 'fifo', 'it is a named pipe (FIFO); outputs are only written as regular files'],
    ['a socket', 'socket', 'it is a socket; outputs are only written as regular files'],
  ])('export --out refuses %s', async (_, out, reason) => {
    const shown = path.isAbsolute(out) ? out : out
    expect(await cli(['export', '--format', 'akn', 'letter.fr.md', '--out', out, '--quiet'])).toEqual({ code: 1, stdout: '', stderr: `refusing to write ${shown}: ${reason}\n` })
  })

  it('render --out refuses a device as its folder and writes nothing', async () => {
    const result = await cli(['render', 'declaration.en.md', '--format', 'md', '--out', '/dev/null'])
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'refusing to write /dev/null/declaration.en.md: it is under /dev, a system folder; outputs are regular files in a document folder\n' })
  })

  it('render refuses an output that is a folder before writing any other', async () => {
    const out = path.join(work, 'partly')
    execFileSync('mkdir', ['-p', path.join(out, 'declaration.en.pdf')])
    const result = await cli(['render', 'declaration.en.md', '--format', 'md,pdf', '--out', 'partly'])
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'refusing to write partly/declaration.en.pdf: it is a folder; outputs are only written as regular files\n' })
    expect(readdirSync(out)).toEqual(['declaration.en.pdf'])
  })

  it('writes all outputs or none: a failure on a later one leaves no earlier one and no temporary file', async () => {
    const out = path.join(work, 'all-or-none')
    const outputs = [
      { path: path.join(out, 'a.md'), name: 'a.md', bytes: new TextEncoder().encode('a') },
      { path: path.join(work, 'blocker', 'b.md'), name: 'blocker/b.md', bytes: new TextEncoder().encode('b') },
    ]
    await expect(writeAtomically(outputs)).rejects.toThrow('cannot write blocker/b.md: a file is in the way of its folder')
    expect(readdirSync(out)).toEqual([])
    expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('leaves a complete set from one run when two runs write into one folder at once', async () => {
    const other = cop29DeclarationSource.replace('COP29 Declaration on Green Digital Action', 'Another Declaration')
    execFileSync('mkdir', ['-p', path.join(work, 'v2')])
    writeFileSync(path.join(work, 'v2', 'declaration.en.md'), other)
    const runs = await Promise.all([
      cli(['render', 'declaration.en.md', '--format', 'md,docx', '--out', 'shared', '--quiet']),
      cli(['render', 'v2/declaration.en.md', '--format', 'md,docx', '--out', 'shared', '--quiet']),
    ])
    expect(runs.map((run) => run.code)).toEqual([0, 0])
    const markdown = readFileSync(path.join(work, 'shared', 'declaration.en.md'), 'utf8')
    const core = strFromU8(unzipSync(readFileSync(path.join(work, 'shared', 'declaration.en.docx')))['docProps/core.xml']!)
    const fromOther = markdown.includes('Another Declaration')
    // The DOCX's core title is the document's title: both files come from the same run.
    expect(core).toContain(`<dc:title>${fromOther ? 'Another Declaration' : 'COP29 Declaration on Green Digital Action'}</dc:title>`)
    expect(readdirSync(path.join(work, 'shared')).sort()).toEqual(['declaration.en.docx', 'declaration.en.md'])
  })
})

describe('import-xliff', () => {
  it('refuses to overwrite the XLIFF it reads', async () => {
    expect((await cli(['export', '--format', 'xliff', '--target-lang', 'fr', 'declaration.en.md', '--out', 'fr.xlf', '--quiet'])).code).toBe(0)
    const before = readFileSync(path.join(work, 'fr.xlf'), 'utf8')
    expect(await cli(['import-xliff', 'fr.xlf', '--source', 'declaration.en.md', '--out', 'fr.xlf'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'import-xliff: refusing to overwrite the input file fr.xlf; choose another --out file\n',
    })
    expect(readFileSync(path.join(work, 'fr.xlf'), 'utf8')).toBe(before)
  })

  it('refuses a translation whose Markdown would read back as another document', async () => {
    const xliff = readFileSync(path.join(work, 'fr.xlf'), 'utf8').replace(/(<source>([\s\S]*?)<\/source>)/g, '$1<target>$2</target>')
    // A line break then a list marker in the formula would be read back as a list.
    const broken = xliff.replace(/(<unit id="formula">[\s\S]*?<target>)[\s\S]*?(<\/target>)/, '$1We\n- commit:$2')
    writeFileSync(path.join(work, 'broken.xlf'), broken)
    const result = await cli(['import-xliff', 'broken.xlf', '--source', 'declaration.en.md'])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      'import-xliff: the translated document would not read back from its Markdown (preamble: the cop29 profile opens with a formula ("We, …;") before the preambular paragraphs); check the targets for Markdown syntax\n',
    )
  })
})

describe('inputs and the environment', () => {
  it('refuses an input larger than the limit, naming how to raise it', async () => {
    expect(await cli(['validate', 'declaration.en.md'], { DECLARATION_KIT_MAX_INPUT: '5kB' })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'declaration.en.md: larger than the input limit of 5 kB; set DECLARATION_KIT_MAX_INPUT (e.g. DECLARATION_KIT_MAX_INPUT=20MB) to raise it\n',
    })
    expect((await cli(['validate', 'declaration.en.md'], { DECLARATION_KIT_MAX_INPUT: '20MB' })).code).toBe(0)
  })

  it('reads no more than the limit of an endless input such as /dev/zero', async () => {
    const started = performance.now()
    expect(await cli(['validate', '/dev/zero'])).toEqual({
      code: 1,
      stdout: '',
      stderr: '/dev/zero: larger than the input limit of 4 MB; set DECLARATION_KIT_MAX_INPUT (e.g. DECLARATION_KIT_MAX_INPUT=20MB) to raise it\n',
    })
    expect(performance.now() - started).toBeLessThan(5000)
  })

  it.each([
    ['253402300800', 'SOURCE_DATE_EPOCH must be between 0 and 253402300799 (9999-12-31T23:59:59Z), got "253402300800"\n'],
    ['8640000000001', 'SOURCE_DATE_EPOCH must be between 0 and 253402300799 (9999-12-31T23:59:59Z), got "8640000000001"\n'],
  ])('refuses SOURCE_DATE_EPOCH=%s past year 9999 before any work', async (epoch, message) => {
    expect(await cli(['render', 'declaration.en.md', '--format', 'docx', '--out', 'epoch'], { SOURCE_DATE_EPOCH: epoch })).toEqual({ code: 1, stdout: '', stderr: message })
    expect(existsSync(path.join(work, 'epoch'))).toBe(false)
  })

  it('accepts SOURCE_DATE_EPOCH=0 and the last second of year 9999', async () => {
    for (const epoch of ['0', '253402300799']) {
      expect((await cli(['render', 'declaration.en.md', '--format', 'docx', '--out', `epoch-${epoch}`, '--quiet'], { SOURCE_DATE_EPOCH: epoch })).code).toBe(0)
    }
  })
})
