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
      'Word table for translators.',
  ],
  options: {
    format: { type: 'string', value: 'FORMAT', description: 'md or docx (default: md)' },
    out: { type: 'string', value: 'FILE', description: 'File to write (default: standard output; required for docx)' },
    quiet: { type: 'boolean', short: 'q', description: 'Do not report the written file' },
  },
  examples: ['align declaration.en.md declaration.fr.md', 'align declaration.en.md declaration.fr.md --format docx --out alignment.docx'],
  environment: ['SOURCE_DATE_EPOCH'],
  async run({ positionals, options }, io) {
    const started = performance.now()
    const format = readChoice('align', 'format', options.format, ['md', 'docx'] as const)
    requireOut('align', format, options.out)
    const date = sourceDate(io.env)
    const [source, target] = await readPair(positionals, io)
    const content = await compare('align', async () => {
      const { alignDocuments, renderAlignmentMarkdown } = await import('../../diff/index.js')
      const alignment = alignDocuments(source.document, target.document)
      if (format === 'md') return renderAlignmentMarkdown(alignment)
      const { renderAlignmentDocx } = await import('../../render/docx/index.js')
      return renderAlignmentDocx(alignment, date ? { date } : {})
    })
    await emitReport({ command: 'align', content, out: options.out, quiet: options.quiet, inputs: [source, target], started }, io)
    return exitCodes.ok
  },
})
