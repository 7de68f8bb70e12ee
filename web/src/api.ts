/**
 * The HTTP API as the dashboard sees it (src/server): typed fetches, one error type. Shapes are
 * written out here rather than imported from src/ so the browser bundle holds no server code.
 */

export interface ApiErrorBody { status: number; code: string; message: string }

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export interface Page<T> { items: T[]; limit?: number; offset?: number; total?: number }

export interface Span { start: number; end: number }

export interface ArticleSummary { id: string; title?: string; date?: string; source?: string; url?: string; snippet?: string; snippetMatches?: Span[] }

export interface ActorRef { id: string; code: string; name: string; country: string; roles: string[] }

export interface MentionRec extends Span { kind: string; rule: string; actor: ActorRef; antecedent?: number }

export interface QuoteRec extends Span {
  kind: string;
  spans: Span[];
  speaker?: string;
  speakerActor?: ActorRef;
  cue?: string;
  medium?: string;
  confidence: number;
  rule: string;
  date?: string;
}

export interface EventParty { code: string; country: string; actor: string; name: string; span: Span; via: string }

export interface EventRec extends Span {
  source: EventParty;
  target?: EventParty;
  code: string;
  root: string;
  plover?: { event: string; mode: string | null; context: string[] };
  /** null for a code outside CAMEO that a user's PETRARCH-2 dictionary gave (no score, no quad class) */
  goldstein: number | null;
  quad: 1 | 2 | 3 | 4 | null;
  negated: boolean;
  modality: string;
  date?: string;
  sentence: number;
  sentenceSpan: Span;
  quote?: number;
  confidence: number;
  rule: string;
}

export interface ArticleFull extends ArticleSummary {
  origin?: string;
  text: string;
  paragraphs: Span[];
  sentences: Span[];
  mentions: MentionRec[];
  quotes: QuoteRec[];
  events: EventRec[];
  captions?: { text: string; credit?: string }[];
  removed?: { rule: string; reason: string; text: string }[];
  /** the whole length of each layer the answer cut to its first items */
  more?: Record<string, number>;
}

/** One word of a parse: `head` is the index of its head in the sentence's words, -1 for the root. */
export interface SyntaxWord extends Span { text: string; upos: string; lemma: string; head: number; deprel: string }

/** A sentence's dependency parse; `stored` is false when the server parsed it for this answer. */
export interface SentenceParse extends Span { sentence: number; stored: boolean; words: SyntaxWord[] }

export interface QuoteHit {
  articleId: string;
  index: number;
  start: number;
  end: number;
  kind: string;
  text: string;
  speaker?: string;
  speakerCode?: string;
  cue?: string;
  medium?: string;
  confidence: number;
  rule: string;
  date?: string;
  correction?: import('./correction.js').Correction;
  article: { title?: string; source?: string; date?: string };
}

export interface StoredEvent {
  articleId: string;
  index: number;
  source: string;
  sourceCountry: string;
  target?: string;
  targetCountry?: string;
  code: string;
  plover?: string;
  /** null for a code outside CAMEO that a user's PETRARCH-2 dictionary gave (no score, no quad class) */
  goldstein: number | null;
  quad: 1 | 2 | 3 | 4 | null;
  date?: string;
  modality: string;
  rule: string;
  confidence: number;
  outlet?: string;
  sentence: string;
  event: EventRec;
  /** an analyst's verdict on it (web/src/correction.ts) */
  correction?: import('./correction.js').Correction;
}

export type Quad = [number, number, number, number];

export interface Relation {
  source: string;
  target: string;
  events: number;
  quad: Quad;
  goldsteinSum: number;
  goldsteinMean: number;
  sources: number;
  first?: string;
  last?: string;
  trend?: number;
}

export interface DyadPoint { source: string; target: string; period: string; events: number; quad: Quad; goldsteinSum: number; goldsteinMean: number; sources: number }

export interface DyadSeries { a: string; b: string; period: string; undirected: boolean; series: DyadPoint[] }

export interface AlertEvidence { articleId: string; index: number; date: string; code: string; goldstein: number; sentence: string; url?: string }

