import type { ArticleMeta, Found } from '../model/article.js';

/**
 * The longest title, outlet, author and address kept, in UTF-16 units. Longer ones are not what
 * they claim to be (a 100,000-character "title" is a body or an attack) and would flood every
 * listing, table and export row that prints them.
 */
export const META_LIMITS = { title: 500, source: 200, author: 200, url: 2048 } as const;

/** `s` cut to at most `n` units, never between the two halves of a surrogate pair. */
function cutAt(s: string, n: number): string {
  const end = /[\ud800-\udbff]/.test(s[n - 1] ?? '') ? n - 1 : n;
  return s.slice(0, end);
}

/** Evidence quotes the input line a value came from, which may be a whole body. */
const EVIDENCE_LIMIT = 500;

/**
 * The metadata with each limited field cut to its limit, saying so in `cut`, and every field's
 * evidence cut to `EVIDENCE_LIMIT` (marked by a final `…`).
 */
export function capMeta(meta: ArticleMeta): ArticleMeta {
  const out: ArticleMeta = {};
  for (const [k, f] of Object.entries(meta) as [keyof ArticleMeta, Found<string> | undefined][]) {
    if (!f) continue;
    const capped: Found<string> = { ...f };
    const limit = k in META_LIMITS ? META_LIMITS[k as keyof typeof META_LIMITS] : undefined;
    if (limit !== undefined && f.value.length > limit) {
      capped.value = cutAt(f.value, limit);
      capped.cut = `cut to ${limit} characters of ${f.value.length.toLocaleString('en-US')}: a longer ${k} is not kept whole`;
    }
    if (f.evidence !== undefined && f.evidence.length > EVIDENCE_LIMIT) capped.evidence = cutAt(f.evidence, EVIDENCE_LIMIT) + '…';
    out[k] = capped;
  }
  return out;
}
