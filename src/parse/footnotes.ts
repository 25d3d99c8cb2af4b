import { gfmFootnoteFromMarkdown, gfmFootnoteToMarkdown } from 'mdast-util-gfm-footnote'
import { gfmFootnote } from 'micromark-extension-gfm-footnote'
import type { Processor } from 'unified'

interface ExtensionData {
  micromarkExtensions?: unknown[]
  fromMarkdownExtensions?: unknown[]
  toMarkdownExtensions?: unknown[]
}

/** A unified plugin for GFM footnotes alone (`text[^1]` and `[^1]: note`), without the rest of GFM (no autolinked bare URLs). */
export function remarkFootnotes(this: Processor): void {
  const data = this.data() as ExtensionData
  ;(data.micromarkExtensions ??= []).push(gfmFootnote())
  ;(data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown())
  ;(data.toMarkdownExtensions ??= []).push(gfmFootnoteToMarkdown())
}
