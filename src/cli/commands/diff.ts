import { defineCommand } from '../command.js'
import { exitCodes, usageError } from '../errors.js'
import { readHouseStyle } from '../house-style.js'
import { readChoice, readIsoDate, sourceDate } from '../options.js'
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
    'The redline looks like the new draft as `render --format docx` writes it (house style, styles, lists,\n' +
      'page), with each reworded stretch of a clause as one deletion and one insertion. Its changes are signed\n' +
      '--author (default "Reviewer") and dated --date, else SOURCE_DATE_EPOCH, else the new letter\'s date, else now.',
  ],
  options: {
    format: { type: 'string', value: 'FORMAT', description: 'md, html, json or docx (default: md)' },
    out: { type: 'string', value: 'FILE', description: 'File to write (default: standard output; required for docx)' },
    author: { type: 'string', value: 'NAME', description: 'Author of the tracked changes (docx; default: Reviewer)' },
    date: { type: 'string', value: 'ISO', description: 'Date of the tracked changes, 2024-11-07 or 2024-11-07T09:30:00Z (docx)' },
    'house-style': { type: 'string', value: 'FILE', description: 'House style of the redline, as render takes it (docx; default: the ITU style)' },
    quiet: { type: 'boolean', short: 'q', description: 'Do not report the written file' },
  },
  examples: ['diff draft-1.md draft-2.md', 'diff draft-1.md draft-2.md --format html --out changes.html', 'diff draft-1.md draft-2.md --format docx --out redline.docx --author Secretariat --date 2024-11-07'],
  environment: ['SOURCE_DATE_EPOCH'],
  exits: { 0: 'success, whether or not the drafts differ', 1: 'a draft cannot be read, or the two are of different types' },
  async run({ positionals, options }, io) {
    const started = performance.now()
    const format = readChoice('diff', 'format', options.format, ['md', 'html', 'json', 'docx'] as const)
    requireOut('diff', format, options.out)
    for (const option of ['author', 'date', 'house-style'] as const) {
      if (options[option] !== undefined && format !== 'docx') throw usageError(`diff: --${option} applies to the Word redline only; add --format docx`, 'diff')
    }
    if (options.author !== undefined && !options.author.trim()) throw usageError('diff: --author needs a name', 'diff')
    const date = readIsoDate('diff', '--date', options.date) ?? sourceDate(io.env)
    const [before, after] = await readPair(positionals, io)
    const { houseStyle, emblem } = format === 'docx' ? await readHouseStyle(options['house-style'], io) : {}
    const content = await compare('diff', async () => {
      if (format === 'docx') {
        const { renderRedlineDocx } = await import('../../render/docx/index.js')
        // A declaration has no date of its own: its changes are dated now, as an editor's would be.
        const dated = date ?? (after.document.type === 'declaration' ? new Date(Math.floor(Date.now() / 1000) * 1000) : undefined)
        return renderRedlineDocx(before.document, after.document, {
          houseStyle,
          ...(emblem ? { emblem } : {}),
          ...(dated ? { date: dated } : {}),
          ...(options.author ? { author: options.author.trim() } : {}),
        })
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
