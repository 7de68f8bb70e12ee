import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestContext } from 'node:test';
import { analyze } from '../../src/pipeline/index.js';
import { loadEventDictionary } from '../../src/events/dictionary.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Article } from '../../src/model/article.js';
import type { CodedEvent, EventParty } from '../../src/model/event.js';
import type { Mention } from '../../src/model/actor.js';
import type { Store } from '../../src/store/types.js';
import { SHARED } from '../_shared.js';

export const EXAMPLES = resolve('examples');

/**
 * A store of the examples (our own articles) and, when ../shared is there, the seeds; its SQLite
 * file lives in a temporary folder that `cleanup` removes. The event coder is not written yet, so
 * the examples get events coded by hand here (`handCoded`), for the event and relation routes
 * to have something to answer with.
 */
export async function testStore(t: TestContext): Promise<{ store: Store; path: string; seeds: boolean; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-server-'));
  const path = join(dir, 'test.db');
  const store = openSqliteStore(path);
  const files = readdirSync(EXAMPLES).filter((f) => /\.(txt|md)$/.test(f)).map((f) => join(EXAMPLES, f));
  const seedDir = join(SHARED, 'seeds');
  const seeds = existsSync(seedDir);
  if (seeds) files.push(...readdirSync(seedDir).filter((f) => f.endsWith('.txt')).map((f) => join(seedDir, f)));
  else t.diagnostic(`../shared absent: ${seedDir} not found; the server is tested on the examples alone`);
  for (const file of files) {
    const a = analyze({ text: readFileSync(file, 'utf8'), origin: file, format: file.endsWith('.md') ? 'markdown' : 'text' });
    if ('skipped' in a) throw new Error(`${file} was skipped: ${a.detail}`);
    await store.putArticle(file.startsWith(EXAMPLES) ? { ...a, events: handCoded(a) } : a);
  }
  return { store, path, seeds, cleanup: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Codes that alternate across the hand-coded events: an accusation and an intent to meet. */
const CODES = ['112', '036'];

/**
 * One event per sentence that mentions two different countries or organisations: the first
 * mentioned acts on the second, on the article's day. Test data only, not a coder.
 */
export function handCoded(a: Article): CodedEvent[] {
  const dict = loadEventDictionary();
  const events: CodedEvent[] = [];
  a.spans.sentences.forEach((s, i) => {
    const ms = a.spans.mentions.filter((m) => m.start >= s.start && m.end <= s.end && m.actor.country);
    const src = ms[0];
    const tgt = ms.find((m) => m.actor.country !== src?.actor.country);
    if (!src || !tgt) return;
    const code = CODES[events.length % CODES.length];
    const cameo = dict.cameo.get(code)!;
    const e: CodedEvent = {
      start: src.end, end: tgt.start, source: party(src), target: party(tgt), sources: [src.actor.code], targets: [tgt.actor.code],
      code, root: code.slice(0, 2), goldstein: cameo.goldstein, quad: cameo.quad, negated: false, modality: 'asserted',
      sentence: i, sentenceSpan: { start: s.start, end: s.end }, confidence: 0.5, rule: 'test:hand-coded',
    };
    const plover = dict.cameoToPlover.get(code);
    if (plover) e.plover = { event: plover.event, mode: plover.mode, context: [...plover.context] };
    const day = a.meta.date?.value.slice(0, 10);
    if (day) { e.date = day; e.dateBy = 'article'; }
    events.push(e);
  });
  return events;
}

function party(m: Mention): EventParty {
  return { code: m.actor.code, country: m.actor.country, actor: m.actor.id, name: m.actor.name, span: { start: m.start, end: m.end }, via: m.kind };
}
