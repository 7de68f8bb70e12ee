import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { Fetcher, userAgent, type FetcherOptions, type FetchResult, type Fetched } from '../../src/fetch/index.js';
import { serve, sleep, startSite, status, type TestSite } from './_server.js';

const UA = userAgent('desk@news-reader.example');
const PAGE = '<!doctype html><html><head><title>Talks</title></head><body><p>Envoys met in Valdoria on Tuesday.</p></body></html>';
const ROBOTS = 'User-agent: otherbot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\n';

/** A fetcher quick enough for tests: a high rate, short waits. */
function fetcher(opts: Partial<FetcherOptions> = {}): Fetcher {
  return new Fetcher({ userAgent: UA, agentToken: 'entente', perSecond: 200, concurrency: 4, timeoutMs: 2000, retries: 2, backoffMs: 20, ...opts });
}

function ok(r: FetchResult): Fetched {
  assert.equal(r.status, 'ok', JSON.stringify(r));
  return r as Fetched;
}

async function withSite(routes: Parameters<typeof startSite>[0], body: (site: TestSite, f: Fetcher) => Promise<void>, opts: Partial<FetcherOptions> = {}): Promise<void> {
  const site = await startSite({ '/robots.txt': serve(ROBOTS, 'text/plain'), ...routes });
  const f = fetcher(opts);
  try {
    await body(site, f);
  } finally {
    await f.close();
    await site.close();
  }
}

test('fetch: robots.txt is read once per site and obeyed (the * group, or the entente group where there is one); the User-Agent names the contact on every request', async () => {
  await withSite({ '/a.html': serve(PAGE, 'text/html'), '/private/b.html': serve(PAGE, 'text/html') }, async (site, f) => {
    ok(await f.fetch({ url: `${site.origin}/a.html`, kind: 'page' }));
    const priv = await f.fetch({ url: `${site.origin}/private/b.html`, kind: 'page' });
    assert.deepEqual([priv.status, priv.status === 'failed' && priv.reason, priv.status === 'failed' && priv.transient], ['failed', 'robots', false]);
    assert.match((priv as { detail: string }).detail, /\/private\/b\.html: http:\/\/127\.0\.0\.1:\d+\/robots\.txt disallows it for entente/);
    ok(await f.fetch({ url: `${site.origin}/a.html?again`, kind: 'page' }));
    assert.deepEqual(site.seen.map((s) => s.path), ['/robots.txt', '/a.html', '/a.html'], 'robots.txt once; the disallowed page never');
    assert.ok(site.seen.every((s) => s.userAgent === UA), 'every request carries the User-Agent');
    assert.match(UA, /^entente\/\S+ \(news reader; contact: desk@news-reader\.example\)$/);
  });
  // a group of its own is the only one that applies to entente (RFC 9309 §2.2.1)
  const own = 'User-agent: *\nDisallow: /\n\nUser-agent: entente\nDisallow: /no-entente/\n';
  await withSite({ '/robots.txt': serve(own, 'text/plain'), '/a.html': serve(PAGE, 'text/html'), '/no-entente/c.html': serve(PAGE, 'text/html') }, async (site, f) => {
    ok(await f.fetch({ url: `${site.origin}/a.html`, kind: 'page' }));
    const mine = await f.fetch({ url: `${site.origin}/no-entente/c.html`, kind: 'page' });
    assert.equal(mine.status === 'failed' && mine.reason, 'robots');
    assert.deepEqual(site.seen.map((s) => s.path), ['/robots.txt', '/a.html']);
  });
});

test('fetch: robots.txt missing (404) allows everything; a robots.txt that fails (5xx) refuses the site for now, and is asked again', async () => {
  const site = await startSite({ '/a.html': serve(PAGE, 'text/html'), '/robots.txt': status(404) });
  const f = fetcher();
  try {
    ok(await f.fetch({ url: `${site.origin}/a.html`, kind: 'page' }));
  } finally {
    await f.close();
    await site.close();
  }
  const down = await startSite({ '/a.html': serve(PAGE, 'text/html'), '/robots.txt': status(503) });
  const g = fetcher({ retries: 0 });
  try {
    for (let i = 0; i < 2; i++) {
      const r = await g.fetch({ url: `${down.origin}/a.html`, kind: 'page' });
      assert.deepEqual([r.status, r.status === 'failed' && r.reason, r.status === 'failed' && r.transient], ['failed', 'robots', true]);
      assert.match((r as { detail: string }).detail, /robots\.txt answered HTTP 503/);
    }
    assert.deepEqual(down.seen.map((s) => s.path), ['/robots.txt', '/robots.txt'], 'the page itself never');
  } finally {
    await g.close();
    await down.close();
  }
});