/** A relation that turned (src/alerts): the sorted pair, the first day of the new level, the means either side. */
export interface AlertRec {
  id: string;
  dyad: [string, string];
  when: string;
  detectedOn: string;
  direction: 'warming' | 'cooling';
  before: number;
  after: number;
  events: number;
  evidence: AlertEvidence[];
  method: string;
  createdAt: string;
}

/** A feed `entente watch` follows, with its health. */
export interface FeedRec {
  url: string;
  title?: string;
  addedAt: string;
  lastPollAt?: string;
  lastSuccessAt?: string;
  lastError?: { reason: string; detail: string; at: string };
  polls: number;
  failures: number;
  articles: number;
  articlesPerDay: number;
  failing: boolean;
}

/** The store's counts as `/api/live` sends them. */
export interface LiveTotals { articles: number; sentences: number; quotes: number; events: number; skipped: number; alerts: number }

/** The dyad explorer's view: the dyad, its direction, the range and the filters (the API's parameter names). */
export interface DyadViewParams {
  a: string;
  b: string;
  undirected?: string;
  from?: string;
  to?: string;
  quad?: string;
  code?: string;
  outlet?: string;
  minConfidence?: string;
}

/** A stored event with its place in the newest-first order (`cursor`, what before/after take). */
export interface DyadEvent extends StoredEvent { date: string; cursor: string }

export interface DyadEventPage { items: DyadEvent[]; limit: number; total: number; older: string | null; newer: string | null }

/** One period of the continuous axis: `events` 0 when empty; the rolling mean with its n. */
export interface SeriesPoint { period: string; start: string; events: number; quad: Quad; goldsteinMean: number | null; rolling: number | null; rollingEvents: number }

export interface DyadView {
  a: string;
  b: string;
  undirected: boolean;
  period: string;
  window: number;
  from: string | null;
  to: string | null;
  mentions: number;
  points: SeriesPoint[];
  outlets: { outlet: string; events: number }[];
}

/** One direction of a partnership: events by quad class and the mean Goldstein of those scored. */
export interface PartnerSide { events: number; quad: Quad; goldsteinMean: number | null }

export interface ActorPartner { partner: string; events: number; sent: PartnerSide; received: PartnerSide }

export interface ActorPartners { actor: string; from: string | null; to: string | null; events: number; items: ActorPartner[] }

export interface ActorPerson { speaker: string; speakerCode?: string; quotes: number }

export interface Facet { value: string; count: number }

export interface QuoteFacets { total: number; speakers: Facet[]; countries: Facet[]; outlets: Facet[]; kinds: Facet[] }

/** What narrows a quote query (the API's parameter names). */
export interface QuoteQuery { speaker?: string; speakerName?: string; actor?: string; country?: string; about?: string; outlet?: string; kind?: string; q?: string; from?: string; to?: string }

type Params = Record<string, string | number | undefined>;

const TOKEN_KEY = 'entente-token';

function headers(token: string | null): Record<string, string> {
  return token ? { accept: 'application/json', authorization: `Bearer ${token}` } : { accept: 'application/json' };
}

/** The pages load several routes at once: one question for all of them. */
let asking: Promise<boolean> | undefined;

/** Asks the user for the server's token; true when one was given. */
function askToken(): Promise<boolean> {
  asking ??= new Promise<boolean>((resolve) => {
    const token = window.prompt('This entente server is open beyond its own machine: enter its token (the one given to entente serve with --token or $ENTENTE_TOKEN).')?.trim();
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    resolve(Boolean(token));
  }).finally(() => (asking = undefined));
  return asking;
}

/** `api/path?query`, empty parameters left out so the server sees only what the user set. */
function apiUrl(path: string, params: Params): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  return `api/${path}${qs.size ? '?' + qs : ''}`;
}

/** GET a route, with the token once the user has given it. */
async function send(url: string): Promise<Response> {
  const sent = sessionStorage.getItem(TOKEN_KEY);
  let res = await fetch(url, { headers: headers(sent) });
  // a server open beyond this machine wants its token for reads too: asked once, kept for this
  // tab; a request that went out before it was given just goes again
  if (res.status === 401) {
    const now = sessionStorage.getItem(TOKEN_KEY);
    if ((now && now !== sent) || (await askToken())) res = await fetch(url, { headers: headers(sessionStorage.getItem(TOKEN_KEY)) });
  }
  return res;
}

