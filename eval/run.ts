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
import { evalCorrections } from './corrections.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const baselinePath = join(root, 'eval', 'baseline.json');
const shared = resolve(process.env.ENTENTE_SHARED ?? join(root, '..', 'shared'));
const argv = process.argv.slice(2);
const args = new Set(argv);
/** a flag's value: `--name VALUE` or `--name=VALUE` */
const valueOf = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
if (args.has('--help')) {
  process.stdout.write('usage: npm run eval [-- --check] [-- --lower] [-- --corrections FILE [--db DB]]\n  scores body extraction, the seeds, quotes, events (PLOVER gold and real news) and syntax (UD EWT) against ../shared; floors in eval/baseline.json\n' +
    '  --corrections FILE (or $ENTENTE_CORRECTIONS): analysts\' corrections as `entente corrections export` writes them, scored against the current coder on the articles of --db (or $ENTENTE_DB); no floor\n');
  process.exit(0);
}
const correctionsFile = valueOf('--corrections') ?? process.env.ENTENTE_CORRECTIONS;

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
if (correctionsFile) {
  // extra gold of this store's analysts: reported, never gated (it is not the same file on two machines)
  const c = await evalCorrections(correctionsFile, valueOf('--db'));
  const rate = (k: number, n: number) => (n ? k / n : 0);
  console.log(`${'corrections.wrong.still_produced'.padEnd(w)}  ${rate(c.wrongStillProduced, c.wrong).toFixed(4)}     —    info`);
  console.log(`${'corrections.right.still_found'.padEnd(w)}  ${rate(c.rightStillFound, c.right).toFixed(4)}     —    info`);
  m.notes.push(`corrections (${correctionsFile}): ${c.wrongStillProduced} of ${c.wrong} events marked wrong are still coded; ${c.rightStillFound} of ${c.right} confirmed right are still found; ${c.unscored} not scored`, ...c.notes.slice(0, 20));
}
for (const n of m.notes) console.log(`  ${n}`);
if (!args.has('--check') && !process.env.CI && rows.some((r) => r.status !== 'ok' && r.status !== 'DROP')) {
  writeBaseline(baselinePath, { ...next, corpus: { ...base.corpus, ...m.corpus } });
  console.log(`floors updated in eval/baseline.json`);
}
if (failed) {
  console.error('eval: a score dropped below its floor (beyond noise): see DROP above');
  process.exitCode = 1;
}
