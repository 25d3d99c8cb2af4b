import type { Document } from '../model/document.js'
import { DocumentError, type Issue } from '../model/issues.js'
import { formats, type Renderer, type RenderSettings } from './formats.js'

/** What every document of a run is rendered with: the formats by name and the renderers' settings (no callbacks, so that it crosses to a worker thread). */
export interface JobSettings extends Omit<RenderSettings, 'onMissingGlyph'> {
  formats: readonly string[]
}

/** The outputs of one document, in the order of `JobSettings.formats`, or why it could not be rendered. */
export type JobResult =
  | { ok: true; outputs: { bytes: Uint8Array; milliseconds: number }[]; missingGlyphs: string[] }
  | { ok: false; format: string; issues?: Issue[]; message: string; missingGlyphs: string[] }

/** Loads the renderers of the formats named, once per thread. */
export async function loadRenderers(names: readonly string[]): Promise<Renderer[]> {
  return Promise.all(names.map((name) => formats.find((format) => format.name === name)!.load()))
}

/** Renders one document to every format of the run, in memory; never throws for a document that cannot be rendered. */
export async function renderJob(document: Document, settings: JobSettings, renderers: readonly Renderer[]): Promise<JobResult> {
  const { formats: names, ...rest } = settings
  const missingGlyphs: string[] = []
  const options: RenderSettings = { ...rest, ...(settings.allowMissingGlyphs ? { onMissingGlyph: (character: string) => missingGlyphs.push(character) } : {}) }
  const outputs: { bytes: Uint8Array; milliseconds: number }[] = []
  for (const [index, renderer] of renderers.entries()) {
    const started = performance.now()
    try {
      outputs.push({ bytes: await renderer(document, options), milliseconds: performance.now() - started })
    } catch (error) {
      const format = names[index]!
      if (error instanceof DocumentError) return { ok: false, format, issues: error.issues, message: error.message, missingGlyphs }
      return { ok: false, format, message: (error as Error).message, missingGlyphs }
    }
  }
  return { ok: true, outputs, missingGlyphs }
}
