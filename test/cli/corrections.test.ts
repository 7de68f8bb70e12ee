/**
 * `entente corrections list|export|import`: corrections taken away from one store as JSON lines
 * and brought back into another, which then leaves the same events out; CSV formula-safe; a bad
 * line reported by file and line, the others stored.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/pipeline/index.js';
import { eventTarget, quoteTarget } from '../../src/store/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Article } from '../../src/model/article.js';
import { dyadStory } from '../server/_dyad-corpus.js';
import { parseCsv } from '../server/_csv.js';
import { entente } from './_run.js';

const stories = (n: number): Article[] => Array.from({ length: n }, (_, i) => {
  const s = dyadStory(i);
  const a = analyze({ text: s.text, origin: `s${i}.txt`, format: 'text', given: { date: s.date, source: s.source, title: s.title } });
  assert.ok(!('skipped' in a));
  return a;
});

test('cli: entente corrections --help names its subcommands; each has --help', () => {
  const r = entente(['corrections', '--help']);
  assert.equal(r.status, 0, r.stderr);
  for (const s of ['list', 'export', 'import']) {
    assert.match(r.stdout, new RegExp(`\\b${s}\\b`));
    const sub = entente(['corrections', s, '--help']);
    assert.equal(sub.status, 0, sub.stderr);
    assert.match(sub.stdout, new RegExp(`USAGE .*corrections ${s}`));
  }
});

test('cli: corrections exported from one store and imported into another leave the same events out', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-cli-corr-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const [a, b] = [join(dir, 'a.db'), join(dir, 'b.db')];
  const store = openSqliteStore(a);
  for (const x of stories(6)) await store.putArticle(x);
  const events = await store.listEvents({ dyad: ['FRA', 'POL'] });
  const quote = (await store.listQuotes())[0];
  await store.putCorrection({ ...eventTarget(events[0]), verdict: 'wrong', reason: '=HYPERLINK("x") a columnist, not France', at: '2024-05-01T00:00:00.000Z', by: 'ana' });
  await store.putCorrection({ ...eventTarget(events[1]), verdict: 'right', reason: '', at: '2024-05-02T00:00:00.000Z' });
  if (quote) await store.putCorrection({ ...quoteTarget(quote), verdict: 'wrong', reason: 'a headline', at: '2024-05-03T00:00:00.000Z' });
  const kept = (await store.listEvents({ dyad: ['FRA', 'POL'] })).length;
  await store.close();
  assert.equal(kept, events.length - 1);

  const listed = entente(['corrections', 'list', '--db', a]);
  assert.equal(listed.status, 0, listed.stderr);
  assert.match(listed.stdout, /wrong\s+event\s+FRA\S*→POL\S* /);
  const jsonl = entente(['corrections', 'export', '--db', a]);
  assert.equal(jsonl.status, 0, jsonl.stderr);
  const lines = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, quote ? 3 : 2);
  assert.deepEqual(lines.map((l) => l.at.slice(0, 10)), ['2024-05-01', '2024-05-02', '2024-05-03'].slice(0, lines.length), 'oldest first');
  assert.equal(lines[0].sentence, events[0].sentence, 'the evidence comes along');
  const csv = parseCsv(entente(['corrections', 'export', '--db', a, '--format', 'csv', '--verdict', 'wrong', '--kind', 'event']).stdout);
  assert.equal(csv.length, 2);
  assert.equal(csv[1][csv[0].indexOf('reason')], `'=HYPERLINK("x") a columnist, not France`, 'formula-safe');

  const file = join(dir, 'corrections.jsonl');
  writeFileSync(file, jsonl.stdout + '{"kind":"event","articleId":"zz"}\nnot json\n');
  const imported = entente(['corrections', 'import', file, '--db', b]);
  assert.equal(imported.status, 3, 'some lines skipped');
  assert.match(imported.stderr, new RegExp(`corrections\\.jsonl:${lines.length + 1}: a correction needs the article's id`));
  assert.match(imported.stderr, new RegExp(`corrections\\.jsonl:${lines.length + 2}: `));
  assert.match(imported.stderr, new RegExp(`${lines.length} stored, 2 skipped`));
  const other = openSqliteStore(b);
  try {
    for (const x of stories(6)) await other.putArticle(x);
    assert.equal((await other.listEvents({ dyad: ['FRA', 'POL'] })).length, kept, 'the same event left out');
    assert.deepEqual((await other.listCorrections()).map((c) => c.key).sort(), lines.map((l) => l.key).sort());
  } finally {
    await other.close();
  }
  const bad = entente(['corrections', 'export', '--db', a, '--format', 'xml']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--format must be jsonl or csv/);
});
