/**
 * Spreading an act to the other side (src/events/spread.ts, data/events/spread.json): a visit is
 * also its host's (042 → 043), a meeting announced holds both ways (036). Written sentences.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/index.js';
import { parseSpreadRules } from '../../src/events/spread.js';
import { DataFileError } from '../../src/model/errors.js';
import type { Article } from '../../src/model/article.js';

function events(sentence: string): string[] {
  const a = analyze({ text: `Report\n\n${sentence}`, format: 'text', origin: 'test', given: { date: '2015-06-01' } }) as Article;
  return a.events.filter((e) => !e.negated && e.modality !== 'hypothetical').map((e) => `${e.source.country}→${e.target?.country ?? ''} ${e.code}`);
}

test('a visit is also the host\'s: the visitor 042, each country visited 043', () => {
  assert.deepEqual(events('The Japanese prime minister visited Peru on Monday.'), ['JPN→PER 042', 'PER→JPN 043']);
  assert.deepEqual(events('The Japanese prime minister visited Peru and Chile on Monday.'), ['JPN→PER 042', 'JPN→CHL 042', 'PER→JPN 043', 'CHL→JPN 043']);
});

test('a visit told as background (historical) is also the host\'s', () => {
  const a = analyze({ text: 'Report\n\nChile\'s foreign minister, who visited the Peruvian president in Lima in 2014, spoke on Monday.', format: 'text', origin: 'test', given: { date: '2016-09-01' } }) as Article;
  const host = a.events.find((e) => e.code === '043');
  assert.ok(host, a.events.map((e) => `${e.source.country}→${e.target?.country} ${e.code} ${e.modality} ${e.rule}`).join('; '));
});

test('a meeting announced holds both ways (036), and is spread with its rule id', () => {
  const a = analyze({ text: 'Report\n\nThe French president will meet the Chilean president in Paris on Friday.', format: 'text', origin: 'test', given: { date: '2015-06-01' } }) as Article;
  assert.deepEqual(a.events.map((e) => `${e.source.country}→${e.target?.country} ${e.code} ${e.modality}`), ['FRA→CHL 036 future', 'CHL→FRA 036 future']);
  assert.match(a.events[1].rule, /\+spread:intend-meet$/);
});

test('an act denied or only possible is not spread, nor a meeting coded 036 that took place', () => {
  assert.deepEqual(events('The French president did not visit Peru.'), []);
  assert.deepEqual(events('The French president may meet the Chilean president.'), []);
});

test('the rules file is checked: codes, the other side\'s code, moods', () => {
  const rule = (r: object) => ({ id: 'x', codes: ['042'], back: '043', modalities: ['asserted'], ...r });
  const ok = { $comment: 'x', reciprocal: [rule({ id: 'visit-host' }), rule({ id: 'meet', codes: ['036'], back: '', modalities: ['future'] })] };
  const r = parseSpreadRules(ok);
  assert.equal(r.reciprocal.get('042')?.back, '043');
  assert.equal(r.reciprocal.get('036')?.back, '036', 'an empty "back" is the same code');
  assert.deepEqual([...r.reciprocal.get('036')!.modalities], ['future']);
  for (const bad of [
    { ...ok, reciprocal: [rule({ codes: ['visit'] })] },
    { ...ok, reciprocal: [rule({ back: '04x' })] },
    { ...ok, reciprocal: [rule({ extra: 1 })] },
    { ...ok, reciprocal: [rule({ id: 'a' }), rule({ id: 'b' })] },
    { ...ok, reciprocal: [rule({ modalities: ['sometimes'] })] },
    { reciprocal: [] },
  ]) assert.throws(() => parseSpreadRules(bad), DataFileError, JSON.stringify(bad));
});
