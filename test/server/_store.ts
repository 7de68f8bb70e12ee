import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestContext } from 'node:test';
import { analyze } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { SHARED } from '../_shared.js';

export const EXAMPLES = resolve('examples');

/**
 * A store of the examples (our own articles) and, when ../shared is there, the seeds, through the
 * whole pipeline (events included); its SQLite file lives in a temporary folder that `cleanup`
 * removes.
 */
export async function testStore(t: TestContext): Promise<{ store: Store; path: string; seeds: boolean; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-server-'));
  const path = join(dir, 'test.db');
  const store = openSqliteStore(path);
  const files = readdirSync(EXAMPLES).filter((f) => /\.(txt|md)$/.test(f)).map((f) => join(EXAMPLES, f));
  const seedDir = join(SHARED, 'seeds');
  const seeds = existsSync(seedDir);
  if (seeds) files.push(...readdirSync(seedDir).filter((f) => f.endsWith('.txt')).map((f) => join(seedDir, f)));
  else t.diagnostic(`../shared absent: ${seedDir} not found; the server is tested on the examples alone`);
  for (const file of files) {
    const a = analyze({ text: readFileSync(file, 'utf8'), origin: file, format: file.endsWith('.md') ? 'markdown' : 'text' });
    if ('skipped' in a) throw new Error(`${file} was skipped: ${a.detail}`);
    await store.putArticle(a);
  }
  return { store, path, seeds, cleanup: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}
