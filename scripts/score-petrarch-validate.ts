/**
 * Scores `entente code --dictionaries` on PETRARCH-2's own validation suite: the unit-test records
 * (`PETR.UnitTest.records.xml`, 284 records with their expected events) coded with the
 * dictionaries those records name (`PETR.Validate.verbs.txt`, `.actors.txt`, `.agents.txt`,
 * `.discards.txt`). Neither the records nor the dictionaries are in this repository (their text
 * is not ours to ship): extract them from openeventdata/petrarch2 (`petrarch2/data/text/` and
 * `petrarch2/data/dictionaries/`) into one folder and pass its path.
 *
 * @example node --import tsx scripts/score-petrarch-validate.ts /tmp/petr          # after `npx tsc -p tsconfig.json`
 * @example node --import tsx scripts/score-petrarch-validate.ts /tmp/petr --why    # list every miss and false alarm
 *
 * What is scored, and how (fixed before the first run, not tuned on the records):
 *
 * 1. Records. Every `<Sentence>` outside an XML comment is a record: its `id`, its `date`
 *    (YYYYMMDD, given to entente as YYYY-MM-DD) and its `<Text>` (whitespace runs made one space)
 *    become one JSON line `{id, date, text}` of `entente code`'s input. The `<Parse>` trees are not
 *    used: entente parses the text itself.
 * 2. Expected events: the record's `<EventCoding sourcecode targetcode eventcode>` elements. A
 *    record coded `noevents` or `error` expects none. Codes are taken as written, including
 *    PETRARCH's quoted phrases for actors its dictionaries lack (`"INJURY TOLL"`), which entente
 *    cannot produce and so count as misses.
 * 3. Produced events: every event `entente code` prints for the record, its source and target
 *    codes and event code. `require_dyad` is followed as the records set it (`<Config
 *    option="require_dyad">` between records; true until set, PETRARCH's default): while true an
 *    event without a target is dropped, as PETRARCH drops it; while false its target is `---`,
 *    PETRARCH's code for none. Negated events are kept (PETRARCH has no negation flag to drop them by).
 * 4. Coarse match, as PETRARCH-2's validation compares source, target and code: an expected and a
 *    produced event of the same record match when the source codes agree on their first 3
 *    characters, the target codes on their first 3 characters (the country or IGO/`---` part,
 *    ignoring agent suffixes such as GOV), and the event codes on their 2-digit root. Within a
 *    record each event matches at most once (multiset matching on that key).
 *    Strict match (reported beside it): the full source, target and event codes are equal.
 * 5. Precision = matched / produced, recall = matched / expected, F1 their harmonic mean, summed
 *    over all records (micro-averaged); per category (DEMO, VERB, PATTERN …) below it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One validation record as entente's input plus what PETRARCH-2 expects of it. */
export interface ValidationRecord {
  id: string;
  category: string;
  date: string;
  text: string;
  expected: Coding[];
  /** PETRARCH's require_dyad while this record is coded */
  requireDyad: boolean;
}

/** Source, target and event code, as PETRARCH writes them. */
export interface Coding { source: string; target: string; code: string }

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
};

/**
 * The records of a PETRARCH validation file, in file order, comments removed.
 * @example parseRecords(xml).length // 284 for PETR.UnitTest.records.xml
 */
export function parseRecords(xml: string): ValidationRecord[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, ' ');
  const out: ValidationRecord[] = [];
  let requireDyad = true;
  // <Config> elements and <Sentence> blocks, in document order
  const re = /<Config\b[^>]*>|<Sentence\b([^>]*)>([\s\S]*?)<\/Sentence>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[0].startsWith('<Config')) {
      if ((attr(m[0], 'option') ?? '').toLowerCase() === 'require_dyad') requireDyad = (attr(m[0], 'value') ?? '').toLowerCase() === 'true';
      continue;
    }
    const head = m[1];
    const inner = m[2];
    const d = attr(head, 'date') ?? '';
    const date = /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : d;
    const text = (/<Text>([\s\S]*?)<\/Text>/.exec(inner)?.[1] ?? '').replace(/\s+/g, ' ').trim();
    const expected: Coding[] = [];
    for (const c of inner.match(/<EventCoding\b[^>]*>/g) ?? []) {
      const code = attr(c, 'eventcode');
      if (code === undefined) continue; // noevents / error: nothing expected
      expected.push({ source: attr(c, 'sourcecode') ?? '', target: attr(c, 'targetcode') ?? '', code });
    }
    out.push({ id: attr(head, 'id') ?? `record-${out.length + 1}`, category: attr(head, 'category') ?? '', date, text, expected, requireDyad });
  }
  return out;
}

/** The dictionary files a validation file's `<Environment>` names. */
export function environmentFiles(xml: string): string[] {
  const env = /<Environment>([\s\S]*?)<\/Environment>/.exec(xml)?.[1] ?? '';
  return ['Verbfile', 'Actorfile', 'Agentfile', 'Discardfile'].map((k) => new RegExp(`<${k}>\\s*([^<]*?)\\s*</${k}>`).exec(env)?.[1]).filter((f): f is string => !!f);
}

export type Match = 'coarse' | 'strict';

/** The key two events must share to match. */
export function matchKey(c: Coding, how: Match): string {
  return how === 'strict' ? `${c.source}|${c.target}|${c.code}` : `${c.source.slice(0, 3)}|${c.target.slice(0, 3)}|${c.code.slice(0, 2)}`;
}

