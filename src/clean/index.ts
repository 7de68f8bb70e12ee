import type { ArticleMeta, Cleaned, Found } from '../model/article.js';
import { skip, type Skipped } from '../model/errors.js';
import type { GivenMeta, RawItem } from '../ingest/items.js';
import { cleanHtml } from './html/index.js';
import { bodyDate, cleanText } from './text/index.js';
import { dayOfDate, noteRejectedDates, readDate, type DateReading, type RejectedDate } from '../model/date.js';

import { capMeta } from './meta-limits.js';

export { META_LIMITS } from './meta-limits.js';

/**
 * The clean stage: raw input → body text, paragraphs, captions, removals and metadata, by the
 * cleaner for its format. Metadata the input came with (a JSON line's fields) overrides what
 * the cleaner inferred, and says so. The article's date is decided here (`decideDate`): every
 * date, given or found, is read by `readDate`, `now` (milliseconds) bounding how far ahead it may be.
 *
 * @example
 * const c = clean({ origin: 'a.txt', text: 'Title\n\nBody sentence here.', format: 'text', encoding: 'utf-8', given: {} });
 */
export function clean(raw: RawItem, now: number = Date.now()): Cleaned | Skipped {
  const given = raw.given.date === undefined ? undefined : readDate(raw.given.date, now);
  let cleaned: Cleaned;
  if (raw.format === 'html') {
    const out = cleanHtml(raw.text, { url: raw.given.url });
    if ('ok' in out) return skip(out.reason, raw.origin, out.detail);
    cleaned = out;
  } else {
    cleaned = cleanText(raw.text, { format: raw.format, origin: raw.origin, given: { title: raw.given.title, date: given?.ok === true, source: raw.given.source !== undefined } });
  }
  if (!/\p{L}{2}/u.test(cleaned.text)) {
    return skip('no-body', raw.origin, `no article body was found in the ${raw.format} input`);
  }
  // after the given values are in: they are as long as the input makes them
  return { ...cleaned, meta: capMeta(decideDate(withGiven(cleaned.meta, raw.given), raw, given, cleaned, now)) };
}

function withGiven(meta: ArticleMeta, given: GivenMeta): ArticleMeta {
  const out: ArticleMeta = { ...meta };
  const put = (k: 'title' | 'url' | 'source', value: string | undefined) => {
    if (value !== undefined) out[k] = { value, by: 'given', evidence: `the input's "${k}" field` } satisfies Found<string>;
  };
  put('title', given.title);
  put('url', given.url);
  put('source', given.source);
  return out;
}

/**
 * The article's date: the given one when it is a date (kept to its UTC day), else what the
 * cleaner found, else the body's own clues; any date that `readDate` rejects (an impossible day,
 * a far-future one, words) is recorded with its reason and not used.
 */
function decideDate(meta: ArticleMeta, raw: RawItem, given: DateReading | undefined, cleaned: Cleaned, now: number): ArticleMeta {
  const out: ArticleMeta = { ...meta };
  const rejected: RejectedDate[] = [];
  const evidence = 'the input\'s "date" field';
  if (given?.ok) {
    out.date = { value: dayOfDate(given.value), by: 'given', evidence };
    delete out.rejectedDate; // what the page said is moot
    return out;
  }
  if (given && !given.ok) rejected.push({ value: String(raw.given.date), by: 'given', evidence, reason: given.reason });
  // a date the cleaner found in the text can be impossible too ("March 3, 2150" on a dateline)
  if (out.date) {
    const found = readDate(out.date.value, now);
    if (!found.ok) {
      rejected.push({ value: out.date.value, by: out.date.by, evidence: out.date.evidence ?? out.date.by, reason: found.reason });
      delete out.date;
    }
  }
  if (!out.date && raw.format === 'html') {
    const d = bodyDate(cleaned.text, cleaned.captions.map((c) => c.text), out.url?.value);
    if (d && readDate(d.value, now).ok) out.date = d;
  }
  noteRejectedDates(out, rejected);
  // the date used says why it is not the one the input gave
  if (out.date && out.rejectedDate) out.date = { ...out.date, evidence: `${out.date.evidence ? `${out.date.evidence}; ` : ''}used because ${out.rejectedDate.evidence}` };
  return out;
}
