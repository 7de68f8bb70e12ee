import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entente } from './_run.js';
import { FRENCH_ARTICLE, makeArticle } from '../_fixtures.js';

/** A page of our own, cut off in the middle of a paragraph as a failed download leaves it. */
function truncatedPage(): string {
  const paras = makeArticle(41).split('\n\n').map((p) => `<p>${p}</p>`).join('\n');
  const page = `<!DOCTYPE html><html><head><title>Canada and Norway talk fish | Example News</title>
<meta property="og:site_name" content="Example News"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Canada and Norway talk fish</h1>${paras}<p>The minister added that the talks would`;
  return page;
}

test('ingest: a folder of bad inputs stores every good file and names every bad one with its reason (issue 3)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-bad-'));
  const db = join(dir, 'store.db');
  const inbox = join(dir, 'inbox');
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const { mkdirSync } = await import('node:fs');
  mkdirSync(inbox);

  // the good ones
  writeFileSync(join(inbox, 'good.txt'), makeArticle(1));
  writeFileSync(join(inbox, 'good.md'), `# Peru and Kenya sign a deal\n\n${makeArticle(2)}`);
  writeFileSync(join(inbox, 'latin1.txt'), Buffer.from(makeArticle(3).replace('officials', 'officials at the Café Léon').replace(/[“”]/g, '"'), 'latin1'));
  writeFileSync(join(inbox, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(makeArticle(4), 'utf16le')]));
  writeFileSync(join(inbox, 'truncated.html'), truncatedPage());
  writeFileSync(join(inbox, 'lines.jsonl'), `${JSON.stringify({ text: makeArticle(5), title: 'Five', date: '2024-05-05' })}\n{"text": "this line is not JSON\n`);
  // the bad ones
  writeFileSync(join(inbox, 'binary.bin'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 97 + 13) % 256)));
  writeFileSync(join(inbox, 'zero.txt'), '');
  writeFileSync(join(inbox, 'blank.txt'), '   \n\n\t  \n');
  writeFileSync(join(inbox, 'soup.html'), '<html><body><div><<<>>><p <span></div></div></div><script>var x = 1;</script><style>p{}</style></body>');
  writeFileSync(join(inbox, 'french.txt'), FRENCH_ARTICLE);
  const fd = openSync(join(inbox, 'huge.txt'), 'w');
  const block = Buffer.alloc(1024 * 1024, 'All work and no play. ');
  for (let i = 0; i < 60; i++) writeSync(fd, block);
  closeSync(fd);

  const run = entente(['ingest', inbox, '--db', db]);
  assert.equal(run.status, 3, `exit code 3 = finished with skips; stderr:\n${run.stderr}`);

  const stored = entente(['list', '--db', db, '--json']).stdout.trim().split('\n').map((l) => JSON.parse(l));
  const origins = stored.flatMap((a) => a.origins.map((o: string) => o.slice(inbox.length + 1))).sort();
  // the French file is stored too (issue 18), marked by its language and not coded
  assert.deepEqual(origins, ['french.txt', 'good.md', 'good.txt', 'latin1.txt', 'lines.jsonl#1', 'truncated.html', 'utf16.txt']);

  const skipped = entente(['list', '--db', db, '--skipped', '--json']).stdout.trim().split('\n').map((l) => JSON.parse(l));
  const reasons = Object.fromEntries(skipped.map((s) => [s.origin.slice(inbox.length + 1), s.reason]));
  assert.deepEqual(reasons, {
    'binary.bin': 'binary',
    'blank.txt': 'empty',
    'huge.txt': 'too-large',
    'lines.jsonl#2': 'malformed-json',
    'soup.html': reasons['soup.html'] === 'no-body' ? 'no-body' : 'malformed-html',
    'zero.txt': 'empty',
  });
  // every skip is reported on the terminal with the file's name and a reason a person can act on
  for (const s of skipped) {
    assert.match(run.stderr, new RegExp(`skipped ${s.origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ${s.reason}: \\S`));
    assert.ok(s.detail.length > 10, s.detail);
  }
  assert.match(run.stderr, /7 stored, 0 unchanged, 6 skipped/);

  // the Latin-1 and UTF-16 files were decoded, not mangled
  const latin = stored.find((a) => a.origins.some((o: string) => o.endsWith('latin1.txt')));
  const shown = JSON.parse(entente(['show', latin.id, '--db', db, '--json']).stdout);
  assert.equal(shown.encoding, 'windows-1252');
  assert.match(shown.text, /Café Léon/);

  // a second run over the same folder changes nothing
  const again = entente(['ingest', inbox, '--db', db]);
  assert.equal(again.status, 3);
  assert.match(again.stderr, /0 stored, 7 unchanged, 6 skipped/);
});
