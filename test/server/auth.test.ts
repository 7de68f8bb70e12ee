import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { spawn } from 'node:child_process';
import { BIN, entente } from '../cli/_run.js';

const ARTICLE = { text: 'Norway thanked Kenya on Monday for its help with the rescue at sea, the foreign ministry in Oslo said in a statement.', date: '2021-03-23' };

test('server/auth: exposed on 0.0.0.0 without a token, entente serve refuses to start and says why', () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-serve-'));
  try {
    const env = { ENTENTE_TOKEN: '' };
    const r = entente(['serve', '--host', '0.0.0.0', '--port', '0', '--db', join(dir, 'x.db')], { env });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /refusing to listen on 0\.0\.0\.0 without a token/);
    assert.match(r.stderr, /--token or \$ENTENTE_TOKEN/);
    assert.doesNotMatch(r.stdout, /listening on/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('server/auth: bad --port and an empty --token are usage errors', () => {
  assert.match(entente(['serve', '--port', '70000']).stderr, /--port must be a whole number from 0 to 65535/);
  assert.equal(entente(['serve', '--token', ' ']).status, 2);
});

test('server/auth: a real server on port 0 with a token: the write route answers 401 without it, 200 with it; reads need none', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-serve-'));
  const token = 'a-long-enough-test-token';
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', join(dir, 'x.db')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ENTENTE_TOKEN: token },
  });
  try {
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    const m = /^listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(line);
    assert.ok(m, `first line: ${line}`);
    assert.notEqual(m[2], '0');
    const url = `${m[1]}/api/ingest`;
    const post = (headers: Record<string, string>) => fetch(url, { method: 'POST', body: JSON.stringify(ARTICLE), headers: { 'Content-Type': 'application/json', ...headers } });

    const none = await post({});
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('www-authenticate'), 'Bearer realm="entente"');
    assert.deepEqual(Object.keys((await none.json()) as object).sort(), ['code', 'message', 'status']);
    const wrong = await post({ Authorization: 'Bearer not-the-token' });
    assert.equal(wrong.status, 401);
    assert.equal(((await wrong.json()) as { code: string }).code, 'unauthorized');
    assert.equal(((await (await fetch(`${m[1]}/api/stats`)).json()) as { articles: number }).articles, 0, 'nothing stored by the refused requests');

    const ok = await post({ Authorization: `Bearer ${token}` });
    assert.equal(ok.status, 200);
    const { results } = (await ok.json()) as { results: { status: string; id: string }[] };
    assert.equal(results[0].status, 'stored');
    const stored = await fetch(`${m[1]}/api/articles/${results[0].id}`);
    assert.equal(stored.status, 200, 'reads need no token');
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
    rmSync(dir, { recursive: true, force: true });
  }
});
