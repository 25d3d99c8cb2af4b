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
      'from (XLIFF 2.x or 1.2, told apart by namespace), checks that every unit is there, translated, made\n' +
      'from the current source text and keeps its links, and writes the translated document as Markdown\n' +
      '(on stdout unless --out). Untranslated units and stale targets (carried from an earlier source, not\n' +
      'reviewed) are errors unless --allow-untranslated (source text kept, counted on stderr) or --accept-stale.',
  ],
  options: {
    source: { type: 'string', value: 'SOURCE.md', description: 'The source document the XLIFF was exported from (required)' },
    out: { type: 'string', value: 'FILE.md', description: 'File to write (default: standard output)' },
    'allow-untranslated': { type: 'boolean', description: 'Keep the source text where a unit is untranslated, and say how many' },
    'accept-stale': { type: 'boolean', description: 'Take stale targets (translated from an earlier source) as they are' },
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
    const { safeImportXliff } = await import('../../interchange/index.js')
    const { renderMarkdown } = await import('../../render/markdown-safe.js')
    const name = displayPath(path.resolve(io.cwd, file), io)
    const result = safeImportXliff(xliff, source!.document, {
      file: name,
      maxSize: limit,
      allowUntranslated: options['allow-untranslated'],
      acceptStale: options['accept-stale'],
    })
    if (!result.success) throw issuesError(result.issues)
    const { document, untranslated, stale } = result.data
    const markdown = renderMarkdown(document)
    // A target that Markdown would read as something else (a list marker, an id comment) must not be written.
    const { safeParseDocument } = await import('../../parse/index.js')
    const back = safeParseDocument(markdown, { maxSize: Number.MAX_SAFE_INTEGER })
    if (!back.success || !isDeepStrictEqual(back.data, document)) {
      const reason = back.success ? 'it reads back as a different document' : back.issues[0]!.message
      throw new CliError(`import-xliff: the translated document would not read back from its Markdown (${reason}); check the targets for Markdown syntax`)
    }
    if (untranslated.length) io.stderr(`${name}: ${count(untranslated.length, 'unit')} untranslated, source text kept: ${untranslated.join(', ')}\n`)
    if (stale.length) io.stderr(`${name}: ${count(stale.length, 'stale target')} taken as they are: ${stale.join(', ')}\n`)
    await emitReport({ command: 'import-xliff', content: markdown, out: options.out, quiet: options.quiet, inputs: [source!], read: [file], started }, io)
    return exitCodes.ok
  },
})

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