test('fetch: ETag and Last-Modified are sent back, and a 304 is not-modified', async () => {
  await withSite({ '/feed.xml': serve('<rss/>', 'application/rss+xml', { etag: '"v7"', lastModified: 'Tue, 02 Apr 2024 09:00:00 GMT' }) }, async (site, f) => {
    const first = ok(await f.fetch({ url: `${site.origin}/feed.xml`, kind: 'feed' }));
    assert.deepEqual([first.etag, first.lastModified], ['"v7"', 'Tue, 02 Apr 2024 09:00:00 GMT']);
    const again = await f.fetch({ url: `${site.origin}/feed.xml`, kind: 'feed', etag: first.etag, lastModified: first.lastModified });
    assert.equal(again.status, 'not-modified');
    const last = site.seen.at(-1)!;
    assert.deepEqual([last.ifNoneMatch, last.ifModifiedSince, last.status], ['"v7"', 'Tue, 02 Apr 2024 09:00:00 GMT', 304]);
  });
});

test('fetch: redirects are followed to the final URL, at most maxRedirects, each hop checked against robots.txt', async () => {
  await withSite(
    {
      '/old': status(301, '/newer'),
      '/newer': status(302, '/a.html'),
      '/a.html': serve(PAGE, 'text/html'),
      '/loop1': status(302, '/loop2'),
      '/loop2': status(307, '/loop1'),
      '/sneaky': status(301, '/private/x.html'),
    },
    async (site, f) => {
      const r = ok(await f.fetch({ url: `${site.origin}/old`, kind: 'page' }));
      assert.deepEqual([r.url, r.finalUrl], [`${site.origin}/old`, `${site.origin}/a.html`]);
      const loop = await f.fetch({ url: `${site.origin}/loop1`, kind: 'page' });
      assert.equal(loop.status === 'failed' && loop.reason, 'redirects');
      assert.equal(site.count('/loop1') + site.count('/loop2'), 4, 'the first request and 3 redirects');
      const sneaky = await f.fetch({ url: `${site.origin}/sneaky`, kind: 'page' });
      assert.equal(sneaky.status === 'failed' && sneaky.reason, 'robots');
      assert.equal(site.count('/private/x.html'), 0);
    },
    { maxRedirects: 3 },
  );
});

test('fetch: 5xx and dropped connections are retried with back-off, 4xx never', async () => {
  let flaky = 0;
  await withSite(
    {
      '/flaky.html': (req, res) => (++flaky < 3 ? status(503)(req, res, undefined as never) : serve(PAGE, 'text/html')(req, res, undefined as never)),
      '/down.html': status(500),
      '/gone.html': status(410),
      '/forbidden.html': status(403),
      '/drop.html': (req) => void req.socket.destroy(),
    },
    async (site, f) => {
      ok(await f.fetch({ url: `${site.origin}/flaky.html`, kind: 'page' }));
      assert.equal(site.count('/flaky.html'), 3);
      const down = await f.fetch({ url: `${site.origin}/down.html`, kind: 'page' });
      assert.deepEqual([down.status === 'failed' && down.reason, down.status === 'failed' && down.transient, site.count('/down.html')], ['server-error', true, 3]);
      const gone = await f.fetch({ url: `${site.origin}/gone.html`, kind: 'page' });
      const forbidden = await f.fetch({ url: `${site.origin}/forbidden.html`, kind: 'page' });
      assert.deepEqual([gone.status === 'failed' && gone.reason, forbidden.status === 'failed' && forbidden.reason], ['not-found', 'http-error']);
      assert.deepEqual([site.count('/gone.html'), site.count('/forbidden.html')], [1, 1]);
      const drop = await f.fetch({ url: `${site.origin}/drop.html`, kind: 'page' });
      assert.deepEqual([drop.status === 'failed' && drop.reason, site.count('/drop.html')], ['network', 3]);
    },
  );
});

test('fetch: an answer slower than the time limit is a timeout, headers or body', async () => {
  await withSite(
    {
      '/slow-headers.html': serve(PAGE, 'text/html', { delayMs: 1500 }),
      '/slow-body.html': async (_req, res) => {
        res.setHeader('content-type', 'text/html');
        res.write('<p>start');
        await sleep(1500);
        res.end('</p>');
      },
    },
    async (site, f) => {
      for (const path of ['/slow-headers.html', '/slow-body.html']) {
        const r = await f.fetch({ url: site.origin + path, kind: 'page' });
        assert.deepEqual([r.status === 'failed' && r.reason, r.status === 'failed' && r.transient], ['timeout', true], path);
        assert.match((r as { detail: string }).detail, /no whole answer within 300 ms/);
      }
    },
    { timeoutMs: 300, retries: 0 },
  );
});

