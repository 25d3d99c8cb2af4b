// One measurement with tinybench: wall-clock statistics of a task, plus the process CPU time of each
// timed run (less disturbed than wall time when other work shares the machine).
import { Bench } from 'tinybench'

const cpuMs = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

const AsyncFunction = (async () => {}).constructor

/** The median of a list of numbers (the mean of the middle two for an even count). */
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * Times `fn` for at least `iterations` runs and `time` milliseconds, after a warm-up of at least
 * `warmupIterations` runs (none when 0) and `warmupTime` milliseconds. An asynchronous task must be
 * an `async` function. With `collect` (and `--expose-gc`), the heap is collected before each timed run,
 * outside its time: the process's peak memory is then one run's own, not one run's plus the garbage the
 * runs before it left for the collector.
 * @returns {Promise<{ medianMs: number, meanMs: number, p75Ms: number, minMs: number, maxMs: number, cpuMedianMs: number, opsPerSecond: number, samples: number }>}
 */
export async function measure(name, fn, { iterations = 10, time = 500, warmupIterations = 3, warmupTime = 0, collect = false } = {}) {
  const cpu = []
  let started = 0
  const bench = new Bench({
    iterations,
    time,
    warmup: warmupIterations > 0,
    warmupIterations,
    warmupTime,
    throws: true,
  })
  bench.add(name, fn, {
    // Said outright: otherwise tinybench calls the task once to see whether it returns a promise, and
    // that call of an async task (a whole PDF render) runs on, unawaited, during the timed runs.
    async: fn.constructor === AsyncFunction,
    beforeEach: async (mode) => {
      if (collect && mode === 'run' && globalThis.gc) {
        globalThis.gc()
        // The collector sweeps on helper threads after a full collection: a pause lets it finish outside the run,
        // whose CPU time (the whole process's) would count it.
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
      started = cpuMs()
    },
    afterEach: (mode) => {
      if (mode === 'run') cpu.push(cpuMs() - started)
    },
  })
  await bench.run()
  const result = bench.tasks[0].result
  if (result.state !== 'completed') throw result.error ?? new Error(`${name}: ${result.state}`)
  const { latency, throughput } = result
  return {
    medianMs: latency.p50,
    meanMs: latency.mean,
    p75Ms: latency.p75,
    minMs: latency.min,
    maxMs: latency.max,
    cpuMedianMs: median(cpu),
    opsPerSecond: throughput.p50,
    samples: latency.samplesCount,
  }
}
