import { Agent, request, type Dispatcher } from 'undici';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Readable } from 'node:stream';
import { decodeBody } from './charset.js';
import { HostGate } from './host-gate.js';
import { ROBOTS_MAX_BYTES, robotsFresh, robotsRules, type RobotsRules, type SiteMemory } from './robots.js';
import type { FetchFailReason, FetchFailure, FetchKind, FetchRequest, FetchResult, FetcherOptions } from './types.js';

const ACCEPT: Record<FetchKind, string> = {
  feed: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5',
  page: 'text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8, */*;q=0.5',
  robots: 'text/plain, */*;q=0.5',
};

/** Content types each kind of fetch reads; anything else (an image, a PDF, an archive) is refused unread. */
const READABLE: Record<FetchKind, RegExp> = {
  feed: /xml|json|rss|atom|^text\//i,
  page: /^(text\/html|application\/xhtml\+xml|text\/plain)\b/i,
  robots: /./,
};

/** A Crawl-delay longer than this is held to it: a site's whim must not stall a round for hours. */
const MAX_CRAWL_DELAY_S = 60;
/** A Retry-After longer than this is not waited for in the round; the next round tries again. */
const MAX_RETRY_AFTER_MS = 30_000;

/** One exchange's outcome before the redirect and retry logic decides what it means. */
type Exchange =
  | { kind: 'redirect'; location: string; status: number }
  | { kind: 'not-modified' }
  | { kind: 'body'; bytes: Uint8Array; contentType?: string; etag?: string; lastModified?: string; received: number }
  | { kind: 'failed'; reason: FetchFailReason; detail: string; transient: boolean; status?: number; retryAfterMs?: number };

/**
 * A polite HTTP client for feeds and article pages, on undici: robots.txt obeyed (RFC 9309),
 * a per-site rate and connection cap (`HostGate`), a User-Agent that names the user's contact,
 * conditional requests, a time limit on every answer, bounded redirects, size and content-type
 * limits, retries with doubling back-off on 5xx and lost connections (never on 4xx), gzip,
 * deflate and brotli decoded, and the charset from the header or the document.
 * Never throws for a bad URL or answer: each comes back as a `FetchFailure` naming it.
 *
 * @example
 * const f = new Fetcher({ userAgent: userAgent('me@example.org'), agentToken: 'entente' });
 * const r = await f.fetch({ url: 'https://news.example/rss', kind: 'feed' });
 * await f.close();
 */
export class Fetcher {
  readonly gate: HostGate;
  private readonly agent: Agent;
  private readonly robots = new Map<string, Promise<RobotsRules>>();
  private readonly o: Required<Omit<FetcherOptions, 'sites'>> & { sites?: SiteMemory };

  constructor(opts: FetcherOptions) {
    this.o = { perSecond: 1, concurrency: 2, timeoutMs: 30_000, maxRedirects: 5, maxBytes: 10 << 20, retries: 2, backoffMs: 1000, ...opts };
    const sites = this.o.sites;
    this.gate = new HostGate({ perSecond: this.o.perSecond, concurrency: this.o.concurrency }, sites ? (origin, at) => sites.noteSiteRequest(origin, new Date(at).toISOString()) : undefined);
    this.agent = new Agent({ connections: this.o.concurrency, headersTimeout: this.o.timeoutMs, bodyTimeout: this.o.timeoutMs, connectTimeout: this.o.timeoutMs });
  }

