import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cop29Declaration, cop29DeclarationSource, cop29Letter } from '../src/content/index.js'
import { renderRedlineDocx } from '../src/diff/redline-docx.js'
import type { Document } from '../src/model/document.js'
import { text } from '../src/model/inline.js'
import type { Letter } from '../src/model/letter.js'
import { parseDeclaration } from '../src/parse/index.js'
import { renderDocx } from '../src/render/docx/render.js'
import draft2Source from './fixtures/diff/declaration.draft-2.en.md'

// LibreOffice (Debian's libreoffice-writer-nogui and python3-uno; .ci/run installs them) opens each redline,
// accepts or rejects every tracked change with its own commands, and reads the paragraphs back with their list
// numbers: one soffice for the whole file. The faces are not embedded: they change the layout, not the text.
const soffice = '/usr/bin/soffice'
const python = '/usr/bin/python3'
const helper = path.join(import.meta.dirname, 'helpers', 'libreoffice-redline.py')

const draft2 = parseDeclaration(draft2Source)
const reworded = parseDeclaration(
  cop29DeclarationSource.replace('Emphasise the importance of designing digital infrastructure resilient', 'Stress the need to design digital infrastructure that is resilient'),
)
const letter: Letter = structuredClone(cop29Letter)
letter.subject = letter.subject.replaceAll("'", '’')
letter.addressees.splice(1, 1)
letter.body.splice(2, 0, { id: 'body-new', text: text('Un paragraphe ajouté, avec une espace fine\u202F; et une insécable\u00A0: voilà.') })
letter.date = '2024-11-08'

const pairs: [string, Document, Document][] = [
  ['declaration', cop29Declaration, draft2],
  ['reworded', cop29Declaration, reworded],
  ['letter', cop29Letter, letter],
]

function libreOffice(args: string[]): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    execFile(python, [helper, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, timeout: 120_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as string[][]),
    )
  })
}

const words = (paragraphs: string[]) => paragraphs.join(' ').split(/\s+/u).filter(Boolean)

describe('a redline opened in LibreOffice', () => {
  let work: string
  const read: Record<string, { accept: string[]; reject: string[]; old: string[]; new: string[] }> = {}

  beforeAll(async () => {
    if (!existsSync(soffice)) throw new Error(`${soffice} is missing: install libreoffice-writer-nogui and python3-uno (.ci/run does)`)
    work = mkdtempSync(path.join(tmpdir(), 'declaration-kit-redline-'))
    const args: string[] = []
    for (const [name, before, after] of pairs) {
      const file = (suffix: string) => path.join(work, `${name}.${suffix}.docx`)
      writeFileSync(file('redline'), await renderRedlineDocx(before, after, { author: 'Document team', date: new Date('2024-11-10T09:00:00Z'), embedFont: false }))
      writeFileSync(file('old'), await renderDocx(before, { annex: false, embedFont: false }))
      writeFileSync(file('new'), await renderDocx(after, { annex: false, embedFont: false }))
      args.push(`accept:${file('redline')}`, `reject:${file('redline')}`, `read:${file('old')}`, `read:${file('new')}`)
    }
    const results = await libreOffice(args)
    pairs.forEach(([name], index) => {
      const [accept, reject, old, neu] = results.slice(index * 4, index * 4 + 4) as [string[], string[], string[], string[]]
      read[name] = { accept, reject, old, new: neu }
    })
  }, 180_000)

  afterAll(() => work && rmSync(work, { recursive: true, force: true }))

  it.for(pairs.map(([name]) => name))('accepting every change of the %s redline gives the new draft as LibreOffice shows it, word for word', (name) => {
    expect(read[name]!.accept).toEqual(read[name]!.new)
    expect(words(read[name]!.accept)).toEqual(words(read[name]!.new))
  })

  it.for(pairs.map(([name]) => name))('rejecting every change of the %s redline gives the old draft as LibreOffice shows it, word for word', (name) => {
    expect(read[name]!.reject).toEqual(read[name]!.old)
  })

  it('numbers the objectives from the Word list, renumbered by the moved clause', () => {
    const objectives = (paragraphs: string[]) => paragraphs.filter((p) => /^[IVX]+\. /.test(p)).map((p) => p.replace(/:.*/, ''))
    expect(objectives(read.declaration!.accept).slice(4)).toEqual([
      'V. Data-driven decision-making',
      'VI. Fostering Sustainable Innovation',
      'VII. Facilitating the Sharing of Best Practices',
      'VIII. Encouraging Sustainable Consumer Practices',
    ])
    expect(objectives(read.declaration!.reject).slice(6)).toEqual(['VII. Encouraging Sustainable Consumer Practices', 'VIII. Facilitating the Sharing of Best Practices'])
  })

  it('gives the reworded objective each way', () => {
    const objective = (paragraphs: string[]) => paragraphs.find((p) => p.startsWith('II. '))
    expect(objective(read.reworded!.accept)).toBe(
      'II. Building Resilient Digital Infrastructure: Stress the need to design digital infrastructure that is resilient to climate change impacts, ensuring the continued functionality of critical digital systems in adverse conditions.',
    )
    expect(objective(read.reworded!.reject)).toBe(
      'II. Building Resilient Digital Infrastructure: Emphasise the importance of designing digital infrastructure resilient to climate change impacts, ensuring the continued functionality of critical digital systems in adverse conditions.',
    )
  })

  it('keeps the letter’s dashed addressees and its thin and no-break spaces', () => {
    expect(read.letter!.accept.filter((p) => p.startsWith('– '))).toEqual([
      "– Aux États Membres de l'UIT;",
      "– Aux Membres des Secteurs de l'UIT;",
      "– Aux Associés et établissements universitaires participant aux travaux de l'UIT;",
      '– Aux institutions des Nations Unies',
    ])
    expect(read.letter!.accept).toContain('Un paragraphe ajouté, avec une espace fine\u202F; et une insécable\u00A0: voilà.')
    expect(read.letter!.reject).not.toContain('Un paragraphe ajouté, avec une espace fine\u202F; et une insécable\u00A0: voilà.')
  })
})
