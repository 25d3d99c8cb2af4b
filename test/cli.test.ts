import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cop29Declaration, cop29Letter } from '../src/content/index.js'
import { renderHtml } from '../src/render/html/index.js'
import { renderMarkdown } from '../src/render/markdown.js'
import { cli, cliInProcess, cliPath, root, type Result } from './cli-run.js'

const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version
// 2024-11-07T00:00:00Z, the letter's date.
const epoch = '1730937600'

const source = (name: string) => readFileSync(path.join(root, 'content', name), 'utf8')
let work: string

beforeAll(() => {
  if (!existsSync(cliPath)) throw new Error('dist/cli.js is missing: run `npm run build` first')
  work = mkdtempSync(path.join(tmpdir(), 'declaration-kit-cli-'))
  const files: Record<string, string> = {
    'declaration.en.md': source('declaration.en.md'),
    'letter.fr.md': source('letter.fr.md'),
    // Objective VIII removed: the cop29 profile has exactly 8.
    'seven.md': source('declaration.en.md').replace(/^- VIII\..*\n/m, ''),
    'badnum.md': source('declaration.en.md').replace('- III.', '- IX.'),
    'orphan.fr.md': source('letter.fr.md').replace('cop29-green-digital-action', 'unknown-declaration'),
    'empty.md': '',
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(work, name), text)
  writeFileSync(path.join(work, 'binary.md'), new Uint8Array([0, 1, 2, 98, 105, 110]))
  mkdirSync(path.join(work, 'folder.md'))
  for (const name of ['a', 'b']) {
    mkdirSync(path.join(work, name))
    writeFileSync(path.join(work, name, 'letter.fr.md'), files['letter.fr.md']!)
  }
})

afterAll(() => rmSync(work, { recursive: true, force: true }))

