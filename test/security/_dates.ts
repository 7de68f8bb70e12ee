/** The routes that read dates, each of which must answer 200 whatever dates the store holds. */
export const ROUTES = [
  '/api/relations', '/api/relations?from=2021-01-01&to=2021-12-31', '/api/relations/dyad?a=RUS&b=EU&period=week',
  '/api/relations/dyad?a=RUS&b=EU&period=day', '/api/relations/dyad?a=EU&b=RUS&period=month&undirected=true', '/api/relations/partners?actor=RUS',
  '/api/events', '/api/events?from=2021-01-01', '/api/articles', '/api/articles?from=2021-01-01', '/api/quotes', '/api/stats',
];
