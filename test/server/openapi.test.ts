import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, routeParams, serverOptions } from '../../src/server/index.js';
import { check } from './_schema.js';
import { testStore } from './_store.js';

type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Record<string, unknown>> } };
type Operation = {
  parameters: { name: string; in: string; required: boolean; example?: string }[];
  responses: Record<string, { content?: { 'application/json': { schema: Record<string, unknown> }; 'text/event-stream'?: unknown } }>;
  requestBody?: { content: { 'application/json': { example: unknown } } };
};

const TOKEN = 'walk-every-route-token';

test('server/openapi: every documented route answers as documented, with every parameter, good and bad', async (t) => {
  const { store, seeds, cleanup } = await testStore(t);
  try {
    // an alert and a watched feed, so their lists have items to check
    await store.putAlerts([{ dyad: ['ISR', 'JOR'], when: '2024-02-10', detectedOn: '2024-02-12', direction: 'cooling', before: 2.5, after: -6, events: 9, method: 'cusum', evidence: [{ articleId: 'ffffffffffffffff', index: 0, date: '2024-02-10', code: '190', goldstein: -10, sentence: 'Troops fired.' }] }]);
    await store.putFeed({ url: 'http://news.test/rss', title: 'News' });
    await store.putCorrection({ kind: 'quote', articleId: 'ffffffffffffffff', start: 0, end: 4, verdict: 'wrong', reason: 'not a quote', at: '2024-03-01T00:00:00.000Z' });
    const app = createApp(store, { token: TOKEN, log: () => {} });
    const doc = (await (await app.request('/openapi.json')).json()) as Doc;
    const specs = routeParams(serverOptions());
    const call = async (method: string, url: string, body?: unknown) =>
      // the token on every call: a DELETE writes without a body
      app.request(url, body === undefined ? { method, headers: { Authorization: `Bearer ${TOKEN}` } } : { method, body: JSON.stringify(body), headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' } });
    // the answer's status must be documented and its body must match the documented schema
    const expect = async (op: Operation, res: Response, status: number, what: string) => {
      const files = Object.keys(op.responses[String(status)]?.content ?? {});
      if (status === 200 && res.status === 200 && files.length && !files.includes('application/json')) {
        // a download (the dyad export): one of the documented types, a header line at least
        const type = (res.headers.get('content-type') ?? '').split(';')[0];
        assert.ok(files.includes(type), `${what}: answered ${type}, documented ${files.join(', ')}`);
        assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="[^"]+"$/, `${what}: not a download`);
        await res.text();
        return {} as { items: unknown[]; code: string; message: string };
      }
      const body = (await res.json()) as { items: unknown[]; code: string; message: string };
      assert.equal(res.status, status, `${what}: ${JSON.stringify(body).slice(0, 300)}`);
      const documented = op.responses[String(status)];
      assert.ok(documented, `${what}: status ${status} is not documented`);
      const errors = check(documented.content!['application/json']!.schema, body, doc);
      assert.deepEqual(errors.slice(0, 5), [], `${what}: answer does not match the document`);
      return body;
    };
    // a real article id for the path parameter
    const someId = ((await (await app.request('/api/articles?limit=1')).json()) as { items: { id: string }[] }).items[0].id;
    let calls = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const spec = specs[`${method} ${path}`];
        assert.ok(spec, `${method} ${path} has no parameter spec in routeParams`);
        const route = path.replace('{id}', someId).replace('{layer}', 'sentences').replace('{code}', 'RUS');
        const required = op.parameters.filter((p) => p.in === 'query' && p.required).map((p) => `${p.name}=${encodeURIComponent(p.example!)}`);
        const url = (extra: string[] = []) => `${route}${[...required, ...extra].length ? '?' : ''}${[...required, ...extra].join('&')}`;
        const body = op.requestBody?.content['application/json'].example;
        if (op.responses['200'].content?.['text/event-stream']) {
          // a stream stays open: its answer's type is checked and the stream let go
          const res = await call('GET', url());
          assert.equal(res.status, 200, `${method} ${path}`);
          assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
          await res.body?.cancel();
          const unknown = await expect(op, await call('GET', url(['nosuch=1'])), 400, `${method} ${path}?nosuch=1`);
          assert.match(unknown.message, /nosuch/);
          calls += 2;
          continue;
        }
        const first = await expect(op, await call(method.toUpperCase(), url(), body), 200, `${method} ${url()}`);
        calls++;
        if ('items' in first) assert.ok(first.items.length > 0, `${method} ${path}: the test store should give items`);
        for (const p of op.parameters.filter((p) => p.in === 'query')) {
          assert.ok(spec[p.name], `${path}: ${p.name} is documented but not parsed`);
          const own = p.required ? [] : [`${p.name}=${encodeURIComponent(p.example!)}`];
          await expect(op, await call(method.toUpperCase(), url(own)), 200, `${method} ${url(own)}`);
          const bad = spec[p.name].bad!;
          const others = required.filter((r) => !r.startsWith(`${p.name}=`));
          const badUrl = `${route}?${[...others, `${p.name}=${encodeURIComponent(bad)}`].join('&')}`;
          const err = await expect(op, await call(method.toUpperCase(), badUrl), 400, `${method} ${badUrl}`);
          assert.equal(err.code, 'bad_parameter');
          assert.match(err.message, new RegExp(`^${p.name}\\b`), `the message names ${p.name}`);
          calls += 2;
        }
        if (method === 'get') {
          const unknown = await expect(op, await call('GET', url(['nosuch=1'])), 400, `${method} ${path}?nosuch=1`);
          assert.match(unknown.message, /nosuch/);
        }
        // an unknown id in the path; a route without one (a correction's unknown item) is tested by its own file
        if (op.responses['404'] && path.includes('{id}')) await expect(op, await call('GET', path.replace('{id}', 'ffffffffffffffff').replace('{layer}', 'sentences')), 404, `${path} with an unknown id`);
      }
    }
    t.diagnostic(`${calls} calls over ${Object.keys(doc.paths).length} paths${seeds ? ', seeds included' : ''}`);
    // and the other way round: every route the app has is documented
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`)));
    for (const r of app.routes.filter((r) => r.method !== 'ALL')) assert.ok(documented.has(`${r.method} ${r.path}`), `${r.method} ${r.path} is not in /openapi.json`);
  } finally {
    await cleanup();
  }
});