// What only a process shows runs the built CLI as one (`cli`): the bin entry's help and version, the exit codes
// Node ends with (0, 1, 2), the render of the bundled documents, an interrupted write. Usage errors, refusals
// and validation run the same built program in this process (`cliInProcess`), without starting Node and
// loading the bundle for each. The tests run side by side (vitest caps it at 5 at a time).
describe.concurrent('the declaration-kit CLI', () => {

  describe('declaration-kit (the program)', () => {
    it('prints its help with --help', async ({ expect }) => {
      const { code, stdout, stderr } = await cli(['--help'])
      expect([code, stderr]).toEqual([0, ''])
      expect(stdout).toMatchInlineSnapshot(`
        "Usage: declaration-kit <command> [options]

        Validate and render UN-style declarations and their covering letters.

        Commands:
          render        Render documents to Markdown, PDF, DOCX and HTML
          validate      Check documents and report every issue with its place
          diff          Compare two drafts clause by clause (report or Word redline)
          align         Pair each clause of a document with its translation
          export        Export a document as XLIFF 2.0 or 1.2 (translation) or Akoma Ntoso 3.0
          import-xliff  Rebuild a translated document from a translated XLIFF file
          status        Count translated, untranslated, stale and final units of an XLIFF file
          preview       Serve documents as web pages that reload when a file changes

        Options:
          -h, --help     Show this help
          -v, --version  Show the version

        Exit codes:
          0    success
          1    invalid input (each issue printed as file:line:column message) or a failed write
          2    usage error: unknown command or option, missing or bad value
          130  interrupted (Ctrl-C); no half-written file is left

        Environment:
          SOURCE_DATE_EPOCH  seconds since 1970: the creation date embedded in PDF and DOCX files
          NO_COLOR           not read: the output is plain text, never coloured
          DEBUG              when set, an unexpected error also prints its stack trace

        Run "declaration-kit <command> --help" for the options of a command.
        "
      `)
    })

    it('prints its help on stderr and exits 2 when no command is given', async ({ expect }) => {
      const { code, stdout, stderr } = await cli([])
      expect([code, stdout]).toEqual([2, ''])
      expect(stderr).toMatch(/^Usage: declaration-kit <command> \[options\]\n/)
    })

    it('prints the version of package.json with --version', async ({ expect }) => {
      expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
    })

    it('names the allowed commands and exits 2 on an unknown command', async ({ expect }) => {
      expect(await cliInProcess(['publish'])).toEqual({
        code: 2,
        stdout: '',
        stderr: 'unknown command "publish"; allowed commands: render, validate, diff, align, export, import-xliff, status, preview\nRun "declaration-kit --help" for usage.\n',
      })
    })

    it('names the allowed options and exits 2 on an unknown option before a command', async ({ expect }) => {
      const { code, stderr } = await cliInProcess(['--verbose'])
      expect(code).toBe(2)
      expect(stderr).toBe('unknown option --verbose; allowed options: --help, --version; commands: render, validate, diff, align, export, import-xliff, status, preview\nRun "declaration-kit --help" for usage.\n')
    })
  })

  describe('declaration-kit render (usage)', () => {
    it('prints its help with --help', async ({ expect }) => {
      const { code, stdout } = await cliInProcess(['render', '--help'])
      expect(code).toBe(0)
      expect(stdout).toMatchInlineSnapshot(`
        "Usage: declaration-kit render [FILES...] [options]

        Renders each document to every format asked for. With no FILES, renders the bundled documents.
        Each output is named after its source: content/letter.fr.md -> out/letter.fr.pdf. A letter's annexes
        are found by id among the FILES, then among the bundled documents.

        Options:
              --format LIST           Formats, comma-separated: md, pdf, docx, html (default: all)
              --out DIR               Folder to write into (default: out)
              --no-annex              Render a letter without its annexed declarations
              --page-size SIZE        Paper size of PDF and DOCX files: A4 or LETTER (default: the house style's)
              --house-style FILE      House style of PDF and DOCX files, as JSON (default: the ITU style, with letterhead and address footer)
              --allow-missing-glyphs  Print a character no font has as an empty box, with a warning, instead of failing
          -j, --jobs N                Documents rendered at once, on as many threads (default: the CPU cores, at most one per 4 files)
          -q, --quiet                 Do not list the written files or show progress
          -h, --help                  Show this help

        Examples:
          declaration-kit render
          declaration-kit render content/letter.fr.md --format pdf,docx --out build
          declaration-kit render my-draft.md --format md --no-annex
          declaration-kit render --house-style my-office.json
          declaration-kit render draft-1.md draft-2.md --format pdf --jobs 2 --out build

        Exit codes:
          0    success
          1    invalid input (each issue printed as file:line:column message) or a failed write
          2    usage error: unknown command or option, missing or bad value
          130  interrupted (Ctrl-C); no half-written file is left

        Environment:
          SOURCE_DATE_EPOCH  seconds since 1970: the creation date embedded in PDF and DOCX files
          NO_COLOR           not read: the output is plain text, never coloured
          DEBUG              when set, an unexpected error also prints its stack trace
        "
      `)
    })

    it.for([
      [['--colour'], 'render: unknown option --colour; allowed options: --format, --out, --no-annex, --page-size, --house-style, --allow-missing-glyphs, --jobs, --quiet, --help'],
      [['--out'], 'render: option --out needs a value (--out DIR)'],
      [['--out', '--quiet'], 'render: option --out needs a value (--out DIR)'],
      [['--quiet=yes'], 'render: option --quiet takes no value'],
      [['--format', 'md,odt'], 'render: unknown format "odt"; allowed formats: md, pdf, docx, html'],
      [['--format', ','], 'render: option --format needs at least one format: md, pdf, docx, html'],
      [['--page-size', 'A5'], 'render: unknown page size "A5"; allowed page sizes: A4, LETTER'],
    ] as [string[], string][])('exits 2 and says what is allowed for %j', async ([args, message], { expect }) => {
      expect(await cliInProcess(['render', ...args])).toEqual({ code: 2, stdout: '', stderr: `${message}\nRun "declaration-kit render --help" for usage.\n` })
    })
  })

  describe('declaration-kit render (the bundled documents, every format)', () => {
    let out: string
    let result: Result
    const file = (name: string) => readFileSync(path.join(out, name))

    beforeAll(async () => {
      out = path.join(work, 'all')
      result = await cli(['render', '--out', out], { env: { SOURCE_DATE_EPOCH: epoch } })
    })

    it('writes every format of both documents, named after their sources', ({ expect }) => {
      expect(result.code).toBe(0)
      expect(readdirSync(out).sort()).toEqual([
        'declaration.en.docx',
        'declaration.en.html',
        'declaration.en.md',
        'declaration.en.pdf',
        'letter.fr.docx',
        'letter.fr.html',
        'letter.fr.md',
        'letter.fr.pdf',
      ])
    })

    it('lists each written file on stderr with its size and render time', ({ expect }) => {
      const names = ['declaration.en.md', 'declaration.en.pdf', 'declaration.en.docx', 'declaration.en.html', 'letter.fr.md', 'letter.fr.pdf', 'letter.fr.docx', 'letter.fr.html']
      const lines = result.stderr.trimEnd().split('\n')
      expect(lines).toHaveLength(8)
      lines.forEach((line, index) => {
        const name = names[index]!
        const size = file(name).length
        const shown = size < 1000 ? `${size} B` : `${(size / 1000).toFixed(1)} kB`
        expect(line).toMatch(new RegExp(`^${path.join(out, name).replace(/[.\\]/g, '\\$&')} +${shown.replace('.', '\\.')}  \\d+ ms$`))
      })
      expect(result.stdout).toBe('')
    })

    it('writes the canonical Markdown of each document', ({ expect }) => {
      expect(file('declaration.en.md').toString('utf8')).toBe(renderMarkdown(cop29Declaration))
      expect(file('letter.fr.md').toString('utf8')).toBe(renderMarkdown(cop29Letter))
    })

    it('writes the HTML page of each document, the letter with its annexed declaration', ({ expect }) => {
      expect(file('declaration.en.html').toString('utf8')).toBe(renderHtml(cop29Declaration))
      expect(file('letter.fr.html').toString('utf8')).toBe(renderHtml(cop29Letter, { annexes: [cop29Declaration] }))
    })

    it('writes PDF files dated by SOURCE_DATE_EPOCH', ({ expect }) => {
      for (const name of ['declaration.en.pdf', 'letter.fr.pdf']) {
        const pdf = file(name).toString('latin1')
        expect(pdf.startsWith('%PDF-')).toBe(true)
        expect(pdf).toContain('(D:20241107000000Z)')
      }
    })

    it('writes DOCX files dated by SOURCE_DATE_EPOCH', ({ expect }) => {
      for (const name of ['declaration.en.docx', 'letter.fr.docx']) {
        const docx = file(name)
        expect(docx.subarray(0, 2).toString('latin1')).toBe('PK')
        const core = new TextDecoder().decode(unzipSync(docx)['docProps/core.xml'])
        expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-11-07T00:00:00Z</dcterms:created>')
      }
    })

    it('prints the letter on US Letter paper without its annex with --page-size LETTER --no-annex', async ({ expect }) => {
      const single = path.join(work, 'single')
      const { code, stderr } = await cliInProcess(['render', 'content/letter.fr.md', '--format', 'pdf', '--page-size', 'letter', '--no-annex', '--quiet', '--out', single])
      expect([code, stderr]).toEqual([0, ''])
      const pdf = readFileSync(path.join(single, 'letter.fr.pdf')).toString('latin1')
      const pages = (text: string) => text.match(/\/Type \/Page\b/g)?.length
      expect(pdf).toContain('/MediaBox [0 0 612 792]')
      expect(pages(pdf)).toBeLessThan(pages(file('letter.fr.pdf').toString('latin1'))!)
    })
  })

  describe('declaration-kit render (failures write nothing)', () => {
    it('writes nothing when one input is not a valid document', async ({ expect }) => {
      const out = path.join(work, 'invalid')
      expect(await cli(['render', 'declaration.en.md', 'seven.md', '--out', out], { cwd: work })).toEqual({
        code: 1,
        stdout: '',
        stderr: 'seven.md:30:1 objectives: the cop29 profile has exactly 8 objectives; found 7\n',
      })
      expect(existsSync(out)).toBe(false)
    })

    it('writes nothing when a letter points at an annex nobody supplied', async ({ expect }) => {
      const out = path.join(work, 'orphan')
      const { code, stderr } = await cliInProcess(['render', 'orphan.fr.md', '--format', 'md', '--out', out], { cwd: work })
      expect([code, stderr]).toEqual([1, 'orphan.fr.md:6:5 annex 1: document "unknown-declaration" is not among the input files or the bundled documents\n'])
      expect(existsSync(out)).toBe(false)
    })

    it('refuses to write over one of its input files', async ({ expect }) => {
      const before = readFileSync(path.join(work, 'letter.fr.md'), 'utf8')
      expect(await cliInProcess(['render', 'letter.fr.md', '--format', 'md', '--out', '.'], { cwd: work })).toEqual({
        code: 1,
        stdout: '',
        stderr: 'render: refusing to overwrite the input file letter.fr.md; choose another --out folder\n',
      })
      expect(readFileSync(path.join(work, 'letter.fr.md'), 'utf8')).toBe(before)
    })

    it('refuses two inputs that would write the same output', async ({ expect }) => {
      const { code, stderr } = await cliInProcess(['render', 'a/letter.fr.md', 'b/letter.fr.md', '--format', 'md', '--out', 'same'], { cwd: work })
      expect([code, stderr]).toEqual([1, 'render: a/letter.fr.md and b/letter.fr.md would both write same/letter.fr.md; render them separately\n'])
      expect(existsSync(path.join(work, 'same'))).toBe(false)
    })

    it('rejects a SOURCE_DATE_EPOCH that is not a number of seconds', async ({ expect }) => {
      const { code, stderr } = await cliInProcess(['render', '--format', 'md', '--out', path.join(work, 'epoch')], { env: { SOURCE_DATE_EPOCH: 'yesterday' } })
      expect([code, stderr]).toEqual([1, 'SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01T00:00:00Z, got "yesterday"\n'])
    })

    it('writes none of the outputs when one cannot be written, and leaves no temporary file', async ({ expect }) => {
      const out = path.join(work, 'blocked')
      mkdirSync(path.join(out, 'letter.fr.md'), { recursive: true })
      const { code, stderr } = await cliInProcess(['render', 'declaration.en.md', 'letter.fr.md', '--format', 'md', '--quiet', '--out', 'blocked'], { cwd: work })
      expect([code, stderr]).toEqual([1, 'refusing to write blocked/letter.fr.md: it is a folder; outputs are only written as regular files\n'])
      expect(readdirSync(out).sort()).toEqual(['letter.fr.md'])
    })

    it('leaves no temporary file when interrupted in the middle of writing', async ({ expect }) => {
      // A preload stalls the second rename, so the interrupt lands while a temporary file exists.
      const stall = path.join(work, 'stall-second-rename.mjs')
      writeFileSync(
        stall,
        `import fs from 'node:fs/promises'
  const rename = fs.rename
  let count = 0
  fs.rename = async (from, to) => {
    if (++count === 2) {
      process.stderr.write('stalled\\n')
      setInterval(() => {}, 1000)
      return new Promise(() => {})
    }
    return rename(from, to)
  }
  `,
      )
      const out = path.join(work, 'interrupted')
      const child = spawn(process.execPath, ['--import', stall, cliPath, 'render', 'declaration.en.md', 'letter.fr.md', '--format', 'md', '--out', out], { cwd: work })
      let stderr = ''
      const stalled = new Promise<void>((resolve) => child.stderr.on('data', (chunk: Buffer) => (stderr += chunk) && stderr.includes('stalled') && resolve()))
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
      await stalled
      expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toHaveLength(1)
      child.kill('SIGINT')
      expect(await exited).toBe(130)
      expect(readdirSync(out)).toEqual(['declaration.en.md'])
      expect(readFileSync(path.join(out, 'declaration.en.md'), 'utf8')).toBe(renderMarkdown(cop29Declaration))
    })
  })

  describe('declaration-kit validate', () => {
    it('prints its help with --help', async ({ expect }) => {
      const { code, stdout } = await cliInProcess(['validate', '--help'])
      expect(code).toBe(0)
      expect(stdout).toMatchInlineSnapshot(`
        "Usage: declaration-kit validate [FILES...] [options]

        Parses and validates each document (with no FILES, the bundled ones) and checks that every annex of a
        letter is found. Prints a one-line summary and exits 0 when all are valid; otherwise prints each issue
        as file:line:column message on stderr and exits 1.

        Options:
          -h, --help  Show this help

        Examples:
          declaration-kit validate
          declaration-kit validate content/declaration.en.md my-letter.fr.md

        Exit codes:
          0    every document is valid
          1    a document has issues (each printed as file:line:column message) or cannot be read
          2    usage error: unknown command or option, missing or bad value
          130  interrupted (Ctrl-C); no half-written file is left

        Environment:
          NO_COLOR  not read: the output is plain text, never coloured
          DEBUG     when set, an unexpected error also prints its stack trace
        "
      `)
    })

    it('validates the bundled documents by default and prints a one-line summary', async ({ expect }) => {
      expect(await cliInProcess(['validate'])).toEqual({
        code: 0,
        stdout: '2 documents valid: content/declaration.en.md (declaration), content/letter.fr.md (letter)\n',
        stderr: '',
      })
    })

    it("finds a lone letter's annex among the bundled documents", async ({ expect }) => {
      expect(await cliInProcess(['validate', 'letter.fr.md'], { cwd: work })).toEqual({ code: 0, stdout: '1 document valid: letter.fr.md (letter)\n', stderr: '' })
    })

    it('prints every issue of every file as file:line:column message and exits 1, without a stack trace', async ({ expect }) => {
      const files = ['seven.md', 'badnum.md', 'empty.md', 'binary.md', 'folder.md', 'missing.md', 'orphan.fr.md', 'declaration.en.md']
      expect(await cliInProcess(['validate', ...files], { cwd: work })).toEqual({
        code: 1,
        stdout: '',
        stderr: [
          'seven.md:30:1 objectives: the cop29 profile has exactly 8 objectives; found 7',
          'badnum.md:32:3 objective 3: expected the number "III." (objectives are numbered in order from I); found "IX."',
          'empty.md:1:1 file is empty; expected YAML front matter (type: declaration or type: letter) and the document text',
          'binary.md:1:1 file is not text (control character U+0000); expected a Markdown document',
          'folder.md: is a folder; expected a Markdown file',
          'missing.md: no such file',
          'orphan.fr.md:6:5 annex 1: document "unknown-declaration" is not among the input files or the bundled documents',
          '',
        ].join('\n'),
      })
    })
  })
})
