/**
 * Builds the event dictionaries under `data/events/` from the public sources in
 * `../shared/ontology` (see its SOURCES.md):
 *
 * - `cameo.json`        ← cameo/cameo-codes.utf8.csv (andybega/icews, MIT; CAMEO manual / ICEWS)
 * - `cameo-plover.json` ← plover/cameo2plover-2021.csv, every flagged row resolved (RESOLVE below)
 * - `plover.json`       ← plover/plover-codebook.json (PLOVER manual, CC BY-SA 4.0)
 * - `verbs.json`        ← petrarch2/CAMEO.2.0.txt (openeventdata/petrarch2, MIT), via the same
 *                         parser `entente code --dictionaries DIR` uses at run time
 *
 * `verbs-entente.json` is hand-kept and only checked here. Steps: 1. read; 2. CAMEO codes;
 * 3. PLOVER types; 4. CAMEO→PLOVER with resolutions; 5. verbs; 6. write (temp file + rename,
 * stable key order, so a rebuild from the same sources is byte-identical); 7. load everything
 * through `loadEventDictionary`, the run-time validator.
 *
 * @example node --import tsx scripts/build-events.ts [ONTOLOGY_DIR]   # from the repository root
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseVerbDictionary } from '../src/events/petrarch/verbs.js';
import { loadEventDictionary } from '../src/events/dictionary.js';

const ONTOLOGY = resolve(process.argv[2] ?? '../shared/ontology');
const OUT = resolve('data/events');
type Json = Record<string, unknown>;

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  const [head, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

// 1. read
const read = (p: string): string => readFileSync(resolve(ONTOLOGY, p), 'utf8');
const cameoRows = parseCsv(read('cameo/cameo-codes.utf8.csv'));
const mapRows = parseCsv(read('plover/cameo2plover-2021.csv'));
const codebook = JSON.parse(read('plover/plover-codebook.json')) as {
  event_types: { name: string; quad_code: number; requires_recipient: boolean; score: number; modes: { name: string; score: number | null }[] }[];
  contexts: string[]; auxiliary_modes: string[]; notes: string[];
};
const verbsText = read('petrarch2/CAMEO.2.0.txt');

// 2. CAMEO codes; quad by CAMEO's standard root grouping
const quadOf = (root: number): number => (root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4);
const codes = cameoRows
  .sort((a, b) => Number(a.order) - Number(b.order))
  .map((r) => ({ code: r.code, name: r.name.trim(), goldstein: Number(r.goldstein), root: r.root_code, quad: quadOf(Number(r.root_code)) }));
const known = new Set(codes.map((c) => c.code));

// 3. PLOVER types
const modesOf = new Map(codebook.event_types.map((t) => [t.name, new Set(t.modes.map((m) => m.name))]));
const contexts = new Set(codebook.contexts);

// 4. CAMEO → PLOVER. One rule per flag kind; `code@flag` entries override the kind's rule.
// A flag without a rule stops the build, so a new source flag forces a written decision.
interface Row { event: string; mode: string; context: string[] }
type Rule = (row: Row, value: string, code: string) => { decision: string; why: string; drop?: boolean };
const setMode = (to: string, why: string): Rule => (row, v) => { row.mode = to; return { decision: to ? `mode ${v} → ${to}` : `mode ${v} dropped`, why }; };
const RESOLVE: Record<string, Rule> = {
  'context_not_in_manual:humanitarian': (row) => {
    row.context = row.context.map((c) => (c === 'humanitarian' ? 'human_security' : c));
    return { decision: 'context humanitarian → human_security', why: 'the manual has no "humanitarian" context; human_security (threats to civilians\' welfare) is the one it uses for aid to civilians, e.g. 162 "Reduce or stop material aid"' };
  },
  'context_not_in_manual:democracy': (row) => {
    row.context = row.context.map((c) => (c === 'democracy' ? 'pro_democracy' : c));
    return { decision: 'context democracy → pro_democracy', why: 'the manual renamed "democracy" to pro_democracy (vs pro_autocracy); easing political restrictions is pro-democratic' };
  },
  'mode_not_in_manual:return': setMode('release', 'RETREAT release covers returning persons and property; "return" is not a current mode'),
  'mode_not_in_manual:ease': setMode('', 'no current RETREAT mode (withdraw, release, disarm, ceasefire, access, resign) means easing sanctions; the economic context carries the meaning'),
  'mode_not_in_manual:ban': setMode('restrict', 'THREATEN and COERCE both have "restrict" for restrictions on rights and organisations; "ban" is not a current mode'),
  'mode_not_in_manual:political': setMode('restrict', 'threatening restrictions on speech is THREATEN restrict; "political" is not a current mode'),
  'mode_not_in_manual:seize': setMode('destroy', 'ASSAULT destroy is the current mode for destroying property; "seize" is a COERCE mode, not an ASSAULT one'),
  'mode_not_in_manual:assassinate': setMode('targeted', 'ASSAULT targeted (targeted killing) is the current mode for (attempted) assassination'),
  'mode_not_in_manual:massacre': setMode('unconventional', 'the manual maps CAMEO 20 to ASSAULT mode unconventional (codebook note 1); "massacre" is not a current mode'),
  'mode_not_in_manual:cleansing': setMode('unconventional', 'the manual maps CAMEO 20 to ASSAULT mode unconventional (codebook note 1); "cleansing" is not a current mode'),
  'mode_not_in_manual:pro_autocracy': (row) => {
    row.mode = '';
    row.context = ['repression'];
    return { decision: 'mode pro_autocracy dropped; context military → repression', why: 'pro_autocracy is a context name written in the mode column; violent repression of dissent is what the manual\'s "repression" context describes, and it is rarely military' };
  },
  'duplicate_code': (row) => ({ decision: 'second line dropped', why: `line 284 repeats 175 with the same mapping (${row.event}); CAMEO has one 175, "Use tactics of violent repression"`, drop: true }),
  'listed_under_section_17': (row) => ({ decision: `kept ${row.event} ${row.mode}`, why: 'blockade and occupation without fighting are coercion (COERCE restrict/seize are current modes); the root stays 19 for CAMEO and quad 4 either way' }),
  'listed_under_section_18': (row, _v, code) => ({ decision: `kept CAMEO root ${code.slice(0, 2)}, event ${row.event}`, why: 'the section a line sits in does not change the code: the CAMEO root comes from the code itself, the PLOVER event from the line' }),
  'differs_from_section_event_SANCTION': (row) => {
    Object.assign(row, { event: 'SANCTION', mode: 'discontinue', context: ['economic'] });
    return { decision: 'COERCE restrict diplomatic → SANCTION discontinue economic', why: 'embargoes, boycotts and sanctions cut exchange with a target (SANCTION requires a recipient); the PLOVER gold file codes the CAMEO 163 example as SANCTION' };
  },
  'differs_from_section_event_COERCE': (row) => ({ decision: `kept ${row.event}`, why: 'destroying property is ASSAULT mode destroy in the current manual, which the file\'s event anticipates' }),
  'code_not_in_icews_cameo_list': (row) => ({ decision: 'dropped', why: `1214 "Reject intelligence cooperation" is not a CAMEO code in the ICEWS list (no name, no Goldstein score); nothing in entente can produce it (was ${row.event})`, drop: true }),
  '201@listed_under_section_18': (row) => {
    Object.assign(row, { event: 'COERCE', mode: 'deport' });
    return { decision: 'ASSAULT → COERCE deport, context religion_ethnicity kept', why: 'mass expulsion is forced removal, COERCE deport in the current manual; the PLOVER gold file codes the 201 example with mode deport' };
  },
  '201@mode_not_in_manual:cleansing': () => ({ decision: 'superseded by the 201 section resolution (COERCE deport)', why: 'the event changed, so the ASSAULT mode no longer applies' }),
};
const mappings: Json[] = [];
const resolutions: Json[] = [];
for (const r of mapRows) {
  const row: Row = { event: r.plover_event, mode: r.plover_mode, context: r.plover_context.split(';').map((s) => s.trim()).filter(Boolean) };
  let drop = false;
  for (const flag of r.flags.split(/\s+/).filter(Boolean)) {
    const rule = RESOLVE[`${r.cameo_code}@${flag}`] ?? RESOLVE[flag];
    if (!rule) throw new Error(`no resolution for ${r.cameo_code} flag ${flag} (line ${r.source_line})`);
    const res = rule(row, flag.split(':')[1] ?? '', r.cameo_code);
    drop ||= res.drop === true;
    resolutions.push({ code: r.cameo_code, line: Number(r.source_line), flag, decision: res.decision, why: res.why });
  }
  if (drop) continue;
  if (!known.has(r.cameo_code)) throw new Error(`unflagged unknown CAMEO code ${r.cameo_code}`);
  if (row.mode && !modesOf.get(row.event)?.has(row.mode)) throw new Error(`${r.cameo_code}: mode ${row.mode} not in ${row.event}`);
  for (const c of row.context) if (!contexts.has(c)) throw new Error(`${r.cameo_code}: context ${c} not in the manual`);
  mappings.push({ code: r.cameo_code, event: row.event, mode: row.mode || null, context: row.context });
}
// root codes ("18" ASSAULT) take their "…0" line: the CSV has section headers, not rows, for them
for (const c of codes.filter((x) => x.code.length === 2 && Number(x.code) >= 3)) {
  const zero = mappings.find((m) => m.code === `${c.code}0`);
  if (zero) mappings.push({ ...zero, code: c.code });
}
mappings.sort((a, b) => codes.findIndex((c) => c.code === a.code) - codes.findIndex((c) => c.code === b.code));
const mapped = new Set(mappings.map((m) => m.code as string));
const missing = codes.filter((c) => Number(c.root) >= 3 && c.code.length > 2 && !mapped.has(c.code)).map((c) => c.code);
if (missing.length) throw new Error(`CAMEO codes without a PLOVER mapping: ${missing.join(' ')}`);

// 5. verbs. Two PETRARCH codes are later CAMEO extensions absent from the ICEWS list: they are
// remapped to their parent so the patterns still code (drone strikes are common news).
const REMAP: Record<string, { to: string; why: string }> = {
  '176': { to: '170', why: '176 "cyberattack/hack" (PETRARCH extension) → 170 Coerce; PLOVER has COERCE mode cyber for it' },
  '1952': { to: '195', why: '1952 "drone strike" (PETRARCH extension) → 195 Employ aerial weapons; PLOVER has ASSAULT mode drone for it' },
};
const verbDict = parseVerbDictionary(verbsText);
for (const w of verbDict.warnings) console.warn(`CAMEO.2.0.txt:${w.line}: ${w.message}`);
const remap = (c: string | null | undefined) => (c ? REMAP[c]?.to ?? c : c);
const counters = new Map<string, number>();
const patterns = verbDict.patterns.map((p) => {
  const code = remap(p.code) ?? null;
  const key = code ?? '---';
  counters.set(key, (counters.get(key) ?? 0) + 1);
  const out: Json = { id: `p2:${key}:${counters.get(key)}`, code };
  if (p.reverse) out.reverse = remap(p.reverse);
  return Object.assign(out, { group: p.group, tokens: p.tokens, line: p.line });
});
const verbs = verbDict.verbs.map((v) => ({ group: v.group, lemma: v.lemma, ...(v.head ? { head: v.head } : {}), forms: v.forms, code: remap(v.code) }));
const synsets = Object.fromEntries(verbDict.synsets.map((s) => [s.name, [...new Set(s.members)]]));

// 6. write
const compact = (name: string, data: Json, lists: string[]): void => {
  // one array element per line keeps the large files diffable and small
  const parts = Object.entries(data).map(([k, v]) => lists.includes(k)
    ? `${JSON.stringify(k)}: [\n${(v as unknown[]).map((x) => '  ' + JSON.stringify(x)).join(',\n')}\n]`
    : k === 'synsets'
      ? `${JSON.stringify(k)}: {\n${Object.entries(v as Json).map(([n, m]) => `  ${JSON.stringify(n)}: ${JSON.stringify(m)}`).join(',\n')}\n}`
      : `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const file = resolve(OUT, name);
  writeFileSync(`${file}.tmp`, `{\n${parts.join(',\n')}\n}\n`);
  renameSync(`${file}.tmp`, file);
};
compact('cameo.json', {
  $comment: 'CAMEO event codes with names, Goldstein scores, 2-digit root and quad class (1 verbal cooperation = roots 01-05, 2 material cooperation = 06-08, 3 verbal conflict = 09-13, 4 material conflict = 14-20, CAMEO\'s standard grouping). Source: andybega/icews @ 3746c72 data-raw/cameo-codes.csv (MIT, (c) Andreas Beger), content from the CAMEO manual / ICEWS Dataverse doi:10.7910/DVN/28075, re-encoded to UTF-8 (../shared/ontology/cameo/cameo-codes.utf8.csv). Goldstein scores are the ICEWS ones; GDELT\'s CAMEO.goldsteinscale.txt differs on 016 (-5.0 here, GDELT -2.0), 022 (3.4 vs 3.2), 164 (-6.5 vs -7.0) and 165 (-7.0 vs -6.5; 164/165 look swapped in one of them). Built by scripts/build-events.ts.',
  codes,
}, ['codes']);
compact('plover.json', {
  $comment: 'PLOVER event types (quad class, requires_recipient, default score and per-mode scores), the 37 contexts and the auxiliary modes, from ../shared/ontology/plover/plover-codebook.json, itself derived from openeventdata/PLOVER @ 5e0c24f PLOVER_MANUAL.tex (CC BY-SA 4.0, Open Event Data Alliance / PLOVER authors). legacy: the older type names used by the PLOVER gold file (PLOVER_GSR_CAMEO.txt, PLOVER 0.5b1) and what they are now. notes: the codebook\'s own notes on inconsistencies in the manual; scores are kept as printed (ACCUSE +3 is probably a sign error; vandalize has no score). Built by scripts/build-events.ts.',
  events: codebook.event_types.map((t) => ({ name: t.name, quad: t.quad_code, requires_recipient: t.requires_recipient, score: t.score, modes: t.modes.map((m) => ({ name: m.name, score: m.score })) })),
  contexts: codebook.contexts,
  auxiliary_modes: codebook.auxiliary_modes,
  legacy: [
    { old: 'DEMAND', event: 'REQUEST', mode: null },
    { old: 'DISAPPROVE', event: 'ACCUSE', mode: null },
    { old: 'INVESTIGATE', event: 'ACCUSE', mode: 'investigate' },
    { old: 'FIGHT', event: 'ASSAULT', mode: null },
  ],
  notes: codebook.notes,
}, ['events', 'legacy', 'notes']);
compact('cameo-plover.json', {
  $comment: 'CAMEO code -> PLOVER {event, mode, context} for CAMEO 03-20, from ../shared/ontology/plover/cameo2plover-2021.csv (derived from openeventdata/PLOVER @ 5e0c24f CAMEO2PLOVER-2021.txt, P. Schrodt, manual draft 0.8; CC BY-SA 4.0). Every row the CSV flags is resolved against the current manual (DRAFT 2.0) and the decision is listed in "resolutions" (one entry per row and flag; "line" is the line in CAMEO2PLOVER-2021.txt). Root codes (\"04\") take the mapping of their \"…0\" code (\"040\"). \"unmapped\" says how entente treats the CAMEO roots PLOVER dropped. Built by scripts/build-events.ts.',
  unmapped: [
    { root: '01', plover: null, why: 'PLOVER has no statement category: a plain statement (010-019) is not an event between actors. entente keeps the CAMEO code, Goldstein score and quad class, and emits no PLOVER event (toPlover returns undefined); quotes cover what was said.' },
    { root: '02', plover: null, why: 'the manual maps APPEAL to nothing. The nearest type would be REQUEST, but an appeal is softer than a request/demand and coding it REQUEST would disagree with other PLOVER coders; entente keeps the CAMEO 02x code and emits no PLOVER event.' },
  ],
  mappings,
  resolutions,
}, ['unmapped', 'mappings', 'resolutions']);
compact('verbs.json', {
  $comment: 'Verb patterns converted from PETRARCH-2\'s CAMEO.2.0.txt (openeventdata/petrarch2 @ 676801c, petrarch2/data/dictionaries/CAMEO.2.0.txt; MIT, (c) 2015 Open Event Data Alliance; TABARI/CAMEO dictionaries by P. Schrodt et al.) by scripts/build-events.ts with src/events/petrarch/verbs.ts. verbs: each verb of a PETRARCH block ("group"), lower-case lemma, head = index of the verb word in a multi-word lemma (0 when absent), inflected forms, code of the bare verb (null = no event). patterns: id p2:<code>:<n> (n-th pattern with that code, in file order; "---" for patterns that code nothing), code (source -> target), reverse (paired code [a:b]: b is coded target -> source), group (the verb block the pattern attaches to), tokens, line in CAMEO.2.0.txt. Tokens: "*" the verb, "$" source, "+" target, "^" and "%" TABARI skip/compound markers, "(" ")" around a prepositional phrase, "{" "}" around a noun phrase, "&name" a synset (members in "synsets", plurals included), anything else a literal lower-case word. remapped: PETRARCH codes absent from cameo.json and the code used instead. source.parser_warnings: what the parser tolerated or skipped (patterns naming an undefined synset are dropped, as PETRARCH drops them).',
  source: { repo: 'openeventdata/petrarch2', commit: '676801c', path: 'petrarch2/data/dictionaries/CAMEO.2.0.txt', license: 'MIT', parser_warnings: verbDict.warnings },
  remapped: Object.entries(REMAP).map(([from, r]) => ({ from, to: r.to, why: r.why })),
  synsets,
  verbs,
  patterns,
}, ['remapped', 'verbs', 'patterns']);

// 7. validate through the run-time loader
const d = loadEventDictionary(OUT);
console.log(`cameo ${d.cameo.size} codes; plover ${d.plover.events.size} types; mappings ${d.cameoToPlover.size}; resolutions ${d.resolutions.length}; p2 verbs ${verbs.length}; patterns ${d.patterns.length} (p2 ${patterns.length}, entente ${d.patterns.length - patterns.length}); warnings ${verbDict.warnings.length}`);
