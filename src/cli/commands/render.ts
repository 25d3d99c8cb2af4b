import { realpath } from 'node:fs/promises'
import path from 'node:path'
import { annexPool, assertAnnexes } from '../annexes.js'
import { defineCommand } from '../command.js'
import { CliError, exitCodes, issuesError } from '../errors.js'
import { DocumentError } from '../../model/issues.js'
import { limits, overlongWords } from '../../model/limits.js'
import type { Format } from '../formats.js'
import type { Io } from '../io.js'
import { readHouseStyle } from '../house-style.js'
import { readFormats, readPageSize, sourceDate } from '../options.js'
import { formatSize } from '../report.js'
import { bundledFiles, displayPath, readSources, type Source } from '../sources.js'
import { writeAtomically, type Output } from '../write.js'
import { missingGlyphIssue } from '../../render/glyphs.js'
import { emblemFormat } from '../../render/emblem.js'

/** `declaration-kit render`: Markdown, PDF, DOCX and HTML files of the given (or the bundled) documents. */
export const render = defineCommand({
  name: 'render',
  summary: 'Render documents to Markdown, PDF, DOCX and HTML',
  positionals: { usage: '[FILES...]', min: 0, max: Infinity },
  description: [
    'Renders each document to every format asked for. With no FILES, renders the bundled documents.\n' +
      'Each output is named after its source: content/letter.fr.md -> out/letter.fr.pdf. A letter\'s annexes\n' +
      'are found by id among the FILES, then among the bundled documents.',
  ],
  options: {
    format: { type: 'string', value: 'LIST', description: 'Formats, comma-separated: md, pdf, docx, html (default: all)' },
    out: { type: 'string', value: 'DIR', description: 'Folder to write into (default: out)' },
    'no-annex': { type: 'boolean', description: 'Render a letter without its annexed declarations' },
    'page-size': { type: 'string', value: 'SIZE', description: "Paper size of PDF and DOCX files: A4 or LETTER (default: the house style's)" },
    'house-style': { type: 'string', value: 'FILE', description: 'House style of PDF and DOCX files, as JSON (default: the ITU style, with letterhead and address footer)' },
    'allow-missing-glyphs': { type: 'boolean', description: 'Print a character no font has as an empty box, with a warning, instead of failing' },
    quiet: { type: 'boolean', short: 'q', description: 'Do not list the written files' },
  },
  examples: ['render', 'render content/letter.fr.md --format pdf,docx --out build', 'render my-draft.md --format md --no-annex', 'render --house-style my-office.json'],
  environment: ['SOURCE_DATE_EPOCH'],
  async run({ positionals, options }, io) {
    const chosen = readFormats('render', options.format)
    const pageSize = options['page-size'] === undefined ? undefined : readPageSize('render', options['page-size'])
    const { houseStyle, emblem } = await readHouseStyle(options['house-style'], io)
    const date = sourceDate(io.env)
    const sources = await readSources(positionals.length ? positionals : await bundledFiles(), io)
    const annex = !options['no-annex']
    const annexes = annex ? await annexPool(sources, io) : []
    if (annex) assertAnnexes(sources, annexes)
    const folder = path.resolve(io.cwd, options.out ?? 'out')
    // Resolve symbolic links so that an output is compared with the inputs' real paths.
    const planned = planOutputs(sources, chosen, await realpath(folder).catch(() => folder), io)
    if (chosen.some((format) => format.name === 'pdf')) for (const source of sources) warnLongWords(source, io)
    if (emblem && emblemFormat(emblem) === 'svg' && chosen.some((format) => format.name === 'docx') && sources.some((source) => source.document.type === 'letter')) {
      io.stderr(`${options['house-style']}: warning: letterhead.emblem: an SVG emblem is drawn in the PDF only; give a PNG to have it in the DOCX too\n`)
    }
    const renderers = new Map(await Promise.all(chosen.map(async (format) => [format, await format.load()] as const)))

    // Everything is rendered in memory before the first byte is written: a failure writes nothing.
    const outputs: (Output & { milliseconds: number })[] = []
    for (const { source, format, target } of planned) {
      const started = performance.now()
      const bytes = await renderers.get(format)!(source.document, {
        annexes,
        annex,
        houseStyle,
        ...(pageSize ? { pageSize } : {}),
        ...(emblem ? { emblem } : {}),
        ...(date ? { date } : {}),
        ...(options['allow-missing-glyphs'] ? { allowMissingGlyphs: true, onMissingGlyph: (character: string) => io.stderr(`${placeOf(source, character)}: warning: ${missingGlyphIssue(character).message}\n`) } : {}),
      }).catch((error: unknown) => {
        if (error instanceof DocumentError) throw issuesError(error.issues.map((issue) => ({ file: source.name, ...issue, ...glyphPlace(source, issue.message) })))
        throw new CliError(`${source.name}: cannot render ${format.name}: ${(error as Error).message}`)
      })
      outputs.push({ path: target, name: displayPath(target, io), bytes, milliseconds: performance.now() - started })
    }
    const width = Math.max(...outputs.map((output) => output.name.length))
    await writeAtomically(outputs, (output) => {
      if (!options.quiet) io.stderr(`${output.name.padEnd(width)}  ${formatSize(output.bytes.length).padStart(9)}  ${Math.round(output.milliseconds)} ms\n`)
    })
    return exitCodes.ok
  },
})

// A character no font has is found in the source, so that the error says where it is.
function glyphPlace(source: Source, message: string): { line?: number; column?: number } {
  const character = /^character "(.+?)" \(U\+/u.exec(message)?.[1]
  if (!character) return {}
  const index = source.text.indexOf(character)
  if (index < 0) return {}
  const before = source.text.slice(0, index).split('\n')
  return { line: before.length, column: [...before.at(-1)!].length + 1 }
}

function placeOf(source: Source, character: string): string {
  const { line, column } = glyphPlace(source, `character "${character}" (U+`)
  return line ? `${source.name}:${line}:${column}` : source.name
}

// The PDF breaks a word too long to set whole; the author is told where it is.
function warnLongWords(source: Source, io: Io): void {
  for (const word of overlongWords(source.document)) {
    const index = source.text.indexOf(word.slice(0, 80))
    const line = index === -1 ? '' : `:${source.text.slice(0, index).split('\n').length}`
    const shown = word.length > 40 ? `${word.slice(0, 40)}…` : word
    io.stderr(`${source.name}${line} warning: the word "${shown}" (${[...word].length} characters) is longer than ${limits.wordLength}; the PDF breaks it across lines\n`)
  }
}

// Each output is named after the file as the user named it (not the target of a symbolic link).
function planOutputs(sources: readonly Source[], chosen: readonly Format[], folder: string, io: Io) {
  const inputs = new Map(sources.map((source) => [source.path, source]))
  const targets = new Map<string, Source>()
  return sources.flatMap((source) =>
    chosen.map((format) => {
      const target = path.join(folder, path.basename(source.name).replace(/\.(md|markdown)$/i, '') + format.extension)
      const input = inputs.get(target)
      if (input) throw new CliError(`render: refusing to overwrite the input file ${input.name}; choose another --out folder`)
      const other = targets.get(target)
      if (other) throw new CliError(`render: ${other.name} and ${source.name} would both write ${displayPath(target, io)}; render them separately`)
      targets.set(target, source)
      return { source, format, target }
    }),
  )
}
