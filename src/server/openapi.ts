import type { ServerOptions } from './options.js';
import type { ParamSpec, Schema } from './params.js';
import { articleListParams, articleParams, LAYERS, layerParams } from './routes/articles.js';
import { syntaxParams } from './routes/syntax.js';
import { eventListParams } from './routes/events.js';
import { quoteListParams } from './routes/quotes.js';
import { alertListParams } from './routes/alerts.js';
import { correctionDeleteParams, correctionListParams } from './routes/corrections.js';
import { dyadSeriesParams, partnerParams, topDyadParams } from './routes/relations.js';
import { dyadEventParams, dyadExportParams, dyadSeriesViewParams } from './routes/dyad.js';
import { ACTOR_SCHEMAS, actorPaths, actorRouteParams } from './openapi-actor.js';

/**
 * The OpenAPI 3.1 description of the API, as data. Query parameters come from the same specs the
 * routes parse with (`routeParams`), so the document cannot list a parameter the route refuses;
 * `test/server/openapi.test.ts` calls every route it lists and checks each answer against it.
 */

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const int: Schema = { type: 'integer' };
const num: Schema = { type: 'number' };
const str: Schema = { type: 'string' };
const bool: Schema = { type: 'boolean' };
/** Goldstein and quad class: null for a code outside CAMEO from a user's PETRARCH-2 dictionary (`--dictionaries`) */
const goldstein: Schema = { type: ['number', 'null'] };
const quad: Schema = { type: ['integer', 'null'], enum: [1, 2, 3, 4, null] };
const strs: Schema = { type: 'array', items: str };
const obj = (properties: Record<string, Schema>, required: string[] = Object.keys(properties)): Schema => ({ type: 'object', properties, required });
const list = (item: string): Schema => obj({ items: { type: 'array', items: ref(item) }, limit: int, offset: int, total: int });
const json = (schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('Error'), description);

/** What every relation row reports (src/relations/tally.ts): de-duplicated events, quad counts [verbal coop, material coop, verbal conflict, material conflict], Goldstein, outlets. */
const RELATION_STATS: Record<string, Schema> = {
  events: int, quad: { type: 'array', items: int, minItems: 4, maxItems: 4 }, goldsteinSum: num, goldsteinMean: num, sources: int,
};

/** A stored event as the event routes list it. */
const STORED_EVENT: Record<string, Schema> = {
  articleId: str, index: int, group: str, source: str, sourceCountry: str, target: str, targetCountry: str, code: str, root: str,
  plover: str, goldstein, quad, date: str, negated: bool, modality: str, rule: str,
  confidence: num, outlet: str, url: str, articleDate: str, sentence: str, event: ref('CodedEvent'),
  correction: { ...ref('Correction'), description: "an analyst's verdict on it, when one was given" },
};
const STORED_EVENT_REQUIRED = ['articleId', 'index', 'group', 'source', 'sourceCountry', 'code', 'root', 'goldstein', 'quad', 'negated', 'modality', 'rule', 'confidence', 'sentence', 'event'];

