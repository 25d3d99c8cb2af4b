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
  get children(): z.ZodArray<typeof Inline> {
    return z.array(Inline)
  },
})

/** Strong (bold) run. */
export const Strong = z.strictObject({
  type: z.literal('strong'),
  get children(): z.ZodArray<typeof Inline> {
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
  get children(): z.ZodArray<typeof Inline> {
    return z.array(Inline)
  },
})

/** Superscript run (`<sup>e</sup>` in "9<sup>e</sup>", a footnote mark). */
export const Superscript = z.strictObject({
  type: z.literal('superscript'),
  get children(): z.ZodArray<typeof Inline> {
    return z.array(Inline)
  },
})

/** A hard line break inside a paragraph (a meeting line, a signature block). */
export const Break = z.strictObject({
  type: z.literal('break'),
})

/** A reference to a footnote of the document, by its label (`[^1]` in Markdown). */
export const FootnoteReference = z.strictObject({
  type: z.literal('footnoteReference'),
  label: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, { message: 'expected a footnote label of letters, digits, "_" or "-"' }),
})

// The recursive schemas carry written-out types: the declaration files then name `typeof Inline` where
// an inferred type would be unrolled a few levels deep, with `any` below (see declaration.ts).
/** One inline node: text, emphasis, strong, superscript, link, line break or footnote reference. */
export const Inline: z.ZodDiscriminatedUnion<
  [typeof Text, typeof Emphasis, typeof Strong, typeof Superscript, typeof Link, typeof Break, typeof FootnoteReference],
  'type'
> = z
  .discriminatedUnion('type', [Text, Emphasis, Strong, Superscript, Link, Break, FootnoteReference])
  .meta({ id: 'Inline', description: 'One inline node: text, emphasis, strong, superscript, link (https:, http: or mailto:), line break or footnote reference.' })

/** A run of inline content (a paragraph's text). */
export const Phrasing: z.ZodArray<typeof Inline> = z.array(Inline)

export type Text = z.infer<typeof Text>
export type Emphasis = z.infer<typeof Emphasis>
export type Strong = z.infer<typeof Strong>
export type Link = z.infer<typeof Link>
export type Superscript = z.infer<typeof Superscript>
export type Break = z.infer<typeof Break>
export type FootnoteReference = z.infer<typeof FootnoteReference>
export type Inline = z.infer<typeof Inline>
export type Phrasing = z.infer<typeof Phrasing>

/** The plain text of inline content, as a reader sees it (a line break is a line feed; footnote marks are their labels). */
export function phrasingText(content: readonly Inline[]): string {
  let out = ''
  for (const node of content) out += hasChildren(node) ? phrasingText(node.children) : leafText(node)
  return out
}

/** The text a childless inline node stands for: its text, a line feed for a break, a footnote reference's label. */
export function leafText(node: Exclude<Inline, Emphasis | Strong | Superscript | Link>): string {
  return node.type === 'text' ? node.value : node.type === 'break' ? '\n' : node.label
}

/** Whether an inline node has children (emphasis, strong, superscript, link). */
export function hasChildren(node: Inline): node is Emphasis | Strong | Superscript | Link {
  return 'children' in node
}

/** Shorthand for a single text run. */
export function text(value: string): Phrasing {
  return [{ type: 'text', value }]
}
