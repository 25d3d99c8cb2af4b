import { version } from '../../package.json'
import { parseCommandArgs, wantsHelp } from './command.js'
import { commands } from './commands/index.js'
import { CliError, exitCodes, usageError } from './errors.js'
import { commandHelp, programHelp, programName } from './help.js'
import type { Io } from './io.js'

const names = () => Object.keys(commands).join(', ')

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv
  if (first === undefined) {
    io.stderr(programHelp(Object.values(commands)))
    return exitCodes.usage
  }
  if (first === '--help' || first === '-h') {
    io.stdout(programHelp(Object.values(commands)))
    return exitCodes.ok
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${version}\n`)
    return exitCodes.ok
  }
  if (first.startsWith('-')) throw usageError(`unknown option ${first}; allowed options: --help, --version; commands: ${names()}`)
  const command = commands[first]
  if (!command) throw usageError(`unknown command "${first}"; allowed commands: ${names()}`)
  if (wantsHelp(rest)) {
    io.stdout(commandHelp(command))
    return exitCodes.ok
  }
  return command.run(parseCommandArgs(command, rest), io)
}

/**
 * Runs the CLI with the arguments after the program name and returns the exit code; every expected
 * failure is printed as plain lines on stderr, never as a stack trace.
 */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io)
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`${error.message}\n`)
      return error.exitCode
    }
    // A bug, not bad input: say so in one line and keep the stack for DEBUG runs.
    io.stderr(`${programName}: unexpected error: ${(error as Error)?.message ?? String(error)}\n`)
    if (io.env.DEBUG) io.stderr(`${(error as Error)?.stack}\n`)
    return exitCodes.failure
  }
}