const SCHEMAS: Record<string, Schema> = {
  Error: obj({ status: int, code: { type: 'string', enum: ['bad_parameter', 'bad_request', 'not_found', 'unauthorized', 'payload_too_large', 'internal'] }, message: str }),
  Span: obj({ start: int, end: int }),
  ArticleHit: obj({ id: str, title: str, date: str, source: str, url: str, snippet: str, snippetMatches: { type: 'array', items: ref('Span') } }, ['id']),
  Actor: obj({ id: str, code: str, name: str, country: str, roles: strs }),
  Mention: obj({ start: int, end: int, kind: str, rule: str, actor: ref('Actor'), antecedent: int }, ['start', 'end', 'kind', 'rule', 'actor']),
  Quote: obj(
    {
      start: int, end: int, kind: { type: 'string', enum: ['direct', 'partial', 'mixed', 'indirect'] }, spans: { type: 'array', items: ref('Span') },
      speaker: str, speakerSpan: ref('Span'), speakerActor: { type: 'object' }, cue: str, cueSpan: ref('Span'), medium: str,
      confidence: num, rule: str, date: str, alsoAt: { type: 'array', items: ref('Span') },
    },
    ['start', 'end', 'kind', 'spans', 'confidence', 'rule'],
  ),
  EventParty: obj({ code: str, country: str, actor: str, name: str, span: ref('Span'), via: str }),
  CodedEvent: obj(
    {
      start: int, end: int, source: ref('EventParty'), target: ref('EventParty'), sources: strs, targets: strs, code: str, root: str,
      plover: { type: 'object' }, goldstein, quad, negated: bool, modality: str,
      date: str, dateBy: str, dateSpan: ref('Span'), sentence: int, sentenceSpan: ref('Span'), quote: int, confidence: num, rule: str,
    },
    ['start', 'end', 'source', 'sources', 'targets', 'code', 'root', 'goldstein', 'quad', 'negated', 'modality', 'sentence', 'sentenceSpan', 'confidence', 'rule'],
  ),
  SyntaxWord: obj({
    start: int, end: int, text: str, upos: { ...str, description: 'Universal Dependencies part of speech, e.g. PROPN' }, lemma: str,
    head: { type: 'integer', minimum: -1, description: "the head word's index in the sentence's words (0 is the first), -1 for the root" },
    deprel: { ...str, description: 'Universal Dependencies relation to the head, e.g. nsubj, obj, obl, acl:relcl; root for the root' },
  }),
  SentenceParse: obj({
    sentence: { type: 'integer', minimum: 0, description: "the sentence's index in the article's sentences" }, start: int, end: int,
    stored: { ...bool, description: 'true when the syntax stage stored this parse at ingest; false when it was parsed for this answer' },
    words: { type: 'array', items: ref('SyntaxWord') },
  }),
  Article: obj(
    {
      id: str, title: str, date: str, source: str, url: str, origin: str, text: str,
      paragraphs: { type: 'array', items: ref('Span') }, sentences: { type: 'array', items: ref('Span') },
      mentions: { type: 'array', items: ref('Mention') }, quotes: { type: 'array', items: ref('Quote') }, events: { type: 'array', items: ref('CodedEvent') },
      captions: { type: 'array', items: obj({ text: str, credit: str, inputStart: int, inputEnd: int, copies: int }, ['text', 'inputStart', 'inputEnd', 'copies']) },
      removed: { type: 'array', items: obj({ rule: str, reason: str, text: str, inputStart: int, inputEnd: int }) },
      syntax: { type: 'array', items: ref('SentenceParse'), description: 'with ?layers=syntax: the parses the syntax stage stored (the sentences later stages could use); any sentence by /api/articles/{id}/syntax?sentence=N' },
      more: { type: 'object', description: 'the whole length of each layer cut to its first items; the rest at /api/articles/{id}/{layer}', additionalProperties: int },
    },
    ['id', 'origin', 'text', 'paragraphs', 'sentences', 'mentions', 'quotes', 'events', 'captions', 'removed'],
  ),
  StoredQuote: obj(
    {
      articleId: str, index: int, start: int, end: int, kind: str, text: str, speaker: str, speakerCode: str, cue: str, medium: str,
      confidence: num, rule: str, date: str, correction: ref('Correction'), article: obj({ title: str, source: str, date: str }, []),
    },
    ['articleId', 'index', 'start', 'end', 'kind', 'text', 'confidence', 'rule', 'article'],
  ),
  StoredEvent: obj(STORED_EVENT, STORED_EVENT_REQUIRED),
  DyadEvent: obj(
    { ...STORED_EVENT, cursor: { ...str, description: 'DAY:ID, its place in the newest-first order (what before and after take)' } },
    [...STORED_EVENT_REQUIRED, 'date', 'cursor'],
  ),
  DyadEventPage: obj({
    items: { type: 'array', items: ref('DyadEvent') }, limit: int, total: { ...int, description: 'events in the view, all pages together' },
    older: { type: ['string', 'null'], description: 'the cursor for the next older page (before=…), null at the oldest' },
    newer: { type: ['string', 'null'], description: 'the cursor for the next newer page (after=…), null at the newest' },
  }),
  SeriesPoint: obj({
    period: str, start: { ...str, description: "the period's first day" }, events: int, quad: { type: 'array', items: int, minItems: 4, maxItems: 4 },
    goldsteinMean: { type: ['number', 'null'], description: "the period's own mean, null without events" },
    rolling: { type: ['number', 'null'], description: 'mean Goldstein over the rolling window (this period and window − 1 before, those before `from` included), each event weighing one; null without events' },
    rollingEvents: { ...int, description: 'the n of the rolling mean' },
  }),
  DyadView: obj({
    a: str, b: str, undirected: bool, period: { type: 'string', enum: ['day', 'week', 'month'] }, window: int,
    from: { type: ['string', 'null'], description: 'the first day of the axis: the one asked for, else the first event' },
    to: { type: ['string', 'null'], description: 'the last day of the axis: the one asked for, else the last event' },
    mentions: { ...int, description: 'stored events in the view (each mention once), before de-duplication' },
    points: { type: 'array', items: ref('SeriesPoint'), description: 'every period from `from` to `to`, those without events included (events 0)' },
    outlets: { type: 'array', items: obj({ outlet: str, events: int }), description: 'the outlets of the view but for its outlet filter, most events first' },
  }),
  DyadRow: obj({ source: str, target: str, ...RELATION_STATS, first: str, last: str, trend: num }),
  SeriesRow: obj({ source: str, target: str, period: str, ...RELATION_STATS }),
  PartnerRow: obj({ actor: str, partner: str, ...RELATION_STATS, first: str, last: str, trend: num, sent: int, received: int }),
  DyadSeries: obj({ a: str, b: str, period: { type: 'string', enum: ['day', 'week', 'month'] }, undirected: bool, series: { type: 'array', items: ref('SeriesRow') } }),
  Stats: obj({ articles: int, sentences: int, quotes: int, events: int, skipped: int, skippedByReason: { type: 'object', additionalProperties: int } }),
  IngestArticle: obj({ text: str, html: str, title: str, date: str, source: str, url: str }, []),
  IngestResults: obj({
    results: {
      type: 'array',
      items: obj({ index: int, status: { type: 'string', enum: ['stored', 'unchanged', 'skipped'] }, id: str, reason: str, detail: str }, ['index', 'status']),
    },
  }),
  ArticleList: list('ArticleHit'),
  QuoteList: list('StoredQuote'),
  EventList: list('StoredEvent'),
  DyadList: list('DyadRow'),
  LayerPage: obj({ items: { type: 'array', items: {} }, limit: int, offset: int, total: int }),
  PartnerList: list('PartnerRow'),
  AlertEvidence: obj({ articleId: str, index: int, date: str, code: str, goldstein: num, sentence: str, url: str }, ['articleId', 'index', 'date', 'code', 'goldstein', 'sentence']),
  Alert: obj({
    id: str, dyad: { type: 'array', items: str, minItems: 2, maxItems: 2, description: 'the two sides in sorted order (the detector reads both directions together)' },
    when: { ...str, description: 'the first day of the new level' }, detectedOn: { ...str, description: 'the day the detector was sure' },
    direction: { type: 'string', enum: ['warming', 'cooling'] }, before: num, after: num, events: int,
    evidence: { type: 'array', items: ref('AlertEvidence') }, method: str, createdAt: str,
  }),
  AlertList: list('Alert'),
  Feed: obj(
    {
      url: str, title: str, addedAt: str, etag: str, lastModified: str, lastPollAt: str, lastSuccessAt: str,
      lastError: obj({ reason: str, detail: str, at: str }), polls: int, failures: int, articles: int, articlesPerDay: num, failing: bool,
    },
    ['url', 'addedAt', 'polls', 'failures', 'articles', 'articlesPerDay', 'failing'],
  ),
  FeedList: list('Feed'),
  Correction: obj(
    {
      key: { ...str, description: 'kind:article:start-end, and for an event :SOURCE>TARGET:CODE: what a re-ingest of the article gives again' },
      kind: { type: 'string', enum: ['event', 'quote'] }, articleId: str, start: int, end: int,
      source: str, target: { ...str, description: "the target's actor code, '' when the event has none" }, code: str,
      verdict: { type: 'string', enum: ['wrong', 'right'] }, reason: str, by: str, at: str,
    },
    ['key', 'kind', 'articleId', 'start', 'end', 'verdict', 'reason', 'at'],
  ),
  CorrectionList: list('Correction'),
  CorrectionRequest: obj(
    {
      event: { ...obj({ articleId: str, index: int }), description: 'the event at this index of the article (as /api/events and /api/dyad/events give them)' },
      quote: { ...obj({ articleId: str, index: int }), description: 'the quote at this index of the article' },
      kind: { type: 'string', enum: ['event', 'quote'], description: 'or the item named as a correction names it (kind, articleId, start, end, and for an event source, target, code)' },
      articleId: str, start: int, end: int, source: str, target: str, code: str,
      verdict: { type: 'string', enum: ['wrong', 'right'] }, reason: { ...str, description: 'why: required to mark an item wrong' }, by: { ...str, description: 'who says so' },
    },
    ['verdict'],
  ),
  ...ACTOR_SCHEMAS,
};

