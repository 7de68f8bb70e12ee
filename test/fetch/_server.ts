import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the test server saw it. */
export interface Seen {
  path: string;
  /** `127.0.0.1:port`: each test server is its own site */
  host: string;
  userAgent?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  /** ms since the epoch when the request arrived */
  at: number;
  /** requests to this server in flight when it arrived, itself included */
  inFlight: number;
  status?: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, seen: Seen) => void | Promise<void>;

/** A site on 127.0.0.1 for one test: routes by path (without the query), every request logged. */
export interface TestSite {
  origin: string;
  seen: Seen[];
  routes: Map<string, Handler>;
  /** requests for `path` so far */
  count(path: string): number;
  close(): Promise<void>;
}

/**
 * Starts a site that answers `routes` (404 otherwise) and records every request: what it asked,
 * with which headers, when, and how many were in flight, so tests measure politeness from the
 * server's side.
 */
export async function startSite(routes: Record<string, Handler> = {}): Promise<TestSite> {
  const seen: Seen[] = [];
  const table = new Map(Object.entries(routes));
  let inFlight = 0;
  const server: Server = createServer(async (req, res) => {
    inFlight++;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const s: Seen = {
      path,
      host: String(req.headers.host),
      userAgent: req.headers['user-agent'],
      ifNoneMatch: req.headers['if-none-match'],
      ifModifiedSince: req.headers['if-modified-since'],
      at: Date.now(),
      inFlight,
    };
    seen.push(s);
    res.on('close', () => inFlight--);
    res.on('finish', () => (s.status = res.statusCode));
    try {
      const h = table.get(path);
      if (h) await h(req, res, s);
      else {
        res.statusCode = 404;
        res.end('not here');
      }
    } catch (e) {
      res.statusCode = 500;
      res.end(String(e));
    }
  });
  server.keepAliveTimeout = 500;
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    routes: table,
    count: (path) => seen.filter((x) => x.path === path).length,
    close: () =>
      new Promise<void>((res) => {
        server.closeAllConnections();
        server.close(() => res());
      }),
  };
}

/** A handler that answers `body` with `type`, and ETag/Last-Modified validators (304 when they match). */
export function serve(body: string | Buffer, type: string, opts: { etag?: string; lastModified?: string; delayMs?: number; headers?: Record<string, string> } = {}): Handler {
  return async (req, res) => {
    if (opts.delayMs) await sleep(opts.delayMs);
    if (opts.etag) res.setHeader('etag', opts.etag);
    if (opts.lastModified) res.setHeader('last-modified', opts.lastModified);
    for (const [k, v] of Object.entries(opts.headers ?? {})) res.setHeader(k, v);
    const fresh = (opts.etag && req.headers['if-none-match'] === opts.etag) || (!opts.etag && opts.lastModified && req.headers['if-modified-since'] === opts.lastModified);
    if (fresh) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.setHeader('content-type', type);
    res.end(body);
  };
}

/** A handler answering `status` (with a Location for redirects). */
export function status(code: number, location?: string): Handler {
  return (_req, res) => {
    res.statusCode = code;
    if (location) res.setHeader('location', location);
    res.end(code >= 400 ? `error ${code}` : '');
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((res) => setTimeout(res, ms));
}

/** The smallest gap between two consecutive arrivals among `seen`, in ms (Infinity for fewer than two). */
export function smallestGap(seen: Seen[]): number {
  const at = seen.map((s) => s.at).sort((a, b) => a - b);
  let min = Infinity;
  for (let i = 1; i < at.length; i++) min = Math.min(min, at[i] - at[i - 1]);
  return min;
}

/** The most arrivals within any window of `windowMs`. */
export function mostInWindow(seen: Seen[], windowMs: number): number {
  const at = seen.map((s) => s.at).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < at.length; i++) {
    while (at[i] - at[j] >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}