  /** Fetches one URL, following redirects, each hop allowed by its site's robots.txt. */
  async fetch(req: FetchRequest): Promise<FetchResult> {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      return failure(req.url, undefined, 'bad-url', `"${req.url}" is not a URL`, false);
    }
    for (let hop = 0; ; hop++) {
      const here = url.toString();
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return failure(req.url, here, 'bad-url', `${here} is not http(s)`, false);
      if (req.kind !== 'robots') {
        const rules = await this.robotsFor(url.origin);
        if (!rules.allowed(here)) {
          const why = rules.refusal ? `${rules.refusal}, so nothing on ${url.origin} is fetched for now` : `${url.origin}/robots.txt disallows it for ${this.o.agentToken}`;
          return failure(req.url, here, 'robots', `${here}: ${why}`, Boolean(rules.refusal));
        }
      }
      const x = await this.withRetries(url, req);
      const fetchedAt = new Date().toISOString();
      if (x.kind === 'failed') return { ...failure(req.url, here, x.reason, `${here}: ${x.detail}`, x.transient), ...(x.status ? { httpStatus: x.status } : {}) };
      if (x.kind === 'not-modified') return { status: 'not-modified', url: req.url, finalUrl: here, fetchedAt };
      if (x.kind === 'redirect') {
        if (hop >= this.o.maxRedirects) return failure(req.url, here, 'redirects', `${req.url}: more than ${this.o.maxRedirects} redirects (the last to ${x.location})`, false);
        try {
          url = new URL(x.location, url);
        } catch {
          return failure(req.url, here, 'bad-url', `${here} redirects to "${x.location}", which is not a URL`, false);
        }
        url.hash = '';
        continue;
      }
      const { text, charset } = decodeBody(x.bytes, x.contentType);
      return {
        status: 'ok', url: req.url, finalUrl: here, fetchedAt, text, charset, bytes: x.received,
        ...(x.contentType ? { contentType: x.contentType } : {}), ...(x.etag ? { etag: x.etag } : {}), ...(x.lastModified ? { lastModified: x.lastModified } : {}),
      };
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  /** One exchange, tried again after a 5xx, a timeout or a lost connection, waiting longer each time. */
  private async withRetries(url: URL, req: FetchRequest): Promise<Exchange> {
    for (let attempt = 0; ; attempt++) {
      const x = await this.gate.run(url.origin, () => this.exchange(url, req));
      if (x.kind !== 'failed' || !x.transient || x.reason === 'rate-limited' || attempt >= this.o.retries) return x;
      const wait = Math.max(this.o.backoffMs * 2 ** attempt, x.retryAfterMs ?? 0);
      if (wait > MAX_RETRY_AFTER_MS) return x;
      await new Promise((res) => setTimeout(res, wait));
    }
  }

  private async exchange(url: URL, req: FetchRequest): Promise<Exchange> {
    const headers: Record<string, string> = { 'user-agent': this.o.userAgent, accept: ACCEPT[req.kind], 'accept-encoding': 'gzip, deflate, br' };
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;
    const signal = AbortSignal.timeout(this.o.timeoutMs);
    let res: Dispatcher.ResponseData;
    try {
      res = await request(url, { method: 'GET', headers, dispatcher: this.agent, signal });
    } catch (e) {
      return networkFailure(e, signal, this.o.timeoutMs);
    }
    const status = res.statusCode;
    const header = (name: string) => {
      const v = res.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    if (status < 200 || status >= 300) {
      await res.body.dump().catch(() => {});
      if (status === 304) return { kind: 'not-modified' };
      if (status >= 300 && status < 400) {
        const location = header('location');
        if (location) return { kind: 'redirect', location, status };
        return { kind: 'failed', reason: 'http-error', detail: `HTTP ${status} without a Location`, transient: false, status };
      }
      const retryAfterMs = retryAfter(header('retry-after'));
      if (status === 404 || status === 410) return { kind: 'failed', reason: 'not-found', detail: `HTTP ${status}`, transient: false, status };
      if (status === 429) return { kind: 'failed', reason: 'rate-limited', detail: 'HTTP 429: the site asks for fewer requests', transient: true, status, ...(retryAfterMs ? { retryAfterMs } : {}) };
      if (status >= 500) return { kind: 'failed', reason: 'server-error', detail: `HTTP ${status}`, transient: true, status, ...(retryAfterMs ? { retryAfterMs } : {}) };
      return { kind: 'failed', reason: 'http-error', detail: `HTTP ${status}`, transient: false, status };
    }
    const contentType = header('content-type');
    if (contentType && !READABLE[req.kind].test(contentType)) {
      discard(res.body);
      return { kind: 'failed', reason: 'content-type', detail: `the answer is ${contentType}, not a ${req.kind === 'feed' ? 'feed' : 'web page'}`, transient: false, status };
    }
    const limit = req.kind === 'robots' ? ROBOTS_MAX_BYTES : this.o.maxBytes;
    const length = Number(header('content-length'));
    if (req.kind !== 'robots' && Number.isFinite(length) && length > limit) {
      discard(res.body);
      return { kind: 'failed', reason: 'too-large', detail: `${length} bytes, over the ${limit}-byte limit`, transient: false, status };
    }
    const encoding = (header('content-encoding') ?? 'identity').toLowerCase().trim();
    const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'br' ? createBrotliDecompress() : encoding === 'deflate' ? createInflate() : undefined;
    if (!decoder && encoding !== 'identity' && encoding !== '') {
      discard(res.body);
      return { kind: 'failed', reason: 'encoding', detail: `the body is encoded as "${encoding}", which entente cannot decode`, transient: false, status };
    }
    let received = 0;
    res.body.on('data', (c: Buffer) => (received += c.length));
    const stream: Readable = decoder ? res.body.pipe(decoder) : res.body;
    if (decoder) res.body.on('error', (e) => decoder.destroy(e));
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of stream) {
        size += (chunk as Buffer).length;
        if (size > limit) {
          discard(res.body);
          if (decoder) discard(decoder);
          // robots.txt past its limit is read as far as the limit (RFC 9309 §2.5)
          if (req.kind === 'robots') break;
          return { kind: 'failed', reason: 'too-large', detail: `over the ${limit}-byte limit${decoder ? ' once decompressed' : ''}`, transient: false, status };
        }
        chunks.push(chunk as Buffer);
      }
    } catch (e) {
      if (String((e as { code?: unknown }).code ?? '').startsWith('Z_')) return { kind: 'failed', reason: 'encoding', detail: `the ${encoding} body is damaged: ${(e as Error).message}`, transient: false, status };
      return networkFailure(e, signal, this.o.timeoutMs);
    }
    return {
      kind: 'body', bytes: Buffer.concat(chunks), received,
      ...(contentType ? { contentType } : {}), ...(header('etag') ? { etag: header('etag') } : {}), ...(header('last-modified') ? { lastModified: header('last-modified') } : {}),
    };
  }

