/**
 * The API under load: requests/s and p99 latency of the event and relation routes on a store
 * of the whole Reuters-21578 corpus, with autocannon on loopback. The server runs as
 * `entente serve` in its own process, so the load tool does not share its event loop.
 *
 * The store is built once with the whole pipeline (bench/ingest-child.js) into
 * bench/out/reuters-server.db and reused while its schema is current; `--rebuild` builds it again.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from '../src/store/sqlite-migrations.js';

/** Load per route: 10 connections, at most 3,000 requests and at most 20 seconds. */
const LOAD = { connections: 10, amount: 3000, seconds: 20 };

export interface RouteBench {
  route: string;
  requests: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  /** bytes of one answer */
  bytes: number;
}

export interface ServerBench {
  db: string;
  built: boolean;
  articles: number;
  events: number;
  load: typeof LOAD;
  routes: RouteBench[];
}

/**
 * Builds or opens the Reuters store, starts `entente serve` on it on loopback, and loads each
 * route in turn (one warm-up request first).
 *
 * @example const r = await benchServer(root, '../shared/corpus/reuters21578.jsonl', false);
 */
export async function benchServer(root: string, corpus: string, rebuild: boolean): Promise<ServerBench> {
  const db = join(root, 'bench', 'out', 'reuters-server.db');
  const built = rebuild || !current(db);
  if (built) {
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
    console.log(`server: building ${db} from ${corpus} (whole pipeline) …`);
    const run = spawnSync(process.execPath, [join(root, 'dist', 'bench', 'ingest-child.js'), corpus, db], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (run.status !== 0) throw new Error(`building the store failed (${run.status})`);
  }
  const child = spawn(process.execPath, [join(root, 'bin', 'entente.js'), 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    const base = /^listening on (\S+)$/.exec(line)?.[1];
    if (!base) throw new Error(`entente serve printed ${JSON.stringify(line)}`);
    const stats = (await (await fetch(`${base}/api/stats`)).json()) as { articles: number; events: number };
    const top = (await (await fetch(`${base}/api/relations?limit=1&undirected=true`)).json()) as { items: { source: string; target: string }[] };
    const [a, b] = top.items.length ? [top.items[0].source, top.items[0].target] : ['USA', 'JPN'];
    const routes = [
      '/api/events?limit=50',
      `/api/events?dyad=${a},${b}&undirected=true&limit=50`,
      '/api/events?quad=4&from=1987-03-01&to=1987-03-31&limit=50',
      '/api/relations?limit=20',
      `/api/relations/dyad?a=${a}&b=${b}&period=week&undirected=true`,
      `/api/relations/partners?actor=${a}&limit=20`,
    ];
    const out: RouteBench[] = [];
    for (const route of routes) out.push(await load(base + route, route));
    return { db, built, articles: stats.articles, events: stats.events, load: LOAD, routes: out };
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

/** The store exists, holds articles, and is at this entente's schema version. */
function current(path: string): boolean {
  if (!existsSync(path)) return false;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    return version === SQLITE_MIGRATIONS.length && (db.prepare('SELECT count(*) FROM articles').pluck().get() as number) > 0;
  } finally {
    db.close();
  }
}

async function load(url: string, route: string): Promise<RouteBench> {
  const warm = await fetch(url);
  const bytes = (await warm.arrayBuffer()).byteLength;
  if (!warm.ok) throw new Error(`${route} answered ${warm.status}`);
  const run = autocannon({ url, connections: LOAD.connections, amount: LOAD.amount, timeout: LOAD.seconds });
  // autocannon stops at `amount` and ignores `duration`: the time bound is ours
  const timer = setTimeout(() => run.stop(), LOAD.seconds * 1000);
  const r = await run;
  clearTimeout(timer);
  return {
    route, requests: r.requests.total, requestsPerSec: r.requests.total / r.duration, p50Ms: r.latency.p50, p99Ms: r.latency.p99,
    non2xx: r.non2xx, errors: r.errors + r.timeouts, bytes,
  };
}
