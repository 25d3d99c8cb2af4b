// Round trips through real CAT tools, installed by .ci/run from Debian: translate-toolkit 3.8
// (xliff2po, po2xliff, its XLIFF API) and OmegaT 3.6 (console-translate). They read XLIFF 1.x only.
// Each ends in `import-xliff`; the real documents also in a rendered DOCX read clause by clause.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cop29Declaration } from '../src/content/index.js'
import type { Document } from '../src/model/document.js'
import type { Inline } from '../src/model/inline.js'
import { hasChildren, phrasingText } from '../src/model/inline.js'
import { xliffStatus } from '../src/interchange/index.js'
import { parseDocument } from '../src/parse/index.js'
import { renderDocx } from '../src/render/docx/render.js'
import { translationUnits } from '../src/render/units.js'
import { cliInProcess, root, run } from './cli-run.js'
import { paragraphs, parts, textOf } from './docx-support.js'
import { pseudo } from './helpers/interchange.js'

let work: string
const source = 'content/declaration.en.md'

/** A document of the test corpus: its name, its file (relative to the repository) and its model. */
interface Sample {
  name: string
  file: string
  doc: Document
}

function sample(name: string, file: string, doc = parseDocument(readFileSync(path.join(root, file), 'utf8'), { file })): Sample {
  return { name, file, doc }
}

// The bundled declaration, and two real texts: the APEC declaration's annex holds a link and a link
// inside italics after a bold run; A/RES/73/8 has italic leads, a footnote and a line break.
const declaration = sample('declaration', source, cop29Declaration)
const apec = sample('apec-golden-gate', 'test/fixtures/real/apec-golden-gate.en.md')
const resolution = sample('a-res-73-8', 'test/fixtures/real/a-res-73-8.en.md')

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

// The test's French: the pseudo-translation, but an annex heading starts with the French "Annexe",
// as the content format requires of a heading that opens an annex (a heading "Ànnéx:" would not).
const french = (text: string): string => (/^Annex\b/.test(text) ? `Annexe${pseudo(text.slice('Annex'.length))}` : pseudo(text))

const linksOf = (nodes: readonly Inline[]): [string, string][] =>
  nodes.flatMap((n): [string, string][] => (n.type === 'link' ? [[n.url, phrasingText(n.children)]] : hasChildren(n) ? linksOf(n.children) : []))

// Every unit of the imported document holds the pseudo-translation of its source, and every link keeps its URL.
function expectTranslated(markdown: string, original: Document = cop29Declaration): void {
  const translated = translationUnits(parseDocument(markdown))
  const units = translationUnits(original)
  expect(translated.map((u) => [u.id, phrasingText(u.content)])).toEqual(units.map((u) => [u.id, french(phrasingText(u.content))]))
  expect(translated.flatMap((u) => linksOf(u.content))).toEqual(units.flatMap((u) => linksOf(u.content)).map(([url, text]) => [url, french(text)]))
}

/** The non-empty paragraph texts of a DOCX part, and its hyperlinks as [target, text]. */
function docxText(files: Record<string, string>, part: string): { paragraphs: string[]; links: [string, string][] } {
  const xml = files[`word/${part}.xml`] ?? ''
  const rels = files[`word/_rels/${part}.xml.rels`] ?? ''
  const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]*)"`).exec(rels)?.[1] ?? `missing ${id}`
  return {
    paragraphs: paragraphs(xml).map(textOf).filter((text) => text !== ''),
    links: [...xml.matchAll(/<w:hyperlink\b[^>]*r:id="([^"]+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/g)].map((m) => [target(m[1]!), textOf(m[2]!)]),
  }
}

const sourceDocx = new Map<Document, Promise<Record<string, string>>>()

