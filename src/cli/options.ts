import { CliError, usageError } from './errors.js'
import { formats, type Format } from './formats.js'

/** Reads `--format md,pdf` into formats (all of them when absent); an unknown name is a usage error. */
export function readFormats(command: string, value: string | undefined, allowed: readonly Format[] = formats): Format[] {
  if (value === undefined) return [...allowed]
  const names = value.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean)
  const chosen = names.map((name) => {
    const format = allowed.find((candidate) => candidate.name === name)
    if (!format) throw usageError(`${command}: unknown format "${name}"; allowed formats: ${allowed.map((f) => f.name).join(', ')}`, command)
    return format
  })
  if (chosen.length === 0) throw usageError(`${command}: option --format needs at least one format: ${allowed.map((f) => f.name).join(', ')}`, command)
  return allowed.filter((format) => chosen.includes(format))
}

/** Reads `--page-size` (A4 by default). */
export function readPageSize(command: string, value: string | undefined): 'A4' | 'LETTER' {
  const size = (value ?? 'A4').toUpperCase()
  if (size === 'A4' || size === 'LETTER') return size
  throw usageError(`${command}: unknown page size "${value}"; allowed page sizes: A4, LETTER`, command)
}

const lastSecond = 253402300799

/** The date set by `SOURCE_DATE_EPOCH` (seconds since 1970), for reproducible PDF and DOCX files. */
export function sourceDate(env: Record<string, string | undefined>): Date | undefined {
  const value = env.SOURCE_DATE_EPOCH
  if (value === undefined || value === '') return undefined
  if (!/^\d+$/.test(value.trim())) {
    throw new CliError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01T00:00:00Z, got "${value}"`)
  }
  const seconds = Number(value.trim())
  // Year 9999 is the last a W3CDTF date (DOCX core properties) and a PDF date can carry.
  if (seconds > lastSecond) throw new CliError(`SOURCE_DATE_EPOCH must be between 0 and ${lastSecond} (9999-12-31T23:59:59Z), got "${value}"`)
  return new Date(seconds * 1000)
}

/** Reads a one-of option such as `--format md|json|docx` (the first allowed value by default). */
export function readChoice<T extends string>(command: string, option: string, value: string | undefined, allowed: readonly T[]): T {
  if (value === undefined) return allowed[0]!
  const choice = allowed.find((candidate) => candidate === value.toLowerCase())
  if (!choice) throw usageError(`${command}: unknown ${option} "${value}"; allowed: ${allowed.join(', ')}`, command)
  return choice
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?$/

/**
 * Reads an ISO 8601 date (`2024-11-07`, midnight UTC) or date-time (`2024-11-07T09:30:00Z`, UTC when no offset is
 * given); anything else, or a day that does not exist, is a usage error.
 */
export function readIsoDate(command: string, option: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined
  const match = isoDate.exec(value.trim())
  const fail = () => usageError(`${command}: ${option} must be an ISO 8601 date or date-time (2024-11-07 or 2024-11-07T09:30:00Z), got "${value}"`, command)
  if (!match) throw fail()
  const [, year, month, day, hour = '00', minute = '00', second = '00', zone = 'Z'] = match
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`)
  // Date rolls 2024-02-30 over to March: a day that does not exist is refused, not moved.
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
  if (Number.isNaN(date.getTime()) || calendar.getUTCMonth() !== Number(month) - 1 || calendar.getUTCDate() !== Number(day) || Number(year) < 1 || date.getUTCFullYear() > 9999) throw fail()
  return date
}
