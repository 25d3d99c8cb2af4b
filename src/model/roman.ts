const numerals: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
]

/** Writes a positive integer as an upper-case Roman numeral (1 -> "I", 8 -> "VIII"). */
export function toRoman(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 3999) return String(value)
  let rest = value
  let out = ''
  for (const [amount, symbol] of numerals) {
    while (rest >= amount) {
      out += symbol
      rest -= amount
    }
  }
  return out
}

/** Reads a canonical upper-case Roman numeral, or returns `undefined` when it is not one. */
export function fromRoman(numeral: string): number | undefined {
  if (!/^[MDCLXVI]+$/.test(numeral)) return undefined
  const values: Record<string, number> = { M: 1000, D: 500, C: 100, L: 50, X: 10, V: 5, I: 1 }
  let total = 0
  for (let index = 0; index < numeral.length; index++) {
    const current = values[numeral[index]!]!
    const next = values[numeral[index + 1] ?? ''] ?? 0
    total += current < next ? -current : current
  }
  return toRoman(total) === numeral ? total : undefined
}
