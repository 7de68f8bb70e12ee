import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster of the test's own, on loopback, that the test may stop and start
 * (the shared test server must not be stopped under other tests). Needs initdb and pg_ctl; as
 * root, runs them as the `postgres` user, since PostgreSQL refuses to run as root.
 */
export interface Cluster {
  url: string;
  stop(): void;
  start(): void;
  dispose(): void;
}

/** Where initdb and pg_ctl are: $ENTENTE_TEST_PG_BIN, the PATH, or Debian's versioned folder. */
function binDir(): string | undefined {
  const candidates = [process.env.ENTENTE_TEST_PG_BIN, ...(process.env.PATH ?? '').split(':')];
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const v of readdirSync(debian).sort((a, b) => Number(b) - Number(a))) candidates.push(join(debian, v, 'bin'));
  }
  return candidates.find((d) => d && existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
}

function uidOf(user: string): number | undefined {
  const r = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.trim()) : undefined;
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection({ host: '127.0.0.1', port });
    s.once('connect', () => (s.destroy(), resolve(false)));
    s.once('error', () => resolve(true));
  });
}

/** Starts a new cluster, or returns why it cannot (the caller skips with that message). */
export async function startCluster(): Promise<Cluster | string> {
  const bin = binDir();
  if (!bin) return 'initdb and pg_ctl are not installed (nor in $ENTENTE_TEST_PG_BIN): this test needs a PostgreSQL cluster it can stop and start';
  const root = process.getuid?.() === 0;
  const uid = root ? uidOf('postgres') : undefined;
  if (root && uid === undefined) return 'running as root and there is no postgres user to run a PostgreSQL cluster as';
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  };
  let port = 54400 + (process.pid % 400);
  while (!(await portFree(port))) port++;
  const dir = mkdtempSync(join(tmpdir(), 'entente-test-pg-'));
  if (uid !== undefined) chownSync(dir, uid, -1);
  const data = join(dir, 'data');
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  try {
    run('initdb', ['-D', data, '-U', 'entente', '-A', 'trust', '-E', 'UTF8', '--no-locale']);
    run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', opts, 'start']);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return `a throwaway PostgreSQL cluster could not be started: ${(e as { stderr?: string }).stderr || (e as Error).message}`;
  }
  let running = true;
  return {
    url: `postgres://entente@127.0.0.1:${port}/postgres`,
    stop() {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      running = false;
    },
    start() {
      run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', opts, 'start']);
      running = true;
    },
    dispose() {
      try {
        if (running) run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
