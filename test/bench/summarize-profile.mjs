// Prints the functions that take the most time in a V8 CPU profile (`node --cpu-prof`): self time and
// inclusive time, so that a slow stage points at its cause.
// Usage: node test/bench/summarize-profile.mjs FILE.cpuprofile [ROWS]
import { readFileSync } from 'node:fs'

const [file, rows = '25'] = process.argv.slice(2)
const profile = JSON.parse(readFileSync(file, 'utf8'))
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const parent = new Map()
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)

// Sample time per node: each sample lasts until the next one.
const selfTime = new Map()
profile.samples.forEach((id, index) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index + 1] ?? 0)))
const total = [...selfTime.values()].reduce((a, b) => a + b, 0)

const where = ({ callFrame: f }) => `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(node_modules\/|\.bench\/)/, '$1')}:${f.lineNumber + 1}`
const self = new Map()
const inclusive = new Map()
for (const [id, time] of selfTime) {
  const key = where(byId.get(id))
  self.set(key, (self.get(key) ?? 0) + time)
  // Count each function once per sample stack, however deep its recursion.
  const seen = new Set()
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const name = where(byId.get(at))
    if (seen.has(name)) continue
    seen.add(name)
    inclusive.set(name, (inclusive.get(name) ?? 0) + time)
  }
}
const table = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(rows))
  .map(([name, time]) => `${(time / 1000).toFixed(0).padStart(7)} ms ${((100 * time) / total).toFixed(1).padStart(5)} %  ${name}`).join('\n')
console.log(`total ${(total / 1000).toFixed(0)} ms\n\nself time\n${table(self)}\n\ninclusive time\n${table(inclusive)}`)
