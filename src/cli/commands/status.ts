import path from 'node:path'
import { defineCommand } from '../command.js'
import { exitCodes } from '../errors.js'
import { compare } from '../report.js'
import { displayPath } from '../sources.js'
import { readText } from './export.js'
import type { ProgressCounts, XliffStatus } from '../../interchange/index.js'

const columns = ['translated', 'untranslated', 'stale', 'final'] as const

/** The status as a table: one row per part and a total, each cell `units (words)`. */
export function statusTable(name: string, status: XliffStatus): string {
  const row = (label: string, counts: ProgressCounts) => [label, ...columns.map((c) => `${counts[c].units} (${counts[c].words})`)]
  const rows = [['part', ...columns], ...status.parts.map((p) => row(p.part, p.counts)), row('total', status.total)]
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  const lines = rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd())
  const head = `${name}: XLIFF ${status.version}, ${status.sourceLanguage} -> ${status.targetLanguage ?? '?'}; units (source words)`
  return `${[head, ...lines].join('\n')}\n`
}

/** `declaration-kit status`: what is left to translate in an XLIFF file. */
export const status = defineCommand({
  name: 'status',
  summary: 'Count translated, untranslated, stale and final units of an XLIFF file',
  positionals: { usage: 'FILE.xlf', min: 1, max: 1 },
  description: [
    'Reads an XLIFF file (2.x or 1.2) and prints, per part and in total, the units translated,\n' +
      'untranslated (no target, or the source pre-filled and untouched), stale (carried from an earlier\n' +
      'source, not reviewed) and final, each with its source words. --json prints the same as JSON.',
  ],
  options: {
    json: { type: 'boolean', description: 'Print JSON for scripts' },
  },
  examples: ['status declaration.fr.xlf', 'status declaration.fr.xlf --json'],
  async run({ positionals, options }, io) {
    const file = positionals[0]!
    const xliff = await readText(file, io.cwd)
    const name = displayPath(path.resolve(io.cwd, file), io)
    const { xliffStatus } = await import('../../interchange/index.js')
    const result = await compare('status', () => {
      try {
        return xliffStatus(xliff)
      } catch (error) {
        if (error && typeof error === 'object' && 'issues' in error) (error as { issues: { file?: string }[] }).issues.forEach((issue) => (issue.file = name))
        throw error
      }
    })
    io.stdout(options.json ? `${JSON.stringify({ file: name, ...result }, null, 2)}\n` : statusTable(name, result))
    return exitCodes.ok
  },
})
