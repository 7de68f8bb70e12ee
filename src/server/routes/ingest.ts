import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { fromJsonValue } from '../../ingest/items.js';
import { createAnalyzer, defaultThreads, type Analyzer } from '../../pipeline/index.js';
import { skip, type Skipped, type SkipReason } from '../../model/errors.js';
import type { Store } from '../../store/types.js';
import { requireToken } from '../auth.js';
import { ApiError } from '../errors.js';
import { jsonBodyOnly, sameOriginWrites } from '../guard.js';
import type { ServerOptions } from '../options.js';
import { parseQuery } from '../params.js';

/** What happened to one article of an ingest request, at its index in the request. */
export interface IngestResult {
  index: number;
  status: 'stored' | 'unchanged' | 'skipped';
  id?: string;
  reason?: SkipReason;
  detail?: string;
}

/**
 * `POST /api/ingest`: one JSON article `{text or html, title?, date?, source?, url?}` or an array
 * of them, read, analysed and stored as `entente ingest` does a JSON line: each bad article is
 * skipped with its reason (and recorded as skipped), the others are stored; storing the same
 * story again is `unchanged`. Articles are analysed in a worker thread (`o.analyzer`, else a
 * pool started at the first request), never on the thread that answers the other routes, and
 * one that takes longer than `o.analyzeTimeoutMs` is skipped as too large.
 */
export function ingestRoutes(store: Store, o: ServerOptions): Hono {
  const tooLarge = () => {
    throw new ApiError(413, 'payload_too_large', `an ingest request may carry at most ${o.ingestMaxBytes} bytes; send fewer articles per request`);
  };
  let pool: Analyzer | undefined = o.analyzer;
  const analyzer = () => (pool ??= createAnalyzer(Math.max(1, defaultThreads()), undefined, { timeoutMs: o.analyzeTimeoutMs }));
  const guards = [sameOriginWrites(), requireToken(o.token), jsonBodyOnly(), bodyLimit({ maxSize: o.ingestMaxBytes, onError: tooLarge })] as const;
  return new Hono().post('/ingest', ...guards, async (c) => {
    parseQuery({}, c.req.queries());
    const raw = await c.req.text();
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch (cause) {
      throw new ApiError(400, 'bad_request', `the body must be a JSON article or an array of them: ${(cause as Error).message}`);
    }
    const items = Array.isArray(body) ? body : [body];
    if (items.length > o.ingestMaxItems) {
      throw new ApiError(413, 'payload_too_large', `an ingest request may carry at most ${o.ingestMaxItems} articles, got ${items.length}`);
    }
    // all of a request's articles go to the threads at once, so they are analysed as one batch
    const analysed = items.map((item) => {
      const origin = originOf(item);
      const size = Buffer.byteLength(JSON.stringify(item) ?? '');
      // as `entente ingest` judges a JSON line: by its size as JSON
      const read = size > o.articleMaxBytes
        ? skip('too-large', origin, `the article has ${size} bytes as JSON, over the server's limit of ${o.articleMaxBytes} for one article`)
        : fromJsonValue(item, origin, { maxBytes: o.articleMaxBytes });
      return 'skipped' in read ? Promise.resolve<Skipped>(read) : analyzer().analyze(read);
    });
    // a failed thread fails them all; the first is answered, the rest must not go unhandled
    for (const p of analysed) p.catch(() => {});
    const results: IngestResult[] = [];
    for (const [index, pending] of analysed.entries()) {
      const a = await pending;
      if ('skipped' in a) {
        await store.recordSkip(a);
        results.push({ index, status: 'skipped', reason: a.reason, detail: a.detail });
      } else results.push({ index, status: await store.putArticle(a), id: a.id });
    }
    return c.json({ results });
  });
}

/**
 * An origin for an article that came over HTTP: its URL when it has one (so a later version of
 * the page replaces the earlier one's origin, as a re-read file does), else a hash of what was sent.
 *
 * @example originOf({ url: 'https://news.example/a', text: '…' }) // 'api:https://news.example/a'
 */
export function originOf(item: unknown): string {
  const url = (item as { url?: unknown } | null)?.url;
  if (typeof url === 'string' && url.trim()) return `api:${url.trim()}`;
  return `api:sha256:${createHash('sha256').update(JSON.stringify(item) ?? '').digest('hex').slice(0, 16)}`;
}
