import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { cop29Declaration } from '../src/content/index.js'
import { alignDocuments, diffDocuments, diffToJson, renderAlignmentMarkdown, renderDiffMarkdown } from '../src/diff/index.js'
import { parseDocument } from '../src/parse/index.js'
import { renderDiffHtml } from '../src/render/html/index.js'
import { cliInProcess, cliPath, root } from './cli-run.js'

const draft = 'test/fixtures/diff/declaration.draft-2.en.md'
const declaration = 'content/declaration.en.md'
const draftDocument = parseDocument(readFileSync(path.join(root, draft)), { file: draft })
let work: string

beforeAll(() => {
  if (!existsSync(cliPath)) throw new Error('dist/cli.js is missing: run `npm run build` first')
  work = mkdtempSync(path.join(tmpdir(), 'declaration-kit-compare-'))
})

afterAll(() => rmSync(work, { recursive: true, force: true }))

const documentXml = (file: string) => new TextDecoder().decode(unzipSync(readFileSync(file))['word/document.xml'])

describe.concurrent('declaration-kit diff', () => {
  it('prints its help with --help', async ({ expect }) => {
    const { code, stdout } = await cliInProcess(['diff', '--help'])
    expect(code).toBe(0)
    expect(stdout).toMatchInlineSnapshot(`
      "Usage: declaration-kit diff OLD.md NEW.md [options]

      Matches the clauses of two drafts of one document and shows what was added, removed, moved or
      reworded, word by word. Writes a Markdown report (on stdout unless --out), an HTML page, JSON, or a
      Word redline with tracked changes. Exits 0 whether or not the drafts differ, 1 when one cannot be read.

      The redline looks like the new draft as \`render --format docx\` writes it (house style, styles, lists,
      page), with each reworded stretch of a clause as one deletion and one insertion. Its changes are signed
      --author (default "Reviewer") and dated --date, else SOURCE_DATE_EPOCH, else the new letter's date, else now.

      Options:
            --format FORMAT     md, html, json or docx (default: md)
            --out FILE          File to write (default: standard output; required for docx)
            --author NAME       Author of the tracked changes (docx; default: Reviewer)
            --date ISO          Date of the tracked changes, 2024-11-07 or 2024-11-07T09:30:00Z (docx)
            --house-style FILE  House style of the redline, as render takes it (docx; default: the ITU style)
        -q, --quiet             Do not report the written file
        -h, --help              Show this help

      Examples:
        declaration-kit diff draft-1.md draft-2.md
        declaration-kit diff draft-1.md draft-2.md --format html --out changes.html
        declaration-kit diff draft-1.md draft-2.md --format docx --out redline.docx --author Secretariat --date 2024-11-07

      Exit codes:
        0    success, whether or not the drafts differ
        1    a draft cannot be read, or the two are of different types
        2    usage error: unknown command or option, missing or bad value
        130  interrupted (Ctrl-C); no half-written file is left

      Environment:
        SOURCE_DATE_EPOCH  seconds since 1970: the creation date embedded in PDF and DOCX files
        NO_COLOR           not read: the output is plain text, never coloured
        DEBUG              when set, an unexpected error also prints its stack trace
      "
    `)
  })

  it('prints the Markdown report of the two drafts on stdout and exits 0', async ({ expect }) => {
    expect(await cliInProcess(['diff', declaration, draft])).toEqual({ code: 0, stdout: renderDiffMarkdown(diffDocuments(cop29Declaration, draftDocument)), stderr: '' })
  })

  it('exits 0 too when the drafts are the same', async ({ expect }) => {
    const { code, stdout } = await cliInProcess(['diff', declaration, declaration])
    expect(code).toBe(0)
    expect(stdout).toBe(renderDiffMarkdown(diffDocuments(cop29Declaration, cop29Declaration)))
    expect(stdout).toContain('0 added, 0 removed, 0 modified, 0 moved, 25 unchanged.')
  })

  it('prints the HTML page of the report with --format html', async ({ expect }) => {
    expect(await cliInProcess(['diff', declaration, draft, '--format', 'html'])).toEqual({ code: 0, stdout: renderDiffHtml(diffDocuments(cop29Declaration, draftDocument)), stderr: '' })
  })

  it('prints the JSON report with --format json', async ({ expect }) => {
    expect(await cliInProcess(['diff', declaration, draft, '--format', 'json'])).toEqual({ code: 0, stdout: diffToJson(diffDocuments(cop29Declaration, draftDocument)), stderr: '' })
  })

  it('writes a Word redline with tracked changes dated by SOURCE_DATE_EPOCH', async ({ expect }) => {
    const out = path.join(work, 'redline.docx')
    const { code, stdout, stderr } = await cliInProcess(['diff', declaration, draft, '--format', 'docx', '--out', out], { env: { SOURCE_DATE_EPOCH: '1730937600' } })
    expect([code, stdout]).toEqual([0, ''])
    expect(stderr).toMatch(new RegExp(`^${out.replace(/[.\\]/g, '\\$&')}  \\d+\\.\\d kB  \\d+ ms\\n$`))
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK')
    const xml = documentXml(out)
    expect(xml).toContain('<w:ins ')
    expect(xml).toContain('<w:del ')
    expect([...new Set(xml.match(/w:author="[^"]*" w:date="[^"]*"/g))]).toEqual(['w:author="Reviewer" w:date="2024-11-07T00:00:00Z"'])
  })

  it('signs and dates the redline\'s changes with --author and --date, over SOURCE_DATE_EPOCH', async ({ expect }) => {
    const out = path.join(work, 'redline-signed.docx')
    const args = ['diff', declaration, draft, '--format', 'docx', '--out', out, '-q', '--author', 'Document team', '--date', '2024-11-10T09:30+01:00']
    expect(await cliInProcess(args, { env: { SOURCE_DATE_EPOCH: '1730937600' } })).toEqual({ code: 0, stdout: '', stderr: '' })
    const xml = documentXml(out)
    expect([...new Set(xml.match(/w:author="[^"]*" w:date="[^"]*"/g))]).toEqual(['w:author="Document team" w:date="2024-11-10T08:30:00Z"'])
    expect(new TextDecoder().decode(unzipSync(readFileSync(out))['docProps/core.xml'])).toContain('<dc:creator>Document team</dc:creator>')
  })

  // Two commands that each embed the house style's faces: slow on a busy machine.
  it('sets the redline of a letter in the house style, letterhead, lists and footers of the rendered letter', { timeout: 120_000 }, async ({ expect }) => {
    const letter = 'content/letter.fr.md'
    const out = path.join(work, 'letter-redline.docx')
    const folder = path.join(work, 'letter-rendered')
    const env = { SOURCE_DATE_EPOCH: '1730937600' }
    expect(await cliInProcess(['diff', letter, letter, '--format', 'docx', '--out', out, '-q'], { env })).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(await cliInProcess(['render', letter, '--format', 'docx', '--out', folder, '-q', '--no-annex'], { env })).toEqual({ code: 0, stdout: '', stderr: '' })
    const [redline, rendered] = [out, path.join(folder, 'letter.fr.docx')].map((file) => unzipSync(readFileSync(file)))
    const shared = ['word/styles.xml', 'word/numbering.xml', 'word/header1.xml', 'word/header2.xml', 'word/footer1.xml', 'word/footer2.xml', 'word/fontTable.xml']
    for (const part of shared) expect(redline![part], part).toEqual(rendered![part])
    expect(new TextDecoder().decode(redline!['word/header2.xml'])).toContain('Union internationale des télécommunications')
  })

  it('dates the changes between two declarations now when neither --date nor SOURCE_DATE_EPOCH is given', async ({ expect }) => {
    const out = path.join(work, 'redline-now.docx')
    const before = Math.floor(Date.now() / 1000) * 1000
    expect(await cliInProcess(['diff', declaration, draft, '--format', 'docx', '--out', out, '-q'], { env: { SOURCE_DATE_EPOCH: '' } })).toEqual({ code: 0, stdout: '', stderr: '' })
    const dates = [...new Set(documentXml(out).match(/w:date="([^"]*)"/g))].map((attribute) => Date.parse(attribute.slice(8, -1)))
    expect(dates).toHaveLength(1)
    expect(dates[0]).toBeGreaterThanOrEqual(before)
    expect(dates[0]).toBeLessThanOrEqual(Date.now())
  })

  it('writes the Markdown report to a file with --out, silently with --quiet', async ({ expect }) => {
    const out = path.join(work, 'changes.md')
    expect(await cliInProcess(['diff', declaration, draft, '--out', out, '--quiet'])).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(readFileSync(out, 'utf8')).toBe(renderDiffMarkdown(diffDocuments(cop29Declaration, draftDocument)))
  })

  it.for([
    [['diff', declaration], 'diff: expected OLD.md NEW.md, got 1 argument'],
    [['diff', declaration, draft, draft], `diff: unexpected argument "${draft}"; expected OLD.md NEW.md`],
    [['diff', declaration, draft, '--format', 'pdf'], 'diff: unknown format "pdf"; allowed: md, html, json, docx'],
    [['diff', declaration, draft, '--format', 'docx'], 'diff: --format docx writes a Word file; name it with --out FILE'],
    [['diff', declaration, draft, '--author', 'Document team'], 'diff: --author applies to the Word redline only; add --format docx'],
    [['diff', declaration, draft, '--format', 'docx', '--out', 'x.docx', '--date', '2024-02-30'], 'diff: --date must be an ISO 8601 date or date-time (2024-11-07 or 2024-11-07T09:30:00Z), got "2024-02-30"'],
    [['diff', declaration, draft, '--format', 'docx', '--out', 'x.docx', '--date', 'yesterday'], 'diff: --date must be an ISO 8601 date or date-time (2024-11-07 or 2024-11-07T09:30:00Z), got "yesterday"'],
    [['diff', declaration, draft, '--format', 'docx', '--out', 'x.docx', '--author', ' '], 'diff: --author needs a name'],
    [['diff', declaration, draft, '--format', 'html', '--house-style', 'my-office.json'], 'diff: --house-style applies to the Word redline only; add --format docx'],
    [['diff', declaration, draft, '--page-size', 'A4'], 'diff: unknown option --page-size; allowed options: --format, --out, --author, --date, --house-style, --quiet, --help'],
  ] as [string[], string][])('exits 2 and says what is expected for %j', async ([args, message], { expect }) => {
    expect(await cliInProcess(args)).toEqual({ code: 2, stdout: '', stderr: `${message}\nRun "declaration-kit diff --help" for usage.\n` })
  })

  it('exits 1 with the issues when a draft cannot be read', async ({ expect }) => {
    expect(await cliInProcess(['diff', 'missing.md', 'content'])).toEqual({ code: 1, stdout: '', stderr: 'missing.md: no such file\ncontent: is a folder; expected a Markdown file\n' })
  })

  it('exits 1 when the drafts are not of the same type', async ({ expect }) => {
    expect(await cliInProcess(['diff', declaration, 'content/letter.fr.md'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'diff: cannot compare a declaration with a letter: both drafts must be of the same type\n',
    })
  })

  it('refuses to write the report over one of the drafts', async ({ expect }) => {
    expect(await cliInProcess(['diff', declaration, draft, '--out', draft])).toEqual({
      code: 1,
      stdout: '',
      stderr: `diff: refusing to overwrite the input file ${draft}; choose another --out file\n`,
    })
  })
})

describe.concurrent('declaration-kit align', () => {
  it('prints its help with --help', async ({ expect }) => {
    const { code, stdout } = await cliInProcess(['align', '--help'])
    expect(code).toBe(0)
    expect(stdout).toMatchInlineSnapshot(`
      "Usage: declaration-kit align SOURCE.md TARGET.md [options]

      Pairs the clauses of two language versions of one document by id and flags clauses missing from the
      translation, extra in it, or at another place. Writes a Markdown table (on stdout unless --out) or a
      Word table for translators, or a TMX 1.4 translation memory of the matched pairs (--format tmx). A clause
      whose inline structure differs (title, lead, links) or whose target is still the source text is listed,
      not counted as matched.

      Options:
            --format FORMAT  md, docx or tmx (default: md)
            --out FILE       File to write (default: standard output; required for docx)
        -q, --quiet          Do not report the written file
        -h, --help           Show this help

      Examples:
        declaration-kit align declaration.en.md declaration.fr.md
        declaration-kit align declaration.en.md declaration.fr.md --format docx --out alignment.docx
        declaration-kit align declaration.en.md declaration.fr.md --format tmx --out declaration.en-fr.tmx

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

  it('prints the Markdown alignment table on stdout', async ({ expect }) => {
    expect(await cliInProcess(['align', declaration, draft])).toEqual({ code: 0, stdout: renderAlignmentMarkdown(alignDocuments(cop29Declaration, draftDocument)), stderr: '' })
  })

  it('writes a Word table with --format docx', async ({ expect }) => {
    const out = path.join(work, 'alignment.docx')
    expect(await cliInProcess(['align', declaration, draft, '--format', 'docx', '--out', out, '-q'])).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(documentXml(out)).toContain('<w:tbl>')
  })

  it('exits 1 when the versions are not of the same type', async ({ expect }) => {
    expect(await cliInProcess(['align', 'content/letter.fr.md', declaration])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'align: cannot align a letter with a declaration: both versions must be of the same type\n',
    })
  })
})
