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

// Temporary files not yet renamed into place; removed on an error or an interrupt.
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

async function writeOne(output: Output): Promise<void> {
  const temporary = temporaryPath(output.path)
  pending.add(temporary)
  await fs.writeFile(temporary, output.bytes, { flag: 'wx' })
  await fs.rename(temporary, output.path)
  pending.delete(temporary)
}

/**
 * Writes each output to a temporary file beside it, then renames it into place: a reader never sees a
 * half-written file, and an error or Ctrl-C removes the temporary files.
 */
export async function writeAtomically<T extends Output>(outputs: readonly T[], onWritten: (output: T) => void = () => {}): Promise<void> {
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal)
  let current: T | undefined
  try {
    for (const output of outputs) {
      current = output
      await fs.mkdir(path.dirname(output.path), { recursive: true })
      await writeOne(output)
      onWritten(output)
    }
  } catch (error) {
    removePending()
    const { code, message } = error as NodeJS.ErrnoException
    const reasons: Record<string, string> = {
      EACCES: 'permission denied',
      EISDIR: 'a folder is in the way',
      ENOTDIR: 'a file is in the way of its folder',
      EEXIST: 'a file is in the way of its folder',
    }
    const reason = reasons[code ?? ''] ?? message
    throw new CliError(`cannot write ${current?.name ?? 'output'}: ${reason}`)
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal)
  }
}
