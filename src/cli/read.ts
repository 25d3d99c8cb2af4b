import { open } from 'node:fs/promises'
import { formatBytes, limits } from '../model/limits.js'
import { CliError } from './errors.js'

/** The environment variable that raises the input size limit (a number of bytes, or with kB/MB). */
export const maxInputVariable = 'DECLARATION_KIT_MAX_INPUT'

/** The largest input file the CLI reads: `DECLARATION_KIT_MAX_INPUT` when set, else `limits.sourceSize`. */
export function maxInput(env: Record<string, string | undefined>): number {
  const value = env[maxInputVariable]?.trim()
  if (!value) return limits.sourceSize
  const match = /^(\d+)\s*(B|kB|KB|MB)?$/.exec(value)
  if (!match) throw new CliError(`${maxInputVariable} must be a size such as 20MB or 5000000, got "${value}"`)
  return Number(match[1]) * ({ kB: 1000, KB: 1000, MB: 1_000_000 }[match[2] ?? ''] ?? 1)
}

/** Thrown by `readLimited` when a file is larger than the limit. */
export class TooLarge extends Error {}

/**
 * Reads a whole file but never more than `limit` bytes: a larger file, or an endless one such as
 * `/dev/zero`, throws `TooLarge` once the limit is passed.
 */
export async function readLimited(file: string, limit: number): Promise<Uint8Array> {
  const handle = await open(file, 'r')
  try {
    const chunks: Uint8Array[] = []
    let total = 0
    for (;;) {
      const chunk = new Uint8Array(Math.min(1 << 20, limit + 1 - total))
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      chunks.push(chunk.subarray(0, bytesRead))
      total += bytesRead
      if (total > limit) throw new TooLarge()
    }
    return Buffer.concat(chunks)
  } finally {
    await handle.close()
  }
}

/** The message for a file over the limit, naming the limit and how to raise it. */
export function tooLargeMessage(limit: number): string {
  return `larger than the input limit of ${formatBytes(limit)}; set ${maxInputVariable} (e.g. ${maxInputVariable}=20MB) to raise it`
}
