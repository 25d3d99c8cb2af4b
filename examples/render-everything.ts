// For a document team: every format of both bundled documents, written into one folder.
// Run it with `npx tsx examples/render-everything.ts out` (the CLI does the same: `npx declaration-kit render --out out`).
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { cop29Declaration, cop29Letter, renderMarkdown } from 'declaration-kit'
import { renderDocx } from 'declaration-kit/docx'
import { renderHtml } from 'declaration-kit/html'
import { renderPdf } from 'declaration-kit/pdf'

// A folder that cannot be written is reported in one line, not as a stack trace.
process.on('uncaughtException', (error) => {
  console.error(error.message)
  process.exit(1)
})

const folder = process.argv[2] ?? 'out'
await mkdir(folder, { recursive: true })

// The letter carries the declaration as its annex: renderers find it by id among `annexes`.
const annexes = [cop29Declaration]
const documents = { 'declaration.en': cop29Declaration, 'letter.fr': cop29Letter }

for (const [name, doc] of Object.entries(documents)) {
  const files = {
    [`${name}.md`]: renderMarkdown(doc),
    [`${name}.pdf`]: await renderPdf(doc, { annexes }),
    [`${name}.docx`]: await renderDocx(doc, { annexes }),
    [`${name}.html`]: renderHtml(doc, { annexes }),
  }
  for (const [file, content] of Object.entries(files)) {
    await writeFile(path.join(folder, file), content)
    console.log(`wrote ${path.join(folder, file)}`)
  }
}
