// For a translator or an editor: what changed between two drafts, as a readable report and as a Word
// redline whose tracked changes can be accepted or rejected one by one.
// Run it with `npx tsx examples/compare-drafts.ts OLD.md NEW.md out`.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { DocumentError, diffDocuments, formatIssue, parseDocument, renderDiffMarkdown } from 'declaration-kit'
import { renderRedlineDocx } from 'declaration-kit/docx'

const [oldFile, newFile, folder = 'out'] = process.argv.slice(2)
if (!oldFile || !newFile) {
  console.error('usage: compare-drafts OLD.md NEW.md [FOLDER]')
  process.exit(2)
}

// A user's mistake is reported in a line each, never as a stack trace: a file that cannot be read by
// its name and reason, an invalid draft by its issues (`draft-2.md:31:3 objective "IX": …`).
function fail(error: unknown): never {
  if (error instanceof DocumentError) console.error(error.issues.map(formatIssue).join('\n'))
  else {
    const { code, path: file, message } = error as NodeJS.ErrnoException
    console.error(code === 'ENOENT' ? `${file}: no such file` : code === 'EISDIR' ? `${file}: is a folder, expected a file` : message)
  }
  process.exit(1)
}

try {
  // `file` makes every parse issue say where it is.
  const [before, after] = await Promise.all([oldFile, newFile].map(async (file) => parseDocument(await readFile(file), { file })))
  const diff = diffDocuments(before!, after!)
  const { added, removed, modified, moved } = diff.summary

  await mkdir(folder, { recursive: true })
  await writeFile(path.join(folder, 'changes.md'), renderDiffMarkdown(diff))
  await writeFile(path.join(folder, 'redline.docx'), await renderRedlineDocx(before!, after!))
  console.log(`${added} added, ${removed} removed, ${modified} modified, ${moved} moved: wrote changes.md and redline.docx in ${folder}`)
} catch (error) {
  fail(error)
}