// The imported document rendered to DOCX: each clause's paragraph (and each footnote) reads as the
// source's paragraph pseudo-translated, every one of them changed, and every hyperlink keeps its target.
async function expectRenderedTranslation(markdown: string, original: Document): Promise<void> {
  const translated = parts(await renderDocx(parseDocument(markdown)))
  if (!sourceDocx.has(original)) sourceDocx.set(original, renderDocx(original).then(parts))
  const source = await sourceDocx.get(original)!
  const units = translationUnits(original)
  const clauses = units.filter((u) => u.part !== 'footnote')
  for (const [part, count] of [['document', clauses.length], ['footnotes', units.length - clauses.length]] as const) {
    const got = docxText(translated, part)
    const want = docxText(source, part)
    expect(got.paragraphs).toHaveLength(count)
    expect(got.paragraphs).toEqual(want.paragraphs.map(french))
    expect(got.paragraphs.filter((text, i) => text === want.paragraphs[i])).toEqual([])
    expect(got.links).toEqual(want.links.map(([url, text]) => [url, french(text)]))
  }
  expect(docxText(translated, 'document').links.map(([url]) => url)).toEqual(units.flatMap((u) => linksOf(u.content)).map(([url]) => url))
}

const exports = new Map<string, Promise<string>>()

/** The pre-filled XLIFF 1.2 export of a sample, made once by the CLI (OmegaT and the XLIFF API route both start from it). */
function prefilled({ name, file }: Sample): Promise<string> {
  if (!exports.has(name)) {
    const xlf = path.join(work, 'exports', `${name}.xlf`)
    mkdirSync(path.dirname(xlf), { recursive: true })
    exports.set(
      name,
      cliInProcess(['export', '--format', 'xliff', '--xliff-version', '1.2', '--prefill', '--target-lang', 'fr', file, '--out', xlf, '--quiet']).then((result) => {
        expect([result.code, result.stderr]).toEqual([0, ''])
        return xlf
      }),
    )
  }
  return exports.get(name)!
}

// Fills every msgstr of a PO file with the pseudo-translation of its msgid (the header entry is kept).
function fillPo(po: string): string {
  return po
    .split('\n\n')
    .map((entry) => {
      const match = /\nmsgid ((?:".*"\n)+)msgstr ""$/.exec(`\n${entry.trimEnd()}`)
      if (!match) return entry
      const msgid = match[1]!.trim().split('\n').map((line) => JSON.parse(line) as string).join('')
      return msgid === '' ? entry : entry.replace(/msgstr ""(\n?)$/, `msgstr ${JSON.stringify(french(msgid))}$1`)
    })
    .join('\n\n')
}

// translate-toolkit's XLIFF API, as Weblate and Pootle use it: each target built from the source's
// placeables (codes kept), its text pseudo-translated; arguments are pairs of input and output files.
const ttkFill = `import re, sys
from translate.storage import xliff
accents = {'a': 'à', 'e': 'é', 'i': 'î', 'o': 'ô', 'u': 'ü', 'A': 'À', 'E': 'É', 'O': 'Ô'}
def pseudo(text):
    return re.sub('[aeiouAEO]', lambda m: accents[m.group(0)], text)
def french(text):
    return 'Annexe' + pseudo(text[5:]) if re.match(r'Annex\\b', text) else pseudo(text)
def translate(elem):
    copy = elem.copy()
    for leaf in copy.flatten():
        if leaf.isleaf() and leaf.istranslatable and leaf.sub and isinstance(leaf.sub[0], str):
            leaf.sub = [french(s) if isinstance(s, str) else s for s in leaf.sub]
    return copy
for source, target in zip(sys.argv[1::2], sys.argv[2::2]):
    store = xliff.xlifffile.parsefile(source)
    for unit in store.units:
        unit.rich_target = [translate(e) for e in unit.rich_source]
    store.savefile(target)
`

