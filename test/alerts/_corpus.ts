import { createHash } from 'node:crypto';
import type { Article } from '../../src/model/article.js';
import type { CodedEvent, EventParty } from '../../src/model/event.js';
import { analyze } from '../../src/pipeline/index.js';
import { prng } from '../../src/data/prng.js';
import type { StoredEvent } from '../../src/store/index.js';

/** CAMEO codes and their Goldstein scores, cooperative and conflictual, for the generated events. */
const COOPERATE: readonly [string, number][] = [['040', 1], ['042', 1.9], ['043', 2.8], ['051', 3.4], ['036', 4], ['061', 6.4], ['046', 7], ['057', 8]];
const CONFLICT: readonly [string, number][] = [['111', -2], ['112', -2], ['120', -4], ['130', -4.4], ['173', -5], ['141', -6.5], ['163', -8], ['190', -10]];

/** One dyad's generated days: each a few events, each event cooperative with the day's probability. */
export interface DyadSpec {
  dyad: [string, string];
  /** first day of the series, ISO */
  start: string;
  days: number;
  /** the probability that an event is cooperative on day `i` */
  cooperation: (i: number) => number;
  seed: number;
}

export interface GeneratedDay {
  dyad: [string, string];
  day: string;
  /** distinct codes that day, so each event is its own event group */
  events: [string, number][];
}

/** The ISO day `n` days after `start`. @example addDays('2024-01-30', 2) // '2024-02-01' */
export function addDays(start: string, n: number): string {
  return new Date(Date.parse(start + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
}

/** 2 to 6 events a day, some days none (a quiet dyad has gaps), reproducible by seed. */
export function generate(spec: DyadSpec): GeneratedDay[] {
  const r = prng(spec.seed);
  const out: GeneratedDay[] = [];
  for (let i = 0; i < spec.days; i++) {
    if (r() < 0.1) continue;
    const n = 2 + Math.floor(r() * 5);
    const used = new Set<string>();
    const events: [string, number][] = [];
    for (let k = 0; k < n; k++) {
      const list = r() < spec.cooperation(i) ? COOPERATE : CONFLICT;
      const pick = list[Math.floor(r() * list.length)];
      if (used.has(pick[0])) continue;
      used.add(pick[0]);
      events.push(pick);
    }
    out.push({ dyad: spec.dyad, day: addDays(spec.start, i), events });
  }
  return out;
}

/** The generated days as stored events (for the pure detector), in date order. */
export function asStoredEvents(days: readonly GeneratedDay[]): StoredEvent[] {
  const out: StoredEvent[] = [];
  for (const d of days) {
    const articleId = idOf(d);
    d.events.forEach(([code, goldstein], index) => {
      out.push({
        articleId, index, group: `${d.dyad[0]}>${d.dyad[1]}:${code}@${d.day}`, source: d.dyad[0], sourceCountry: d.dyad[0], target: d.dyad[1], targetCountry: d.dyad[1],
        code, root: code.slice(0, 2), goldstein, quad: goldstein >= 0 ? 1 : 4, date: d.day, negated: false, modality: 'asserted', rule: 'generated', confidence: 1,
        sentence: `${d.dyad[0]} and ${d.dyad[1]}: ${code}`, event: {} as CodedEvent,
      });
    });
  }
  return out.sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
}

let template: Article | undefined;

/**
 * The generated days as articles to store, one per dyad and day: an analysed template article
 * whose id, origin, date and events are those of the day (the event coder is not what is tested).
 */
export function asArticles(days: readonly GeneratedDay[]): Article[] {
  if (!template) {
    const a = analyze({ text: 'Officials of the two countries met on Monday. They talked about trade and borders. Talks go on next week.', origin: 'template.txt', format: 'text' });
    if ('skipped' in a) throw new Error(`the template article was skipped: ${a.detail}`);
    template = a;
  }
  const t = template;
  const s = t.spans.sentences[0];
  const party = (country: string): EventParty => ({ code: country, country, actor: `country/${country}`, name: country, span: { start: s.start, end: s.start + 5 }, via: 'name' });
  return days.map((d): Article => ({
    ...t,
    id: idOf(d),
    origin: `generated/${d.dyad.join('-')}/${d.day}.txt`,
    meta: { ...t.meta, date: { value: d.day, by: 'given' } },
    quotes: [],
    events: d.events.map(([code, goldstein]): CodedEvent => ({
      start: s.start, end: s.start + 12, source: party(d.dyad[0]), target: party(d.dyad[1]), sources: [d.dyad[0]], targets: [d.dyad[1]],
      code, root: code.slice(0, 2), goldstein, quad: goldstein >= 0 ? 1 : 4, negated: false, modality: 'asserted', sentence: 0,
      sentenceSpan: { start: s.start, end: s.end }, confidence: 1, rule: 'generated', date: d.day, dateBy: 'article',
    })),
  }));
}

function idOf(d: GeneratedDay): string {
  return createHash('sha256').update(`${d.dyad.join('-')}@${d.day}`).digest('hex').slice(0, 16);
}
