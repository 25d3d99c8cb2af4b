import { z } from 'zod'

// zod's parse returns a copy of its input, built while it checks. A long document's copy outlives
// the young generation of the garbage collector, which then spends more time moving it than zod
// spends building it (at 10,000 clauses, half the time of validation). Checked a piece at a time,
// each piece's copy is garbage before the next is made. The pieces are checked with the schemas
// the whole is made of, and their issues are put where zod puts them: in the order of the shape's
// keys, each array's items in order, then unrecognized keys.

/** Values holding fewer array items and object keys than this are checked by one zod parse. */
export const pieceWeight = 256

type Issue = z.core.$ZodIssue
type Path = PropertyKey[]

// Stands in for a piece in the object around it: no schema that is cut into pieces accepts it, so
// its field gets exactly one issue, in the place where the piece's own issues belong.
const hole = Symbol('piece')

/**
 * The issues `schema.safeParse(input, { reportInput: true })` reports, in the same order with the
 * same paths, found by checking every large object and array of the input a piece at a time.
 * @param schema the schema the input must match
 * @param input any value (without cycles)
 * @param weight the heaviest value checked whole (`pieceWeight` unless a test asks for small pieces)
 * @returns the issues, none when the input matches
 */
export function issuesInPieces(schema: z.ZodType, input: unknown, weight: number = pieceWeight): Issue[] {
  const out: Issue[] = []
  collect(schema, input, [], weight, out)
  return out
}

function collect(schema: z.ZodType, value: unknown, path: Path, weight: number, out: Issue[]): void {
  if (weightOf(value, weight) <= weight) return whole(schema, value, path, out)
  if (schema instanceof z.ZodOptional && !schema.def.checks?.length) return collect(schema.unwrap() as z.ZodType, value, path, weight, out)
  if (schema instanceof z.ZodArray && Array.isArray(value)) return arrayInPieces(schema, value, path, weight, out)
  if (schema instanceof z.ZodDiscriminatedUnion && !schema.def.checks?.length && !schema.def.unionFallback) {
    const option = optionFor(schema, value)
    if (option) return collect(option, value, path, weight, out)
  }
  if (schema instanceof z.ZodObject && !schema.def.checks?.length && isPlainObject(value)) return objectInPieces(schema, value, path, weight, out)
  whole(schema, value, path, out)
}

/** Checks a value with one zod parse; `offset`, for a run of an array's items, is where the run starts. */
function whole(schema: z.ZodType, value: unknown, path: Path, out: Issue[], offset = 0): void {
  // Parsed again, for issues that name their input, only when it fails: zod runs a third slower on
  // a context with options.
  if (schema.safeParse(value).success) return
  const result = schema.safeParse(value, { reportInput: true })
  if (result.success) return
  for (const issue of result.error.issues) {
    const [first, ...rest] = issue.path
    const own = offset ? [(first as number) + offset, ...rest] : issue.path
    out.push(path.length || offset ? { ...issue, path: [...path, ...own] } : issue)
  }
}

// An array is checked in runs of light items, each run with the array's own item schema (a run of
// heavy items' worth of copies at most), and a heavy item as a piece of its own. The array's own
// checks (a least length) see the same items either way; when one fails, zod's rules for what runs
// after a failed item decide the order, so the array is checked whole.
function arrayInPieces(schema: z.ZodArray<z.core.$ZodType>, value: unknown[], path: Path, weight: number, out: Issue[]): void {
  if (schema.def.checks?.length && !derived(schema).checksOnly.safeParse(value).success) return whole(schema, value, path, out)
  const element = schema.element as z.ZodType
  let start = 0
  let load = 0
  const run = (end: number) => {
    if (end > start) whole(derived(schema).itemsOnly, value.slice(start, end), path, out, start)
    start = end
    load = 0
  }
  for (let index = 0; index < value.length; index++) {
    const itemWeight = weightOf(value[index], weight)
    if (itemWeight > weight) {
      run(index)
      collect(element, value[index], [...path, index], weight, out)
      start = index + 1
    } else {
      if (load + itemWeight > weight) run(index)
      load += itemWeight + 1
    }
  }
  run(value.length)
}

const derivedSchemas = new WeakMap<z.ZodArray<z.core.$ZodType>, { checksOnly: z.ZodType; itemsOnly: z.ZodType }>()

/** The same array schema with items that may be anything (and are not copied), and without its own checks. */
function derived(schema: z.ZodArray<z.core.$ZodType>): { checksOnly: z.ZodType; itemsOnly: z.ZodType } {
  let found = derivedSchemas.get(schema)
  if (!found) {
    found = { checksOnly: schema.clone({ ...schema.def, element: z.unknown() }), itemsOnly: schema.clone({ ...schema.def, checks: [] }) }
    derivedSchemas.set(schema, found)
  }
  return found
}

function objectInPieces(schema: z.ZodObject, value: Record<string, unknown>, path: Path, weight: number, out: Issue[]): void {
  const shape = schema.shape as Record<string, z.ZodType>
  const pieces = Object.keys(shape).filter((key) => Object.hasOwn(value, key) && weightOf(value[key], weight) > weight)
  if (!pieces.length) return whole(schema, value, path, out)
  // The same object with a stand-in for each piece: every other property as it is, enumerable or not.
  const properties = Object.getOwnPropertyDescriptors(value)
  for (const key of pieces) properties[key] = { value: hole, enumerable: properties[key]!.enumerable, writable: true, configurable: true }
  const rest: object = Object.create(Object.getPrototypeOf(value), properties)
  const result = schema.safeParse(rest, { reportInput: true })
  const issues = result.success ? [] : result.error.issues
  const isHole = (issue: Issue) => issue.path.length === 1 && pieces.includes(issue.path[0] as string)
  // A field whose schema let the stand-in through (or flagged it twice) would lose its piece's place.
  const holes = new Set(issues.filter(isHole).map((issue) => issue.path[0]))
  if (holes.size !== pieces.length || issues.filter(isHole).length !== pieces.length) return whole(schema, value, path, out)
  for (const issue of issues) {
    const key = issue.path[0] as string
    if (isHole(issue)) collect(shape[key]!, value[key], [...path, key], weight, out)
    else out.push({ ...issue, path: [...path, ...issue.path], ...('input' in issue && issue.input === rest ? { input: value } : {}) } as Issue)
  }
}

/** The option of a discriminated union that the value's tag selects, as zod selects it. */
function optionFor(schema: z.ZodDiscriminatedUnion, value: unknown): z.ZodType | undefined {
  if (!isPlainObject(value)) return undefined
  try {
    return z.getDiscriminatedOption(schema, value[schema.def.discriminator] as never) as z.ZodType | undefined
  } catch {
    // A tag two options claim: zod reports it as matching none, and so does the whole parse.
    return undefined
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** How many array items and object keys a value holds, counted without recursion and only until there are more than `limit`. */
function weightOf(value: unknown, limit: number): number {
  if (typeof value !== 'object' || value === null) return 0
  let count = 0
  const stack: object[] = [value]
  while (stack.length) {
    const node = stack.pop()!
    const children: unknown[] = Array.isArray(node) ? node : Object.values(node)
    count += children.length
    if (count > limit) return count
    for (const child of children) if (typeof child === 'object' && child !== null) stack.push(child)
  }
  return count
}