describe('translate-toolkit 3.8 round trips of the XLIFF 1.2 export', () => {
  it('xliff2po, a filled PO, po2xliff: the ids survive; every unit whose codes the PO step flattened is an error naming it, nothing is dropped silently', async () => {
    requireTool('xliff2po', 'translate-toolkit')
    const dir = path.join(work, 'ttk-po')
    mkdirSync(dir)
    const xlf = path.join(dir, 'fr.xlf')
    expect((await cliInProcess(['export', '--format', 'xliff', '--xliff-version', '1.2', '--target-lang', 'fr', source, '--out', xlf, '--quiet'])).code).toBe(0)
    expect((await run('xliff2po', [xlf, path.join(dir, 'fr.po')])).code).toBe(0)
    const po = readFileSync(path.join(dir, 'fr.po'), 'utf8')
    // Ids without ':' survive as PO locations; the <g> codes are flattened to their text.
    expect(po).toContain('#: title\nmsgid "COP29 Declaration on Green Digital Action"\nmsgstr ""')
    expect(po).toContain('"Presidency or email to digitalisation@cop29.az"\nmsgstr ""')
    writeFileSync(path.join(dir, 'fr.po'), fillPo(po))
    const translated = path.join(dir, 'fr.translated.xlf')
    expect((await run('po2xliff', ['-t', xlf, path.join(dir, 'fr.po'), translated])).code).toBe(0)
    const imported = await cliInProcess(['import-xliff', translated, '--source', source, '--out', path.join(dir, 'fr.md'), '--quiet'])
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
    expect((await cliInProcess(['export', '--format', 'xliff', '--xliff-version', '1.2', '--target-lang', 'fr', source, '--out', xlf, '--quiet'])).code).toBe(0)
    writeFileSync(path.join(dir, 'fill.py'), ttkFill)
    const translated = path.join(dir, 'fr.translated.xlf')
    const filled = await run('/usr/bin/python3', [path.join(dir, 'fill.py'), xlf, translated])
    expect([filled.code, filled.stderr]).toEqual([0, ''])
    // translate-toolkit writes the target's <g> without its ctype; the source's code of that id says what it is.
    expect(readFileSync(translated, 'utf8')).toContain(`<g id="1">${pseudo('digitalisation@cop29.az')}</g></target>`)
    const out = path.join(dir, 'fr.md')
    const imported = await cliInProcess(['import-xliff', translated, '--source', source, '--out', out, '--quiet'])
    expect([imported.code, imported.stderr]).toEqual([0, ''])
    const markdown = readFileSync(out, 'utf8')
    expectTranslated(markdown)
    expect(markdown).toContain(`*${pseudo('Recognising')}* ${pseudo('the imperative')}`)
    expect(markdown).toContain(`- I. **${pseudo('Leveraging Digital Technologies and Tools for Climate Action:')}** ${pseudo('Encourage')}`)
  })

  it('APEC 2023 (real) through xliff2po, a filled PO, po2xliff: the 3 units of 21 whose codes the PO step flattened are errors naming each lost code, nothing is dropped silently', async () => {
    requireTool('xliff2po', 'translate-toolkit')
    const dir = path.join(work, 'ttk-po-apec')
    mkdirSync(dir)
    const xlf = path.join(dir, 'fr.xlf')
    expect((await cliInProcess(['export', '--format', 'xliff', '--xliff-version', '1.2', '--target-lang', 'fr', apec.file, '--out', xlf, '--quiet'])).code).toBe(0)
    expect((await run('xliff2po', [xlf, path.join(dir, 'fr.po')])).code).toBe(0)
    const po = readFileSync(path.join(dir, 'fr.po'), 'utf8')
    expect(po).toContain('#: annex-1-2\nmsgid "See Also: Accompanying Chair’s Statement"\nmsgstr ""')
    writeFileSync(path.join(dir, 'fr.po'), fillPo(po))
    const translated = path.join(dir, 'fr.translated.xlf')
    expect((await run('po2xliff', ['-t', xlf, path.join(dir, 'fr.po'), translated])).code).toBe(0)
    const imported = await cliInProcess(['import-xliff', translated, '--source', apec.file, '--out', path.join(dir, 'fr.md'), '--quiet'])
    const lines = readFileSync(translated, 'utf8').split('\n')
    const at = (id: string) => `${translated}:${lines.findIndex((l) => l.includes(`<trans-unit id="${id}"`)) + 1}:9`
    const lost = (id: string, label: string, what: string) => `${at(id)} unit "${id}" (${label}): the target has lost ${what}\n`
    const put = 'put it back around the translated words'
    const link = 'put the translated link text inside it'
    expect(translationUnits(apec.doc)).toHaveLength(21)
    expect(imported.code).toBe(1)
    expect(imported.stderr).toBe(
      [
        lost('subtitle', 'Subtitle', `code 2 (strong); ${put}`),
        lost('subtitle', 'Subtitle', `code 1 (emphasis); ${put}`),
        lost('annex-1-1', 'Paragraph 1 (Annex:)', `link code 1; ${link}`),
        lost('annex-1-2', 'Paragraph 2 (Annex:)', `code 1 (strong); ${put}`),
        lost('annex-1-2', 'Paragraph 2 (Annex:)', `link code 3; ${link}`),
        lost('annex-1-2', 'Paragraph 2 (Annex:)', `code 2 (emphasis); ${put}`),
      ].join(''),
    )
  })

  // One Python run fills both real documents.
  let filled: Promise<Map<string, string>> | undefined
  function ttkFilled(): Promise<Map<string, string>> {
    filled ??= (async () => {
      const dir = path.join(work, 'ttk-api-real')
      mkdirSync(dir)
      writeFileSync(path.join(dir, 'fill.py'), ttkFill)
      const pairs = await Promise.all([apec, resolution].map(async (real) => [await prefilled(real), path.join(dir, `${real.name}.fr.xlf`)] as const))
      const result = await run('/usr/bin/python3', [path.join(dir, 'fill.py'), ...pairs.flat()])
      expect([result.code, result.stderr]).toEqual([0, ''])
      return new Map(pairs.map(([, to], i) => [[apec, resolution][i]!.name, to]))
    })()
    return filled
  }

  for (const real of [apec, resolution]) {
    it(`${real.name} (real) through the XLIFF API: every unit translated with its codes, imported, and the rendered DOCX reads translated clause by clause with its links`, async () => {
      requireTool('xliff2po', 'translate-toolkit')
      const translated = (await ttkFilled()).get(real.name)!
      const out = path.join(work, 'ttk-api-real', `${real.name}.fr.md`)
      const imported = await cliInProcess(['import-xliff', translated, '--source', real.file, '--out', out, '--quiet'])
      expect([imported.code, imported.stderr]).toEqual([0, ''])
      const markdown = readFileSync(out, 'utf8')
      expectTranslated(markdown, real.doc)
      await expectRenderedTranslation(markdown, real.doc)
    })
  }
})

