/**
 * When an event happened, read from the words of its sentence and resolved against the article's
 * date: "on Tuesday", "yesterday", "last week", "on Christmas day", "in February", "March 5,
 * 2021", "5 March", "2021-03-05", "in 2014". The words come from `data/events/dates.json`; the
 * one tokenizer pattern is compiled once, everything else is map look-ups, because this runs on
 * every sentence that holds an event. Calendar arithmetic is UTC and never reads the clock.
 *
 * Representative days for expressions coarser than a day (`precision` says which it was):
 * - week ("last week", "this week", "next week"): the article's date moved by 7 days per week
 *   (so "last week" is 7 days before the article, "this week" the article's own day);
 * - month ("in February", "last month", "earlier this month", "March 2021"): the 1st of the month;
 * - year ("in 2014", "last year"): the 1st of January.
 *
 * Which occurrence of an undated day ("on Tuesday", "on March 5", "on Christmas day", "in
 * February"): the most recent one on or before the article's date (for a month: not after the
 * article's month), or with `future: true` (the caller saw "will", "plans to") the first one on or
 * after it. "last …" is the latest strictly before, "next …" the first strictly after, either way.
 *
 * An announced act ("will meet on Wednesday", CAMEO codes it as intent 03x or threat 13x) is an
 * event of the day it was announced, not of the day planned: the real-news gold dates "will meet
 * Mr. Putin in Russia Tuesday" and "is scheduled to resume talks on Wednesday" to the article's
 * day. So `resolveEventDate` with `future: true` skips a date that falls after the article's day
 * (the plan's), and reads a date before the trigger as past when a past verb of saying or
 * deciding stands before the trigger ("agreed on Saturday to send", "said on Monday it will").
 * `eventDates` still resolves the plan's day forward ("on Wednesday" → the next Wednesday).
 *
 * "a day after" opens a clause told relative to the sentence's own day ("comes a day after Obama
 * ordered a review"): an event in that clause is a day before it (`leads` marks such a date).
 */
import type { Span } from '../model/span.js';
import { addDays, isoDate, weekdayOf } from '../clean/text/dates.js';
import { type DatePhrase, type DateWords, loadDateWords } from './date-words.js';

export type DatePrecision = 'day' | 'week' | 'month' | 'year';

/** A date found in a sentence. @example { date: '2022-12-25', span: { start: 9, end: 25 }, by: 'sentence', precision: 'day' } */
export interface SentenceDate {
  /** ISO `YYYY-MM-DD`; for coarser expressions the representative day described above */
  date: string;
  /** the words that gave it, lead word included ("on Christmas day"), in the text's offsets */
  span: Span;
  by: 'sentence';
  precision: DatePrecision;
  /** the date of the clause the words open ("a day after …"), not of what comes before them */
  leads?: true;
}

export interface DateOptions {
  /**
   * the event is announced, not reported: undated days resolve forward from the article's date,
   * and `resolveEventDate` dates the announcement, not the plan (see above)
   */
  future?: boolean;
  /** the event's trigger: with several dates in the sentence, the one nearest it wins */
  trigger?: Span;
  /** the date words to read (the coder passes its own); the built-in ones by default */
  words?: DateWords;
}

interface Tok {
  start: number;
  end: number;
  /** lower case, curly apostrophes straightened */
  lower: string;
  /** `lower` without a possessive "'s" */
  base: string;
  cap: boolean;
  /** the value of a number token ("5", "5th", "2021"), and how many digits it has */
  num?: number;
  digits?: number;
  iso?: string;
}

