import { commandOptions, type AnyCommand } from './command.js'

/** The program's name, as typed by users. */
export const programName = 'declaration-kit'

function table(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length))
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`)
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
  ].join('\n')
}
