import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { cop29Declaration, cop29Letter } from '../src/content/index.js'
import { diffDocuments, renderDiffMarkdown } from '../src/diff/index.js'
import { parseDocument } from '../src/parse/index.js'
import { renderHtml } from '../src/render/html/index.js'
import { renderMarkdown } from '../src/render/markdown.js'
import { root, run, type Result } from './cli-run.js'

// Each example runs as a user runs it: TypeScript through tsx, importing `declaration-kit` (the built
// package, reached by its own name from inside the repository).
const example = (name: string, args: string[]): Promise<Result> => run(process.execPath, ['--import', 'tsx', `examples/${name}.ts`, ...args])

let work: string

beforeAll(() => {
  if (!existsSync(path.join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first')
  work = mkdtempSync(path.join(tmpdir(), 'declaration-kit-examples-'))
})

afterAll(() => rmSync(work, { recursive: true, force: true }))

const bytes = (file: string, start: number, end: number) => readFileSync(file).subarray(start, end).toString('latin1')

// Each example starts a TypeScript process and renders PDF and DOCX: more than the default 30 s on a busy machine.
describe.concurrent('the examples', { timeout: 120_000 }, () => {
  it('render-everything writes every format of both bundled documents', async ({ expect }) => {
    const folder = path.join(work, 'everything')
    const names = ['declaration.en.md', 'declaration.en.pdf', 'declaration.en.docx', 'declaration.en.html', 'letter.fr.md', 'letter.fr.pdf', 'letter.fr.docx', 'letter.fr.html']
    expect(await example('render-everything', [folder])).toEqual({
      code: 0,
      stdout: names.map((name) => `wrote ${path.join(folder, name)}\n`).join(''),
      stderr: '',
    })
    expect(readFileSync(path.join(folder, 'declaration.en.md'), 'utf8')).toBe(renderMarkdown(cop29Declaration))
    expect(readFileSync(path.join(folder, 'letter.fr.md'), 'utf8')).toBe(renderMarkdown(cop29Letter))
    for (const name of ['declaration.en', 'letter.fr']) {
      expect(bytes(path.join(folder, `${name}.pdf`), 0, 5)).toBe('%PDF-')
      expect(bytes(path.join(folder, `${name}.docx`), 0, 2)).toBe('PK')
    }
    expect(readFileSync(path.join(folder, 'letter.fr.html'), 'utf8')).toBe(renderHtml(cop29Letter, { annexes: [cop29Declaration] }))
  })

  it('build-a-declaration validates a new declaration, renders it, and shows a validation issue', async ({ expect }) => {
    const folder = path.join(work, 'built')
    expect(await example('build-a-declaration', [folder])).toEqual({
      code: 0,
      stdout: [
        `Declaration on Digital Tools for Water Resilience: 2 objectives, valid; wrote digital-water-resilience.md and .pdf in ${folder}`,
        'operative paragraph "1.": expected the number "2." of its numbered list',
        '',
      ].join('\n'),
      stderr: '',
    })
    const markdown = readFileSync(path.join(folder, 'digital-water-resilience.md'))
    const parsed = parseDocument(markdown, { file: 'digital-water-resilience.md' })
    const objectives = parsed.type === 'declaration' ? parsed.body[0] : undefined
    expect(objectives?.type === 'list' && objectives.items.map((item) => [item.num, item.title])).toEqual([
      ['1.', 'Early Warning for All:'],
      ['2.', 'Open Water Data:'],
    ])
    expect(bytes(path.join(folder, 'digital-water-resilience.pdf'), 0, 5)).toBe('%PDF-')
  })

  it('compare-drafts writes the change report and a Word redline of two drafts', async ({ expect }) => {
    const folder = path.join(work, 'compared')
    const draft = 'test/fixtures/diff/declaration.draft-2.en.md'
    expect(await example('compare-drafts', ['content/declaration.en.md', draft, folder])).toEqual({
      code: 0,
      stdout: `1 added, 1 removed, 2 modified, 1 moved: wrote changes.md and redline.docx in ${folder}\n`,
      stderr: '',
    })
    const expected = renderDiffMarkdown(diffDocuments(cop29Declaration, parseDocument(readFileSync(path.join(root, draft)))))
    expect(readFileSync(path.join(folder, 'changes.md'), 'utf8')).toBe(expected)
    expect(readdirSync(folder).sort()).toEqual(['changes.md', 'redline.docx'])
    expect(bytes(path.join(folder, 'redline.docx'), 0, 2)).toBe('PK')
  })
})

// One after the other, after the renders above: each starts a TypeScript process of its own.
describe('the examples, given a mistake, print one line per problem and no stack trace', { timeout: 120_000 }, () => {
  it('compare-drafts names a missing file in one line, without a stack trace', async ({ expect }) => {
    expect(await example('compare-drafts', ['content/declaration.en.md', 'new.md', path.join(work, 'missing')])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'new.md: no such file\n',
    })
  })

  it('compare-drafts prints the issues of an invalid draft as file:line:column lines', async ({ expect }) => {
    const draft = path.join(work, 'untitled.md')
    writeFileSync(draft, '---\ntype: declaration\nid: untitled\nlanguage: en\n---\n\nWe, the participants;\n')
    const { code, stdout, stderr } = await example('compare-drafts', ['content/declaration.en.md', draft, path.join(work, 'invalid')])
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' })
    expect(stderr).toMatch(new RegExp(`^${draft.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ [^\\n]+\\n$`))
  })

  it('render-everything reports a folder it cannot write in one line', async ({ expect }) => {
    const file = path.join(work, 'a-file')
    writeFileSync(file, '')
    const { code, stdout, stderr } = await example('render-everything', [path.join(file, 'out')])
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' })
    expect(stderr).toBe(`ENOTDIR: not a directory, mkdir '${path.join(file, 'out')}'\n`)
  })
})
