import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';

test('server/static: the dashboard at /, its files with their types and a strict CSP, the API beside it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-web-'));
  const web = join(dir, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>dash</title>');
  writeFileSync(join(web, 'assets', 'main.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the web folder');
  const store = openSqliteStore(join(dir, 'x.db'));
  try {
    const app = createApp(store, { webDir: web, log: () => {} });
    const home = await app.request('/');
    assert.equal(home.status, 200);
    assert.match(home.headers.get('content-type')!, /text\/html/);
    assert.match(home.headers.get('content-security-policy')!, /script-src 'self';/);
    assert.equal(await home.text(), '<!doctype html><title>dash</title>');
    const js = await app.request('/assets/main.js');
    assert.match(js.headers.get('content-type')!, /javascript/);
    const route = await app.request('/dyad/RUS/EU?period=week');
    assert.equal(route.status, 302, 'a dashboard route written as a path goes to the hash route the dashboard reads');
    assert.equal(route.headers.get('location'), '../../#/dyad/RUS/EU?period=week');
    assert.equal(new URL(route.headers.get('location')!, 'http://127.0.0.1:8787/dyad/RUS/EU').href, 'http://127.0.0.1:8787/#/dyad/RUS/EU?period=week');
    assert.equal((await app.request('/relations/')).headers.get('location'), '../#/relations');
    const missing = await app.request('/assets/nope.js');
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { code: string }).code, 'not_found');
    for (const sneaky of ['/../secret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt']) {
      const res = await app.request(sneaky);
      assert.doesNotMatch(await res.text(), /outside the web folder/, sneaky);
    }
    const stats = await app.request('/api/stats');
    assert.equal(stats.status, 200);
    assert.match(stats.headers.get('content-type')!, /application\/json/);
    assert.equal((await app.request('/api/nope')).status, 404);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
