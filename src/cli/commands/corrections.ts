import { readFile } from 'node:fs/promises';
import { defineCommand } from 'citty';
import { EntenteError, UsageError } from '../../model/errors.js';
import { csvLine } from '../../events/export/index.js';
import { checkedCorrection, openStore, type Correction, type CorrectionFilter, type Store } from '../../store/index.js';
import { formatTable, parseLimit, rejectUnknownFlags } from '../event-args.js';
import { forTerminal } from '../terminal-text.js';
import { EXIT } from '../shared.js';

const DB = { type: 'string', description: 'SQLite file or postgres:// URL (default: entente.db in the user data folder, or $ENTENTE_DB)' } as const;
const FILTER = {
  db: DB,
  kind: { type: 'string', description: 'only corrections of events or of quotes', valueHint: 'event|quote' },
  verdict: { type: 'string', description: 'only items marked wrong, or confirmed right', valueHint: 'wrong|right' },
  article: { type: 'string', description: "only corrections of this article's items (its full id)", valueHint: 'ID' },
} as const;

/** A correction as exported: the correction, and the words it is about when the article is stored. */
export interface ExportedCorrection extends Correction {
  /** the trigger of an event, the text of a quote */
  text?: string;
  /** the sentence an event was read from (a quote's own text for a quote) */
  sentence?: string;
}

export const CSV_CORRECTION_COLUMNS = ['key', 'kind', 'article', 'start', 'end', 'source', 'target', 'code', 'verdict', 'reason', 'by', 'at', 'text', 'sentence'] as const;

function filterOf(args: Record<string, unknown>): CorrectionFilter {
  const f: CorrectionFilter = {};
  if (args.kind !== undefined) {
    if (args.kind !== 'event' && args.kind !== 'quote') throw new UsageError(`--kind must be event or quote, got "${String(args.kind)}"`);
    f.kind = args.kind;
  }
  if (args.verdict !== undefined) {
    if (args.verdict !== 'wrong' && args.verdict !== 'right') throw new UsageError(`--verdict must be wrong or right, got "${String(args.verdict)}"`);
    f.verdict = args.verdict;
  }
  if (args.article !== undefined) f.articleId = String(args.article).trim();
  return f;
}

/** Each correction with the words it is about, each article read once. */
async function* withWords(store: Store, corrections: readonly Correction[]): AsyncGenerator<ExportedCorrection> {
  const texts = new Map<string, { text: string; sentences: { start: number; end: number }[] } | null>();
  for (const c of corrections) {
    if (!texts.has(c.articleId)) {
      const a = await store.getArticle(c.articleId);
      texts.set(c.articleId, a ? { text: a.text, sentences: a.spans.sentences } : null);
    }
    const a = texts.get(c.articleId);
    if (!a || c.end > a.text.length) {
      yield c;
      continue;
    }
    const s = a.sentences.find((x) => x.start <= c.start && c.start < x.end);
    yield { ...c, text: a.text.slice(c.start, c.end), sentence: c.kind === 'quote' || !s ? a.text.slice(c.start, c.end) : a.text.slice(s.start, s.end) };
  }
}

const LIST_ARGS = { ...FILTER, limit: { type: 'string', description: 'at most this many, or all', default: '50' }, json: { type: 'boolean', description: 'one JSON object a line', default: false } } as const;
const EXPORT_ARGS = { ...FILTER, format: { type: 'string', description: 'jsonl or csv', default: 'jsonl', valueHint: 'jsonl|csv' } } as const;
const IMPORT_ARGS = { file: { type: 'positional', description: 'a JSON lines file of corrections', required: true, valueHint: 'FILE' }, db: DB } as const;