/** GET a JSON route; empty parameters are left out so the server sees only what the user set. */
export async function get<T>(path: string, params: Params = {}): Promise<T> {
  const url = apiUrl(path, params);
  const res = await send(url);
  const body = (await res.json().catch(() => undefined)) as unknown;
  if (!res.ok) {
    const e = body as Partial<ApiErrorBody> | undefined;
    throw new ApiError(res.status, e?.code ?? 'http', e?.message ?? `${res.status} ${res.statusText} for ${url}`);
  }
  return body as T;
}

export const api = {
  articles: (p: { q?: string; source?: string; actor?: string; from?: string; to?: string; limit?: number; offset?: number }) =>
    get<Page<ArticleSummary>>('articles', p),
  article: (id: string) => get<ArticleFull>(`articles/${encodeURIComponent(id)}`),
  /** sentence `sentence` (0 is the first) of an article, parsed */
  parse: (id: string, sentence: number) => get<SentenceParse>(`articles/${encodeURIComponent(id)}/syntax`, { sentence }),
  quotes: (p: QuoteQuery & { limit?: number; offset?: number }) => get<Page<QuoteHit>>('quotes', { ...p }),
  quoteFacets: (p: QuoteQuery & { facetLimit?: number }) => get<QuoteFacets>('quotes/facets', { ...p }),
  actorPartners: (code: string, p: { from?: string; to?: string }) => get<ActorPartners>(`actors/${encodeURIComponent(code)}/partners`, p),
  actorPeople: (code: string, p: { from?: string; to?: string; limit?: number }) => get<{ items: ActorPerson[] }>(`actors/${encodeURIComponent(code)}/people`, p),
  actorQuotes: (code: string, p: { role: 'by' | 'about'; from?: string; to?: string; limit?: number; offset?: number }) => get<Page<QuoteHit>>(`actors/${encodeURIComponent(code)}/quotes`, p),
  /** a keyset page of the actor's events, newest first: `before` reads older, `after` newer */
  actorEvents: (code: string, p: { from?: string; to?: string; limit?: number; before?: string; after?: string }) => get<DyadEventPage>(`actors/${encodeURIComponent(code)}/events`, p),
  events: (p: { actor?: string; dyad?: string; undirected?: string; from?: string; to?: string; limit?: number; offset?: number }) =>
    get<Page<StoredEvent>>('events', p),
  relations: (p: { from?: string; to?: string; limit?: number }) => get<Page<Relation>>('relations', p),
  /** one dyad per period; `undirected` puts both directions together */
  dyad: (p: { a: string; b: string; period: string; undirected?: string; from?: string; to?: string }) => get<DyadSeries>('relations/dyad', p),
  alerts: (p: { dyad?: string; actor?: string; from?: string; to?: string; limit?: number; offset?: number }) => get<Page<AlertRec>>('alerts', p),
  feeds: () => get<Page<FeedRec>>('feeds'),
  /** a keyset page of the dyad's events, newest first: `before` reads older, `after` newer */
  dyadEvents: (p: DyadViewParams & { limit?: number; before?: string; after?: string }) => get<DyadEventPage>('dyad/events', { ...p }),
  dyadSeries: (p: DyadViewParams & { period?: string; window?: number }) => get<DyadView>('dyad/series', { ...p }),
  /** the view's events as a file (csv, gdelt, gdelt-mentions, plover), with the name the server gives it */
  dyadExport: (p: DyadViewParams & { format: string }) => download('dyad/export', { ...p }),
};

/** A route's answer as a file: its bytes and the name in its Content-Disposition. */
export async function download(path: string, params: Params): Promise<{ blob: Blob; name: string }> {
  const url = apiUrl(path, params);
  const res = await send(url);
  if (!res.ok) {
    const e = (await res.json().catch(() => undefined)) as Partial<ApiErrorBody> | undefined;
    throw new ApiError(res.status, e?.code ?? 'http', e?.message ?? `${res.status} ${res.statusText} for ${url}`);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'entente-export';
  return { blob: await res.blob(), name };
}
