import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Document } from '../model/document.js'
import type { Renderer } from './formats.js'
import { loadRenderers, renderJob, type JobResult, type JobSettings } from './render-job.js'
import type { WorkerRequest, WorkerResponse } from './render-worker.js'

// The worker's module sits beside the built CLI's chunks (dist/cli/); run from the TypeScript sources there is
// none, and the documents are rendered in this thread.
function workerFile(): URL | undefined {
  for (const relative of ['./render-worker.js', './cli/render-worker.js']) {
    const url = new URL(relative, import.meta.url)
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url
  }
  return undefined
}

/** How a batch is rendered: the threads to use (this one included), and what to call as each document is done. */
export interface PoolOptions {
  jobs: number
  onDone?: (index: number, result: JobResult) => void
}

/**
 * Renders every document with the run's settings, on up to `jobs` threads: this thread and `jobs - 1` worker
 * threads, each taking the next document when it is free. Results come back in the documents' order.
 */
export async function renderAll(documents: readonly Document[], settings: JobSettings, { jobs, onDone = () => {} }: PoolOptions): Promise<JobResult[]> {
  const results: JobResult[] = new Array(documents.length)
  let next = 0
  const finish = (index: number, result: JobResult) => {
    results[index] = result
    onDone(index, result)
  }
  const file = workerFile()
  const threads = file ? Math.min(jobs, documents.length) - 1 : 0
  const workers = Array.from({ length: Math.max(0, threads) }, () => runWorker(file!, documents, settings, () => (next < documents.length ? next++ : undefined), finish))
  let renderers: Renderer[] | undefined
  const own = (async () => {
    for (let index = next < documents.length ? next++ : undefined; index !== undefined; index = next < documents.length ? next++ : undefined) {
      renderers ??= await loadRenderers(settings.formats)
      finish(index, await renderJob(documents[index]!, settings, renderers))
      // Let the workers' answers in between two documents of this thread.
      await new Promise((resolve) => setImmediate(resolve))
    }
  })()
  await Promise.all([own, ...workers])
  return results
}

// One worker thread: once it has answered, it holds two documents, so that it never waits for this thread between two.
function runWorker(
  file: URL,
  documents: readonly Document[],
  settings: JobSettings,
  take: () => number | undefined,
  finish: (index: number, result: JobResult) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file)
    let outstanding = 0
    const send = (): boolean => {
      const index = take()
      if (index === undefined) return false
      outstanding++
      worker.postMessage({ type: 'job', id: index, document: documents[index]! } satisfies WorkerRequest)
      return true
    }
    worker.on('message', ({ id, result }: WorkerResponse) => {
      outstanding--
      finish(id, result)
      while (outstanding < 2 && send());
      if (outstanding === 0) void worker.terminate().then(() => resolve())
    })
    worker.on('error', reject)
    worker.on('exit', (code) => (outstanding > 0 ? reject(new Error(`a render thread stopped (exit code ${code})`)) : resolve()))
    worker.postMessage({ type: 'settings', settings } satisfies WorkerRequest)
    send()
    if (outstanding === 0) void worker.terminate().then(() => resolve())
  })
}
