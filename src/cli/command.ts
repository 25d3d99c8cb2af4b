import { parseArgs } from 'node:util'
import { usageError } from './errors.js'
import type { Io } from './io.js'

/** One option of a command, as shown in its help. */
export interface OptionSpec {
  type: 'string' | 'boolean'
  short?: string
  /** Placeholder for the value in help (`DIR`), for string options. */
  value?: string
  description: string
}

/** The values of a command's options: strings (when given) and booleans. */
export type OptionValues<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K]['type'] extends 'string' ? string | undefined : boolean
}

/** A CLI command: its help text, its arguments, and what it does with them. */
export interface Command<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  name: string
  /** One line, shown in the program's help. */
  summary: string
  /** Positional arguments as shown in the usage line (`[FILES...]`), with how many are accepted. */
  positionals: { usage: string; min: number; max: number }
  /** Paragraphs printed under the usage line. */
  description: string[]
  options: O
  examples: string[]
  /** The environment variables the command reads besides the program-wide ones (`SOURCE_DATE_EPOCH`). */
  environment?: string[]
  /** What an exit code means for this command when it says more than the program-wide meaning. */
  exits?: Partial<Record<number, string>>
  /** Runs the command; returns the exit code, or throws a `CliError`. */
  run(args: { positionals: string[]; options: OptionValues<O> }, io: Io): Promise<number>
}

/** A command of any options, as held in the command map. */
// The map holds commands of different option shapes; each is type-checked where it is defined.
export type AnyCommand = Command<any>

/** Declares a command with its option types inferred (the identity at run time). */
export function defineCommand<O extends Record<string, OptionSpec>>(command: Command<O>): Command<O> {
  return command
}

const helpOption: OptionSpec = { type: 'boolean', short: 'h', description: 'Show this help' }

/** The options of a command, `--help` included, in the order help lists them. */
export function commandOptions(command: AnyCommand): [string, OptionSpec][] {
  return [...Object.entries(command.options as Record<string, OptionSpec>), ['help', helpOption]]
}

/** True when argv asks for help (`-h` or `--help` before any `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--')
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h')
}

/**
 * Reads a command's arguments; an unknown option, a missing or extra value, or a wrong number of
 * positionals is a usage error naming what is allowed.
 */
export function parseCommandArgs<O extends Record<string, OptionSpec>>(
  command: Command<O>,
  argv: readonly string[],
): { positionals: string[]; options: OptionValues<O> } {
  const specs = new Map(commandOptions(command))
  const options = Object.fromEntries([...specs].map(([name, spec]) => [name, { type: spec.type, ...(spec.short ? { short: spec.short } : {}) }]))
  // Non-strict parsing with tokens lets every error message be ours, naming the allowed options.
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true })
  const allowed = [...specs.keys()].map((name) => `--${name}`).join(', ')
  const values: Record<string, string | boolean | undefined> = Object.fromEntries(
    Object.entries(command.options).map(([name, spec]) => [name, spec.type === 'boolean' ? false : undefined]),
  )
  const positionals: string[] = []
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value)
    if (token.kind !== 'option') continue
    const spec = specs.get(token.name)
    if (!spec) throw usageError(`${command.name}: unknown option ${token.rawName}; allowed options: ${allowed}`, command.name)
    if (spec.type === 'boolean' && token.value !== undefined) throw usageError(`${command.name}: option --${token.name} takes no value`, command.name)
    if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      throw usageError(`${command.name}: option --${token.name} needs a value (--${token.name} ${spec.value ?? 'VALUE'})`, command.name)
    }
    values[token.name] = spec.type === 'boolean' ? true : token.value
  }
  const { min, max, usage } = command.positionals
  if (positionals.length < min) throw usageError(`${command.name}: expected ${usage}, got ${describeCount(positionals.length)}`, command.name)
  if (positionals.length > max) {
    throw usageError(`${command.name}: unexpected argument "${positionals[max]}"; expected ${usage}`, command.name)
  }
  return { positionals, options: values as OptionValues<O> }
}

function describeCount(count: number): string {
  return count === 0 ? 'no arguments' : count === 1 ? '1 argument' : `${count} arguments`
}
