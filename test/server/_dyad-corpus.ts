import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { analyze } from '../../src/pipeline/index.js';
import { createApp } from '../../src/server/index.js';
import { testStore } from './_store.js';

/*
 * Stories of our own about France and Poland (and a few about Kenya and Peru) spread over seven
 * years, for the dyad explorer's tests: many events of one dyad in both directions, days with
 * several, outlets to filter by, one outlet whose name a spreadsheet would run as a formula.
 */

const VERBS = ['criticised', 'praised', 'met', 'warned', 'thanked', 'accused', 'invited', 'rebuked', 'threatened', 'condemned', 'attacked', 'helped'];
const REPLIES = ['condemned', 'praised', 'thanked', 'criticised', 'accused', 'welcomed'];
const TOPICS = ['fishing rights', 'a rail link', 'grain exports', 'a border crossing', 'student visas', 'a power line'];
const OUTLETS = ['Baltic Wire', 'Vistula Daily', 'Seine Courier'];
/** the outlet of every 50th story: a spreadsheet would run it */
export const FORMULA_OUTLET = '=HYPERLINK("http://x.test","Wire")';

export interface DyadStory { text: string; date: string; source: string; title: string }

/** Story `i`: FRA→POL or POL→FRA in its first sentence and the other way in its third; every fifth Kenya and Peru. */
export function dyadStory(i: number): DyadStory {
  const [a, b] = i % 5 === 4 ? ['Kenya', 'Peru'] : i % 3 === 2 ? ['Poland', 'France'] : ['France', 'Poland'];
  const date = new Date(Date.UTC(2015, 0, 1) + ((i * 37) % 2555) * 86_400_000).toISOString().slice(0, 10);
  const topic = TOPICS[(i >> 2) % TOPICS.length];
  const text = [
    `${a} ${VERBS[i % VERBS.length]} ${b} on Monday over ${topic}, officials said in statement number ${i}.`,
    `The foreign minister of ${b} said talks on ${topic} would resume in ${1 + (i % 9)} weeks.`,
    `On Tuesday ${b} ${REPLIES[i % REPLIES.length]} ${a} over ${topic}, the ministry said in note ${i * 13 + 5}.`,
    `Analysts said the quarrel had simmered for ${2 + (i % 9)} years.`,
  ].join('\n\n');
  return { text, date, source: i % 50 === 7 ? FORMULA_OUTLET : OUTLETS[i % OUTLETS.length], title: `${a} and ${b}, story ${i}` };
}

/** `n` stories as JSON lines in `dir` (what `entente ingest` reads); returns the file. */
export function writeDyadCorpus(dir: string, n: number): string {
  const file = join(dir, 'dyad-years.jsonl');
  writeFileSync(file, Array.from({ length: n }, (_, i) => JSON.stringify(dyadStory(i))).join('\n') + '\n');
  return file;
}

/**
 * The test store (examples and seeds, `_store.ts`) with `n` stories stored, its app, and a GET
 * that insists on 200 and answers the JSON: what the dyad and actor route tests start from.
 */
export async function dyadYearsApp(t: TestContext, n: number) {
  const { store, cleanup } = await testStore(t);
  t.after(cleanup);
  for (let i = 0; i < n; i++) {
    const s = dyadStory(i);
    const a = analyze({ text: s.text, origin: `years/${i}.txt`, format: 'text', given: { date: s.date, source: s.source, title: s.title } });
    assert.ok(!('skipped' in a));
    await store.putArticle(a);
  }
  const app = createApp(store, { log: () => {}, maxLimit: 500 });
  const get = async <T>(url: string): Promise<T> => {
    const res = await app.request(url);
    assert.equal(res.status, 200, `${url}: ${await res.clone().text()}`);
    return (await res.json()) as T;
  };
  return { store, app, get };
}
