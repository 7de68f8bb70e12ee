import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/index.js';
import { analyze } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { makeArticle } from '../_fixtures.js';

type Page = { items: unknown[]; limit: number; offset: number; total: number };

test('server/layers: an article answer carries at most layerMaxItems of each layer, says how many there are, and the rest comes in pages', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-layers-'));
  const store = openSqliteStore(join(dir, 'x.db'));
  try {
    const a = analyze({ text: Array.from({ length: 30 }, (_, i) => makeArticle(i)).join('\n\n'), origin: 'long.txt' });
    if ('skipped' in a) throw new Error(a.detail);
    await store.putArticle(a);
    const total = a.spans.sentences.length;
    assert.ok(total > 100, `${total} sentences`);
    const app = createApp(store, { log: () => {}, layerMaxItems: 40 });
    const body = (await (await app.request(`/api/articles/${a.id}`)).json()) as { sentences: unknown[]; quotes: unknown[]; more: Record<string, number> };
    assert.equal(body.sentences.length, 40);
    assert.equal(body.more.sentences, total);
    assert.equal(body.more.quotes, a.quotes.length, 'every cut layer is named');
    assert.equal(body.more.captions, undefined, 'a layer that was not cut is not');
    const pages: unknown[] = [];
    for (let offset = 0; offset < total; offset += 40) {
      const pg = (await (await app.request(`/api/articles/${a.id}/sentences?offset=${offset}`)).json()) as Page;
      assert.deepEqual([pg.limit, pg.offset, pg.total], [40, offset, total]);
      pages.push(...pg.items);
    }
    assert.deepEqual(pages, a.spans.sentences, 'the pages put together are the whole layer');
    const over = await app.request(`/api/articles/${a.id}/sentences?limit=41`);
    assert.equal(over.status, 400, 'a page is no larger than the answer\'s own cut');
    const none = await app.request(`/api/articles/${a.id}/tokens`);
    assert.equal(none.status, 404);
    assert.match(((await none.json()) as { message: string }).message, /no layer "tokens"; its layers: paragraphs, sentences/);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
