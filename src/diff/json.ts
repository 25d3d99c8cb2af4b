import type { Change, DocumentDiff } from './model.js'

const changeKeys: (keyof Change)[] = ['kind', 'moved', 'oldId', 'newId', 'label', 'oldLabel', 'oldText', 'newText', 'typographyOnly', 'fallback', 'ops']

/**
 * Serializes a diff as JSON with a fixed key order (two-space indent, final newline), so the same
 * drafts give the same bytes. Shape (version 1):
 * `{ version: 1, language, summary: { added, removed, modified, moved, unchanged }, changes: [{ kind,
 * moved?, oldId, newId, label, oldLabel?, oldText, newText, typographyOnly?, fallback?, ops? }] }`.
 * @param diff the result of `diffDocuments`
 * @returns the JSON text
 */
export function diffToJson(diff: DocumentDiff): string {
  const { added, removed, modified, moved, unchanged } = diff.summary
  const ordered = {
    version: diff.version,
    language: diff.language,
    summary: { added, removed, modified, moved, unchanged },
    changes: diff.changes.map((change) => {
      const out: Record<string, unknown> = {}
      for (const key of changeKeys) if (change[key] !== undefined) out[key] = key === 'ops' ? change.ops!.map(({ op, text }) => ({ op, text })) : change[key]
      return out
    }),
  }
  return `${JSON.stringify(ordered, null, 2)}\n`
}
