import { rmSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { CliError, exitCodes } from './errors.js'

/** A file to write: where, and its whole content. */
export interface Output {
  /** Absolute path. */
  path: string
  /** Path as printed. */
  name: string
  bytes: Uint8Array
}

// Temporary files and locks not yet removed; removed on an error or an interrupt.
const pending = new Set<string>()

function removePending(): void {
  for (const file of pending) rmSync(file, { force: true })
  pending.clear()
}

function onSignal(signal: NodeJS.Signals): void {
  removePending()
  process.exit(signal === 'SIGINT' ? exitCodes.interrupted : 128 + 15)
}

function temporaryPath(file: string): string {
  // Same folder as the target, so the rename is atomic (same file system).
  const suffix = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`
  return path.join(path.dirname(file), `.${path.basename(file)}.${suffix}.tmp`)
}

// Kernel and device file systems: writing there talks to the system, not to a document folder.
const systemFolders = ['/proc', '/sys', '/dev']
const systemFileSystems = new Set([0x9fa0 /* proc */, 0x62656572 /* sysfs */, 0x64626720 /* debugfs */, 0x27e0eb /* cgroup */, 0x63677270 /* cgroup2 */, 0x1cd1 /* devpts */])

function kindOf(stats: import('node:fs').Stats): string {
  if (stats.isCharacterDevice()) return 'a character device'
  if (stats.isBlockDevice()) return 'a block device'
  if (stats.isFIFO()) return 'a named pipe (FIFO)'
  if (stats.isSocket()) return 'a socket'
  if (stats.isDirectory()) return 'a folder'
  return 'not a regular file'
}

// The real path of the nearest folder that exists above `file` (the one a new folder would be made in).
async function existingFolder(file: string): Promise<string> {
  let folder = path.dirname(file)
  for (;;) {
    const real = await fs.realpath(folder).catch(() => undefined)
    if (real !== undefined) return real
    const parent = path.dirname(folder)
    if (parent === folder) return folder
    folder = parent
  }
}

/**
 * Why `file` may not be written, or `undefined` when it may: outputs are only ever regular files in a
 * folder of ordinary files, never a device, a pipe, a socket or a file under `/proc`, `/sys` or `/dev`.
 */
export async function outputProblem(file: string): Promise<string | undefined> {
  const folder = await existingFolder(file)
  const system = systemFolders.find((root) => folder === root || folder.startsWith(`${root}/`))
  if (system) return `it is under ${system}, a system folder; outputs are regular files in a document folder`
  const fileSystem = await fs.statfs(folder).catch(() => undefined)
  if (fileSystem && systemFileSystems.has(fileSystem.type)) return 'it is on a system file system; outputs are regular files in a document folder'
  const stats = await fs.lstat(file).catch(() => undefined)
  if (stats && !stats.isFile() && !stats.isSymbolicLink()) return `it is ${kindOf(stats)}; outputs are only written as regular files`
  // A symbolic link is replaced by the rename, never followed; one to a device is refused all the same.
  const target = stats?.isSymbolicLink() ? await fs.stat(file).catch(() => undefined) : undefined
  if (target && !target.isFile()) return `it is a link to ${kindOf(target)}; outputs are only written as regular files`
  return undefined
}

const lockName = '.declaration-kit.lock'
// A lock older than this was left by a run that was killed.
const staleLock = 30_000

// Serialises the renames of concurrent runs into one folder, so that each leaves a complete set.
async function lock(folder: string): Promise<string> {
  const file = path.join(folder, lockName)
  for (let waited = 0; ; waited += 20) {
    try {
      await fs.writeFile(file, String(process.pid), { flag: 'wx' })
      pending.add(file)
      return file
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const age = await fs.stat(file).then((stats) => Date.now() - stats.mtimeMs, () => 0)
      if (age > staleLock) await fs.rm(file, { force: true })
      else if (waited > staleLock) throw new CliError(`${folder}: another run holds ${lockName}; remove it if no run is writing there`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
}

const reasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'a folder is in the way',
  ENOTDIR: 'a file is in the way of its folder',
  EEXIST: 'a file is in the way of its folder',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
}

/**
 * Writes a run's outputs all together or not at all: each is checked to be a regular file, written to a
 * temporary file beside it, and only when every one is written are they renamed into place (under a
 * lock, so that concurrent runs into one folder each leave a complete set). An error or Ctrl-C
 * removes every temporary file.
 */
export async function writeAtomically<T extends Output>(outputs: readonly T[], onWritten: (output: T) => void = () => {}): Promise<void> {
  for (const output of outputs) {
    const problem = await outputProblem(output.path)
    if (problem) throw new CliError(`refusing to write ${output.name}: ${problem}`)
  }
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal)
  let current: T | undefined
  const temporaries = new Map<T, string>()
  try {
    for (const output of outputs) {
      current = output
      await fs.mkdir(path.dirname(output.path), { recursive: true })
      const temporary = temporaryPath(output.path)
      pending.add(temporary)
      temporaries.set(output, temporary)
      await fs.writeFile(temporary, output.bytes, { flag: 'wx' })
    }
    const folders = [...new Set(outputs.map((output) => path.dirname(output.path)))].sort()
    const locks: string[] = []
    for (const folder of folders) locks.push(await lock(folder))
    for (const output of outputs) {
      current = output
      await fs.rename(temporaries.get(output)!, output.path)
      pending.delete(temporaries.get(output)!)
    }
    for (const file of locks) {
      await fs.rm(file, { force: true })
      pending.delete(file)
    }
    for (const output of outputs) onWritten(output)
  } catch (error) {
    removePending()
    if (error instanceof CliError) throw error
    const { code, message } = error as NodeJS.ErrnoException
    throw new CliError(`cannot write ${current?.name ?? 'output'}: ${reasons[code ?? ''] ?? message}`)
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal)
  }
}