// ISO date, number with an optional ordinal suffix, word (with inner apostrophes), any other mark
const TOKEN = /(\d{4})-(\d{2})-(\d{2})(?!\d)|(\d+)(?:st|nd|rd|th)?(?![\p{L}\d])|\p{L}+(?:['’]\p{L}+)*|[^\s\p{L}\d]/gu;
const UPPER = /^\p{Lu}/u;
const LETTER = /^\p{L}/u;
const CURLY = /’/g;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

function tokenize(text: string, span: Span): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = span.start;
  for (let m = TOKEN.exec(text); m !== null && m.index < span.end; m = TOKEN.exec(text)) {
    const low = m[0].toLowerCase();
    const lower = low.includes('’') ? low.replace(CURLY, "'") : low;
    const t: Tok = { start: m.index, end: m.index + m[0].length, lower, base: lower.endsWith("'s") ? lower.slice(0, -2) : lower, cap: UPPER.test(m[0]) };
    if (m[1] !== undefined) t.iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    else if (m[4] !== undefined) {
      t.num = Number(m[4]);
      t.digits = m[4].length;
    }
    out.push(t);
  }
  return out;
}

/** The article's day, or undefined when it is absent or not an ISO date. */
function anchorOf(articleDate: string | undefined): string | undefined {
  // asked for each sentence read, and an article has one date: the last answer is kept
  if (lastAnchor && lastAnchor.articleDate === articleDate) return lastAnchor.anchor;
  const anchor = anchorFrom(articleDate);
  lastAnchor = { articleDate, anchor };
  return anchor;
}

let lastAnchor: { articleDate: string | undefined; anchor: string | undefined } | undefined;

function anchorFrom(articleDate: string | undefined): string | undefined {
  if (!articleDate || !ISO_DAY.test(articleDate)) return undefined;
  return isoDate(Number(articleDate.slice(0, 4)), Number(articleDate.slice(5, 7)), Number(articleDate.slice(8, 10)));
}

/** -1 latest strictly before, +1 first strictly after, 0 default (on or before; on or after when future). */
type Pick = -1 | 0 | 1;

function pickDay(anchor: string, month: number, day: number, pick: Pick, future: boolean): string | undefined {
  const y = Number(anchor.slice(0, 4));
  const forward = pick === 1 || (pick === 0 && future);
  // Feb 29 may be four years away
  for (let k = 0; k <= 8; k++) {
    const d = isoDate(forward ? y + k - 1 : y - k + 1, month, day);
    if (!d) continue;
    if (forward ? (pick === 1 ? d > anchor : d >= anchor) : (pick === -1 ? d < anchor : d <= anchor)) return d;
  }
  return undefined;
}

function pickWeekday(anchor: string, weekday: number, pick: Pick, future: boolean): string {
  const forward = pick === 1 || (pick === 0 && future);
  const wa = weekdayOf(anchor);
  let n = forward ? (weekday - wa + 7) % 7 : (wa - weekday + 7) % 7;
  if (n === 0 && pick !== 0) n = 7;
  return addDays(anchor, forward ? n : -n);
}

function pickMonth(anchor: string, month: number, pick: Pick, future: boolean): string {
  const y = Number(anchor.slice(0, 4));
  const m = Number(anchor.slice(5, 7));
  const forward = pick === 1 || (pick === 0 && future);
  const year = forward ? (pick === 1 ? (m < month ? y : y + 1) : m <= month ? y : y + 1) : pick === -1 ? (m > month ? y : y - 1) : m >= month ? y : y - 1;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

function monthStart(anchor: string, offset: number): string {
  const t = new Date(Date.UTC(Number(anchor.slice(0, 4)), Number(anchor.slice(5, 7)) - 1 + offset, 1));
  return t.toISOString().slice(0, 10);
}

function matchPhrase(toks: readonly Tok[], i: number, list: readonly DatePhrase[] | undefined): DatePhrase | undefined {
  if (!list) return undefined;
  for (const p of list) {
    if (i + p.words.length > toks.length) continue;
    let ok = true;
    for (let k = 0; k < p.words.length && ok; k++) {
      const t = toks[i + k];
      // the last word may carry a possessive: "yesterday's vote", "Christmas Day's attack"
      ok = t.lower === p.words[k] || (k === p.words.length - 1 && t.base === p.words[k]);
    }
    if (ok) return p;
  }
  return undefined;
}

interface Found {
  first: number;
  last: number;
  date: string;
  precision: DatePrecision;
  weekday?: boolean;
  leads?: true;
}

/**
 * Scans the sentence's tokens; each expression found is resolved (expressions needing the
 * article's date are dropped without one).
 */
function scan(w: DateWords, toks: readonly Tok[], anchor: string | undefined, future: boolean): Found[] {
  const out: Found[] = [];
  const day = (t: Tok | undefined) => (t?.num !== undefined && t.digits! <= 2 && t.num >= 1 && t.num <= 31 ? t.num : undefined);
  const year = (t: Tok | undefined) => (t?.num !== undefined && t.digits === 4 && t.num >= w.years.min && t.num <= w.years.max ? t.num : undefined);
  const month = (t: Tok | undefined) => (t?.cap ? w.months.get(t.base) : undefined);
  // walks back over qualifiers, a modifier and a lead word to the expression's first token; undefined when a blocker stands before it
  const before = (i: number, leads: ReadonlySet<string> | undefined, qualifiers: boolean, modifiers: boolean) => {
    let j = i;
    let pick: Pick = 0;
    // "early", "late", "mid-": a hyphen only after a qualifier ("April-May" is no date)
    while (qualifiers) {
      if (j > 1 && toks[j - 1].lower === '-' && w.qualifiers.has(toks[j - 2].lower)) j -= 2;
      else if (j > 0 && w.qualifiers.has(toks[j - 1].lower)) j--;
      else break;
    }
    if (modifiers && j > 0 && w.modifiers.has(toks[j - 1].lower)) pick = w.modifiers.get(toks[--j].lower)!;
    if (leads && j > 0 && leads.has(toks[j - 1].lower)) j--;
    if (j > 0 && w.blockers.has(toks[j - 1].lower)) return undefined;
    return { first: j, pick };
  };
  for (let i = 0; i < toks.length; ) {
    const t = toks[i];
    let hit: Found | undefined;
    // 2021-03-05
    if (t.iso) {
      const b = before(i, w.dayLeads, false, false);
      if (b) hit = { first: b.first, last: i, date: t.iso, precision: 'day' };
    }
    // today, last week, on Christmas day
    const p = hit ? undefined : matchPhrase(toks, i, w.phrases.get(t.lower) ?? w.phrases.get(t.base));
    if (p) {
      const last = i + p.words.length - 1;
      if (p.kind === 'holiday') {
        const b = before(i, w.holidayLeads, false, true);
        if (b && anchor && (!p.needsLead || b.first < i)) {
          const d = pickDay(anchor, p.month, p.day, b.pick, future);
          if (d) hit = { first: b.first, last, date: d, precision: 'day' };
        }
      } else if (p.kind === 'clause') {
        // from the sentence's own day when it names one before the phrase ("on Friday, a day after …")
        const base = [...out].reverse().find((f) => f.precision === 'day' && !f.leads)?.date ?? anchor;
        const b = before(i, undefined, false, false);
        if (b && base) hit = { first: b.first, last, date: addDays(base, p.offset), precision: 'day', leads: true };
      } else {
        const b = before(i, undefined, false, false);
        if (b && anchor) {
          const date =
            p.kind === 'day' ? addDays(anchor, p.offset)
            : p.unit === 'week' ? addDays(anchor, 7 * p.offset)
            : p.unit === 'month' ? monthStart(anchor, p.offset)
            : `${Number(anchor.slice(0, 4)) + p.offset}-01-01`;
          hit = { first: b.first, last, date, precision: p.kind === 'day' ? 'day' : p.unit };
        }
      }
    }
    // March 5, 2021 · March 5 · March 2021 · in February
    const m = hit || p ? undefined : month(t);
    if (m) {
      const dot = toks[i + 1]?.lower === '.' ? 1 : 0;
      const d = day(toks[i + 1 + dot]);
      const comma = d !== undefined && toks[i + 2 + dot]?.lower === ',' ? 1 : 0;
      const yAfterDay = d !== undefined ? year(toks[i + 2 + dot + comma]) : undefined;
      const yOnly = d === undefined ? year(toks[i + 1 + dot]) : undefined;
      if (d !== undefined) {
        const b = before(i, w.dayLeads, false, true);
        const date = yAfterDay !== undefined ? isoDate(yAfterDay, m.month, d) : b && anchor ? pickDay(anchor, m.month, d, b.pick, future) : undefined;
        if (b && date) hit = { first: b.first, last: i + 1 + dot + (yAfterDay !== undefined ? 1 + comma : 0), date, precision: 'day' };
      } else if (yOnly !== undefined) {
        const b = before(i, w.monthLeads, true, false);
        if (b) hit = { first: b.first, last: i + 1 + dot, date: `${yOnly}-${String(m.month).padStart(2, '0')}-01`, precision: 'month' };
      } else if (m.full) {
        const b = before(i, w.monthLeads, true, true);
        if (b && b.first < i && anchor) hit = { first: b.first, last: i, date: pickMonth(anchor, m.month, b.pick, future), precision: 'month' };
      }
    }
    // 5 March 2021 · the 5th of March
    const d = hit || p ? undefined : day(t);
    if (d !== undefined) {
      const of = toks[i + 1]?.lower === 'of' ? 1 : 0;
      const mm = month(toks[i + 1 + of]);
      if (mm) {
        const dot = toks[i + 2 + of]?.lower === '.' ? 1 : 0;
        const comma = toks[i + 2 + of + dot]?.lower === ',' ? 1 : 0;
        const y = year(toks[i + 2 + of + dot + comma]);
        const the = toks[i - 1]?.lower === 'the' ? 1 : 0;
        const b = before(i - the, w.dayLeads, false, true);
        const date = y !== undefined ? isoDate(y, mm.month, d) : b && anchor ? pickDay(anchor, mm.month, d, b.pick, future) : undefined;
        if (b && date) hit = { first: b.first, last: i + 1 + of + (y !== undefined ? 1 + dot + comma : 0), date, precision: 'day' };
      }
    }
    // on Tuesday · last Tuesday · Tuesday's talks
    const wd = hit || p ? undefined : t.cap ? w.weekdays.get(t.base) : undefined;
    if (wd !== undefined && anchor && !(i > 0 && w.weekdayNames.has(toks[i - 1].lower))) {
      const b = before(i, w.dayLeads, false, true);
      if (b) hit = { first: b.first, last: i, date: pickWeekday(anchor, wd, b.pick, future), precision: 'day', weekday: true };
    }
    // in 2014 · in early 2014
    const y = hit || p ? undefined : year(t);
    if (y !== undefined) {
      const next = toks[i + 1];
      const follows = !next || !LETTER.test(next.lower) || next.cap || w.yearFollowers.has(next.lower);
      const b = before(i, w.yearLeads, true, false);
      if (b && b.first < i && follows && w.yearLeads.has(toks[b.first].lower)) hit = { first: b.first, last: i, date: `${y}-01-01`, precision: 'year' };
    }
    if (hit) {
      out.push(hit);
      i = hit.last + 1;
    } else i += p ? p.words.length : 1;
  }
  // "on Tuesday, March 5, 2021": the weekday only names the day the full date gives
  const merged: Found[] = [];
  for (let k = 0; k < out.length; k++) {
    const f = out[k];
    const next = out[k + 1];
    if (f.weekday && next && !next.leads && next.first <= f.last + 2 && toks.slice(f.last + 1, next.first).every((x) => x.lower === ',')) next.first = f.first;
    else merged.push(f);
  }
  return merged;
}

/**
 * Every date expression in `sentence` (a span of `text`) that can be resolved, in text order.
 * `articleDate` is ISO, a day (`2022-12-27`) or a timestamp (`2022-12-27T08:00:00Z`, whose day is
 * used); when it is absent or unreadable only self-contained dates ("March 5, 2021", "in 2014")
 * resolve.
 *
 * @example eventDates('Talks began on Monday and ended on Tuesday.', { start: 0, end: 44 }, '2022-12-28').map((d) => d.date) // ['2022-12-26', '2022-12-27']
 */
export function eventDates(text: string, sentence: Span, articleDate: string | undefined, options: DateOptions = {}): SentenceDate[] {
  const future = options.future === true;
  const words = options.words ?? loadDateWords();
  const l = last;
  if (!(l && l.text === text && l.start === sentence.start && l.end === sentence.end && l.articleDate === articleDate && l.words === words)) {
    last = { text, start: sentence.start, end: sentence.end, articleDate, words, dates: [undefined, undefined] };
  }
  const k = future ? 1 : 0;
  const dates = (last!.dates[k] ??= datesIn(words, text, sentence, articleDate, future));
  return dates.map((d) => ({ ...d, span: { ...d.span } }));
}

// The coder asks once per event, and one sentence may hold many events (a run-on page of
// thousands): the last sentence's answers (read back and forward) are kept, so each sentence is
// read at most twice.
let last: { text: string; start: number; end: number; articleDate: string | undefined; words: DateWords; dates: [SentenceDate[] | undefined, SentenceDate[] | undefined] } | undefined;

function datesIn(w: DateWords, text: string, sentence: Span, articleDate: string | undefined, future: boolean): SentenceDate[] {
  if (!w.screen.test(text.slice(sentence.start, sentence.end))) return [];
  const toks = tokenize(text, sentence);
  return scan(w, toks, anchorOf(articleDate), future).map((f) => {
    const d: SentenceDate = { date: f.date, span: { start: toks[f.first].start, end: toks[f.last].end }, by: 'sentence', precision: f.precision };
    if (f.leads) d.leads = true;
    return d;
  });
}

/**
 * The date of the event told in `sentence`: the date expression nearest `options.trigger`, or
 * the first one when no trigger is given; undefined when the sentence dates nothing (the caller
 * then falls back on the article's date).
 *
 * @example resolveEventDate('The attack came on Christmas day.', { start: 0, end: 33 }, '2022-12-27') // { date: '2022-12-25', span: { start: 16, end: 32 }, by: 'sentence', precision: 'day' }
 * @example resolveEventDate('Officials may meet.', { start: 0, end: 19 }, '2022-12-27') // undefined
 */
export function resolveEventDate(text: string, sentence: Span, articleDate: string | undefined, options: DateOptions = {}): SentenceDate | undefined {
  const tr = options.trigger;
  // "a day after X did": only for an act told after the words
  let all = eventDates(text, sentence, articleDate, options).filter((d) => !d.leads || !tr || tr.start >= d.span.end);
  if (options.future) all = announced(options.words ?? loadDateWords(), text, sentence, articleDate, all, tr);
  if (all.length <= 1 || !tr) return all[0];
  const gap = (s: Span) => Math.max(0, s.start - tr.end, tr.start - s.end);
  return all.reduce((best, d) => (gap(d.span) < gap(best.span) ? d : best));
}

/**
 * The dates of an announced act's announcement, from the sentence's dates resolved forward:
 * one before the trigger after a past verb of saying or deciding is resolved as past ("agreed on
 * Saturday to send"); one that still falls after the article's day is the plan's and goes.
 */
function announced(w: DateWords, text: string, sentence: Span, articleDate: string | undefined, ahead: SentenceDate[], tr: Span | undefined): SentenceDate[] {
  const anchor = anchorOf(articleDate);
  if (!anchor || ahead.length === 0) return ahead;
  const saidBefore = tr !== undefined && tokenize(text, { start: sentence.start, end: tr.start }).some((t) => w.announcingPast.has(t.lower));
  const behind = saidBefore ? eventDates(text, sentence, articleDate, { words: w }) : [];
  const out: SentenceDate[] = [];
  for (const d of ahead) {
    const past = saidBefore && d.span.end <= tr.start ? behind.find((b) => b.span.start === d.span.start) : undefined;
    if (past) out.push(past);
    else if (d.date.slice(0, 10) <= anchor) out.push(d);
  }
  return out;
}
