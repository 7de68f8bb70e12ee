import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { spawnSync } from 'node:child_process';
import { BIN } from '../cli/_run.js';

test('server/http: a method a route does not answer is a 405 with Allow, not a 404; an unknown path is still a 404', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-http-'));
  const store = openSqliteStore(join(dir, 'x.db'));
  try {
    const app = createApp(store, { log: () => {} });
    for (const [method, path, allow] of [['POST', '/api/stats', 'GET, HEAD'], ['GET', '/api/ingest', 'POST'], ['DELETE', '/api/articles/abcdef12', 'GET, HEAD'], ['PUT', '/openapi.json', 'GET, HEAD']]) {
      const res = await app.request(path, { method });
      assert.equal(res.status, 405, `${method} ${path}`);
      assert.equal(res.headers.get('allow'), allow, `${method} ${path}`);
      const body = (await res.json()) as { code: string; message: string };
      assert.equal(body.code, 'method_not_allowed');
      assert.match(body.message, new RegExp(`answers ${allow}, not ${method}`));
    }
    assert.equal((await app.request('/api/nothing-here')).status, 404);
    assert.equal((await app.request('/api/articles/abcdef12')).status, 404, 'GET on a known route for an unknown id is a 404');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('server/http: entente serve refuses a token shorter than 16 characters with a usage error that says so', () => {
  for (const env of [{}, { ENTENTE_TOKEN: 'short' }]) {
    const args = 'ENTENTE_TOKEN' in env ? ['serve', '--port', '0'] : ['serve', '--port', '0', '--token', 'a'];
    // a server that accepted the token would run until killed: the timeout ends it, and the test fails
    const r = spawnSync(process.execPath, [BIN, ...args, '--db', ':memory:'], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /--token \(or \$ENTENTE_TOKEN\) has \d+ characters?; it must have at least 16/);
    assert.doesNotMatch(r.stdout, /listening on/);
  }
});