/** Every route's query parameters, keyed `METHOD /path` as in the document. */
export function routeParams(o: ServerOptions): Record<string, ParamSpec> {
  return {
    'get /api/articles': articleListParams(o),
    'get /api/articles/{id}': articleParams(),
    'get /api/articles/{id}/syntax': syntaxParams(),
    'get /api/articles/{id}/{layer}': layerParams(o),
    'get /api/quotes': quoteListParams(o),
    ...actorRouteParams(o),
    'get /api/events': eventListParams(o),
    'get /api/relations': topDyadParams(o),
    'get /api/relations/dyad': dyadSeriesParams(),
    'get /api/relations/partners': partnerParams(o),
    'get /api/dyad/events': dyadEventParams(o),
    'get /api/dyad/series': dyadSeriesViewParams(),
    'get /api/dyad/export': dyadExportParams(),
    'post /api/ingest': {},
    'get /api/corrections': correctionListParams(o),
    'post /api/corrections': {},
    'delete /api/corrections': correctionDeleteParams(),
    'get /api/stats': {},
    'get /api/alerts': alertListParams(o),
    'get /api/feeds': {},
    'get /api/live': {},
    'get /openapi.json': {},
  };
}

function query(spec: ParamSpec) {
  return Object.entries(spec).map(([name, p]) => ({
    name, in: 'query', description: p.description, required: p.required ?? false, schema: p.schema, ...(p.example !== undefined ? { example: p.example } : {}),
  }));
}

