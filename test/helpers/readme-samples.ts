// Runs README samples one after another in this process (started with `node --import tsx`), as
// test/readme.test.ts asks: each sample's exit code, output and thrown error are recorded apart, then
// written as JSON to the results file. A process per sample cost about 2 s of CPU each, most of it loading
// the package and its dependencies through tsx's module hooks; here they load once.
// Usage: node --import tsx test/helpers/readme-samples.ts <results.json> <sample>...
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/** What one sample did: its exit code and everything it printed (a thrown error's stack on stderr, with code 1). */
export interface SampleResult {
  file: string
  code: number
  stdout: string
  stderr: string
}

const [resultsFile, ...samples] = process.argv.slice(2)
const results: SampleResult[] = []
let current: SampleResult | undefined

// While a sample runs, what it writes to stdout and stderr is its own.
for (const name of ['stdout', 'stderr'] as const) {
  const stream = process[name]
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!current) return write(chunk, ...rest)
    current[name] += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString()
    const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined
    done?.()
    return true
  }) as typeof stream.write
}

/**
 * How many more handles and requests keep the event loop alive than before the first sample. This process's
 * standard streams (pipes or terminals) are active or not as their writes come and go: they do not count.
 */
const counts = () =>
  process
    .getActiveResourcesInfo()
    .filter((type) => type !== 'PipeWrap' && type !== 'TTYWrap')
    .reduce((count, type) => count.set(type, (count.get(type) ?? 0) + 1), new Map<string, number>())
const baseline = counts()
const pending = () => [...counts()].reduce((more, [type, count]) => more + Math.max(0, count - (baseline.get(type) ?? 0)), 0)

for (const file of samples) {
  const result: SampleResult = { file, code: 0, stdout: '', stderr: '' }
  current = result
  process.exitCode = undefined
  try {
    await import(pathToFileURL(path.resolve(file)).href)
  } catch (error) {
    result.stderr += `${error instanceof Error ? error.stack : String(error)}\n`
    result.code = 1
  }
  // What the sample left running (timers, sockets, files being written) finishes before the next one
  // starts, so that what it prints is its own; a sample that never lets go hangs here, as its own process would.
  while (pending() > 0) await new Promise((resolve) => setTimeout(resolve, 5))
  await new Promise((resolve) => setImmediate(resolve))
  result.code ||= Number(process.exitCode ?? 0)
  current = undefined
  results.push(result)
}
process.exitCode = 0
// Written when the last sample is done; a sample that keeps the process alive (an open handle) leaves the
// run unfinished, as it would leave a user's `tsx sample.ts` hanging, and the tests time out.
process.once('beforeExit', () => writeFileSync(resultsFile!, JSON.stringify(results)))
