// Round trips through real CAT tools, installed by .ci/run from Debian: translate-toolkit 3.8
// (xliff2po, po2xliff) and OmegaT 3.6 (console-translate). They read XLIFF 1.x only.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cop29Declaration } from '../src/content/index.js'
import type { Inline } from '../src/model/inline.js'
import { hasChildren, phrasingText } from '../src/model/inline.js'
import { parseDocument } from '../src/parse/index.js'
import { translationUnits } from '../src/render/units.js'
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
  const links = (nodes: readonly Inline[]): string[] => nodes.flatMap((n) => (n.type === 'link' ? [n.url] : hasChildren(n) ? links(n.children) : []))
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

// translate-toolkit's XLIFF API, as Weblate and Pootle use it: each target built from the source's
// placeables (codes kept), its text pseudo-translated.
const ttkFill = `import re, sys
from translate.storage import xliff
accents = {'a': 'à', 'e': 'é', 'i': 'î', 'o': 'ô', 'u': 'ü', 'A': 'À', 'E': 'É', 'O': 'Ô'}
def pseudo(text):
    return re.sub('[aeiouAEO]', lambda m: accents[m.group(0)], text)
def translate(elem):
    copy = elem.copy()
    for leaf in copy.flatten():
        if leaf.isleaf() and leaf.istranslatable and leaf.sub and isinstance(leaf.sub[0], str):
            leaf.sub = [pseudo(s) if isinstance(s, str) else s for s in leaf.sub]
    return copy
store = xliff.xlifffile.parsefile(sys.argv[1])
for unit in store.units:
    unit.rich_target = [translate(e) for e in unit.rich_source]
store.savefile(sys.argv[2])
`

describe('translate-toolkit 3.8 round trips of the XLIFF 1.2 export', () => {
  it('xliff2po, a filled PO, po2xliff: the ids survive; every unit whose codes the PO step flattened is an error naming it, nothing is dropped silently', async () => {
    requireTool('xliff2po', 'translate-toolkit')
    const dir = path.join(work, 'ttk-po')
    mkdirSync(dir)
    const xlf = path.join(dir, 'fr.xlf')
    expect((await cli(['export', '--format', 'xliff', '--xliff-version', '1.2', '--target-lang', 'fr', source, '--out', xlf, '--quiet'])).code).toBe(0)
    expect((await run('xliff2po', [xlf, path.join(dir, 'fr.po')])).code).toBe(0)
    const po = readFileSync(path.join(dir, 'fr.po'), 'utf8')
    // Ids without ':' survive as PO locations; the <g> codes are flattened to their text.
    expect(po).toContain('#: title\nmsgid "COP29 Declaration on Green Digital Action"\nmsgstr ""')
    expect(po).toContain('"Presidency or email to digitalisation@cop29.az"\nmsgstr ""')
    writeFileSync(path.join(dir, 'fr.po'), fillPo(po))
    const translated = path.join(dir, 'fr.translated.xlf')
    expect((await run('po2xliff', ['-t', xlf, path.join(dir, 'fr.po'), translated])).code).toBe(0)
    const imported = await cli(['import-xliff', translated, '--source', source, '--out', path.join(dir, 'fr.md'), '--quiet'])
    const lines = readFileSync(translated, 'utf8').split('\n')
    const at = (id: string) => `${translated}:${lines.findIndex((l) => l.includes(`<trans-unit id="${id}"`)) + 1}:9`
    const units = translationUnits(cop29Declaration)
    const lost = units.filter((u) => u.content.some((n) => n.type !== 'text'))
    expect(lost.map((u) => u.id)).toEqual([...units.filter((u) => /^(preamble|para)-\d$/.test(u.id)).map((u) => u.id), 'section-2-2'])
    expect(imported.code).toBe(1)
    expect(imported.stderr).toBe(
      lost
        .map((u) =>
          u.id === 'section-2-2'
            ? `${at(u.id)} unit "${u.id}" (${u.label}): the target has lost link code 1; put the translated link text inside it\n`
            : `${at(u.id)} unit "${u.id}" (${u.label}): the target has lost code 1 (${u.id.startsWith('para') ? 'strong' : 'emphasis'}); put it back around the translated words\n`,
        )
        .join(''),
    )
  })

  it('the XLIFF API (placeables): every unit translated with its italic lead, bold title and link', async () => {
    requireTool('xliff2po', 'translate-toolkit')
    const dir = path.join(work, 'ttk-api')
    mkdirSync(dir)
    const xlf = path.join(dir, 'fr.xlf')
    expect((await cli(['export', '--format', 'xliff', '--xliff-version', '1.2', '--target-lang', 'fr', source, '--out', xlf, '--quiet'])).code).toBe(0)
    writeFileSync(path.join(dir, 'fill.py'), ttkFill)
    const translated = path.join(dir, 'fr.translated.xlf')
    const filled = await run('/usr/bin/python3', [path.join(dir, 'fill.py'), xlf, translated])
    expect([filled.code, filled.stderr]).toEqual([0, ''])
    // translate-toolkit writes the target's <g> without its ctype; the source's code of that id says what it is.
    expect(readFileSync(translated, 'utf8')).toContain(`<g id="1">${pseudo('digitalisation@cop29.az')}</g></target>`)
    const out = path.join(dir, 'fr.md')
    const imported = await cli(['import-xliff', translated, '--source', source, '--out', out, '--quiet'])
    expect([imported.code, imported.stderr]).toEqual([0, ''])
    const markdown = readFileSync(out, 'utf8')
    expectTranslated(markdown)
    expect(markdown).toContain(`*${pseudo('Recognising')}* ${pseudo('the imperative')}`)
    expect(markdown).toContain(`- I. **${pseudo('Leveraging Digital Technologies and Tools for Climate Action:')}** ${pseudo('Encourage')}`)
  })
})

// OmegaT's view of a unit: its text with each inline code as <g0>…</g0>, numbered from 0.
function omegatSegment(nodes: readonly Inline[], next = { n: 0 }, translate: (s: string) => string = (s) => s): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return translate(node.value)
      if (!hasChildren(node)) return ''
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
    expect(xml).toContain(`<target state="new">${pseudo('COP29 Declaration on Green Digital Action')}</target>`)
    expect(xml).toContain(`<target state="new"><g id="1" ctype="italic">${pseudo('Recognising')}</g> ${pseudo('the imperative')}`)
    expect(xml).toContain(`<g id="1" ctype="x-link">${pseudo('digitalisation@cop29.az')}</g></target>`)
    const status = await cli(['status', translated, '--json'])
    expect(JSON.parse(status.stdout).total.translated.units).toBe(25)
    const out = path.join(project, 'declaration.fr.md')
    const imported = await cli(['import-xliff', translated, '--source', source, '--out', out, '--quiet'])
    expect([imported.code, imported.stderr]).toEqual([0, ''])
    expectTranslated(readFileSync(out, 'utf8'))
  }, 180_000)
})
