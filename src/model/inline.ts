import { z } from 'zod'
import { printable } from './characters.js'
import { linkProblem } from './links.js'

export { isEmail, linkProblem } from './links.js'

/** Plain text run. */
export const Text = z.strictObject({
  type: z.literal('text'),
  value: z.string().check(printable),
})

/** Emphasised (italic) run. */
export const Emphasis = z.strictObject({
  type: z.literal('emphasis'),
  get children() {
    return z.array(Inline)
  },
})

/** Strong (bold) run. */
export const Strong = z.strictObject({
  type: z.literal('strong'),
  get children() {
    return z.array(Inline)
  },
})

/** Hyperlink; targets are restricted to `https:`, `http:` and `mailto:`. */
export const Link = z.strictObject({
  type: z.literal('link'),
  url: z.string().check((ctx) => {
    const problem = linkProblem(ctx.value)
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value, params: { code: 'invalid_link' } })
  }),
  get children() {
    return z.array(Inline)
  },
})

/** One inline node: text, emphasis, strong or link. */
export const Inline = z
  .discriminatedUnion('type', [Text, Emphasis, Strong, Link])
  .meta({ id: 'Inline', description: 'One inline node: text, emphasis, strong or link (https:, http: or mailto:).' })

/** A run of inline content (a paragraph's text). */
export const Phrasing = z.array(Inline)

export type Text = z.infer<typeof Text>
export type Emphasis = z.infer<typeof Emphasis>
export type Strong = z.infer<typeof Strong>
export type Link = z.infer<typeof Link>
export type Inline = z.infer<typeof Inline>
export type Phrasing = z.infer<typeof Phrasing>

/** The plain text of inline content, as a reader sees it. */
export function phrasingText(content: readonly Inline[]): string {
  let out = ''
  for (const node of content) out += node.type === 'text' ? node.value : phrasingText(node.children)
  return out
}

/** Shorthand for a single text run. */
export function text(value: string): Phrasing {
  return [{ type: 'text', value }]
}