  /** A site's robots.txt rules: from the store while fresh, else asked for (once per run and site). */
  private robotsFor(origin: string): Promise<RobotsRules> {
    let rules = this.robots.get(origin);
    if (!rules) {
      rules = this.loadRobots(origin);
      this.robots.set(origin, rules);
    }
    return rules;
  }

  private async loadRobots(origin: string): Promise<RobotsRules> {
    const site = await this.o.sites?.getSite(origin);
    // a request another run made lately counts against this one's first
    if (site?.lastRequestAt) this.gate.notBefore(origin, Date.parse(site.lastRequestAt) + this.gate.interval(origin));
    let status: number;
    let txt: string | undefined;
    if (robotsFresh(site, Date.now())) {
      status = site!.robotsStatus!;
      txt = site!.robotsTxt;
    } else {
      const r = await this.fetch({ url: `${origin}/robots.txt`, kind: 'robots' });
      status = r.status === 'ok' ? 200 : r.status === 'failed' ? (r.httpStatus ?? (r.reason === 'not-found' ? 404 : 0)) : 0;
      txt = r.status === 'ok' ? r.text : undefined;
      // a redirect to another site's robots.txt is that site's rules, which RFC 9309 §2.3.1.2 accepts
      await this.o.sites?.putSiteRobots(origin, { ...(txt !== undefined ? { txt } : {}), status, at: new Date().toISOString() });
    }
    const rules = robotsRules(origin, status, txt, this.o.agentToken);
    if (rules.crawlDelay) this.gate.setCrawlDelay(origin, Math.min(rules.crawlDelay, MAX_CRAWL_DELAY_S));
    if (rules.refusal) this.robots.delete(origin); // asked again on the next fetch, not held for the run
    return rules;
  }
}

/** Stops reading a body: undici reports the abort as an error, which no one needs to hear. */
function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

function failure(url: string, finalUrl: string | undefined, reason: FetchFailReason, detail: string, transient: boolean): FetchFailure {
  return { status: 'failed', url, ...(finalUrl && finalUrl !== url ? { finalUrl } : {}), reason, detail, transient };
}

function networkFailure(e: unknown, signal: AbortSignal, timeoutMs: number): Exchange {
  const err = e as { code?: string; name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err.code ?? err.cause?.code ?? '';
  if (signal.aborted || /TIMEOUT/.test(code) || err.name === 'TimeoutError') return { kind: 'failed', reason: 'timeout', detail: `no whole answer within ${timeoutMs} ms`, transient: true };
  return { kind: 'failed', reason: 'network', detail: `the connection failed: ${code || err.message || String(e)}`, transient: true };
}

/** A Retry-After header in milliseconds (seconds or an HTTP date), or undefined. */
function retryAfter(v: string | undefined): number | undefined {
  if (!v) return undefined;
  const s = Number(v);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const t = Date.parse(v);
  return Number.isFinite(t) ? Math.max(0, t - Date.now()) : undefined;
}
