import { readFileSync } from 'node:fs'
import { parseDeclaration } from '/work/main/src/parse/index.ts'
import { renderPdf } from '/work/main/src/render/pdf/index.ts'
import { renderText, words } from '/work/main/src/render/text.ts'
import { toXliff, fromXliff, toAkomaNtoso } from '/work/main/src/interchange/index.ts'
import { fillTargets, validateAkn } from '/work/main/test/helpers/interchange.ts'
import { readPdf } from '/work/main/test/pdf-reader.ts'
import { alignDocuments } from '/work/main/src/diff/align-documents.ts'
const name = process.argv[2]!
const doc = parseDeclaration(readFileSync(`test/fixtures/real/${name}.md`, 'utf8'))
const mode = process.argv[3]
if (mode === 'pdf') {
  const a = words((await readPdf(await renderPdf(doc))).pages.join(' ')); const b = words(renderText(doc))
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) { console.log(i, a.slice(i - 3, i + 5), b.slice(i - 3, i + 5)); break }
}
if (mode === 'xliff') { try { fromXliff(fillTargets(toXliff(doc, { targetLanguage: 'de' })), doc) } catch (e: any) { console.log(e.message.slice(0, 1500)) } }
if (mode === 'akn') console.log((await validateAkn(toAkomaNtoso(doc, { date: '1948-12-10' }))).slice(0, 5))
if (mode === 'align') { const r = alignDocuments(doc, parseDeclaration(readFileSync(`test/fixtures/real/udhr.fr.md`, 'utf8'))); console.log(r.summary, r.rows.filter(x => x.status !== 'same').slice(0, 8)) }
if (mode === 'diff') { const { diffDocuments } = await import('/work/main/src/diff/diff-documents.ts'); const d = diffDocuments(doc, doc); console.log(d.changes.filter((c: any) => c.kind !== 'unchanged').slice(0, 3)) ; const back = fromXliff(fillTargets(toXliff(doc, { targetLanguage: 'de' })), doc); console.log(JSON.stringify({...back, language: doc.language}) === JSON.stringify(doc)) }
if (mode === 'docx') { const mammoth = (await import('mammoth')).default; const { renderDocx } = await import('/work/main/src/render/docx/render.ts'); const raw = (await mammoth.extractRawText({ buffer: Buffer.from(await renderDocx(doc)) })).value; console.log(raw.slice(0, 600)); console.log('----'); console.log(raw.slice(-700)) }
if (mode === 'xl') { const { validateXliff } = await import('/work/main/test/helpers/interchange.ts'); console.log((await validateXliff(toXliff(doc, { targetLanguage: 'de' }))).slice(0,3)) }
if (mode === 'dw') { const mammoth = (await import('mammoth')).default; const { renderDocx } = await import('/work/main/src/render/docx/render.ts'); const raw = words((await mammoth.extractRawText({ buffer: Buffer.from(await renderDocx(doc)) })).value); const b = words(renderText(doc)); for (let i = 0; i < b.length; i++) if (raw[i] !== b[i]) { console.log(i, raw.slice(i - 3, i + 5), b.slice(i - 3, i + 5)); break } }
if (mode === 'xml') { const { renderDocx } = await import('/work/main/src/render/docx/render.ts'); const { unzipSync, strFromU8 } = await import('fflate'); const x = strFromU8(unzipSync(await renderDocx(doc))['word/document.xml']); const i = x.indexOf(process.argv[4]); console.log(x.slice(i - 700, i + 200)) }
