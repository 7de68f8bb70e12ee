/**
 * What the HTTP server refuses: requests addressed to another name (DNS rebinding), bodies not
 * declared JSON, writes from other origins, and an exposed server's reads without the token.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { spawn } from 'node:child_process';
import type { TestContext } from 'node:test';
import { createApp, listen, type ServerOptions } from '../../src/server/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { BIN } from '../cli/_run.js';
import { makeArticle } from '../_fixtures.js';

const ARTICLE = JSON.stringify({ text: makeArticle(5), date: '2021-03-23' });
const TOKEN = 'a-token-of-sixteen-or-more';

async function served(t: TestContext, opts: Partial<ServerOptions> = {}): Promise<{ port: number; store: Store }> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-guards-'));
  const store = openSqliteStore(join(dir, 'x.db'));
  const server = await listen(createApp(store, { log: () => {}, ...opts }), '127.0.0.1', 0);
  t.after(async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { port: server.port, store };
}

/** A raw request, so that `Host` can be any name (fetch does not let a caller set it). */
function send(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => done({ status: res.statusCode!, body: text, headers: res.headers }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

test('security/guards: a request addressed to another name (DNS rebinding, Host: attacker.example) is refused; loopback names are answered', async (t) => {
  const { port, store } = await served(t);
  const json = { 'Content-Type': 'application/json' };
  const read = await send(port, 'GET', '/api/stats', { Host: `attacker.example:${port}` });
  assert.equal(read.status, 403, read.body);
  assert.match(JSON.parse(read.body).message, /answers only requests addressed to it .* not to "attacker\.example:\d+"/);
  const write = await send(port, 'POST', '/api/ingest', { ...json, Host: `attacker.example:${port}`, Origin: `http://attacker.example:${port}` }, ARTICLE);
  assert.equal(write.status, 403);
  assert.equal((await store.stats()).articles, 0, 'nothing stored by the rebound write');
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
    assert.equal((await send(port, 'GET', '/api/stats', { Host: host })).status, 200, host);
  }
});

test('security/guards: an ingest body not declared application/json is refused with 415 and nothing is stored or recorded', async (t) => {
  const { port, store } = await served(t);
  for (const type of [undefined, 'text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp']) {
    const res = await send(port, 'POST', '/api/ingest', type ? { 'Content-Type': type } : {}, ARTICLE);
    assert.equal(res.status, 415, `${type}: ${res.body}`);
    assert.equal(JSON.parse(res.body).code, 'unsupported_media_type');
  }
  const s = await store.stats();
  assert.deepEqual([s.articles, s.skipped], [0, 0]);
  const ok = await send(port, 'POST', '/api/ingest', { 'Content-Type': 'application/json; charset=utf-8' }, ARTICLE);
  assert.equal(ok.status, 200, ok.body);
  assert.equal((await store.stats()).articles, 1);
});

test('security/guards: a browser write from another origin (another port, or Sec-Fetch-Site cross-site or same-site) is refused; the same origin and programs are not', async (t) => {
  const { port, store } = await served(t);
  const json = { 'Content-Type': 'application/json' };
  const refused: Record<string, string>[] = [
    { Origin: `http://127.0.0.1:${port + 1}` },
    { Origin: 'null' },
    { 'Sec-Fetch-Site': 'cross-site' },
    { 'Sec-Fetch-Site': 'same-site' },
  ];
  for (const h of refused) {
    const res = await send(port, 'POST', '/api/ingest', { ...json, ...h }, ARTICLE);
    assert.equal(res.status, 403, `${JSON.stringify(h)}: ${res.body}`);
  }
  assert.equal((await store.stats()).articles, 0);
  const own = await send(port, 'POST', '/api/ingest', { ...json, Origin: `http://127.0.0.1:${port}`, 'Sec-Fetch-Site': 'same-origin' }, ARTICLE);
  assert.equal(own.status, 200, own.body);
  const program = await send(port, 'POST', '/api/ingest', json, JSON.stringify({ text: makeArticle(6) }));
  assert.equal(program.status, 200, program.body);
  assert.equal((await store.stats()).articles, 2);
});

test('security/guards: an exposed server (beyond loopback) answers reads only with the token, unless reads are public', async (t) => {
  const closed = await served(t, { exposed: true, token: TOKEN });
  const anon = await send(closed.port, 'GET', '/api/articles', {});
  assert.equal(anon.status, 401, anon.body);
  assert.match(JSON.parse(anon.body).message, /exposed beyond loopback and its reads are not public/);
  assert.equal((await send(closed.port, 'GET', '/api/stats', { Authorization: `Bearer ${TOKEN}` })).status, 200);
  const open = await served(t, { exposed: true, token: TOKEN, publicRead: true });
  assert.equal((await send(open.port, 'GET', '/api/stats', {})).status, 200);
  assert.equal((await send(open.port, 'POST', '/api/ingest', { 'Content-Type': 'application/json' }, ARTICLE)).status, 401, 'writes still need it');
});

test('security/guards: entente serve --host 0.0.0.0 needs the token for reads; with --public-read it does not', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-exposed-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [extra, want] of [[[], 401], [['--public-read'], 200]] as const) {
    const child = spawn(process.execPath, [BIN, 'serve', '--host', '0.0.0.0', '--port', '0', '--db', join(dir, 'x.db'), ...extra], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ENTENTE_TOKEN: TOKEN },
    });
    try {
      const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
      const port = Number(/:(\d+)$/.exec(line)?.[1]);
      assert.ok(port > 0, line);
      const res = await send(port, 'GET', '/api/stats', {});
      assert.equal(res.status, want, `${extra.join(' ') || 'no flag'}: ${res.body}`);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
});
