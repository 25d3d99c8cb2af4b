import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { emblemFormat } from '../render/emblem.js'
import { houseStyleSchema, ituHouseStyle, type HouseStyle } from '../render/house-style.js'
import { CliError } from './errors.js'
import type { Io } from './io.js'
import { displayPath } from './sources.js'

/** A house style read from a file, with its emblem's bytes when it names one. */
export interface LoadedHouseStyle {
  houseStyle: HouseStyle
  emblem?: Uint8Array
}

/**
 * Reads `--house-style FILE.json` and checks it against the house-style schema; every problem is reported as
 * `FILE: path.to.field: message`. Without a file, the bundled documents are set in the ITU house style.
 */
export async function readHouseStyle(file: string | undefined, io: Io): Promise<LoadedHouseStyle> {
  if (file === undefined) return { houseStyle: ituHouseStyle }
  const full = path.resolve(io.cwd, file)
  const name = displayPath(full, io)
  const text = await readFile(full, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`${name}: cannot read the house style: ${error.code === 'ENOENT' ? 'no such file' : error.message}`)
  })
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new CliError(`${name}: not valid JSON: ${(error as Error).message}`)
  }
  const parsed = houseStyleSchema.safeParse(json)
  if (!parsed.success) {
    throw new CliError(parsed.error.issues.map((issue) => `${name}: ${issue.path.length ? issue.path.join('.') : '(the file)'}: ${issue.message}`).join('\n'))
  }
  const emblemPath = parsed.data.letterhead?.emblem
  if (emblemPath === undefined) return { houseStyle: parsed.data }
  const emblemFile = path.resolve(path.dirname(full), emblemPath)
  const emblem = new Uint8Array(
    await readFile(emblemFile).catch(() => {
      throw new CliError(`${name}: letterhead.emblem: cannot read ${displayPath(emblemFile, io)}`)
    }),
  )
  if (!emblemFormat(emblem)) throw new CliError(`${name}: letterhead.emblem: ${displayPath(emblemFile, io)} is not a PNG or SVG image`)
  return { houseStyle: parsed.data, emblem }
}
