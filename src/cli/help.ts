import { commandOptions, type AnyCommand } from './command.js'

/** The program's name, as typed by users. */
export const programName = 'declaration-kit'

function table(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length))
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`)
}

/** What each exit code means, for every command unless the command says more. */
export const exitMeanings: Record<number, string> = {
  0: 'success',
  1: 'invalid input (each issue printed as file:line:column message) or a failed write',
  2: 'usage error: unknown command or option, missing or bad value',
  130: 'interrupted (Ctrl-C); no half-written file is left',
}

/** The environment variables the CLI reads, with what each does. */
export const environmentVariables: Record<string, string> = {
  SOURCE_DATE_EPOCH: 'seconds since 1970: the creation date embedded in PDF and DOCX files',
  NO_COLOR: 'not read: the output is plain text, never coloured',
  DEBUG: 'when set, an unexpected error also prints its stack trace',
}

function exitLines(exits: Partial<Record<number, string>> = {}): string[] {
  return ['Exit codes:', ...table(Object.entries({ ...exitMeanings, ...exits }).map(([code, meaning]): [string, string] => [code, meaning!]))]
}

function environmentLines(names: readonly string[]): string[] {
  return ['Environment:', ...table(names.map((name): [string, string] => [name, environmentVariables[name]!]))]
}

/** The help text of the whole program: its commands and global options. */
export function programHelp(commands: readonly AnyCommand[]): string {
  return [
    `Usage: ${programName} <command> [options]`,
    '',
    'Validate and render UN-style declarations and their covering letters.',
    '',
    'Commands:',
    ...table(commands.map((command) => [command.name, command.summary])),
    '',
    'Options:',
    ...table([
      ['-h, --help', 'Show this help'],
      ['-v, --version', 'Show the version'],
    ]),
    '',
    ...exitLines(),
    '',
    ...environmentLines(Object.keys(environmentVariables)),
    '',
    `Run "${programName} <command> --help" for the options of a command.`,
    '',
  ].join('\n')
}

/** The help text of one command: usage, description, options and examples. */
export function commandHelp(command: AnyCommand): string {
  const options = commandOptions(command).map(([name, spec]): [string, string] => [
    `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`,
    spec.description,
  ])
  return [
    `Usage: ${programName} ${command.name} ${command.positionals.usage} [options]`,
    '',
    ...command.description.flatMap((paragraph) => [paragraph, '']),
    'Options:',
    ...table(options),
    '',
    'Examples:',
    ...command.examples.map((example) => `  ${programName} ${example}`),
    '',
    ...exitLines(command.exits),
    '',
    ...environmentLines([...(command.environment ?? []), 'NO_COLOR', 'DEBUG']),
    '',
  ].join('\n')
}
