import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataFileError } from '../../src/model/errors.js';
import { loadEventDictionary } from '../../src/events/dictionary.js';
import { analyze } from '../../src/pipeline/index.js';
import type { Article } from '../../src/model/article.js';
import { formatPloverScores, loadPloverGold, ploverGoldPath, type PloverGold, type PloverPrediction, scorePlover } from '../../eval/plover.js';
import { sharedPath } from '../_shared.js';

const actor = (code: string) => ({ text: code, gold: code, code, mapped: true });
const rec = (index: number, text: string, type: string, sources: string[], targets: string[]): PloverGold =>
  ({ id: `T-${index}`, index, text, fileType: type, type, sources: sources.map(actor), targets: targets.map(actor) });

// sentences and codes made up for this test
const gold: PloverGold[] = [
  rec(0, 'Ruritania and Freedonia signed a pact with Sylvania.', 'AGREE', ['RUR', 'FRE'], ['SYL']),
  rec(1, 'Sylvania protested.', 'PROTEST', ['SYL'], []),
  rec(2, 'Freedonia shelled Ruritania and threatened Sylvania.', 'ASSAULT', ['FRE'], ['RUR']),
  rec(3, 'Freedonia shelled Ruritania and threatened Sylvania.', 'THREATEN', ['FRE'], ['SYL']),
  rec(4, 'Nobody claimed the blast.', 'ASSAULT', [], ['RUR']),
];
const predictions: Record<string, PloverPrediction[]> = {
  // one of two compound dyads right, plus a wrong type
  'Ruritania and Freedonia signed a pact with Sylvania.': [{ source: 'RUR', target: 'SYL', type: 'AGREE' }, { source: 'RUR', target: 'SYL', type: 'CONSULT' }],
  // open gold target: a prediction with a target matches, and a second one is spurious
  'Sylvania protested.': [{ source: 'SYL', target: 'RUR', type: 'PROTEST' }, { source: 'SYL', type: 'PROTEST' }],
  // right types, one dyad reversed
  'Freedonia shelled Ruritania and threatened Sylvania.': [{ source: 'FRE', target: 'RUR', type: 'ASSAULT' }, { source: 'SYL', target: 'FRE', type: 'THREATEN' }],
  // open gold source
  'Nobody claimed the blast.': [{ source: 'XXX', target: 'RUR', type: 'ASSAULT' }],
};

test('scorePlover: compound expansion, open sides, one-to-one matching, type-only sets', () => {
  const calls: string[] = [];
  const s = scorePlover(gold, (text) => (calls.push(text), predictions[text] ?? []));
  assert.equal(calls.length, 4, 'one call per distinct sentence');
  assert.equal(s.sentences, 4);
  assert.equal(s.records, 5);
  assert.equal(s.gold, 6); // 2 + 1 + 2 + 1
  assert.equal(s.predicted, 7);
  // TP: RUR>SYL AGREE, SYL>* PROTEST, FRE>RUR ASSAULT, *>RUR ASSAULT
  assert.deepEqual([s.typeAndDyad.tp, s.typeAndDyad.fp, s.typeAndDyad.fn], [4, 3, 2]);
  assert.equal(s.typeAndDyad.p, 4 / 7);
  assert.equal(s.typeAndDyad.r, 4 / 6);
  assert.ok(Math.abs(s.typeAndDyad.f1 - (2 * (4 / 7) * (4 / 6)) / (4 / 7 + 4 / 6)) < 1e-12);
  // types per sentence: {AGREE} vs {AGREE, CONSULT}; {PROTEST}; {ASSAULT, THREATEN} both; {ASSAULT}
  assert.deepEqual([s.typeOnly.tp, s.typeOnly.fp, s.typeOnly.fn], [5, 1, 0]);
  assert.deepEqual([s.byType.THREATEN.typeAndDyad.tp, s.byType.THREATEN.typeAndDyad.fp, s.byType.THREATEN.typeAndDyad.fn], [0, 1, 1]);
  assert.deepEqual([s.byType.AGREE.typeAndDyad.tp, s.byType.AGREE.typeAndDyad.fn], [1, 1]);
  assert.equal(s.byType.CONSULT.typeOnly.fp, 1);
  const pact = s.items.find((i) => i.text.startsWith('Ruritania'))!;
  assert.deepEqual(pact.missed, ['FRE>SYL:AGREE']);
  assert.deepEqual(s.items.find((i) => i.text.startsWith('Sylvania'))!.spurious.length, 1);
  assert.match(formatPloverScores(s), /type and dyad\s+0\.571\s+0\.667/);
});

