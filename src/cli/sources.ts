import { readdir, readFile, realpath, stat } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import type { Document } from '../model/document.js'
import type { Issue } from '../model/issues.js'
import { CliError, issuesError } from './errors.js'
import type { Io } from './io.js'
import { maxInput, readLimited, TooLarge, tooLargeMessage } from './read.js'

/** A document read from a file, with the path it came from. */
export interface Source {
  /** Absolute path (symbolic links resolved), to compare with output paths. */
  path: string
  /** Path as printed: relative to the working folder. */
  name: string
  /** The file's text, for finding places the model does not keep. */
  text: string
  document: Document
}

// dist/cli.js (and its chunks) sit one folder below the package root, src/cli/*.ts two.
const packageRoots = ['../', '../../'].map((relative) => fileURLToPath(new URL(relative, import.meta.url)))

async function isOurPackage(root: string): Promise<boolean> {
  const manifest = await readFile(path.join(root, 'package.json'), 'utf8').catch(() => '{}')
  return (JSON.parse(manifest) as { name?: unknown }).name === 'declaration-kit'
}

/** The package's own `content/` folder, holding the bundled documents. */
export async function bundledFolder(): Promise<string> {
  for (const root of packageRoots) {
    if (await isOurPackage(root)) return path.join(root, 'content')
  }
  throw new CliError(`the bundled documents were not found (no declaration-kit package.json in ${packageRoots.join(' or ')})`)
}

/** The Markdown files of the bundled `content/` folder, sorted by name. */
export async function bundledFiles(): Promise<string[]> {
  const folder = await bundledFolder()
  const names = (await readdir(folder)).filter((name) => name.endsWith('.md')).sort()
  return names.map((name) => path.join(folder, name))
}

/** How a path is printed: relative to the working folder when it is inside it. */
export function displayPath(file: string, io: Io): string {
  const relative = path.relative(io.cwd, path.resolve(io.cwd, file))
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.resolve(io.cwd, file)
}

const fileErrors: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a folder; expected a Markdown file',
}

// A file that cannot be read has no line or column: the message starts with its name.
const fileIssue = (name: string, message: string): Issue => ({ code: 'unreadable_file', message: `${name}: ${message}`, path: [] })

// The parser (zod, remark, yaml) loads on first use, so that --help and usage errors answer at once.
const parser = () => import('../parse/index.js')

// The bytes and real path of a file, or why it cannot be read.
async function readBytes(absolute: string, limit: number): Promise<{ bytes: Uint8Array; real: string } | string> {
  try {
    if ((await stat(absolute)).isDirectory()) return fileErrors.EISDIR!
    const [bytes, real] = await Promise.all([readLimited(absolute, limit), realpath(absolute)])
    return { bytes, real }
  } catch (error) {
    if (error instanceof TooLarge) return tooLargeMessage(limit)
    const code = (error as NodeJS.ErrnoException).code ?? ''
    return fileErrors[code] ?? `cannot be read (${(error as Error).message})`
  }
}

async function readOne(file: string, io: Io): Promise<Source | Issue[]> {
  const name = displayPath(file, io)
  const limit = maxInput(io.env)
  const read = await readBytes(path.resolve(io.cwd, file), limit)
  if (typeof read === 'string') return [fileIssue(name, read)]
  const { safeParseDocument } = await parser()
  const result = safeParseDocument(read.bytes, { file: name, maxSize: limit })
  if (!result.success) return result.issues
  return { path: read.real, name, text: new TextDecoder().decode(read.bytes), document: result.data }
}

/** Reads and parses every file, keeping the valid documents and the issues of the others (the same file named twice is read once). */
export async function loadSources(files: readonly string[], io: Io): Promise<{ sources: Source[]; issues: Issue[] }> {
  const results = await Promise.all(files.map((file) => readOne(file, io)))
  const sources = new Map<string, Source>()
  const issues: Issue[] = []
  for (const result of results) {
    if (Array.isArray(result)) issues.push(...result)
    else sources.set(result.path, result)
  }
  return { sources: [...sources.values()], issues }
}

/** Reads and parses every file; throws a `CliError` listing every issue of every file when any is not a valid document. */
export async function readSources(files: readonly string[], io: Io): Promise<Source[]> {
  const { sources, issues } = await loadSources(files, io)
  if (issues.length) throw issuesError(issues)
  return sources
}
