import type { ArticleMeta, Cleaned, Found } from '../model/article.js';
import { skip, type Skipped } from '../model/errors.js';
import type { GivenMeta, RawItem } from '../ingest/items.js';
import { cleanHtml } from './html/index.js';
import { cleanText } from './text/index.js';

import { capMeta } from './meta-limits.js';

export { META_LIMITS } from './meta-limits.js';

/**
 * The clean stage: raw input → body text, paragraphs, captions, removals and metadata, by the
 * cleaner for its format. Metadata the input came with (a JSON line's fields) overrides what
 * the cleaner inferred, and says so.
 *
 * @example
 * const c = clean({ origin: 'a.txt', text: 'Title\n\nBody sentence here.', format: 'text', encoding: 'utf-8', given: {} });
 */
export function clean(raw: RawItem): Cleaned | Skipped {
  let cleaned: Cleaned;
  if (raw.format === 'html') {
    const out = cleanHtml(raw.text, { url: raw.given.url });
    if ('ok' in out) return skip(out.reason, raw.origin, out.detail);
    cleaned = out;
  } else {
    cleaned = cleanText(raw.text, { format: raw.format, origin: raw.origin, given: { title: raw.given.title, date: raw.given.date !== undefined, source: raw.given.source !== undefined } });
  }
  if (!/\p{L}{2}/u.test(cleaned.text)) {
    return skip('no-body', raw.origin, `no article body was found in the ${raw.format} input`);
  }
  // after the given values are in: they are as long as the input makes them
  return { ...cleaned, meta: capMeta(withGiven(cleaned.meta, raw.given)) };
}

function withGiven(meta: ArticleMeta, given: GivenMeta): ArticleMeta {
  const out: ArticleMeta = { ...meta };
  const put = (k: keyof GivenMeta, value: string | undefined) => {
    if (value !== undefined) out[k] = { value, by: 'given', evidence: `the input's "${k}" field` } satisfies Found<string>;
  };
  put('title', given.title);
  put('date', given.date === undefined ? undefined : normaliseDate(given.date));
  put('url', given.url);
  put('source', given.source);
  return out;
}

/** A given date is kept to the day unless it carries a time zone worth keeping. */
function normaliseDate(s: string): string {
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+)?$/.exec(s.trim());
  if (iso) return iso[1];
  const t = Date.parse(s);
  return Number.isNaN(t) ? s : new Date(t).toISOString().slice(0, 10);
}
