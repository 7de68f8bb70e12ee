import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { evalExtraction } from './extraction.js';
import { evalSeeds, type SeedCheck } from './seeds.js';
import { checkSeedQuotes } from './seed-quotes.js';
import { analyseSeeds, checkSeedEvents, checkSeedRelations } from './seed-events.js';
import { loadPloverGold, ploverGoldPath, scorePlover } from './plover.js';
import { predict } from './plover-coder.js';
import { evalQuotes } from './quotes.js';
import { evalSyntax } from './syntax.js';
import { evalRealNews } from './realnews.js';
import { evalActorsTable } from './actors-table.js';

export interface Measurement {
  values: Record<string, number>;
  corpus: Record<string, string>;
  /** lines of detail printed under the table (failed checks, worst pages) */
  notes: string[];
  missing: string[];
}

/** A corpus fingerprint: names and sizes of its files (cheap, and any edit changes a size or a name). */
export function fingerprint(dir: string): string {
  const h = createHash('sha256');
  for (const f of readdirSync(dir).sort()) h.update(`${f}:${statSync(join(dir, f)).size}\n`);
  return h.digest('hex').slice(0, 16);
}

/** A single file's fingerprint: its size (a changed gold file almost always changes size). */
export function fingerprintFile(path: string): string {
  const st = statSync(path);
  return createHash('sha256').update(`${st.size}`).digest('hex').slice(0, 16);
}

/**
 * Scores everything `npm run eval` reports on the shared corpora: body extraction on the
 * article-extraction dev pages, the seeds' checks of expected.json, quotes, events, and syntax on
 * UD English EWT (tags, attachment and lemmas; gold and entente's own tokenisation), and events and
 * quotes on the hand-annotated real news (`realnews.ts`).
 */
