import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { draftBatch, STAGES, type Draft, type Stage } from '../src/pipeline/index.js';
import { fromJsonLine } from '../src/ingest/items.js';
import type { Skipped } from '../src/model/errors.js';

/**
 * CPU time of one pipeline stage over every Reuters-21578 article, and a digest of its output, so a
 * speed change can be shown to leave the output alone. With `--base DIR` (a built copy of another
 * commit: DIR/dist/src/pipeline/index.js) the two builds' stage take turns on the same drafts, round
 * after round, because the machine is shared and one timing alone says little.
 *
 * Usage: node dist/bench/stage-speed.js events [--base /tmp/main-copy] [--rounds 7]
 */

const CORPUS = '../shared/corpus/reuters21578.jsonl';

interface Variant { name: string; stage: Stage }

function cpuMs(f: () => void): number {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** sha1 over what the stage assigns, article by article (the drafts are left as they were). */
function digest(stage: Stage, drafts: readonly Draft[]): string {
  const h = createHash('sha1');
  for (const d of drafts) {
    const out = stage.run(d);
    h.update(JSON.stringify(stage.assigns.map((k) => (out as Record<string, unknown>)[k])));
  }
  return h.digest('hex');
}

async function main(): Promise<void> {
  if (!existsSync(CORPUS)) {
    console.log(`stage-speed: skipped, ${CORPUS} is not there (the Reuters-21578 corpus of ../shared, read from the repository root)`);
    return;
  }
  const args = process.argv.slice(2);
  const name = args[0] ?? 'events';
  const opt = (flag: string): string | undefined => { const i = args.indexOf(flag); return i >= 0 ? args[i + 1] : undefined; };
  const rounds = Number(opt('--rounds') ?? 7);
  const at = STAGES.findIndex((s) => s.name === name);
  if (at < 0) throw new Error(`no stage "${name}": ${STAGES.map((s) => s.name).join(', ')}`);
  const variants: Variant[] = [{ name: 'this', stage: STAGES[at] }];
  const base = opt('--base');
  if (base) {
    const mod = await import(pathToFileURL(resolve(base, 'dist/src/pipeline/index.js')).href) as { STAGES: readonly Stage[] };
    variants.push({ name: 'base', stage: mod.STAGES.find((s) => s.name === name)! });
  }
  const items = readFileSync(CORPUS, 'utf8').split('\n').filter((l) => l.trim())
    .map((l, k) => fromJsonLine(l, `reuters#${k + 1}`, { maxBytes: 20 * 1024 * 1024 }));
  const raws = items.filter((x): x is Exclude<typeof x, Skipped> => !('skipped' in x));
  const drafts = draftBatch(raws, STAGES.slice(0, at)).filter((d): d is Draft => !('skipped' in d));
  const sentences = drafts.reduce((n, d) => n + (d.sentences?.length ?? 0), 0);
  console.log(`${drafts.length} drafts, ${sentences} sentences before stage "${name}"`);
  for (const v of variants) console.log(`${v.name}: sha1 ${digest(v.stage, drafts)}`);
  const times = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  for (let r = 0; r < rounds; r++) {
    // the order flips each round so that neither build always runs in the other's wake
    const order = r % 2 ? [...variants].reverse() : variants;
    for (const v of order) times.get(v.name)!.push(cpuMs(() => { for (const d of drafts) v.stage.run(d); }));
  }
  for (const v of variants) {
    const t = times.get(v.name)!;
    console.log(`${v.name}: cpu ms min ${Math.min(...t).toFixed(0)} median ${median(t).toFixed(0)} [${t.map((x) => x.toFixed(0)).join(' ')}]`);
  }
}

await main();