// OmegaT's view of a unit: its text with each inline code as <g0>…</g0> or <x1/>, numbered from 0;
// like OmegaT, codes wrapping the whole unit and lone codes at either end are left out of the segment.
function omegatSegment(nodes: readonly Inline[], translate: (s: string) => string = (s) => s): string {
  let list = nodes
  for (;;) {
    const [first] = list
    const last = list[list.length - 1]
    if (list.length === 1 && first && hasChildren(first)) list = first.children
    else if (first && first.type !== 'text' && !hasChildren(first)) list = list.slice(1)
    else if (last && last.type !== 'text' && !hasChildren(last)) list = list.slice(0, -1)
    else break
  }
  const next = { n: 0 }
  const tagged = (content: readonly Inline[]): string =>
    content
      .map((node) => {
        if (node.type === 'text') return translate(node.value)
        const tag = `${hasChildren(node) ? 'g' : 'x'}${next.n++}`
        return hasChildren(node) ? `<${tag}>${tagged(node.children)}</${tag}>` : `<${tag}/>`
      })
      .join('')
  return tagged(list)
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

const omegatProject = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
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
`

describe('OmegaT 3.6 console-translate round trip of the pre-filled XLIFF 1.2 exports (one project, one run)', () => {
  const samples = [declaration, apec, resolution]
  let project: string

  // One project holds the three documents, so that OmegaT (a JVM start of a few seconds) runs once.
  beforeAll(async () => {
    requireTool('omegat', 'omegat')
    project = path.join(work, 'omegat')
    for (const dir of ['source', 'target', 'tm/auto', 'glossary', 'dictionary', 'omegat']) mkdirSync(path.join(project, dir), { recursive: true })
    for (const sample of samples) copyFileSync(await prefilled(sample), path.join(project, 'source', `${sample.name}.xlf`))
    writeFileSync(path.join(project, 'omegat.project'), omegatProject)
    // tm/auto: OmegaT inserts exact matches from these memories into the translation.
    const tus = samples.flatMap(({ doc }) =>
      translationUnits(doc).map((unit) => {
        const seg = (translate?: (s: string) => string) => escapeXml(omegatSegment(unit.content, translate))
        return `    <tu><tuv xml:lang="en-GB"><seg>${seg()}</seg></tuv><tuv xml:lang="fr"><seg>${seg(french)}</seg></tuv></tu>`
      }),
    )
    writeFileSync(
      path.join(project, 'tm/auto/seed.tmx'),
      `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n  <header creationtool="test" creationtoolversion="1" segtype="paragraph" o-tmf="none" adminlang="en" srclang="en-GB" datatype="plaintext"/>\n  <body>\n${tus.join('\n')}\n  </body>\n</tmx>\n`,
    )
    // A short run of the JVM: its first, quick compiler only and one GC thread (about 2 s less CPU on two cores, the same translation).
    const jvm = `${process.env.JAVA_TOOL_OPTIONS ?? ''} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC`.trim()
    const translatedRun = await run('omegat', [project, '--mode=console-translate'], { env: { JAVA_TOOL_OPTIONS: jvm } })
    expect(translatedRun.code).toBe(0)
  }, 180_000)

  /** Imports OmegaT's translation of a sample, every unit of it translated; returns the Markdown. */
  async function importSample({ name, file, doc }: Sample): Promise<string> {
    const translated = path.join(project, 'target', `${name}.xlf`)
    expect(xliffStatus(readFileSync(translated, 'utf8')).total.translated.units).toBe(translationUnits(doc).length)
    const out = path.join(project, `${name}.fr.md`)
    const imported = await cliInProcess(['import-xliff', translated, '--source', file, '--out', out, '--quiet'])
    expect([imported.code, imported.stderr]).toEqual([0, ''])
    return readFileSync(out, 'utf8')
  }

  it('the bundled declaration: every unit translated from a small TMX and imported, link included', async () => {
    const xml = readFileSync(path.join(project, 'target', 'declaration.xlf'), 'utf8')
    // OmegaT replaced the pre-filled targets and kept their state and the codes.
    expect(xml).toContain(`<target state="new">${pseudo('COP29 Declaration on Green Digital Action')}</target>`)
    expect(xml).toContain(`<target state="new"><g id="1" ctype="italic">${pseudo('Recognising')}</g> ${pseudo('the imperative')}`)
    expect(xml).toContain(`<g id="1" ctype="x-link">${pseudo('digitalisation@cop29.az')}</g></target>`)
    const status = await cliInProcess(['status', path.join(project, 'target', 'declaration.xlf'), '--json'])
    expect(JSON.parse(status.stdout).total.translated.units).toBe(25)
    const markdown = await importSample(declaration)
    expectTranslated(markdown)
    await expectRenderedTranslation(markdown, declaration.doc)
  })

  it('APEC 2023 (real): the nested italic and bold subtitle and both annex links come back; the rendered DOCX reads translated clause by clause', async () => {
    const xml = readFileSync(path.join(project, 'target', 'apec-golden-gate.xlf'), 'utf8')
    // The codes OmegaT left outside the segment (a whole-unit link, a bold-in-italic subtitle) are kept around the translation.
    expect(xml).toContain(`<target state="new"><g id="1" ctype="italic"><g id="2" ctype="bold">${pseudo('Creating a Resilient and Sustainable Future for All')}</g></g></target>`)
    expect(xml).toContain(`<target state="new"><g id="1" ctype="bold">${pseudo('See Also:')}</g> <g id="2" ctype="italic"><g id="3" ctype="x-link">${pseudo('Accompanying Chair’s Statement')}</g></g></target>`)
    const markdown = await importSample(apec)
    expectTranslated(markdown, apec.doc)
    await expectRenderedTranslation(markdown, apec.doc)
  })

  it('A/RES/73/8 (real): italic leads, the footnote, its reference and the line break come back; the rendered DOCX reads translated clause by clause', async () => {
    const xml = readFileSync(path.join(project, 'target', 'a-res-73-8.xlf'), 'utf8')
    expect(xml).toContain(`<target state="new"><g id="1" ctype="italic">${pseudo('Takes note')}</g> ${pseudo('of the report of the Secretary-General on the implementation of resolution 72/4;')}<x id="2" ctype="x-footnote" equiv-text="1"/></target>`)
    expect(xml).toContain(`<target state="new"><g id="1" ctype="italic">${pseudo('30th plenary meeting')}</g><x id="2" ctype="lb"/><g id="3" ctype="italic">${pseudo('1 November 2018')}</g></target>`)
    const markdown = await importSample(resolution)
    expectTranslated(markdown, resolution.doc)
    expect(markdown).toContain(`1. *${pseudo('Takes note')}* ${pseudo('of the report of the Secretary-General on the implementation of resolution 72/4;')}[^1]`)
    await expectRenderedTranslation(markdown, resolution.doc)
  })
})
