import { defineCommand } from '../command.js'
import { exitCodes } from '../errors.js'
import { readChoice, sourceDate } from '../options.js'
import { compare, emitReport, readPair, requireOut } from '../report.js'

/** `declaration-kit align`: a document and its translation side by side, clause by clause. */
export const align = defineCommand({
  name: 'align',
  summary: 'Pair each clause of a document with its translation',
  positionals: { usage: 'SOURCE.md TARGET.md', min: 2, max: 2 },
  description: [
    'Pairs the clauses of two language versions of one document by id and flags clauses missing from the\n' +
      'translation, extra in it, or at another place. Writes a Markdown table (on stdout unless --out) or a\n' +
      'Word table for translators, or a TMX 1.4 translation memory of the matched pairs (--format tmx). A clause\n' +
      'whose inline structure differs (title, lead, links) or whose target is still the source text is listed,\n' +
      'not counted as matched.',
  ],
  options: {
    format: { type: 'string', value: 'FORMAT', description: 'md, docx or tmx (default: md)' },
    out: { type: 'string', value: 'FILE', description: 'File to write (default: standard output; required for docx)' },
    quiet: { type: 'boolean', short: 'q', description: 'Do not report the written file' },
  },
  examples: ['align declaration.en.md declaration.fr.md', 'align declaration.en.md declaration.fr.md --format docx --out alignment.docx', 'align declaration.en.md declaration.fr.md --format tmx --out declaration.en-fr.tmx'],
  environment: ['SOURCE_DATE_EPOCH'],
  async run({ positionals, options }, io) {
    const started = performance.now()
    const format = readChoice('align', 'format', options.format, ['md', 'docx', 'tmx'] as const)
    requireOut('align', format, options.out)
    const date = sourceDate(io.env)
    const [source, target] = await readPair(positionals, io)
    const content = await compare('align', async () => {
      const { alignDocuments, renderAlignmentMarkdown } = await import('../../diff/index.js')
      const alignment = alignDocuments(source.document, target.document)
      if (format === 'md') return renderAlignmentMarkdown(alignment)
      if (format === 'tmx') {
        const { toTmx } = await import('../../interchange/index.js')
        return toTmx(alignment)
      }
      const { renderAlignmentDocx } = await import('../../render/docx/index.js')
      return renderAlignmentDocx(alignment, date ? { date } : {})
    })
    await emitReport({ command: 'align', content, out: options.out, quiet: options.quiet, inputs: [source, target], started }, io)
    return exitCodes.ok
  },
})
