/** Hash routes: `#/page/part/part?key=value`, so every view is a link that can be shared or reloaded. */
export interface Route {
  page: string;
  parts: string[];
  params: URLSearchParams;
}

/** @example parseRoute('#/dyad/RUS/EU?period=month') // { page: 'dyad', parts: ['RUS', 'EU'], params } */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const [page = '', ...parts] = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { page: page || 'relations', parts, params: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)) };
}

/** @example link('dyad', ['RUS', 'EU'], { period: 'week' }) // '#/dyad/RUS/EU?period=week' */
export function link(page: string, parts: string[] = [], params: Record<string, string | number | undefined> = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const path = [page, ...parts].map(encodeURIComponent).join('/');
  return `#/${path}${qs.size ? '?' + qs : ''}`;
}