export async function measure(shared: string, root: string): Promise<Measurement> {
  const m: Measurement = { values: {}, corpus: {}, notes: [], missing: [] };
  const dev = join(shared, 'article-extraction', 'dev');
  if (existsSync(dev)) {
    const x = await evalExtraction(dev);
    m.corpus['article-extraction/dev'] = fingerprint(dev);
    Object.assign(m.values, { 'extraction.precision': x.precision, 'extraction.recall': x.recall, 'extraction.f1': x.f1 });
    m.notes.push(`extraction: ${x.pages} pages, exact-match accuracy ${x.accuracy.toFixed(3)}`);
  } else m.missing.push(dev);
  const seeds = join(shared, 'seeds');
  if (existsSync(seeds)) {
    const checks = await evalSeeds(seeds);
    m.corpus.seeds = fingerprint(seeds);
    const byKind = new Map<string, SeedCheck[]>();
    for (const c of checks) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c]);
    for (const [kind, cs] of byKind) m.values[`seeds.${kind}`] = cs.filter((c) => c.pass).length / cs.length;
    m.values['seeds.all'] = checks.filter((c) => c.pass).length / checks.length;
    for (const c of checks.filter((c) => !c.pass)) m.notes.push(`seed check failed [${c.file}] ${c.what}${c.got ? ` (got: ${c.got})` : ''}`);
    m.notes.push(`seeds: ${checks.filter((c) => c.pass).length}/${checks.length} checks pass`);
    const sq = await checkSeedQuotes(seeds);
    for (const level of ['must', 'should', 'must_not'] as const) {
      const cs = sq.filter((c) => c.level === level);
      if (cs.length) m.values[`seeds.quotes.${level}`] = cs.filter((c) => c.pass).length / cs.length;
      m.notes.push(`seed quotes ${level}: ${cs.filter((c) => c.pass).length}/${cs.length}`);
    }
    for (const c of sq.filter((c) => !c.pass)) m.notes.push(`seed quote failed [${c.file}] ${c.level}: ${c.what} (${c.got})`);
    const analysed = await analyseSeeds(seeds);
    const se = await checkSeedEvents(seeds, analysed);
    for (const level of ['must', 'should'] as const) {
      const cs = se.filter((c) => c.level === level);
      if (cs.length) m.values[`seeds.events.${level}`] = cs.filter((c) => c.pass).length / cs.length;
      m.notes.push(`seed events ${level}: ${cs.filter((c) => c.pass).length}/${cs.length}`);
    }
    for (const c of se.filter((c) => !c.pass)) m.notes.push(`seed event missed [${c.file}] ${c.level}: ${c.what} (got: ${c.got})`);
    const sr = await checkSeedRelations(analysed);
    m.values['seeds.relations'] = sr.filter((c) => c.pass).length / sr.length;
    for (const c of sr) m.notes.push(`seed relation ${c.pass ? 'ok' : 'FAILED'}: ${c.what} (${c.got})`);
  } else m.missing.push(seeds);
  const plover = ploverGoldPath(shared);
  if (existsSync(plover)) {
    m.corpus['ontology/plover'] = fingerprintFile(plover);
    const s = scorePlover(loadPloverGold(plover).records, (text) => predict(text));
    Object.assign(m.values, { 'events.plover.dyad.f1': s.typeAndDyad.f1, 'events.plover.type.f1': s.typeOnly.f1 });
    const f = (x: { p: number; r: number; f1: number }) => `P ${x.p.toFixed(3)} R ${x.r.toFixed(3)} F1 ${x.f1.toFixed(3)}`;
    m.notes.push(`events (PLOVER gold, ${s.sentences} sentences, ${s.gold} gold triples): type and dyad ${f(s.typeAndDyad)}; type only ${f(s.typeOnly)}`);
  } else m.missing.push(plover);
  const gold = join(shared, 'quotes', 'polnear-traindev.jsonl');
  if (existsSync(gold)) {
    m.corpus['quotes/polnear-traindev.jsonl'] = fingerprintFile(gold);
    const dm = await evalQuotes(gold, 'dev');
    Object.assign(m.values, { 'quotes.dev.strict.f1': dm.strict.f1, 'quotes.dev.speaker': dm.speakerAccuracy, 'quotes.dev.e2e.f1': dm.endToEnd.f1 });
    const ind = await evalQuotes(gold, 'dev', 'indirect');
    Object.assign(m.values, { 'quotes.dev.indirect.strict.f1': ind.strict.f1, 'quotes.dev.indirect.speaker': ind.speakerAccuracy, 'quotes.dev.indirect.e2e.f1': ind.endToEnd.f1 });
    m.notes.push(`quotes (PolNeAR dev, direct+mixed, strict): P ${dm.strict.p.toFixed(3)} R ${dm.strict.r.toFixed(3)} F1 ${dm.strict.f1.toFixed(3)}, speaker ${dm.speakerAccuracy.toFixed(3)}, end-to-end F1 ${dm.endToEnd.f1.toFixed(3)} (${dm.n} articles)`);
    m.notes.push(`quotes (PolNeAR dev, indirect, strict): P ${ind.strict.p.toFixed(3)} R ${ind.strict.r.toFixed(3)} F1 ${ind.strict.f1.toFixed(3)}, speaker ${ind.speakerAccuracy.toFixed(3)}, end-to-end F1 ${ind.endToEnd.f1.toFixed(3)}`);
  } else m.missing.push(gold);
  const treebank = join(shared, 'treebank');
  if (existsSync(treebank)) {
    m.corpus.treebank = fingerprint(treebank);
    const sx = evalSyntax(treebank);
    Object.assign(m.values, sx.values);
    m.notes.push(...sx.notes);
  } else m.missing.push(treebank);
  const real = evalRealNews(shared, root);
  Object.assign(m.values, real.values);
  for (const f of real.files) m.corpus[f.slice(shared.length + 1)] = fingerprintFile(f);
  m.notes.push(...real.notes);
  m.missing.push(...real.missing);
  const table = evalActorsTable(root); // fixtures written for entente: no ../shared needed
  Object.assign(m.values, table.values);
  m.notes.push(...table.notes);
  return m;
}
