import { realpath } from 'node:fs/promises'
import path from 'node:path'
import { DocumentError } from '../model/issues.js'
import { CliError, issuesError, usageError } from './errors.js'
import type { Io } from './io.js'
import { displayPath, loadSources, type Source } from './sources.js'
import { writeAtomically } from './write.js'

/** Reads the two documents a comparison takes (the same file may be named twice); throws a `CliError` listing every issue. */
export async function readPair(files: readonly string[], io: Io): Promise<[Source, Source]> {
  const results = await Promise.all(files.map((file) => loadSources([file], io)))
  const issues = results.flatMap((result) => result.issues)
  if (issues.length) throw issuesError(issues)
  return [results[0]!.sources[0]!, results[1]!.sources[0]!]
}

/** Runs a comparison, turning the `DocumentError` it may throw (documents of different types) into a `CliError`. */
export async function compare<T>(command: string, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof DocumentError) throw issuesError(error.issues.map((issue) => ({ ...issue, message: issue.file ? issue.message : `${command}: ${issue.message}` })))
    throw error
  }
}

/** A binary format cannot go to standard output: asks for `--out` before any work is done. */
export function requireOut(command: string, format: string, out: string | undefined): void {
  if (format === 'docx' && out === undefined) throw usageError(`${command}: --format docx writes a Word file; name it with --out FILE`, command)
}

/** Where a report goes: standard output (text formats only) or a file written atomically, never over an input. */
export async function emitReport(
  report: {
    command: string
    content: string | Uint8Array
    out: string | undefined
    quiet: boolean
    inputs: readonly Source[]
    /** Other files the command read (an XLIFF, a previous translation), as named on the command line. */
    read?: readonly string[]
    started: number
  },
  io: Io,
): Promise<void> {
  const { command, content, out, inputs } = report
  if (out === undefined) {
    io.stdout(typeof content === 'string' ? content : new TextDecoder().decode(content))
    return
  }
  await refuseOverwrite(command, out, inputs, report.read ?? [], io)
  const target = path.resolve(io.cwd, out)
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
  const name = displayPath(target, io)
  await writeAtomically([{ path: target, name, bytes }], () => {
    if (!report.quiet) io.stderr(`${name}  ${formatSize(bytes.length)}  ${Math.round(performance.now() - report.started)} ms\n`)
  })
}

/**
 * Throws when `--out` names one of the files a command reads (a source document, an XLIFF, a previous
 * translation), symbolic links resolved; commands call it before any work, and again when writing.
 */
export async function refuseOverwrite(command: string, out: string, inputs: readonly Source[], read: readonly string[], io: Io): Promise<void> {
  const target = path.resolve(io.cwd, out)
  const real = await realpath(path.dirname(target)).then((folder) => path.join(folder, path.basename(target)), () => target)
  const files = await Promise.all(read.map(async (file) => ({ name: file, path: await realpath(path.resolve(io.cwd, file)).catch(() => path.resolve(io.cwd, file)) })))
  const input = [...inputs, ...files].find((source) => source.path === real)
  if (input) throw new CliError(`${command}: refusing to overwrite the input file ${input.name}; choose another --out file`)
}

/** A file size as printed after a written file: bytes below 1 kB, else kB with one decimal. */
export function formatSize(bytes: number): string {
  return bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} kB`
}
