import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/pipeline/index.js';
import { eventTarget } from '../../src/store/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { evalCorrections } from '../../eval/corrections.js';
import { dyadStory } from '../server/_dyad-corpus.js';

test('eval/corrections: events marked wrong that the coder still codes, confirmed ones it still finds, the rest not scored', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-eval-corr-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'x.db');
  const store = openSqliteStore(db);
  for (let i = 0; i < 4; i++) {
    const s = dyadStory(i);
    const a = analyze({ text: s.text, origin: `s${i}`, format: 'text', given: { date: s.date, source: s.source, title: s.title } });
    assert.ok(!('skipped' in a));
    await store.putArticle(a);
  }
  const [e0, e1, e2] = await store.listEvents({ dyad: ['FRA', 'POL'], undirected: true });
  const at = '2024-05-01T00:00:00.000Z';
  const lines = [
    { ...eventTarget(e0), verdict: 'wrong', reason: 'still coded: the coder has not changed', at },
    // a code the coder never gave this trigger: it is not produced
    { ...eventTarget(e1), code: e1.code === '190' ? '042' : '190', verdict: 'wrong', reason: 'a code of its own', at },
    { ...eventTarget(e2), verdict: 'right', reason: '', at },
    { kind: 'event', articleId: 'ffffffffffffffff', start: 0, end: 4, source: 'FRA', target: 'POL', code: '042', verdict: 'wrong', reason: 'an article not stored', at },
  ];
  await store.close();
  const file = join(dir, 'corrections.jsonl');
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n{"kind":"nothing"}\n');
  const s = await evalCorrections(file, db);
  assert.deepEqual({ ...s, notes: s.notes.length }, { wrong: 2, wrongStillProduced: 1, right: 1, rightStillFound: 1, unscored: 2, notes: 2 });
  assert.match(s.notes.join('\n'), /corrections\.jsonl:5: a correction needs kind/);
  assert.match(s.notes.join('\n'), /article ffffffffffffffff is not in/);
});
