// Reads the examples out of README.md and out of the CLI's help texts, for test/readme.test.ts.

/** A fenced code block of a Markdown file. */
export interface Block {
  /** The info string's first word (`ts`, `sh`, …), empty when none. */
  lang: string
  /** Line of the opening fence (1-based). */
  line: number
  text: string
  /** The name given by a `<!-- fragment: name -->` comment right before the block: not run. */
  fragment?: string
}

/** The fenced code blocks of a Markdown text, in order. */
export function readmeBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n')
  const blocks: Block[] = []
  for (let index = 0; index < lines.length; index++) {
    const open = /^(`{3,})\s*(\S*)/.exec(lines[index]!)
    if (!open) continue
    const end = lines.findIndex((line, at) => at > index && line.startsWith(open[1]!) && line.trim() === open[1])
    if (end === -1) throw new Error(`README.md:${index + 1}: the code block is never closed`)
    let before = index - 1
    while (before >= 0 && lines[before]!.trim() === '') before--
    const fragment = /^<!--\s*fragment:\s*(\S+)\s*-->$/.exec(lines[before]?.trim() ?? '')?.[1]
    blocks.push({ lang: open[2]!, line: index + 1, text: lines.slice(index + 1, end).join('\n') + '\n', ...(fragment ? { fragment } : {}) })
    index = end
  }
  return blocks
}

/** A CLI example of the README: the command, its line, and the output shown after it (`$ ` transcripts). */
export interface CommandExample {
  line: number
  command: string
  output?: string
}

const isCli = (command: string) => /^(?:[A-Z_]+=\S+\s+)*(?:npx\s+)?declaration-kit(?:\s|$)/.test(command)

/**
 * The `declaration-kit` command lines of the README's shell blocks (not fragments), without prompt or
 * trailing comment; in a `$ ` transcript, the lines after a command up to the next prompt are its output.
 */
export function readmeCommands(markdown: string): CommandExample[] {
  return readmeBlocks(markdown)
    .filter((block) => ['sh', 'bash', 'shell', 'console'].includes(block.lang) && !block.fragment)
    .flatMap((block) => {
      const lines = block.text.replace(/\n$/, '').split('\n')
      const transcript = lines.some((line) => line.startsWith('$ '))
      return lines.flatMap((text, index): CommandExample[] => {
        if (transcript && !text.startsWith('$ ')) return []
        const command = text.replace(/^\$ /, '').replace(/\s+#.*$/, '').trim()
        if (!isCli(command)) return []
        if (/["'`|<>;&]/.test(command)) throw new Error(`README.md:${block.line + 1 + index}: a CLI example must be plain words: ${command}`)
        if (!transcript) return [{ line: block.line + 1 + index, command }]
        const next = lines.findIndex((line, at) => at > index && line.startsWith('$ '))
        const output = lines.slice(index + 1, next === -1 ? undefined : next)
        return [{ line: block.line + 1 + index, command, output: output.length ? output.join('\n') + '\n' : '' }]
      })
    })
}

/** The example command lines of one command's --help text. */
export function commandExamples(help: string): string[] {
  const section = help.split('\nExamples:\n')[1]
  if (section === undefined) return []
  return section.split('\n\n')[0]!.split('\n').map((line) => line.trim()).filter(Boolean)
}
