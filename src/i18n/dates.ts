/** Splits an ISO date into numbers; the caller validates it first. */
export function isoParts(isoDate: string): { year: number; month: number; day: number } {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number)
  return { year, month, day }
}

/** Builds an ISO date from parts, or `undefined` when the date does not exist. */
export function toIsoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Reads "7 novembre 2024" style text with the given month names. */
export function readDayMonthYear(text: string, months: readonly string[], dayPattern: string): string | undefined {
  const match = new RegExp(`^(${dayPattern})\\s+(\\p{L}+)\\s+(\\d{4})$`, 'u').exec(text.trim())
  if (!match) return undefined
  const day = Number.parseInt(match[1]!, 10)
  const month = months.findIndex((name) => name.toLowerCase() === match[2]!.toLowerCase()) + 1
  if (month === 0) return undefined
  return toIsoDate(Number(match[3]), month, day)
}
