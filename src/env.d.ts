declare module '*.md' {
  const source: string
  export default source
}

declare module 'hyphen' {
  const createHyphenator: (patterns: unknown, options?: { hyphenChar?: string; minWordLength?: number }) => (text: string) => string
  export default createHyphenator
}

declare module 'hyphen/patterns/*' {
  const patterns: unknown
  export default patterns
}