test('scorePlover: a perfect predictor scores 1, an empty one 0', () => {
  const perfect = scorePlover(gold, (text) => gold.filter((g) => g.text === text).flatMap((g) =>
    (g.sources.length ? g.sources : [actor('ANY')]).flatMap((s) => (g.targets.length ? g.targets : [undefined]).map((t) => ({ source: s.code, ...(t ? { target: t.code } : {}), type: g.type })))));
  assert.equal(perfect.typeAndDyad.f1, 1);
  assert.equal(perfect.typeOnly.f1, 1);
  const empty = scorePlover(gold, () => []);
  assert.deepEqual([empty.typeAndDyad.tp, empty.typeAndDyad.fn, empty.typeAndDyad.f1], [0, 6, 0]);
});

test('loadPloverGold: old type names renamed, codes recoded, bad records named', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-plover-'));
  try {
    const file = path.join(dir, 'gold.json');
    writeFileSync(file, JSON.stringify([
      { id: 'D-1', event: 'DOCUMENT', comment: 'a note' },
      { id: 'G-1', event: 'DEMAND', text: 'Made up: Japan asked Italy for help.', source: [{ actorText: 'Japan', code: 'JAPGOV', sector: 'GOV' }], target: [{ actorText: 'Italy', code: 'ITL' }] },
      { id: 'G-2', event: 'FIGHT', text: 'Made up: peacekeepers fired.', source: [{ actorText: 'U.N. peacekeepers', code: 'IGO', sector: 'MIL' }], target: '' },
      { id: 'G-3', event: 'AGREE', text: 'Made up: a forum agreed.', source: [{ actorText: 'Some Forum', code: 'NGO' }], target: 'diplomatic' },
    ]));
    const set = loadPloverGold(file);
    assert.equal(set.documents, 1);
    assert.deepEqual(set.records.map((r) => [r.type, r.sources.map((a) => a.code), r.targets.map((a) => a.code)]), [
      ['REQUEST', ['JPN'], ['ITA']],
      ['ASSAULT', ['UN'], []],
      ['AGREE', ['NGO'], []],
    ]);
    assert.deepEqual([...set.renamed], [['DEMAND', 1], ['FIGHT', 1]]);
    assert.deepEqual([...set.recoded], [['JAP', 1], ['ITL', 1], ['IGO', 1]]);
    assert.deepEqual([...set.unmapped], [['NGO Some Forum', 1]]);
    assert.deepEqual(set.oddTargets, ['G-3']);
    writeFileSync(file, JSON.stringify([{ id: 'G-9', event: 'AGREE', text: 'x', source: { code: 'USA' } }]));
    assert.throws(() => loadPloverGold(file), (e: unknown) => e instanceof DataFileError && e.message.includes(file) && /record G-9: "source" must be a list/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('loadPloverGold: a gold country code is read as the code entente emits for the same country (TLS, the ISO code, as TMP)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-plover-'));
  try {
    const file = path.join(dir, 'gold.json');
    writeFileSync(file, JSON.stringify([
      { id: 'G-1', event: 'AID', text: 'Made up: Portugal sent food to East Timor.', source: [{ actorText: 'Portugal', code: 'PRT' }], target: [{ actorText: 'East Timor', code: 'TLSGOV' }] },
    ]));
    const set = loadPloverGold(file);
    const emitted = analyze({ text: 'Report\n\nPortugal sent food aid to East Timor on Monday.', format: 'text', origin: 'test' }) as Article;
    const timor = emitted.spans.mentions.find((m) => emitted.text.slice(m.start, m.end) === 'East Timor');
    assert.deepEqual(set.records.map((r) => r.targets.map((a) => a.code)), [[timor?.actor.country]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('loadPloverGold: the real PLOVER gold file, every type known after renaming', (t) => {
  const file = sharedPath(t, 'ontology/plover/PLOVER_GSR_CAMEO.txt');
  if (!file) return;
  assert.equal(file, ploverGoldPath(path.dirname(path.dirname(path.dirname(file)))));
  const set = loadPloverGold(file);
  assert.equal(set.documents, 1);
  assert.equal(set.records.length, 322);
  assert.equal(new Set(set.records.map((r) => r.text)).size, 316);
  assert.deepEqual(set.unknownTypes.size, 0, `unknown types: ${[...set.unknownTypes.keys()].join(', ')}`);
  const known = loadEventDictionary().plover.events;
  for (const r of set.records) assert.ok(known.has(r.type), `${r.id}: ${r.type}`);
  assert.deepEqual(Object.fromEntries(set.renamed), { DEMAND: 34, DISAPPROVE: 16, FIGHT: 17, INVESTIGATE: 9 });
  assert.equal(set.records.filter((r) => r.sources.length === 0).length, 1);
  assert.equal(set.records.filter((r) => r.targets.length === 0).length, 34);
  // every actor is a country entente knows or a mapped organisation, except the few listed as unmapped
  const unmapped = [...set.unmapped.values()].reduce((a, b) => a + b, 0);
  const actors = set.records.flatMap((r) => [...r.sources, ...r.targets]);
  assert.equal(actors.length, 650);
  assert.equal(actors.filter((a) => !a.mapped).length, unmapped);
  assert.ok(unmapped <= 15, `unmapped: ${[...set.unmapped.keys()].join('; ')}`);
});
