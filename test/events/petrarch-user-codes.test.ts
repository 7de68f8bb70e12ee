/**
 * Issue 16: a user's PETRARCH-2 verb dictionary may give codes outside the CAMEO table (PETRARCH's
 * own validation dictionaries use 223, 912 …; CAMEO.2.0.txt adds 1952). They are kept as given,
 * with no Goldstein score and no PLOVER type, and followed through the store, the exports and the
 * relations. The dictionary below is written for this test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { analyze } from '../../src/pipeline/index.js';
import { stagesWith } from '../../src/pipeline/with-dictionaries.js';
import type { Article } from '../../src/model/article.js';
import { loadEventDictionary } from '../../src/events/dictionary.js';
import { eventDictionaryFromVerbs, userCode } from '../../src/events/petrarch/event-dictionary.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { writeCsv, writeGdelt, writePlover, GDELT_EVENT_COLUMNS } from '../../src/events/export/index.js';
import { topDyads } from '../../src/relations/index.js';
import { parseCsv } from './export/_csv.js';

/** Verbs of our own: a CAMEO code, a made-up one with a made-up root, an extension of a CAMEO code. */
export const OWN_VERBS = [
  '# a verb dictionary written for entente\'s tests',
  '---  SCOLD   [111]  ---',
  'SCOLD',
  '---  HOODWINK   [223]  ---',
  'HOODWINK',
  'BAMBOOZLE  [912]',
  '---  AIRSTRIKE   [---]  ---',
  'PUMMEL',
  '- * + FROM_THE_AIR [1952]',
].join('\n') + '\n';

function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({ write(chunk, _enc, done) { chunks.push(String(chunk)); done(); } }) as Writable & { text: () => string };
  w.text = () => chunks.join('');
  return w;
}

test('petrarch user codes: a code outside CAMEO is kept as given, without score or PLOVER type; CAMEO codes keep theirs', () => {
  const base = loadEventDictionary();
  const { dict, warnings } = eventDictionaryFromVerbs(OWN_VERBS, 'own.verbs.txt', base);
  assert.deepEqual(dict.verbs.map((v) => [v.lemma, v.code]), [['scold', '111'], ['hoodwink', '223'], ['bamboozle', '912'], ['pummel', null]]);
  assert.deepEqual(dict.patterns.map((p) => p.code), ['1952']);
  assert.deepEqual(dict.cameo.get('223'), { code: '223', name: 'code 223 (not in CAMEO)', goldstein: null, root: '22', quad: null });
  assert.deepEqual(userCode('1952', base.cameo), { code: '1952', name: 'code 1952 (not in CAMEO)', goldstein: null, root: '19', quad: 4 }, "a CAMEO root's quad class");
  assert.deepEqual(dict.cameo.get('111'), base.cameo.get('111'));
  assert.equal(base.cameo.has('223'), false, 'the built-in table is not changed');
  assert.deepEqual(warnings.map((w) => [w.line, w.message.replace(/ is not .*/, '')]), [[5, 'code 223'], [6, 'code 912'], [9, 'code 1952']]);
  assert.equal(dict.cameoToPlover, base.cameoToPlover);
});

test('petrarch user codes: coded, stored, exported, and left out of relations', async () => {
  const { dict } = eventDictionaryFromVerbs(OWN_VERBS, 'own.verbs.txt', loadEventDictionary());
  const stages = stagesWith({ events: dict });
  const a = analyze({ text: 'Russia hoodwinked Ukraine.\n\nRussia scolded Ukraine.\n\nRussia pummeled Ukraine from the air.', given: { date: '2022-03-01' } }, stages) as Article;
  const got = a.events.map((e) => [e.source.country, e.target?.country, e.code, e.root, e.goldstein, e.quad, e.plover?.event ?? null]);
  assert.deepEqual(got, [
    ['RUS', 'UKR', '223', '22', null, null, null],
    ['RUS', 'UKR', '111', '11', -2, 3, 'ACCUSE'],
    ['RUS', 'UKR', '1952', '19', null, 4, null],
  ]);
  // the built-in pipeline codes none of these verbs with a code outside CAMEO
  const builtIn = analyze({ text: a.text, given: { date: '2022-03-01' } }) as Article;
  assert.ok(builtIn.events.every((e) => e.goldstein !== null && e.quad !== null));

  const dir = mkdtempSync(join(tmpdir(), 'entente-usercodes-'));
  const store = openSqliteStore(join(dir, 'x.db'));
  try {
    assert.equal(await store.putArticle(a), 'stored');
    assert.deepEqual((await store.getArticle(a.id))?.events, a.events);
    const listed = await store.listEvents();
    assert.deepEqual(listed.map((e) => [e.code, e.goldstein, e.quad, e.plover ?? null]), [['223', null, null, null], ['111', -2, 3, 'ACCUSE'], ['1952', null, 4, null]]);

    const csv = sink();
    await writeCsv(listed, csv);
    const rows = parseCsv(csv.text());
    const col = (r: string[], c: string) => r[rows[0].indexOf(c)];
    assert.deepEqual(rows.slice(1).map((r) => [col(r, 'code'), col(r, 'goldstein'), col(r, 'quad'), col(r, 'plover')]), [['223', '', '', ''], ['111', '-2', '3', 'ACCUSE'], ['1952', '', '4', '']]);

    const gd = { events: sink(), mentions: sink() };
    assert.deepEqual(await writeGdelt(listed, gd), { events: 3, mentions: 3 });
    const g = gd.events.text().trim().split('\n').slice(1).map((l) => l.split('\t'));
    const at = (r: string[], c: string) => r[GDELT_EVENT_COLUMNS.indexOf(c as (typeof GDELT_EVENT_COLUMNS)[number])];
    assert.deepEqual(g.map((r) => [at(r, 'EventCode'), at(r, 'EventRootCode'), at(r, 'QuadClass'), at(r, 'GoldsteinScale')]).sort(), [['111', '11', '3', '-2'], ['1952', '19', '4', ''], ['223', '22', '', '']]);

    const pl = sink();
    assert.deepEqual(await writePlover(listed, pl), { records: 1, notPlover: 2, undated: 0 });
    assert.match(pl.text(), /"event":"ACCUSE"/);

    const rel = topDyads(listed);
    assert.deepEqual(rel.map((r) => [r.source, r.target, r.events, r.quad, r.goldsteinMean]), [['RUS', 'UKR', 1, [0, 0, 1, 0], -2]]);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
