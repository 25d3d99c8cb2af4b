// A worker thread of a batch render: it receives the run's settings once, then documents one at a time,
// and answers each with its outputs' bytes (moved, not copied) or why it could not be rendered.
import { parentPort } from 'node:worker_threads'
import type { Document } from '../model/document.js'
import type { Renderer } from './formats.js'
import { loadRenderers, renderJob, type JobResult, type JobSettings } from './render-job.js'

/** A message from the main thread: the settings of the run, or one document to render. */
export type WorkerRequest = { type: 'settings'; settings: JobSettings } | { type: 'job'; id: number; document: Document }

/** A worker's answer to one document. */
export interface WorkerResponse {
  id: number
  result: JobResult
}

let settings: JobSettings | undefined
let renderers: Promise<Renderer[]> | undefined
// Documents are rendered one after the other, in the order they arrive.
let queue = Promise.resolve()

parentPort!.on('message', (request: WorkerRequest) => {
  if (request.type === 'settings') {
    settings = request.settings
    renderers = loadRenderers(settings.formats)
    return
  }
  queue = queue.then(async () => {
    const result = await renderJob(request.document, settings!, await renderers!).catch(
      (error: unknown): JobResult => ({ ok: false, format: '', message: (error as Error).message, missingGlyphs: [] }),
    )
    // Only a buffer an output has to itself is moved: a small Buffer may share Node's pool with others.
    const own = (bytes: Uint8Array) => bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    const transfer = result.ok ? result.outputs.filter((output) => own(output.bytes)).map((output) => output.bytes.buffer as ArrayBuffer) : []
    parentPort!.postMessage({ id: request.id, result } satisfies WorkerResponse, [...new Set(transfer)])
  })
})
