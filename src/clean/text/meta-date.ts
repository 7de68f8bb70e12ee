/**
 * The article's date, from the strongest evidence first:
 * 1. a dateline ("March 23, 2021" on a line of its own), found by step 3;
 * 2. a /YYYY/MM/DD/ path in the article's own address;
 * 3. a weekday the story uses as a date ("the minister on Tuesday said"), read as the first such day
 *    on or after the latest date the text writes out (captions included: they date the photos
 *    of the story's events). The Fox seed's latest date is "December 25, 2022", a Sunday, so
 *    "on Tuesday" is 2022-12-27.
 */
import type { Found } from '../../model/article.js';
import type { Doc } from './_doc.js';
import { dateFromUrl, findDates, onOrAfter, weekdayMentions } from './dates.js';

/** The article's date with its evidence, or undefined. `body` is the clean text; `captions` their texts. */
export function findDate(doc: Doc, body: string, captions: readonly string[]): Found<string> | undefined {
  // 1. the dateline
  if (doc.dateline) return doc.dateline;
  // 2. the address
  for (const url of [doc.url?.value, doc.origin]) {
    const iso = url ? dateFromUrl(url) : undefined;
    if (iso) return { value: iso, by: 'url-path', evidence: url, rule: 'url-path-date' };
  }
  // 3. a weekday against the latest written date
  const cal = doc.data.calendar;
  const weekday = weekdayMentions(body, cal)[0];
  if (!weekday) return undefined;
  let anchor: { iso: string; text: string } | undefined;
  for (const t of [body, ...captions]) {
    for (const d of findDates(t, cal)) if (!anchor || d.iso > anchor.iso) anchor = d;
  }
  if (!anchor) return undefined;
  return {
    value: onOrAfter(anchor.iso, weekday.weekday),
    by: 'relative-date',
    evidence: `“${weekday.text}” read as the first such day on or after the latest date the text writes out, “${anchor.text}” (${anchor.iso})`,
    rule: 'weekday-after-latest-date',
  };
}
