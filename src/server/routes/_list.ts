import type { ServerOptions } from '../options.js';

/** The body of every list route. @example { items: [], limit: 50, offset: 0, total: 0 } */
export interface ListBody<T> {
  items: T[];
  limit: number;
  offset: number;
  total: number;
}

/** The page a list request asks for, with the defaults filled in. */
export function pageOf(p: { limit?: number; offset?: number }, o: Pick<ServerOptions, 'defaultLimit'>): { limit: number; offset: number } {
  return { limit: p.limit ?? o.defaultLimit, offset: p.offset ?? 0 };
}

/** One page cut from a list computed whole (relations are derived in memory, not paged by the store). */
export function slicePage<T>(all: T[], pg: { limit: number; offset: number }): ListBody<T> {
  return { items: all.slice(pg.offset, pg.offset + pg.limit), ...pg, total: all.length };
}
