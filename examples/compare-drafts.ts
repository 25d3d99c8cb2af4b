// For a translator or an editor: what changed between two drafts, as a readable report and as a Word
// redline whose tracked changes can be accepted or rejected one by one.
// Run it with `npx tsx examples/compare-drafts.ts OLD.md NEW.md out`.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { diffDocuments, parseDocument, renderDiffMarkdown } from 'declaration-kit'
import { renderRedlineDocx } from 'declaration-kit/docx'

const [oldFile, newFile, folder = 'out'] = process.argv.slice(2)
if (!oldFile || !newFile) {
  console.error('usage: compare-drafts OLD.md NEW.md [FOLDER]')
  process.exit(2)
}

// `file` makes every parse issue say where it is: `draft-2.md:31:3 objective "IX": …`.
const [before, after] = await Promise.all([oldFile, newFile].map(async (file) => parseDocument(await readFile(file), { file })))
const diff = diffDocuments(before!, after!)
const { added, removed, modified, moved } = diff.summary

await mkdir(folder, { recursive: true })
await writeFile(path.join(folder, 'changes.md'), renderDiffMarkdown(diff))
await writeFile(path.join(folder, 'redline.docx'), await renderRedlineDocx(before!, after!))
console.log(`${added} added, ${removed} removed, ${modified} modified, ${moved} moved: wrote changes.md and redline.docx in ${folder}`)
