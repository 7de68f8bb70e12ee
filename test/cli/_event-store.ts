import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../../src/model/article.js';
import type { CodedEvent, EventParty } from '../../src/model/event.js';
import { analyze } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';

const PARTIES: Record<string, Omit<EventParty, 'span' | 'via'> & { word: string }> = {
  RUS: { code: 'RUSGOV', country: 'RUS', actor: 'country/russia', name: 'Russia', word: 'Russia' },
  EU: { code: 'IGOEUREEC', country: 'EU', actor: 'org/eu', name: 'European Union', word: 'European Union' },
  CHN: { code: 'CHN', country: 'CHN', actor: 'country/china', name: 'China', word: 'China' },
  UKR: { code: 'UKR', country: 'UKR', actor: 'country/ukraine', name: 'Ukraine', word: 'Ukraine' },
};

interface Spec {
  sentence: number;
  source: keyof typeof PARTIES;
  target: keyof typeof PARTIES;
  verb: string;
  code: string;
  plover: string;
  goldstein: number;
  quad: 1 | 2 | 3 | 4;
  date?: string;
  negated?: boolean;
}

/** A fixture article of our own, analysed, with the events we say its sentences hold, spans found in its text. */
export function article(origin: string, outlet: string, date: string, text: string, specs: Spec[]): Article {
  const a = analyze({ text, origin, format: 'text' });
  assert.ok(!('skipped' in a), JSON.stringify(a));
  a.meta = { ...a.meta, source: { value: outlet, by: 'given' }, date: { value: date, by: 'given' }, url: { value: `https://example.org/${origin}`, by: 'given' } };
  a.events = specs.map((s): CodedEvent => {
    const sent = a.spans.sentences[s.sentence];
    const inSentence = (w: string) => {
      const at = a.text.indexOf(w, sent.start);
      assert.ok(at >= 0 && at < sent.end, `"${w}" in sentence ${s.sentence} of ${origin}`);
      return { start: at, end: at + w.length };
    };
    const party = (k: keyof typeof PARTIES): EventParty => {
      const { word, ...p } = PARTIES[k];
      return { ...p, span: inSentence(word), via: 'name' };
    };
    const verb = inSentence(s.verb);
    return {
      ...verb, source: party(s.source), target: party(s.target), sources: [PARTIES[s.source].code], targets: [PARTIES[s.target].code],
      code: s.code, root: s.code.slice(0, 2), plover: { event: s.plover, mode: null, context: [] }, goldstein: s.goldstein, quad: s.quad,
      negated: s.negated ?? false, modality: 'asserted', ...(s.date ? { date: s.date, dateBy: 'article' as const } : {}), sentence: s.sentence, sentenceSpan: sent,
      confidence: 0.8, rule: 'test:fixture',
    };
  });
  return a;
}

const ACCUSE = { code: '112', plover: 'ACCUSE', goldstein: -2, quad: 3 as const };

/**
 * A temporary store with three articles from two outlets: RUS→EU accusations (one reported by
 * both outlets), a Chinese compliment, a negated Russian attack on Ukraine, EU sanctions and an
 * April RUS→EU agreement.
 */
export async function eventStore(): Promise<{ dir: string; db: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-events-'));
  const db = join(dir, 'events.db');
  const store = openSqliteStore(db);
  try {
    await store.putArticle(article('one.txt', 'Wire One', '2021-03-23',
      'Russia accused the European Union of meddling on Tuesday. China praised Russia for its restraint, officials said. Russia did not attack Ukraine, the ministry said.',
      [
        { sentence: 0, source: 'RUS', target: 'EU', verb: 'accused', ...ACCUSE, date: '2021-03-23' },
        { sentence: 1, source: 'CHN', target: 'RUS', verb: 'praised', code: '051', plover: 'SUPPORT', goldstein: 3.4, quad: 1, date: '2021-03-23' },
        { sentence: 2, source: 'RUS', target: 'UKR', verb: 'attack', code: '190', plover: 'ASSAULT', goldstein: -10, quad: 4, date: '2021-03-23', negated: true },
      ]));
    await store.putArticle(article('two.txt', 'Wire Two', '2021-03-24',
      'Russia accused the European Union of "hostile, destructive" moves on Tuesday. The European Union sanctioned Russia on Wednesday, diplomats said.',
      [
        { sentence: 0, source: 'RUS', target: 'EU', verb: 'accused', ...ACCUSE, date: '2021-03-23' },
        { sentence: 1, source: 'EU', target: 'RUS', verb: 'sanctioned', code: '163', plover: 'SANCTION', goldstein: -8, quad: 4, date: '2021-03-24' },
      ]));
    await store.putArticle(article('three.txt', 'Wire One', '2021-04-12',
      'Russia agreed with the European Union on a gas deal on Monday. Both sides welcomed it, officials in Brussels said.',
      [{ sentence: 0, source: 'RUS', target: 'EU', verb: 'agreed', code: '057', plover: 'AGREE', goldstein: 8, quad: 1, date: '2021-04-12' }]));
  } finally {
    await store.close();
  }
  return { dir, db };
}