const list = defineCommand({
  meta: { name: 'list', description: "Analysts' corrections, newest first: the verdict, the item, the reason. Exit code: 0 done; 2 usage error." },
  args: LIST_ARGS,
  async run({ args, rawArgs }) {
    rejectUnknownFlags(rawArgs, LIST_ARGS);
    const f = { ...filterOf(args as Record<string, unknown>), limit: parseLimit(args as Record<string, unknown>, 50) };
    const store = await openStore(args.db, process.env, { readonly: true });
    try {
      const items = await store.listCorrections(f);
      if (args.json) {
        for (const c of items) process.stdout.write(JSON.stringify(c) + '\n');
        return;
      }
      if (items.length === 0) return void process.stderr.write('no corrections\n');
      const rows = items.map((c) => [c.at.slice(0, 16), c.verdict, c.kind, c.kind === 'event' ? `${c.source}→${c.target || '–'} ${c.code}` : `${c.start}-${c.end}`, c.articleId.slice(0, 12), forTerminal(c.reason.slice(0, 60)), c.by ?? '']);
      process.stdout.write(formatTable(['at', 'verdict', 'kind', 'item', 'article', 'reason', 'by'], rows));
    } finally {
      await store.close();
    }
  },
});

const exporting = defineCommand({
  meta: {
    name: 'export',
    description: "Every correction (or those the filters keep), oldest first, as JSON lines (what `entente corrections import` and `npm run eval -- --corrections FILE` read) or formula-safe CSV, with the words each is about when its article is stored. Exit code: 0 done; 2 usage error.",
  },
  args: EXPORT_ARGS,
  async run({ args, rawArgs }) {
    rejectUnknownFlags(rawArgs, EXPORT_ARGS);
    if (args.format !== 'jsonl' && args.format !== 'csv') throw new UsageError(`--format must be jsonl or csv, got "${String(args.format)}"`);
    const f = filterOf(args as Record<string, unknown>);
    const store = await openStore(args.db, process.env, { readonly: true });
    try {
      const all = (await store.listCorrections(f)).reverse();
      if (args.format === 'csv') process.stdout.write(csvLine([...CSV_CORRECTION_COLUMNS]));
      for await (const c of withWords(store, all)) {
        process.stdout.write(args.format === 'jsonl' ? JSON.stringify(c) + '\n'
          : csvLine([c.key, c.kind, c.articleId, c.start, c.end, c.source, c.target, c.code, c.verdict, c.reason, c.by, c.at, c.text, c.sentence]));
      }
      process.stderr.write(`corrections: ${all.length} exported from ${store.location}\n`);
    } finally {
      await store.close();
    }
  },
});

const importing = defineCommand({
  meta: {
    name: 'import',
    description:
      'Store the corrections of a JSON lines file (as `entente corrections export` writes it): each replaces any earlier verdict on the same item; an item whose article is not stored yet is corrected when it comes. ' +
      `A bad line is reported (file:line: why) and skipped, the others stored. Exit code: ${EXIT.ok} done; ${EXIT.skipped} done, some lines skipped; ${EXIT.usage} usage error.`,
  },
  args: IMPORT_ARGS,
  async run({ args, rawArgs }) {
    rejectUnknownFlags(rawArgs, IMPORT_ARGS);
    const file = String(args.file);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
    }
    const store = await openStore(args.db, process.env);
    let stored = 0;
    let skipped = 0;
    try {
      for (const [i, line] of text.split('\n').entries()) {
        if (!line.trim()) continue;
        try {
          const c = checkedCorrection(JSON.parse(line) as Record<string, unknown>);
          await store.putCorrection(c);
          stored++;
        } catch (e) {
          if (!(e instanceof SyntaxError) && !(e instanceof EntenteError && e.code === 'E_CORRECTION')) throw e;
          skipped++;
          process.stderr.write(forTerminal(`${file}:${i + 1}: ${e.message.replace(/^\[entente\] /, '')}`) + '\n');
        }
      }
    } finally {
      await store.close();
    }
    process.stderr.write(`corrections: ${stored} stored, ${skipped} skipped\n`);
    process.exitCode = skipped ? EXIT.skipped : EXIT.ok;
  },
});

export default defineCommand({
  meta: {
    name: 'corrections',
    description: "Analysts' corrections: events and quotes marked wrong (they leave relations and exports) or confirmed right, as the dashboard and /api/corrections give them; list them, take them away (export) and bring them back (import).",
  },
  subCommands: { list, export: exporting, import: importing },
});
