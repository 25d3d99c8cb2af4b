// Round trips through real CAT tools, installed by .ci/run from Debian: translate-toolkit 3.8
// (xliff2po, po2xliff) and OmegaT 3.6 (console-translate). They read XLIFF 1.x only.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cop29Declaration } from '../src/content/index.js'
import type { Inline } from '../src/model/inline.js'
import { phrasingText } from '../src/model/inline.js'
import { parseDocument } from '../src/parse/index.js'
import { translationUnits } from '../src/interchange/units.js'
import { cli, run } from './cli-run.js'
import { pseudo } from './helpers/interchange.js'

let work: string
const source = 'content/declaration.en.md'

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'declaration-kit-cat-'))
})

afterAll(() => rmSync(work, { recursive: true, force: true }))

function requireTool(name: string, pkg: string): void {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`])
  } catch {
    throw new Error(`${name} is not installed: apt-get install -y ${pkg} (.ci/run does it)`)
  }
}

// Every unit of the imported document holds the pseudo-translation of its source, and the link keeps its URL.
function expectTranslated(markdown: string): void {
  const translated = translationUnits(parseDocument(markdown))
  const original = translationUnits(cop29Declaration)
  expect(translated.map((u) => [u.id, phrasingText(u.content)])).toEqual(original.map((u) => [u.id, pseudo(phrasingText(u.content))]))
  const links = (nodes: readonly Inline[]): string[] => nodes.flatMap((n) => (n.type === 'link' ? [n.url] : n.type === 'text' ? [] : links(n.children)))
  expect(translated.flatMap((u) => links(u.content))).toEqual(['mailto:digitalisation@cop29.az'])
}

// Fills every msgstr of a PO file with the pseudo-translation of its msgid (the header entry is kept).
function fillPo(po: string): string {
  return po
    .split('\n\n')
    .map((entry) => {
      const match = /\nmsgid ((?:".*"\n)+)msgstr ""$/.exec(`\n${entry.trimEnd()}`)
      if (!match) return entry
      const msgid = match[1]!.trim().split('\n').map((line) => JSON.parse(line) as string).join('')
      return msgid === '' ? entry : entry.replace(/msgstr ""(\n?)$/, `msgstr ${JSON.stringify(pseudo(msgid))}$1`)
    })
    .join('\n\n')
}

describe('translate-toolkit (xliff2po, po2xliff) round trip of the XLIFF 1.2 export', () => {
  it('imports every unit translated; the link code the PO step loses is an error naming the unit until the translator puts it back', async () => {
    requireTool('xliff2po', 'translate-toolkit')
    const dir = path.join(work, 'ttk')
    mkdirSync(dir)
    const xlf = path.join(dir, 'fr.xlf')
    expect((await cli(['export', '--format', 'xliff', '--xliff-version', '1.2', '--target-lang', 'fr', source, '--out', xlf, '--quiet'])).code).toBe(0)
    expect((await run('xliff2po', [xlf, path.join(dir, 'fr.po')])).code).toBe(0)
    const po = readFileSync(path.join(dir, 'fr.po'), 'utf8')
    // Ids without ':' survive as PO locations; the <g> link code is flattened to its text.
    expect(po).toContain('#: preamble-1.lead\nmsgid "Recognising"\nmsgstr ""')
    expect(po).toContain('"Presidency or email to digitalisation@cop29.az"\nmsgstr ""')
    writeFileSync(path.join(dir, 'fr.po'), fillPo(po))
    const translated = path.join(dir, 'fr.translated.xlf')
    expect((await run('po2xliff', ['-t', xlf, path.join(dir, 'fr.po'), translated])).code).toBe(0)
    const out = path.join(dir, 'fr.md')
    const first = await cli(['import-xliff', translated, '--source', source, '--out', out, '--quiet'])
    const line = readFileSync(translated, 'utf8').split('\n').findIndex((l) => l.includes('<trans-unit id="endorsement-1"')) + 1
    expect([first.code, first.stderr]).toEqual([
      1,
      `${translated}:${line}:9 unit "endorsement-1" (Endorsement, item 1): the target has lost link code 1; put the translated link text inside it\n`,
    ])
    // The translator puts the link code back around the address, as the error asks.
    const address = pseudo('digitalisation@cop29.az')
    const fixed = readFileSync(translated, 'utf8').replace(`${address}</target>`, `<g id="1" ctype="x-link">${address}</g></target>`)
    writeFileSync(translated, fixed)
    const second = await cli(['import-xliff', translated, '--source', source, '--out', out, '--quiet'])
    expect([second.code, second.stderr]).toEqual([0, ''])
    expectTranslated(readFileSync(out, 'utf8'))
  })
})

// OmegaT's view of a unit: its text with each inline code as <g0>…</g0>, numbered from 0.
function omegatSegment(nodes: readonly Inline[], next = { n: 0 }, translate: (s: string) => string = (s) => s): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return translate(node.value)
      const tag = `g${next.n++}`
      return `<${tag}>${omegatSegment(node.children, next, translate)}</${tag}>`
    })
    .join('')
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

describe('OmegaT 3.6 console-translate round trip of the pre-filled XLIFF 1.2 export', () => {
  it('translates every unit from a small TMX and imports, link included', async () => {
    requireTool('omegat', 'omegat')
    const project = path.join(work, 'omegat')
    for (const dir of ['source', 'target', 'tm/auto', 'glossary', 'dictionary', 'omegat']) mkdirSync(path.join(project, dir), { recursive: true })
    const xlf = path.join(project, 'source', 'declaration.xlf')
    const exported = await cli(['export', '--format', 'xliff', '--xliff-version', '1.2', '--prefill', '--target-lang', 'fr', source, '--out', xlf, '--quiet'])
    expect(exported.code).toBe(0)
    writeFileSync(
      path.join(project, 'omegat.project'),
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>source</source_dir>
    <source_dir_excludes/>
    <target_dir>target</target_dir>
    <tm_dir>tm</tm_dir>
    <glossary_dir>glossary</glossary_dir>
    <glossary_file>glossary/glossary.txt</glossary_file>
    <dictionary_dir>dictionary</dictionary_dir>
    <source_lang>en-GB</source_lang>
    <target_lang>fr</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneFrenchTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
`,
    )
    // tm/auto: OmegaT inserts exact matches from these memories into the translation.
    const tus = translationUnits(cop29Declaration).map((unit) => {
      const seg = (translate?: (s: string) => string) => escapeXml(omegatSegment(unit.content, { n: 0 }, translate))
      return `    <tu><tuv xml:lang="en-GB"><seg>${seg()}</seg></tuv><tuv xml:lang="fr"><seg>${seg(pseudo)}</seg></tuv></tu>`
    })
    writeFileSync(
      path.join(project, 'tm/auto/seed.tmx'),
      `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n  <header creationtool="test" creationtoolversion="1" segtype="paragraph" o-tmf="none" adminlang="en" srclang="en-GB" datatype="plaintext"/>\n  <body>\n${tus.join('\n')}\n  </body>\n</tmx>\n`,
    )
    const translatedRun = await run('omegat', [project, '--mode=console-translate'])
    expect(translatedRun.code).toBe(0)
    const translated = path.join(project, 'target', 'declaration.xlf')
    // OmegaT replaced the pre-filled targets and kept their state and the codes.
    const xml = readFileSync(translated, 'utf8')
    expect(xml).toContain(`<target state="new">${pseudo('Recognising')}</target>`)
    expect(xml).toContain(`<g id="1" ctype="x-link">${pseudo('digitalisation@cop29.az')}</g></target>`)
    const status = await cli(['status', translated, '--json'])
    expect(JSON.parse(status.stdout).total.translated.units).toBe(41)
    const out = path.join(project, 'declaration.fr.md')
    const imported = await cli(['import-xliff', translated, '--source', source, '--out', out, '--quiet'])
    expect([imported.code, imported.stderr]).toEqual([0, ''])
    expectTranslated(readFileSync(out, 'utf8'))
  }, 180_000)
})
