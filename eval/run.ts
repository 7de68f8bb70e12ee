/**
 * `npm run eval`: scores entente against the gold in ../shared and prints one table.
 *   --check   compare only, never write the baseline (what CI does)
 *   --lower   accept lower floors (a deliberate trade-off, said in the commit)
 * Exit 1 when a metric dropped below its floor by more than its noise.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gate, readBaseline, writeBaseline } from './baseline.js';
import { measure } from './measure.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const baselinePath = join(root, 'eval', 'baseline.json');
const shared = resolve(process.env.ENTENTE_SHARED ?? join(root, '..', 'shared'));
const args = new Set(process.argv.slice(2));
if (args.has('--help')) {
  process.stdout.write('usage: npm run eval [-- --check] [-- --lower]\n  scores body extraction, the seeds, quotes, events (PLOVER gold and real news) and syntax (UD EWT) against ../shared; floors in eval/baseline.json\n');
  process.exit(0);
}

const m = await measure(shared, root);
for (const p of m.missing) process.stderr.write(`eval: skipped, ${p} not found (../shared absent)\n`);
const base = readBaseline(baselinePath);
for (const [k, fp] of Object.entries(m.corpus)) {
  if (base.corpus[k] && base.corpus[k] !== fp) process.stderr.write(`eval: the corpus ${k} changed since the floors were set (${base.corpus[k]} → ${fp})\n`);
}
const { rows, next, failed } = gate(m.values, base, args.has('--lower'));
const w = Math.max(...rows.map((r) => r.metric.length), 6);
console.log(`${'metric'.padEnd(w)}  value   floor   status`);
for (const r of rows) console.log(`${r.metric.padEnd(w)}  ${r.value.toFixed(4)}  ${r.floor === undefined ? '   —  ' : r.floor.toFixed(4)}  ${r.status}`);
for (const n of m.notes) console.log(`  ${n}`);
if (!args.has('--check') && !process.env.CI && rows.some((r) => r.status !== 'ok' && r.status !== 'DROP')) {
  writeBaseline(baselinePath, { ...next, corpus: { ...base.corpus, ...m.corpus } });
  console.log(`floors updated in eval/baseline.json`);
}
if (failed) {
  console.error('eval: a score dropped below its floor (beyond noise): see DROP above');
  process.exitCode = 1;
}
