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
import { textData, type Calendar } from './_data.js';
import { dateFromUrl, dateLine, findDates, onOrAfter, weekdayMentions } from './dates.js';

/** The article's date with its evidence, or undefined. `body` is the clean text; `captions` their texts. */
export function findDate(doc: Doc, body: string, captions: readonly string[]): Found<string> | undefined {
  // 1. the dateline
  if (doc.dateline) return doc.dateline;
  return dateFromText([doc.url?.value, doc.origin], doc.data.calendar, body, captions);
}

/**
 * The date of a body another cleaner wrote (an HTML page whose metadata gives none, or only a
 * rejected one): a dateline among its first paragraphs, then the address and the weekday clues
 * of `findDate`.
 * @example bodyDate('March 23, 2021\n\nMinisters met.', [])?.value // '2021-03-23'
 */
export function bodyDate(body: string, captions: readonly string[], url?: string): Found<string> | undefined {
  const data = textData();
  for (const para of body.split('\n\n', 3)) {
    const iso = dateLine(para, data.calendar, data.datelineLabel);
    if (iso) return { value: iso, by: 'dateline', evidence: para, rule: 'dateline' };
  }
  return dateFromText([url], data.calendar, body, captions);
}

/** Steps 2 and 3 of `findDate`: the address, then a weekday against the latest written date. */
function dateFromText(urls: readonly (string | undefined)[], cal: Calendar, body: string, captions: readonly string[]): Found<string> | undefined {
  // 2. the address
  for (const url of urls) {
    const iso = url ? dateFromUrl(url) : undefined;
    if (iso) return { value: iso, by: 'url-path', evidence: url, rule: 'url-path-date' };
  }
  // 3. a weekday against the latest written date
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
