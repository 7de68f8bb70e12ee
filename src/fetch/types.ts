/** What is fetched: a feed (XML or JSON) or an article page (HTML). */
export type FetchKind = 'feed' | 'page' | 'robots';

export interface FetchRequest {
  url: string;
  kind: FetchKind;
  /** validators from the last answer: a 304 then says nothing changed */
  etag?: string;
  lastModified?: string;
}

/** Why a fetch failed, one word each, for counting failures by reason. */
export type FetchFailReason =
  | 'bad-url'
  | 'robots'
  | 'not-found'
  | 'http-error'
  | 'rate-limited'
  | 'server-error'
  | 'timeout'
  | 'network'
  | 'too-large'
  | 'content-type'
  | 'redirects'
  | 'encoding';

/** A body that came whole. */
export interface Fetched {
  status: 'ok';
  /** the URL asked for */
  url: string;
  /** where it was found after redirects */
  finalUrl: string;
  /** ISO time the answer came */
  fetchedAt: string;
  text: string;
  contentType?: string;
  charset: string;
  etag?: string;
  lastModified?: string;
  /** bytes received (before decompression) */
  bytes: number;
}

/** A 304: the validators still hold. */
export interface NotModified {
  status: 'not-modified';
  url: string;
  finalUrl: string;
  fetchedAt: string;
}

export interface FetchFailure {
  status: 'failed';
  url: string;
  /** the last URL tried, when a redirect led elsewhere */
  finalUrl?: string;
  reason: FetchFailReason;
  /** a sentence that names the URL's problem */
  detail: string;
  /** worth trying again in a later round (the server's or the network's trouble, not the page's) */
  transient: boolean;
  httpStatus?: number;
}

export type FetchResult = Fetched | NotModified | FetchFailure;

export interface FetcherOptions {
  /** the whole User-Agent header: product, version and the user's contact (`userAgent()`) */
  userAgent: string;
  /** the product token robots.txt groups are matched against */
  agentToken: string;
  /** requests a second to one site, at most (default 1) */
  perSecond?: number;
  /** requests in flight to one site, at most (default 2) */
  concurrency?: number;
  /** milliseconds for a whole answer, headers and body (default 30 s) */
  timeoutMs?: number;
  /** redirects followed, at most (default 5) */
  maxRedirects?: number;
  /** bytes of a body after decompression, at most (default 10 MiB) */
  maxBytes?: number;
  /** tries after the first on a 5xx, a timeout or a dropped connection (default 2) */
  retries?: number;
  /** milliseconds before the first retry, doubled for each next one (default 1 s) */
  backoffMs?: number;
  /** where robots.txt answers and request times are kept across runs (default: this process only) */
  sites?: import('./robots.js').SiteMemory;
}
