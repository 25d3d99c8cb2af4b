import { createServer } from 'node:net'
import { describe, it } from 'vitest'
import { cli } from './cli-run.js'

describe.concurrent('declaration-kit preview (usage)', () => {
  it('prints its help with --help', async ({ expect }) => {
    const { code, stdout } = await cli(['preview', '--help'])
    expect(code).toBe(0)
    expect(stdout).toBe(
      [
        'Usage: declaration-kit preview FILES... [options]',
        '',
        'Serves each document as an HTML page on 127.0.0.1 and prints the address. When a file is saved, the',
        'pages are rendered again and open pages reload. A file with issues keeps its last good rendering on',
        'the page, with the issues (file:line:column) above it and on standard error. Ctrl-C stops the server.',
        '',
        'Options:',
        '      --port PORT  Port to listen on (default: a free port)',
        '      --no-annex   Show a letter without its annexed declarations',
        '  -h, --help       Show this help',
        '',
        'Examples:',
        '  declaration-kit preview content/declaration.en.md',
        '  declaration-kit preview content/letter.fr.md content/declaration.en.md --port 8431',
        '',
        'Exit codes:',
        '  0    stopped with Ctrl-C (SIGINT) or SIGTERM',
        '  1    the port is in use or cannot be listened on',
        '  2    usage error: unknown command or option, missing or bad value',
        '  130  not used: Ctrl-C is how the server stops (0)',
        '',
        'Environment:',
        '  NO_COLOR  not read: the output is plain text, never coloured',
        '  DEBUG     when set, an unexpected error also prints its stack trace',
        '',
      ].join('\n'),
    )
  })

  it.for([
    [[], 'preview: expected FILES..., got no arguments'],
    [['content/declaration.en.md', '--port', 'eighty'], 'preview: --port "eighty": expected a number from 0 to 65535 (0: a free port)'],
    [['content/declaration.en.md', '--port', '70000'], 'preview: --port "70000": expected a number from 0 to 65535 (0: a free port)'],
  ] as [string[], string][])('exits 2 and says what is allowed for %j', async ([args, message], { expect }) => {
    expect(await cli(['preview', ...args])).toEqual({ code: 2, stdout: '', stderr: `${message}\nRun "declaration-kit preview --help" for usage.\n` })
  })

  it('exits 1 and names the port when it is in use', async ({ expect }) => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const { port } = blocker.address() as { port: number }
    const result = await cli(['preview', 'content/declaration.en.md', '--port', String(port)])
    blocker.close()
    expect(result).toEqual({ code: 1, stdout: '', stderr: `content/declaration.en.md: rendered in ${/in (\d+) ms/.exec(result.stderr)?.[1]} ms\npreview: port ${port} is in use; choose another with --port, or 0 for a free one\n` })
  })
})