const ID = { name: 'id', in: 'path', required: true, description: 'the article id, or a prefix of 6 or more characters that only one id starts with', schema: str };
const BAD = error('a parameter is unknown, repeated, missing or malformed: the message names it');
/** The relation routes' answer when too many uncached ones are being computed (src/server/gate.ts). */
const BUSY = { 503: error('too many relation answers are being computed: try again after Retry-After seconds') };

/** The document `/openapi.json` serves. @example openApiDocument(serverOptions()).openapi // '3.1.0' */
export function openApiDocument(o: ServerOptions): Record<string, unknown> {
  const p = routeParams(o);
  const get = (key: string, summary: string, ok: Schema, extra: Record<string, unknown> = {}) => ({
    get: { summary, parameters: query(p[key]), responses: { 200: json(ok, 'OK'), 400: BAD, ...extra } },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'entente',
      version: '0.1.0',
      description:
        'Who said what, who did what to whom, and when, read from news articles. Spans are offsets [start, end) in UTF-16 code units into an article\'s `text`. ' +
        'Every error is `{status, code, message}`. List routes answer `{items, limit, offset, total}`.',
    },
    paths: {
      '/api/articles': get('get /api/articles', 'Search and list articles (full-text over title and body)', ref('ArticleList')),
      '/api/articles/{id}': {
        get: {
          summary: 'One article with its text, span layers, mentions, quotes, events, captions and removed blocks; with ?layers=syntax, the stored dependency parses too',
          parameters: [ID, ...query(p['get /api/articles/{id}'])],
          responses: { 200: json(ref('Article'), 'OK'), 400: BAD, 404: error('no article has this id') },
        },
      },
      '/api/articles/{id}/syntax': {
        get: {
          summary: "One sentence's dependency parse: words with UPOS tags, lemmas, heads and relations; the stored parse, or one made on request from the stored tokens",
          parameters: [ID, ...query(p['get /api/articles/{id}/syntax'])],
          responses: {
            200: json(ref('SentenceParse'), 'OK'),
            400: error('sentence is missing, malformed, not below the number of sentences, or the sentence has more tokens than a layer carries: the message says which'),
            404: error('no article has this id'),
          },
        },
      },
      '/api/articles/{id}/{layer}': {
        get: {
          summary: "A page of one of an article's layers, as the article's answer gives them (it carries the first items of each)",
          parameters: [
            ID,
            { name: 'layer', in: 'path', required: true, description: `the layer: ${LAYERS.join(', ')}`, schema: { type: 'string', enum: [...LAYERS] } },
            ...query(p['get /api/articles/{id}/{layer}']),
          ],
          responses: { 200: json(ref('LayerPage'), 'OK'), 400: BAD, 404: error('no article has this id, or no layer this name') },
        },
      },
      '/api/quotes': get('get /api/quotes', 'Quotes with their speakers, newest first', ref('QuoteList')),
      ...actorPaths(p, query, json, BAD),
      '/api/events': get('get /api/events', 'Coded events in date order', ref('EventList')),
      '/api/relations': get('get /api/relations', 'The most active dyads (most de-duplicated events first)', ref('DyadList'), BUSY),
      '/api/relations/dyad': get('get /api/relations/dyad', "One dyad's relation per period", ref('DyadSeries'), BUSY),
      '/api/relations/partners': get('get /api/relations/partners', "An actor's partners, both directions together", ref('PartnerList'), BUSY),
      '/api/dyad/events': get('get /api/dyad/events', "One dyad's dated events, newest first, in keyset pages: follow older with before=, newer with after= (undated and negated events are not in the view)", ref('DyadEventPage')),
      '/api/dyad/series': get('get /api/dyad/series', "One dyad's events per period on a continuous axis (empty periods with n = 0), by quad class, with the mean Goldstein and its rolling mean, each with its n", ref('DyadView'), BUSY),
      '/api/dyad/export': {
        get: {
          summary: "The dyad view's events (the same parameters as /api/dyad/events, every page) as a download: formula-safe CSV, a GDELT 2.0 table or PLOVER JSON lines",
          parameters: query(p['get /api/dyad/export']),
          responses: {
            200: {
              description: 'the file, as `entente export` writes it for the same events (oldest first)',
              content: {
                'text/csv': { schema: str }, 'text/tab-separated-values': { schema: str }, 'application/x-ndjson': { schema: str },
              },
            },
            400: BAD,
          },
        },
      },
      '/api/ingest': {
        post: {
          summary: 'Read, analyse and store one article or an array of them; each bad article is skipped with its reason',
          security: o.token === undefined ? [] : [{ bearer: [] }],
          parameters: [],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { oneOf: [ref('IngestArticle'), { type: 'array', items: ref('IngestArticle'), maxItems: o.ingestMaxItems }] },
                example: { text: 'Norway thanked Kenya on Monday for its help with the rescue, the foreign ministry in Oslo said.', date: '2021-03-23', source: 'Example News' },
              },
            },
          },
          responses: {
            200: json(ref('IngestResults'), 'one result per article, at its index'),
            400: error('the body is not JSON'),
            401: error('the server has a token and the request did not send it as "Authorization: Bearer <token>"'),
            403: error('sent by a web page of another origin (Origin, Sec-Fetch-Site), or addressed to a name that is not loopback'),
            413: error(`more than ${o.ingestMaxBytes} bytes or ${o.ingestMaxItems} articles`),
            415: error('the body is not sent as Content-Type: application/json'),
          },
        },
      },
      '/api/corrections': {
        ...get('get /api/corrections', "Analysts' corrections, newest first: events and quotes marked wrong or confirmed right", ref('CorrectionList')),
        post: {
          summary: 'Mark an event or a quote wrong (with a reason) or confirm it right; a later verdict on the same item replaces the earlier. An event marked wrong leaves relations and exports but stays in the evidence, marked',
          security: o.token === undefined ? [] : [{ bearer: [] }],
          parameters: [],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: ref('CorrectionRequest'),
                example: { kind: 'quote', articleId: '0123456789abcdef', start: 0, end: 1, verdict: 'right', reason: 'checked against the wire copy' },
              },
            },
          },
          responses: {
            200: json(obj({ correction: ref('Correction') }), 'the correction as stored'),
            400: error('the body is not a JSON object, or names no item, or a field is wrong (a wrong verdict without a reason): the message says which'),
            401: error('the server has a token and the request did not send it as "Authorization: Bearer <token>"'),
            403: error('sent by a web page of another origin (Origin, Sec-Fetch-Site)'),
            404: error('no article has the id, or it has no event or quote at the index'),
            415: error('the body is not sent as Content-Type: application/json'),
          },
        },
        delete: {
          summary: 'Undo a correction by its key; the item counts again as it did before',
          security: o.token === undefined ? [] : [{ bearer: [] }],
          parameters: query(p['delete /api/corrections']),
          responses: {
            200: json(obj({ key: str, removed: { ...bool, description: 'false when there was none (already undone)' } }), 'done'),
            400: BAD,
            401: error('the server has a token and the request did not send it'),
          },
        },
      },
      '/api/stats': get('get /api/stats', 'What the store holds', ref('Stats')),
      '/api/alerts': get('get /api/alerts', "Relations that turned: the change detector's alerts (a CUSUM on each dyad's daily mean Goldstein), newest turn first", ref('AlertList')),
      '/api/feeds': get('get /api/feeds', 'The feeds `entente watch` follows, with their health: last success, last error, articles a day', ref('FeedList')),
      '/api/live': {
        get: {
          summary: 'Server-sent events: `totals` (the store\'s counts and alerts) first and whenever they change, `alert` for each new alert',
          parameters: [],
          responses: { 200: { description: 'an event stream that stays open', content: { 'text/event-stream': { schema: str } } }, 400: BAD },
        },
      },
      '/openapi.json': get('get /openapi.json', 'This document', { type: 'object', required: ['openapi', 'paths'] }),
    },
    components: {
      schemas: SCHEMAS,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the token given to `entente serve` with --token or $ENTENTE_TOKEN' } },
    },
  };
}
