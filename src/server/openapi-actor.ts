import type { ServerOptions } from './options.js';
import type { ParamSpec, Schema } from './params.js';
import { actorEventParams, actorPeopleParams, actorQuoteParams, actorRangeParams } from './routes/actors.js';
import { quoteFacetParams } from './routes/quotes.js';

/*
 * The actor page's and the quote facets' part of the OpenAPI document (openapi.ts merges it):
 * their parameters, from the specs the routes parse with, their paths and their answers.
 */

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const int: Schema = { type: 'integer' };
const str: Schema = { type: 'string' };
const obj = (properties: Record<string, Schema>, required: string[] = Object.keys(properties)): Schema => ({ type: 'object', properties, required });
const quad: Schema = { type: 'array', items: int, minItems: 4, maxItems: 4, description: 'verbal cooperation, material cooperation, verbal conflict, material conflict' };
const side: Schema = obj({ events: int, quad, goldsteinMean: { type: ['number', 'null'], description: 'the mean over the events with a score, null without one' } });
const facet: Schema = { type: 'array', items: obj({ value: str, count: int }), description: 'values most quotes first; each, given as its filter, narrows the list to count quotes' };

export const ACTOR_SCHEMAS: Record<string, Schema> = {
  ActorPartner: obj({ partner: str, events: int, sent: side, received: side }),
  ActorPartners: obj({
    actor: str, from: { type: ['string', 'null'] }, to: { type: ['string', 'null'] },
    events: { ...int, description: "the actor's dated, not negated events in the range (each mention once)" },
    items: { type: 'array', items: ref('ActorPartner'), description: 'every partner, most events first' },
  }),
  ActorPeople: obj({ actor: str, limit: int, items: { type: 'array', items: obj({ speaker: str, speakerCode: str, quotes: int }, ['speaker', 'quotes']) } }),
  ActorQuoteList: obj({ items: { type: 'array', items: ref('StoredQuote') }, limit: int, offset: int, total: int, role: { type: 'string', enum: ['by', 'about'] } }),
  QuoteFacets: obj({ total: { ...int, description: 'quotes the query selects' }, speakers: facet, countries: facet, outlets: facet, kinds: facet }),
};

/** The routes' query parameters, keyed `METHOD /path` as in the document. */
export function actorRouteParams(o: ServerOptions): Record<string, ParamSpec> {
  return {
    'get /api/quotes/facets': quoteFacetParams(),
    'get /api/actors/{code}/partners': actorRangeParams(),
    'get /api/actors/{code}/people': actorPeopleParams(o),
    'get /api/actors/{code}/quotes': actorQuoteParams(o),
    'get /api/actors/{code}/events': actorEventParams(o),
  };
}

const CODE = { name: 'code', in: 'path', required: true, description: 'the actor: a country or organisation code as events store it (RUS, NATO)', schema: { type: 'string', pattern: '^[A-Za-z0-9]{2,20}$' } };

/** The paths, given how the document writes a query's parameters and a JSON answer. */
export function actorPaths(
  p: Record<string, ParamSpec>,
  query: (spec: ParamSpec) => unknown[],
  json: (schema: Schema, description: string) => unknown,
  bad: unknown,
): Record<string, unknown> {
  const op = (key: string, summary: string, ok: Schema, path = true) => ({
    get: { summary, parameters: [...(path ? [CODE] : []), ...query(p[key])], responses: { 200: json(ok, 'OK'), 400: bad } },
  });
  return {
    '/api/quotes/facets': op('get /api/quotes/facets', "A quote query's facets: speakers, speakers' countries, outlets and kinds, each value with its count", ref('QuoteFacets'), false),
    '/api/actors/{code}/partners': op('get /api/actors/{code}/partners', "An actor's partners over a range: for each, its events sent and received by quad class with the mean Goldstein", ref('ActorPartners')),
    '/api/actors/{code}/people': op('get /api/actors/{code}/people', 'Who spoke for an actor: the speakers of its quotes, most quotes first', ref('ActorPeople')),
    '/api/actors/{code}/quotes': op('get /api/actors/{code}/quotes', 'Quotes by an actor (its people) or about it, newest first', ref('ActorQuoteList')),
    '/api/actors/{code}/events': op('get /api/actors/{code}/events', "An actor's dated events (either side), newest first, in keyset pages: follow older with before=, newer with after=", ref('DyadEventPage')),
  };
}
