import { defineCommand } from '../command.js'
import { exitCodes } from '../errors.js'
import { readChoice, sourceDate } from '../options.js'
import { compare, emitReport, readPair, requireOut } from '../report.js'

/** `declaration-kit diff`: what changed between two drafts, as a Markdown, HTML or JSON report or a Word redline. */
export const diff = defineCommand({
  name: 'diff',
  summary: 'Compare two drafts clause by clause (report or Word redline)',
  positionals: { usage: 'OLD.md NEW.md', min: 2, max: 2 },
  description: [
    'Matches the clauses of two drafts of one document and shows what was added, removed, moved or\n' +
      'reworded, word by word. Writes a Markdown report (on stdout unless --out), an HTML page, JSON, or a\n' +
      'Word redline with tracked changes. Exits 0 whether or not the drafts differ, 1 when one cannot be read.',
  ],
  options: {
    format: { type: 'string', value: 'FORMAT', description: 'md, html, json or docx (default: md)' },
    out: { type: 'string', value: 'FILE', description: 'File to write (default: standard output; required for docx)' },
    quiet: { type: 'boolean', short: 'q', description: 'Do not report the written file' },
  },
  examples: ['diff draft-1.md draft-2.md', 'diff draft-1.md draft-2.md --format html --out changes.html', 'diff draft-1.md draft-2.md --format docx --out redline.docx'],
  environment: ['SOURCE_DATE_EPOCH'],
  exits: { 0: 'success, whether or not the drafts differ', 1: 'a draft cannot be read, or the two are of different types' },
  async run({ positionals, options }, io) {
    const started = performance.now()
    const format = readChoice('diff', 'format', options.format, ['md', 'html', 'json', 'docx'] as const)
    requireOut('diff', format, options.out)
    const date = sourceDate(io.env)
    const [before, after] = await readPair(positionals, io)
    const content = await compare('diff', async () => {
      if (format === 'docx') {
        const { renderRedlineDocx } = await import('../../render/docx/index.js')
        return renderRedlineDocx(before.document, after.document, date ? { date } : {})
      }
      const { diffDocuments, diffToJson, renderDiffMarkdown } = await import('../../diff/index.js')
      const result = diffDocuments(before.document, after.document)
      if (format === 'html') return (await import('../../render/html/index.js')).renderDiffHtml(result)
      return format === 'json' ? diffToJson(result) : renderDiffMarkdown(result)
    })
    await emitReport({ command: 'diff', content, out: options.out, quiet: options.quiet, inputs: [before, after], started }, io)
    return exitCodes.ok
  },
})
