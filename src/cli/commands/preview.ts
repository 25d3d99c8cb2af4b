import path from 'node:path'
import { annexIssues, annexPool } from '../annexes.js'
import { defineCommand } from '../command.js'
import { exitCodes, usageError } from '../errors.js'
import { DocumentError, formatIssue, type Issue } from '../../model/issues.js'
import { indexPage, previewPage } from '../preview/page.js'
import { displayPath, loadSources } from '../sources.js'

interface Entry {
  file: string
  name: string
  href: string
  /** The last good rendering, kept while the file has issues. */
  html?: string
  issues: Issue[]
}

/** `declaration-kit preview`: serves documents as HTML pages that re-render and reload when a file changes. */
export const preview = defineCommand({
  name: 'preview',
  summary: 'Serve documents as web pages that reload when a file changes',
  positionals: { usage: 'FILES...', min: 1, max: Infinity },
  description: [
    'Serves each document as an HTML page on 127.0.0.1 and prints the address. When a file is saved, the\n' +
      'pages are rendered again and open pages reload. A file with issues keeps its last good rendering on\n' +
      'the page, with the issues (file:line:column) above it and on standard error. Ctrl-C stops the server.',
  ],
  options: {
    port: { type: 'string', value: 'PORT', description: 'Port to listen on (default: a free port)' },
    'no-annex': { type: 'boolean', description: 'Show a letter without its annexed declarations' },
  },
  examples: ['preview content/declaration.en.md', 'preview content/letter.fr.md content/declaration.en.md --port 8431'],
  exits: { 0: 'stopped with Ctrl-C (SIGINT) or SIGTERM', 1: 'the port is in use or cannot be listened on', 130: 'not used: Ctrl-C is how the server stops (0)' },
  async run({ positionals, options }, io) {
    const port = readPort(options.port)
    const annex = !options['no-annex']
    const { renderHtml } = await import('../../render/html/index.js')
    const hrefs = new Set<string>()
    const entries: Entry[] = [...new Set(positionals.map((file) => path.resolve(io.cwd, file)))].map((file, index) => {
      const base = `/${path.basename(file).replace(/\.(md|markdown)$/i, '')}.html`
      const href = hrefs.has(base) ? `/${index + 1}-${base.slice(1)}` : base
      hrefs.add(href)
      return { file, name: displayPath(file, io), href, issues: [] }
    })

    const rebuild = async () => {
      const results = await Promise.all(entries.map((entry) => loadSources([entry.file], io)))
      const pool = annex ? await annexPool(results.flatMap((result) => result.sources), io) : []
      entries.forEach((entry, index) => {
        const { sources, issues } = results[index]!
        const source = sources[0]
        const started = performance.now()
        entry.issues = source ? (annex ? annexIssues([source], pool) : []) : issues
        if (source && !entry.issues.length) {
          try {
            entry.html = renderHtml(source.document, { annexes: pool, annex })
          } catch (error) {
            if (!(error instanceof DocumentError)) throw error
            entry.issues = error.issues.map((issue) => ({ file: entry.name, ...issue }))
          }
        }
        if (entry.issues.length) io.stderr(entry.issues.map((issue) => `${formatIssue(issue)}\n`).join(''))
        else io.stderr(`${entry.name}: rendered in ${Math.round(performance.now() - started)} ms\n`)
      })
    }
    const page = (url: string) => {
      if (url === '/') {
        return entries.length === 1 ? previewPage(entries[0]!.html, entries[0]!.issues, entries[0]!.name) : indexPage(entries.map(({ name, href, issues }) => ({ name, href, issues: issues.length })))
      }
      const entry = entries.find((candidate) => candidate.href === url)
      return entry && previewPage(entry.html, entry.issues, entry.name)
    }

    await rebuild()
    // The server's module loads node:http, whose lazy exports cost a render run about 70 ms of start-up under Node 22
    // and 24: it is loaded only when a preview starts.
    const { startPreview } = await import('../preview/server.js')
    const server = await startPreview({ page, rebuild }, entries.map((entry) => entry.file), port)
    io.stdout(`Previewing ${entries.length === 1 ? entries[0]!.name : `${entries.length} documents`} at ${server.url} (Ctrl-C to stop)\n`)
    const signal = io.signal ?? interruption()
    await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })))
    await server.close()
    io.stderr('preview stopped\n')
    return exitCodes.ok
  },
})

function readPort(value: string | undefined): number {
  if (value === undefined) return 0
  const port = Number(value)
  if (!/^\d+$/.test(value) || port > 65535) throw usageError(`preview: --port "${value}": expected a number from 0 to 65535 (0: a free port)`, 'preview')
  return port
}

// Ctrl-C (or a polite kill) stops the server and its watchers, and the command returns normally.
function interruption(): AbortSignal {
  const controller = new AbortController()
  const stop = () => controller.abort()
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  controller.signal.addEventListener('abort', () => {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
  })
  return controller.signal
}
