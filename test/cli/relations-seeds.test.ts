import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedPath } from '../_shared.js';
import { entente } from './_run.js';

test('cli relations on the seeds: RUS–EU below 0 on both dates, RUS–CHN above 0 (expected.json relations.must)', (t) => {
  const seeds = sharedPath(t, 'seeds');
  if (!seeds) return;
  const dir = mkdtempSync(join(tmpdir(), 'entente-seeds-'));
  const db = join(dir, 'seeds.db');
  try {
    const articles = readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => join(seeds, f));
    assert.equal(articles.length, 2);
    const ingest = entente(['ingest', ...articles, '--db', db, '--threads', '0']);
    assert.equal(ingest.status, 0, ingest.stderr);
    const series = entente(['relations', '--dyad', 'RUS,EU', '--undirected', '--period', 'day', '--format', 'json', '--db', db]);
    assert.equal(series.status, 0, series.stderr);
    const days = series.stdout.trim().split('\n').map((l) => JSON.parse(l) as { period: string; goldsteinMean: number; events: number });
    assert.deepEqual(days.map((d) => d.period), ['2021-03-23', '2022-12-27']);
    for (const d of days) assert.ok(d.goldsteinMean < 0, `RUS–EU on ${d.period}: mean Goldstein ${d.goldsteinMean} over ${d.events} events`);
    const top = entente(['relations', '--undirected', '--format', 'json', '--db', db]);
    const chn = top.stdout.trim().split('\n').map((l) => JSON.parse(l)).find((r) => r.source === 'CHN' && r.target === 'RUS');
    assert.ok(chn, top.stdout);
    assert.ok(chn.goldsteinMean > 0, `RUS–CHN mean Goldstein ${chn.goldsteinMean}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