/** Matched, produced and expected counts of one record, and what did not match. */
export function scoreRecord(expected: readonly Coding[], produced: readonly Coding[], how: Match) {
  const left = new Map<string, number>();
  for (const p of produced) left.set(matchKey(p, how), (left.get(matchKey(p, how)) ?? 0) + 1);
  const misses: Coding[] = [];
  let tp = 0;
  for (const x of expected) {
    const k = matchKey(x, how);
    const n = left.get(k) ?? 0;
    if (n > 0) { left.set(k, n - 1); tp++; } else misses.push(x);
  }
  const extra = produced.filter((p) => { const k = matchKey(p, how); const n = left.get(k) ?? 0; if (n > 0) { left.set(k, n - 1); return true; } return false; });
  return { tp, produced: produced.length, expected: expected.length, misses, extra };
}

interface Sum { tp: number; produced: number; expected: number }
const prf = (s: Sum) => {
  const p = s.produced ? s.tp / s.produced : 0;
  const r = s.expected ? s.tp / s.expected : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
const f3 = (x: number) => x.toFixed(3);

interface Printed { id: string; events: { source: string; target: string | null; code: string; goldstein: number | null }[] }

function main(): void {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) {
    console.error('usage: node --import tsx scripts/score-petrarch-validate.ts DIR [--why]\n  DIR holds PETR.UnitTest.records.xml and the PETR.Validate.* dictionaries it names');
    process.exit(2);
  }
  const why = args.includes('--why');
  const xmlName = readdirSync(dir).find((f) => /records\.xml$/i.test(f));
  if (!xmlName) throw new Error(`${dir}: no *records.xml (PETRARCH's PETR.UnitTest.records.xml)`);
  const xml = readFileSync(join(dir, xmlName), 'utf8');
  const records = parseRecords(xml);

  // only the dictionaries the records name, so nothing else in DIR is read as one
  const work = mkdtempSync(join(tmpdir(), 'entente-petr-validate-'));
  try {
    const dicts = join(work, 'dicts');
    mkdirSync(dicts);
    const files = environmentFiles(xml);
    for (const f of files) copyFileSync(join(dir, f), join(dicts, f));
    const input = join(work, 'records.jsonl');
    writeFileSync(input, records.map((r) => JSON.stringify({ id: r.id, date: r.date, text: r.text })).join('\n') + '\n');
    const cli = resolve('bin/entente.js');
    const t0 = Date.now();
    const run = spawnSync(process.execPath, [cli, 'code', input, '--dictionaries', dicts], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const ms = Date.now() - t0;
    if (run.status !== 0 && run.status !== 3) throw new Error(`entente code failed (${run.status}):\n${run.stderr}`);
    const printed = new Map(run.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Printed).map((o) => [String(o.id), o]));

    const total = { coarse: { tp: 0, produced: 0, expected: 0 }, strict: { tp: 0, produced: 0, expected: 0 } };
    const byCat = new Map<string, Sum>();
    let outside = 0;
    let unscored = 0;
    let targetless = 0;
    const notes: string[] = [];
    for (const r of records) {
      const events = printed.get(r.id)?.events ?? [];
      for (const e of events) if (e.goldstein === null) unscored++;
      const produced: Coding[] = [];
      for (const e of events) {
        if (e.target === null && r.requireDyad) { targetless++; continue; }
        produced.push({ source: e.source, target: e.target ?? '---', code: e.code });
      }
      outside += produced.filter((p) => !/^(0[1-9]|1\d|20)/.test(p.code)).length;
      for (const how of ['coarse', 'strict'] as const) {
        const s = scoreRecord(r.expected, produced, how);
        total[how].tp += s.tp;
        total[how].produced += s.produced;
        total[how].expected += s.expected;
        if (how === 'coarse') {
          const c = byCat.get(r.category) ?? { tp: 0, produced: 0, expected: 0 };
          c.tp += s.tp; c.produced += s.produced; c.expected += s.expected;
          byCat.set(r.category, c);
          const show = (x: Coding) => `${x.source}>${x.target}:${x.code}`;
          if (why && (s.misses.length || s.extra.length)) notes.push(`${r.id}: missed [${s.misses.map(show).join(', ')}] extra [${s.extra.map(show).join(', ')}]`);
        }
      }
    }
    console.log(`PETRARCH-2 validation records: ${records.length} (${records.filter((r) => r.expected.length === 0).length} expecting no event), ${total.coarse.expected} expected events`);
    console.log(`dictionaries: ${files.join(', ')}; entente code ran in ${(ms / 1000).toFixed(1)} s`);
    console.log(`produced: ${total.coarse.produced} dyadic events scored (${targetless} without a target dropped under require_dyad); ${outside} with a code outside CAMEO's roots 01-20; ${unscored} printed with no Goldstein score`);
    for (const how of ['coarse', 'strict'] as const) {
      const { p, r, f } = prf(total[how]);
      console.log(`${how.padEnd(6)}  matched ${total[how].tp}  P ${f3(p)}  R ${f3(r)}  F1 ${f3(f)}`);
    }
    console.log('\ncoarse by category:');
    for (const [cat, s] of [...byCat].sort()) {
      const { p, r, f } = prf(s);
      console.log(`  ${cat.padEnd(10)} expected ${String(s.expected).padStart(3)}  produced ${String(s.produced).padStart(3)}  matched ${String(s.tp).padStart(3)}  P ${f3(p)} R ${f3(r)} F1 ${f3(f)}`);
    }
    if (why) console.log('\n' + notes.join('\n'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// run as a script, not when a test imports the parser and scorer
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
