import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readItems } from '../../src/ingest/items.js';
import { makeArticle } from '../_fixtures.js';

async function collect(paths: string[]) {
  const out = [];
  for await (const it of readItems(paths)) out.push(it);
  return out;
}

test('ingest/items: a .json file is one document (object or array) or, failing that, JSON lines', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-items-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'one.json'), JSON.stringify({ text: makeArticle(1), title: 'One' }, null, 2));
  writeFileSync(join(dir, 'many.json'), JSON.stringify([{ text: makeArticle(2) }, { html: '<p>x</p>' }, { title: 'no text' }], null, 2));
  writeFileSync(join(dir, 'lines.json'), `${JSON.stringify({ text: makeArticle(3) })}\n${JSON.stringify({ text: makeArticle(4) })}\n`);
  writeFileSync(join(dir, 'gold.json'), JSON.stringify({ articleBody: 'a field entente does not read' }, null, 2));
  const items = await collect([dir]);
  const summary = items.map((i) => ('skipped' in i ? `${i.origin.slice(dir.length + 1)} skipped ${i.reason}` : `${i.origin.slice(dir.length + 1)} ${i.format}`));
  assert.deepEqual(summary, [
    'gold.json skipped malformed-json',
    'lines.json#1 text',
    'lines.json#2 text',
    'many.json#1 text',
    'many.json#2 html',
    'many.json#3 skipped malformed-json',
    'one.json text',
  ]);
  const one = items.find((i) => i.origin.endsWith('one.json'));
  assert.ok(one && !('skipped' in one) && one.given.title === 'One');
});

test('ingest/items: a glob picks matching files under its fixed folders; a name matching nothing is reported', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-glob-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(dir, 'a', 'b'), { recursive: true });
  writeFileSync(join(dir, 'a', 'x.txt'), makeArticle(5));
  writeFileSync(join(dir, 'a', 'b', 'y.txt'), makeArticle(6));
  writeFileSync(join(dir, 'a', 'b', 'z.md'), makeArticle(7));
  const txt = await collect([join(dir, '**/*.txt')]);
  assert.deepEqual(txt.map((i) => i.origin.slice(dir.length + 1)).sort(), ['a/b/y.txt', 'a/x.txt']);
  const none = await collect([join(dir, '*.html'), join(dir, 'missing.txt')]);
  assert.ok(none.every((i) => 'skipped' in i && i.reason === 'unreadable'));
  assert.equal(none.length, 2);
});

test('ingest/items: linked files are read, and a link back up the tree is walked once', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-links-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const { mkdirSync, symlinkSync } = await import('node:fs');
  mkdirSync(join(dir, 'corpus'));
  writeFileSync(join(dir, 'corpus', 'a.txt'), makeArticle(8));
  symlinkSync(join(dir, 'corpus', 'a.txt'), join(dir, 'corpus', 'link-to-a.txt'));
  symlinkSync(dir, join(dir, 'corpus', 'loop'));
  const items = await collect([join(dir, 'corpus')]);
  assert.deepEqual(items.map((i) => i.origin.slice(dir.length + 1)).sort(), ['corpus/a.txt', 'corpus/link-to-a.txt']);
});
