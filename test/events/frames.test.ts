/**
 * Trigger frames: a bare verb codes only in the sense its arguments show. Written sentences; each
 * pair shows the same verb coding in its frame and coding nothing (or the frame's own code) outside it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/index.js';
import { parseFrames, loadFrames } from '../../src/events/frames-data.js';
import { DataFileError } from '../../src/model/errors.js';
import type { Article } from '../../src/model/article.js';
import { applyFrames } from '../../src/events/frames.js';
import { bare, view } from './_hand-parse.js';

function events(sentence: string): string[] {
  const a = analyze({ text: `Report\n\n${sentence}`, format: 'text', origin: 'test', given: { date: '2015-06-01' } }) as Article;
  return a.events.map((e) => `${e.source.country}→${e.target?.country ?? ''} ${e.code} ${e.rule}`);
}

const codes = (s: string) => events(s).map((e) => e.split(' ').slice(0, 2).join(' '));

test('"take" with a light object is no seizure: "took a hard line on Bolivia"', () => {
  assert.deepEqual(codes('Peru has taken a hard line on Bolivia since the vote.').filter((e) => e.endsWith(' 171')), []);
});

test('"take measures against" is coercion, not a seizure, and says so in its rule', () => {
  const e = events('Norway took measures against Denmark on Monday.');
  assert.ok(e.some((x) => x.startsWith('NOR→DNK 170 ') && x.includes('+frame:take-action-against')), e.join('; '));
});

test('"impose" sanctions is CAMEO 163 (embargo, boycott, sanctions); imposing anything else keeps the dictionary\'s code', () => {
  // words between the verb and its object keep the phrase patterns from matching: the bare verb and its frame code it
  const e = events('Norway imposed ever tighter financial and economic sanctions on Belarus on Monday.');
  assert.ok(e.some((x) => x.startsWith('NOR→BLR 163 ') && x.includes('+frame:impose-sanctions')), e.join('; '));
  const f = events('Norway imposed its will on Belarus.');
  assert.ok(f.some((x) => x.startsWith('NOR→BLR ') && !x.includes(' 163 ')), f.join('; '));
});

test('"left" a city is no consultation; "caught up with" is no arrest', () => {
  assert.deepEqual(codes('Chilean diplomats left Lima as news broke of the Peruvian arrests.'), []);
  assert.deepEqual(codes('Laos caught up with Vietnam in rice exports.'), []);
});

test('"think" is no consultation', () => {
  assert.deepEqual(codes('Japan thought China would back down.'), []);
});

test('"want X to do Y" is not an intent to cooperate', () => {
  assert.deepEqual(codes('Argentina wants Uruguay to lower its port fees.').filter((e) => e.startsWith('ARG→URY 03')), []);
});

test('"face" a hardship is no meeting; facing a party still is', () => {
  assert.deepEqual(codes('Venezuela faces tough sanctions from Colombia.').filter((e) => e.endsWith(' 040')), []);
  assert.deepEqual(codes('Venezuela faced Colombia in talks.'), ['VEN→COL 040']);
});

test('"interfere" and "influence" are never cooperation', () => {
  assert.deepEqual(codes('Belarus interfered in the Lithuanian election.').filter((e) => /→\w+ 0[5-7]/.test(e)), []);
  assert.deepEqual(codes('Belarus tried to influence the Lithuanian election.').filter((e) => /→\w+ 0[3-7]/.test(e)), []);
});

test('paying a tariff is no aid; releasing figures is no release of people', () => {
  assert.deepEqual(codes('Finland pays tariffs to Estonia on its timber.').filter((e) => e.endsWith(' 061')), []);
  assert.deepEqual(codes('Mongolia released the figures to Kazakhstan.'), []);
});

test('a verb form the parse reads as a noun is no act: "the Madrid attacks"', () => {
  assert.deepEqual(codes('Suspects in the Madrid attacks were sought in Morocco.'), []);
});


test('without a parse the object is read off the words after the verb', () => {
  const f = loadFrames();
  const light = [bare(1, 'p2-verb:APPREHEND:take', '171')];
  applyFrames(light, view('Peru took several steps on Monday'), undefined, f);
  assert.deepEqual([light[0].code, light[0].rule], [null, 'p2-verb:APPREHEND:take+frame:take-light']);
  const seized = [bare(1, 'p2-verb:APPREHEND:take', '171')];
  applyFrames(seized, view('Peru took the border town'), undefined, f);
  assert.deepEqual([seized[0].code, seized[0].rule], ['171', 'p2-verb:APPREHEND:take']);
  const broke = [bare(1, 'p2-verb:DESTROY:break', '190')];
  applyFrames(broke, view('news broke of the arrests'), undefined, f);
  assert.deepEqual([broke[0].code, broke[0].rule], [null, 'p2-verb:DESTROY:break+frame:break-unframed']);
  // a pattern spells out its own words: frames leave it alone
  const pattern = [{ ...bare(1, 'p2:171:3', '171'), patterned: true }];
  applyFrames(pattern, view('Peru took several steps'), undefined, f);
  assert.equal(pattern[0].code, '171');
});

test('the frames file is checked: a class that is not defined names the file and the frame', () => {
  assert.ok(loadFrames().byLemma.has('take'));
  const bad = { $comment: 'x', classes: { a: ['b'] }, general: [], frames: { take: [{ id: 't', obj: '@nope', code: null }] }, patterns: {}, fallback_skip: ['a'], fallback_stop: ['of'] };
  assert.throws(() => parseFrames(bad, 'data/events/frames.json'), (e: unknown) => e instanceof DataFileError && /frames\.json/.test(e.message) && /frames\.take\[0\]\.obj/.test(e.message));
  const dup = { ...bad, frames: { take: [{ id: 't', code: 'keep' }, { id: 't', code: null }] } };
  assert.throws(() => parseFrames(dup), DataFileError);
  // a pattern's frames are checked as a lemma's are
  const pat = { ...bad, frames: {}, patterns: { 'p2:163:12': [{ id: 'p', lemma: '@nope', code: null }] } };
  assert.throws(() => parseFrames(pat), (e: unknown) => e instanceof DataFileError && /patterns\.p2:163:12\[0\]\.lemma/.test(e.message));
  assert.equal(loadFrames().patterns.get('p2:100:22')?.[0].id, 'warrant-seizure');
});
