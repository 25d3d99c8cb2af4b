import { formatIssue, type Issue } from '../model/issues.js'

/** Exit codes of the CLI: success, bad input or failed render, bad usage, interrupted. */
export const exitCodes = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const

/** An error the CLI reports as plain lines on stderr (never a stack trace) before exiting with `exitCode`. */
export class CliError extends Error {
  override readonly name = 'CliError'

  constructor(
    message: string,
    readonly exitCode: number = exitCodes.failure,
  ) {
    super(message)
  }
}

/** A usage error (unknown command or option, bad option value): exit code 2, with a pointer to the help of `command`. */
export function usageError(message: string, command?: string): CliError {
  return new CliError(`${message}\nRun "declaration-kit${command ? ` ${command}` : ''} --help" for usage.`, exitCodes.usage)
}

/** A CLI error listing document issues as `file:line:column message`, one per line. */
export function issuesError(issues: readonly Issue[]): CliError {
  return new CliError(issues.map(formatIssue).join('\n'))
}
