import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { defineCommand } from '../command.js'
import { CliError, exitCodes, issuesError, usageError } from '../errors.js'
import { emitReport, refuseOverwrite } from '../report.js'
import { displayPath, readSources } from '../sources.js'
import { readText } from './export.js'
import { limits } from '../../model/limits.js'
import { maxInput } from '../read.js'

/** `declaration-kit import-xliff`: rebuilds the translated document from a translated XLIFF and its source. */
export const importXliff = defineCommand({
  name: 'import-xliff',
  summary: 'Rebuild a translated document from a translated XLIFF file',
  positionals: { usage: 'FILE.xlf', min: 1, max: 1 },
  description: [
    'Reads a translated XLIFF exported by "declaration-kit export" and the source document it was made\n' +
      'from, checks that every unit is there, translated and made from the current source text, and\n' +
      'writes the translated document as Markdown (on stdout unless --out).',
  ],
  options: {
    source: { type: 'string', value: 'SOURCE.md', description: 'The source document the XLIFF was exported from (required)' },
    out: { type: 'string', value: 'FILE.md', description: 'File to write (default: standard output)' },
    quiet: { type: 'boolean', short: 'q', description: 'Do not report the written file' },
  },
  examples: ['import-xliff declaration.fr.xlf --source content/declaration.en.md --out declaration.fr.md'],
  async run({ positionals, options }, io) {
    const started = performance.now()
    if (options.source === undefined) throw usageError('import-xliff: --source SOURCE.md is required (the document the XLIFF was exported from)', 'import-xliff')
    const file = positionals[0]!
    if (options.out !== undefined) await refuseOverwrite('import-xliff', options.out, [], [file, options.source], io)
    const [source] = await readSources([options.source], io)
    const limit = Math.max(limits.xliffSize, maxInput(io.env))
    const xliff = await readText(file, io.cwd, limit)
    const { safeFromXliff } = await import('../../interchange/index.js')
    const { renderMarkdown } = await import('../../render/markdown-safe.js')
    const result = safeFromXliff(xliff, source!.document, { file: displayPath(path.resolve(io.cwd, file), io), maxSize: limit })
    if (!result.success) throw issuesError(result.issues)
    const markdown = renderMarkdown(result.data)
    // A target that Markdown would read as something else (a list marker, an id comment) must not be written.
    const { safeParseDocument } = await import('../../parse/index.js')
    const back = safeParseDocument(markdown, { maxSize: Number.MAX_SAFE_INTEGER })
    if (!back.success || !isDeepStrictEqual(back.data, result.data)) {
      const reason = back.success ? 'it reads back as a different document' : back.issues[0]!.message
      throw new CliError(`import-xliff: the translated document would not read back from its Markdown (${reason}); check the targets for Markdown syntax`)
    }
    await emitReport({ command: 'import-xliff', content: markdown, out: options.out, quiet: options.quiet, inputs: [source!], read: [file], started }, io)
    return exitCodes.ok
  },
})
