// The built-ins pdfjs-dist's legacy build replaces with core-js's versions under Node 20 (its checks find
// V8 11's `Array.prototype.push`, `JSON.parse` and `JSON.stringify` short of the newest spec), taken before
// pdfjs is loaded. Evaluated once per worker: test/helpers/pdfjs.ts imports it ahead of pdfjs.

/** A built-in as this process had it before any test loaded pdfjs: its owner, name and function. */
type Native = readonly [owner: object, name: string, value: unknown]

const natives: readonly Native[] = [
  [Array.prototype, 'push', Array.prototype.push],
  [JSON, 'parse', JSON.parse],
  [JSON, 'stringify', JSON.stringify],
  [Function.prototype, 'toString', Function.prototype.toString],
]

/** Puts back the built-ins pdfjs replaced, and returns the names of those it put back. */
export function restoreNatives(): string[] {
  const restored: string[] = []
  for (const [owner, name, value] of natives) {
    if ((owner as Record<string, unknown>)[name] === value) continue
    Object.defineProperty(owner, name, { value, writable: true, configurable: true, enumerable: false })
    restored.push(name)
  }
  return restored
}