test('fetch: bodies over the size limit are refused (by Content-Length, as they come, and once decompressed); other content types are not read', async () => {
  const big = 'x'.repeat(5000);
  await withSite(
    {
      '/big.html': serve(`<p>${big}</p>`, 'text/html'),
      '/chunked.html': (_req, res) => {
        res.setHeader('content-type', 'text/html');
        for (let i = 0; i < 10; i++) res.write('<p>' + 'y'.repeat(1000) + '</p>');
        res.end();
      },
      '/bomb.html': serve(gzipSync(Buffer.from(`<p>${'z'.repeat(200_000)}</p>`)), 'text/html', { headers: { 'content-encoding': 'gzip' } }),
      '/photo.html': serve(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png'),
      '/feed.xml': serve(PAGE, 'application/pdf'),
    },
    async (site, f) => {
      for (const path of ['/big.html', '/chunked.html', '/bomb.html']) {
        const r = await f.fetch({ url: site.origin + path, kind: 'page' });
        assert.equal(r.status === 'failed' && r.reason, 'too-large', path);
      }
      assert.match((await f.fetch({ url: `${site.origin}/bomb.html`, kind: 'page' }) as { detail: string }).detail, /once decompressed/);
      const photo = await f.fetch({ url: `${site.origin}/photo.html`, kind: 'page' });
      assert.deepEqual([photo.status === 'failed' && photo.reason, (photo as { detail: string }).detail.endsWith('the answer is image/png, not a web page')], ['content-type', true]);
      const pdf = await f.fetch({ url: `${site.origin}/feed.xml`, kind: 'feed' });
      assert.equal(pdf.status === 'failed' && pdf.reason, 'content-type');
    },
    { maxBytes: 4096 },
  );
});

test('fetch: gzip, deflate and brotli bodies are decoded; the charset comes from the header, else the document, else the bytes', async () => {
  const text = 'Le ministre a déclaré « non » à Genève — “fin”.';
  const html = (head = '') => `<!doctype html><html><head>${head}</head><body><p>${text}</p></body></html>`;
  const cp1252 = Buffer.from(html().replace('—', '\x97').replace('“', '\x93').replace('”', '\x94'), 'latin1');
  await withSite(
    {
      '/gzip.html': serve(gzipSync(html()), 'text/html; charset=utf-8', { headers: { 'content-encoding': 'gzip' } }),
      '/br.html': serve(brotliCompressSync(html()), 'text/html; charset=utf-8', { headers: { 'content-encoding': 'br' } }),
      '/deflate.html': serve(deflateSync(html()), 'text/html; charset=utf-8', { headers: { 'content-encoding': 'deflate' } }),
      '/header-1252.html': serve(cp1252, 'text/html; charset=windows-1252'),
      '/meta-latin1.html': serve(Buffer.from(html('<meta charset="iso-8859-1">').replace('—', '-').replace(/[“”]/g, '"'), 'latin1'), 'text/html'),
      '/feed-latin1.xml': serve(Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Genève</title></channel></rss>`, 'latin1'), 'application/xml'),
      '/plain-utf8.html': serve(html(), 'text/html'),
      '/unmarked-1252.html': serve(cp1252, 'text/html'),
    },
    async (site, f) => {
      const get = async (path: string, kind: 'page' | 'feed' = 'page') => ok(await f.fetch({ url: site.origin + path, kind }));
      for (const path of ['/gzip.html', '/br.html', '/deflate.html', '/plain-utf8.html']) assert.ok((await get(path)).text.includes(text), path);
      const h = await get('/header-1252.html');
      assert.deepEqual([h.charset, h.text.includes(text)], ['windows-1252', true]);
      const m = await get('/meta-latin1.html');
      assert.deepEqual([m.charset, m.text.includes('déclaré « non » à Genève')], ['windows-1252', true]);
      const x = await get('/feed-latin1.xml', 'feed');
      assert.ok(x.text.includes('<title>Genève</title>'));
      const u = await get('/unmarked-1252.html');
      assert.deepEqual([u.charset, u.text.includes(text)], ['windows-1252', true]);
    },
  );
});

test('fetch: a site gets at most perSecond requests a second and concurrency at once, measured by the server', async () => {
  const pages = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`/p${i}.html`, serve(PAGE, 'text/html', { delayMs: 150 })]));
  await withSite(
    pages,
    async (site, f) => {
      await Promise.all(Object.keys(pages).map((p) => f.fetch({ url: site.origin + p, kind: 'page' })));
      assert.equal(site.seen.length, 9, 'robots.txt and the 8 pages');
      const inWindow = Math.max(...site.seen.map((s) => site.seen.filter((t) => t.at >= s.at && t.at < s.at + 1000).length));
      // starts are 1/perSecond apart at the client; the server may see two a few ms closer than that
      assert.ok(inWindow <= 5, `at most 5 requests in any second, saw ${inWindow}`);
      assert.ok(Math.max(...site.seen.map((s) => s.inFlight)) <= 2, 'never more than 2 at once');
    },
    { perSecond: 5, concurrency: 2 },
  );
});
