/**
 * Frames on PETRARCH patterns (data/events/frames.json "patterns", src/events/frames.ts): a pattern
 * whose words matched in a shape that means another sense is recoded by its id, read off the parse:
 * "said the sanctions are hurting" announces no sanctions, "ordered sanctions" imposes them, a warrant
 * for a seizure is the seizure's. Invented sentences.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/index.js';
import type { Article } from '../../src/model/article.js';

const article = (text: string) => analyze({ text: `Report\n\n${text}`, format: 'text', origin: 'test', given: { date: '2019-09-18' } }) as Article;
/** The events coded from pattern `id`: code and rule. */
const byPattern = (text: string, id: string) => article(text).events.filter((e) => e.rule.split('+')[0] === id).map((e) => `${e.source.country}>${e.target?.country} ${e.code} ${e.rule}`);

test('a verb of saying whose object is not the sanctions ("said the sanctions on Russia are hurting") announces none (p2:163:12); "announced sanctions on Russia" does', () => {
  assert.deepEqual(byPattern('The United States said the sanctions on Russia are hurting the Russian economy.', 'p2:163:12').filter((e) => / 163 /.test(e)), []);
  const kept = byPattern('The United States announced sanctions against Russia.', 'p2:163:12');
  assert.ok(kept.some((e) => e.startsWith('USA>RUS 163')), kept.join('; '));
});

test('sanctions ordered are imposed (163), sanctions monitored are no act on the sanctioned (p2:090:45 codes neither as an investigation)', () => {
  const ordered = byPattern('Trump ordered more sanctions on Iran.', 'p2:090:45');
  assert.ok(ordered.length > 0 && ordered.every((e) => / 163 /.test(e)), ordered.join('; '));
  assert.deepEqual(byPattern('French officials monitoring sanctions on Iran are also helping.', 'p2:090:45').filter((e) => / 090 /.test(e)), []);
});

test('a warrant for a seizure is the seizure (1711), not a demand (p2:100:22)', () => {
  const w = byPattern('A U.S. court has issued a warrant for the seizure of an Iranian oil tanker.', 'p2:100:22');
  assert.ok(w.length > 0 && w.every((e) => / 1711 /.test(e)), w.join('; '));
  // a longer sentence the parser misreads ("warrant" a verb, no object of "issued"): the words after the pattern decide
  const long = byPattern('A U.S. court has issued a warrant for the seizure of an Iranian oil tanker at the center of a fierce international dispute, the Justice Department said late Friday.', 'p2:100:22');
  assert.ok(long.length > 0 && long.every((e) => / 1711 /.test(e)), long.join('; '));
});

test('PETRARCH\'s intent code on a meeting or visit itself is the act (040, 042); announced, the mood step makes it an intent (036) again', () => {
  const met = byPattern('The French foreign minister met with Chinese leaders on Saturday.', 'p2:036:53');
  assert.ok(met.some((e) => e.startsWith('FRA>CHN 040 ') && e.includes('+frame:meet-leaders-act')), met.join('; '));
  const will = byPattern('The French foreign minister will meet with Chinese leaders on Saturday.', 'p2:036:53');
  assert.ok(will.some((e) => e.startsWith('FRA>CHN 036 ') && e.includes('+intent')), will.join('; '));
  const at = article('French diplomats held their first meeting with the Chinese president at a lunch.').events.filter((e) => e.rule.startsWith('p2:036:55'));
  assert.ok(at.length > 0 && at.every((e) => e.code === '040'), at.map((e) => `${e.code} ${e.rule}`).join('; '));
  const visit = byPattern('The French president made a visit to China on Saturday.', 'p2:036:10');
  assert.ok(visit.some((e) => e.startsWith('FRA>CHN 042 ')), visit.join('; '));
});
