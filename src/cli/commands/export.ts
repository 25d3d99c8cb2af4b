import path from 'node:path'
import { defineCommand } from '../command.js'
import { exitCodes, usageError } from '../errors.js'
import { readChoice } from '../options.js'
import { annexPool, assertAnnexes } from '../annexes.js'
import { compare, emitReport } from '../report.js'
import { readSources } from '../sources.js'
import { CliError } from '../errors.js'
import { limits } from '../../model/limits.js'
import { maxInput, readLimited, TooLarge, tooLargeMessage } from '../read.js'

/** `declaration-kit export`: a document as XLIFF 2.0 or 1.2 for translators' tools, or as Akoma Ntoso 3.0. */
export const exportCommand = defineCommand({
  name: 'export',
  summary: 'Export a document as XLIFF 2.0 or 1.2 (translation) or Akoma Ntoso 3.0',
  positionals: { usage: 'FILE [ANNEX_FILES...]', min: 1, max: Infinity },
  description: [
    'Writes XLIFF with one unit per clause for CAT tools (--target-lang required; --previous carries an\n' +
      'earlier translation forward): XLIFF 2.0 by default, XLIFF 1.2 with --xliff-version 1.2 for tools that\n' +
      'read only 1.x (translate-toolkit, OmegaT; add --prefill for OmegaT, which translates targets). Or\n' +
      'Akoma Ntoso 3.0 XML (a letter with its annexed declarations; a declaration on its own needs --date).\n' +
      'Writes to standard output unless --out is given.',
    'FILE is the document exported. A letter\'s annexes are found by id among the ANNEX_FILES, then among\n' +
      'the bundled documents, as render finds them.',
  ],
  options: {
    format: { type: 'string', value: 'FORMAT', description: 'xliff or akn (required)' },
    'target-lang': { type: 'string', value: 'TAG', description: 'Language to translate into, for xliff (e.g. fr)' },
    previous: { type: 'string', value: 'FILE', description: 'An earlier translated XLIFF whose targets carry forward' },
    'xliff-version': { type: 'string', value: 'VERSION', description: 'XLIFF version: 2.0 (default) or 1.2' },
    prefill: { type: 'boolean', description: 'Fill untranslated targets with the source, state new/initial (for OmegaT)' },
    date: { type: 'string', value: 'YYYY-MM-DD', description: 'Date of a declaration exported alone as akn' },
    out: { type: 'string', value: 'FILE', description: 'File to write (default: standard output)' },
    quiet: { type: 'boolean', short: 'q', description: 'Do not report the written file' },
  },
  examples: [
    'export --format xliff --target-lang fr content/declaration.en.md --out declaration.fr.xlf',
    'export --format xliff --xliff-version 1.2 --prefill --target-lang fr content/declaration.en.md --out declaration.fr.xlf',
    'export --format akn content/letter.fr.md --out cl-24-63.akn.xml',
    'export --format akn my-letter.fr.md declaration.en.md --out my-letter.akn.xml',
  ],
  async run({ positionals, options }, io) {
    const started = performance.now()
    if (options.format === undefined) throw usageError('export: --format is required (xliff or akn)', 'export')
    const format = readChoice('export', 'format', options.format, ['xliff', 'akn'] as const)
    if (format === 'xliff' && options['target-lang'] === undefined) throw usageError('export: --format xliff needs --target-lang TAG (e.g. fr)', 'export')
    const version = readChoice('export', 'XLIFF version', options['xliff-version'], ['2.0', '1.2'] as const)
    if (format !== 'xliff' && (options['xliff-version'] !== undefined || options.prefill)) {
      throw usageError('export: --xliff-version and --prefill apply to --format xliff only', 'export')
    }
    const sources = await readSources(positionals, io)
    const source = sources[0]!
    const previous = options.previous === undefined ? undefined : await readText(options.previous, io.cwd, Math.max(limits.xliffSize, maxInput(io.env)))
    const content = await compare('export', async () => {
      const { toXliff, toAkomaNtoso } = await import('../../interchange/index.js')
      if (format === 'xliff') {
        return toXliff(source.document, { targetLanguage: options['target-lang']!, version, prefill: options.prefill, ...(previous === undefined ? {} : { previous }) })
      }
      const pool = await annexPool(sources, io)
      assertAnnexes(sources, pool)
      return toAkomaNtoso(source.document, { annexes: pool, ...(options.date === undefined ? {} : { date: options.date }) })
    })
    await emitReport({ command: 'export', content, out: options.out, quiet: options.quiet, inputs: sources, read: options.previous === undefined ? [] : [options.previous], started }, io)
    return exitCodes.ok
  },
})

/** Reads a text file named on the command line; a missing file is a clear error, not a stack trace. */
export async function readText(file: string, cwd: string, limit: number = limits.xliffSize): Promise<string> {
  try {
    return new TextDecoder().decode(await readLimited(path.resolve(cwd, file), limit))
  } catch (error) {
    if (error instanceof TooLarge) throw new CliError(`${file}: ${tooLargeMessage(limit)}`)
    const code = (error as NodeJS.ErrnoException).code
    throw new CliError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, expected a file' : 'cannot be read'}`)
  }
}
