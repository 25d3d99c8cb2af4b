import { createServer, type ServerResponse } from 'node:http'
import { watch, type FSWatcher } from 'node:fs'
import path from 'node:path'
import { CliError } from '../errors.js'

/** What the preview server serves: a page per path, rebuilt when a watched file changes. */
export interface PreviewSite {
  /** The page at a URL path, or `undefined` for a 404. */
  page(url: string): string | undefined
  /** Rebuilds every page after a change; resolves when done. */
  rebuild(): Promise<void>
}

/** A running preview: its address, and how to stop it. */
export interface PreviewServer {
  url: string
  close(): Promise<void>
}

/**
 * Serves a site on 127.0.0.1, watches the given files (through their folders, so that an editor's
 * save by rename is seen) and, after each change, rebuilds the site and tells every open page to reload.
 */
export async function startPreview(site: PreviewSite, files: readonly string[], port: number): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>()
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
    if (url === '/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      response.write('retry: 500\n\n')
      clients.add(response)
      request.on('close', () => clients.delete(response))
      return
    }
    const page = site.page(url)
    response.writeHead(page === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    response.end(page ?? 'Not found')
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new CliError(error.code === 'EADDRINUSE' ? `preview: port ${port} is in use; choose another with --port, or 0 for a free one` : `preview: cannot listen: ${error.message}`)),
    )
    server.listen(port, '127.0.0.1', resolve)
  })

  // Several events arrive for one save; they are gathered into one rebuild, and a change during a rebuild queues one more.
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  const changed = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      running = running.then(async () => {
        await site.rebuild()
        for (const client of clients) client.write('data: reload\n\n')
      })
    }, 60)
  }
  const names = new Map<string, Set<string>>()
  for (const file of files) {
    const folder = path.dirname(file)
    names.set(folder, (names.get(folder) ?? new Set()).add(path.basename(file)))
  }
  const watchers: FSWatcher[] = [...names].map(([folder, watched]) => watch(folder, (_event, name) => name && watched.has(name.toString()) && changed()))

  const { port: bound } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${bound}/`,
    async close() {
      clearTimeout(timer)
      for (const watcher of watchers) watcher.close()
      for (const client of clients) client.end()
      await running
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}
