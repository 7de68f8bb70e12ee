import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanHtml } from '../../src/clean/html/index.js';
import { MAX_PARSE_DEPTH } from '../../src/clean/html/dom.js';
import { makeArticle } from '../_fixtures.js';

const story = makeArticle(3)
  .split('\n\n')
  .map((p) => `<p>${p}</p>`)
  .join('');

test('clean/html: a page nested 200,000 levels deep is read up to the cap, and the cut is recorded as a removal', () => {
  const depth = 200_000;
  const html = `<html><body><article>${story}</article><aside>${'<div>'.repeat(depth)}tail${'</div>'.repeat(depth)}</aside></body></html>`;
  const r = cleanHtml(html);
  assert.ok(!('ok' in r), `cleaned, not ${'ok' in r ? r.detail : ''}`);
  assert.ok(r.text.includes('did not respond to a request for comment on case 100'), r.text);
  const cut = r.removed.filter((x) => x.rule === 'html/too-deep');
  assert.equal(cut.length, 1);
  // the cut is at the opening tag of the first element one level past the cap: html, body, aside and MAX_PARSE_DEPTH - 3 divs are open above it
  const aside = html.indexOf('<aside>') + '<aside>'.length;
  assert.equal(cut[0].inputStart, aside + '<div>'.length * (MAX_PARSE_DEPTH - 3));
  assert.equal(cut[0].inputEnd, html.length);
  assert.ok(cut[0].text.startsWith('<div><div>'));
});

test('clean/html: a page nested 5,000 levels deep is under the cap: what follows the deep part is read', () => {
  const depth = 5_000;
  const html = `<html><body><aside>${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}</aside><article>${story}</article></body></html>`;
  const r = cleanHtml(html);
  assert.ok(!('ok' in r), `cleaned, not ${'ok' in r ? r.detail : ''}`);
  assert.ok(r.text.includes('did not respond to a request for comment on case 100'), r.text);
  assert.equal(r.removed.filter((x) => x.rule === 'html/too-deep').length, 0);
});
