import { execFile } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** The repository root. */
export const root = fileURLToPath(new URL('..', import.meta.url))

/** The built CLI, run the way `npx declaration-kit` runs it. */
export const cliPath = path.join(root, 'dist/cli.js')

/** What a child process did: its exit code and everything it printed. */
export interface Result {
  code: number
  stdout: string
  stderr: string
}

/** The environment a run gets: this process's, without a SOURCE_DATE_EPOCH set around the test run (it must not leak into the files under test), plus `extra`. */
function environment(extra: Record<string, string> = {}): Record<string, string | undefined> {
  const { SOURCE_DATE_EPOCH: _, ...env } = process.env
  return { ...env, ...extra }
}

/** Runs a command to completion and resolves with its exit code and output (never rejects). */
export function run(command: string, args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Result> {
  return new Promise((resolve) => {
    execFile(command, [...args], { cwd: options.cwd ?? root, env: environment(options.env), encoding: 'utf8', maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    })
  })
}

/** Runs the built CLI as a user would, in `cwd` (the repository by default). */
export function cli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Result> {
  return run(process.execPath, [cliPath, ...args], options)
}

/** The built program that `dist/cli.js` starts (the tests' configuration has Node load dist/ itself, untransformed). */
const programPath = path.join(root, 'dist/cli/program.js')
let program: Promise<typeof import('../src/cli/program.js')> | undefined

/**
 * Runs the built CLI's program in this process, with the streams, environment and folder a process of it
 * would get: the same code as `cli`, without starting Node and compiling the bundle again for each run.
 * What only a process shows (the `bin` entry, signals, exit codes set by Node) is tested with `cli`.
 */
export async function cliInProcess(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Result> {
  program ??= import(pathToFileURL(programPath).href) as Promise<typeof import('../src/cli/program.js')>
  const { runCli } = await program
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stderrIsTerminal: false,
    env: environment(options.env),
    cwd: options.cwd ?? root,
  })
  return { code, stdout, stderr }
}
