import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { defineCommand } from 'citty';
import type { Article } from '../../model/article.js';
import type { CodedEvent } from '../../model/event.js';
import { UsageError } from '../../model/errors.js';
import { toInputSpan } from '../../model/source-map.js';
import { readDate } from '../../model/date.js';
import { analyze, STAGES, type Stage } from '../../pipeline/index.js';
import { stagesWith } from '../../pipeline/with-dictionaries.js';
import { loadDictionaryDir } from '../petrarch-dir.js';
import { Progress } from '../progress.js';
import { EXIT, pathsOf } from '../shared.js';

/**
 * PETRARCH's place in a workflow, without a store: JSON lines `{id, date, text}` in, one JSON line
 * `{id, events:[…]}` out per input line, in input order. A bad line is reported on standard error
 * with its file and line number and the run goes on; `--dictionaries DIR` codes with PETRARCH-2
 * dictionary files in place of the built-in ones.
 */
export default defineCommand({
  meta: {
    name: 'code',
    description: `Code events in JSON lines {id, date, text} (files or - for standard input), without storing: one line {id, events:[{source, target, code, root, plover, mode, context, goldstein, quad, negated, modality, evidence, rule}]} per input line. Bad lines are reported on standard error with their line number and skipped. Exit code: ${EXIT.ok} done; ${EXIT.skipped} some lines skipped; ${EXIT.usage} usage error; ${EXIT.fatal} a dictionary file is malformed.`,
  },
  args: {
    paths: { type: 'positional', description: 'JSON lines files, or - for standard input', required: true, valueHint: 'FILE…' },
    dictionaries: { type: 'string', description: 'a folder of PETRARCH-2 dictionaries (CAMEO*.txt verbs, *.actors.txt, *agents.txt, *discards.txt) to use in place of the built-in ones; the files present decide what is replaced', valueHint: 'DIR' },
    quiet: { type: 'boolean', description: 'no progress or dictionary summary on standard error (bad lines are still reported)', default: false },
  },
  async run({ args }) {
    const say = args.quiet ? () => {} : (l: string) => process.stderr.write(`${l}\n`);
    let stages: readonly Stage[] = STAGES;
    if (args.dictionaries !== undefined) {
      if (args.dictionaries === '') throw new UsageError('--dictionaries needs a folder');
      const t0 = Date.now();
      stages = stagesWith(loadDictionaryDir(args.dictionaries, say));
      say(`dictionaries from ${args.dictionaries} ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    const progress = new Progress('code', process.stderr, !args.quiet);
    const n = { lines: 0, events: 0, bad: 0 };
    for (const path of pathsOf(args, 'paths')) {
      let input: NodeJS.ReadableStream;
      if (path === '-') input = process.stdin;
      else {
        const stream = createReadStream(path);
        // an unreadable file is one bad input, reported like a bad line; the others are still coded
        const opened = await new Promise<Error | undefined>((ok) => stream.once('open', () => ok(undefined)).once('error', ok));
        if (opened) {
          n.bad++;
          progress.clear();
          process.stderr.write(`${path}: cannot read: ${opened.message}\n`);
          continue;
        }
        input = stream;
      }
      let line = 0;
      for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
        line++;
        const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw; // a byte-order mark left by an editor
        if (text.trim() === '') continue;
        const where = `${path === '-' ? 'stdin' : path}:${line}`;
        const rec = readLine(text);
        if (typeof rec === 'string') {
          n.bad++;
          progress.clear();
          process.stderr.write(`${where}: ${rec}; line skipped\n`);
          continue;
        }
        const a = analyze({ text: rec.text, origin: where, format: 'text', given: { ...(rec.date ? { date: rec.date } : {}), ...(rec.title ? { title: rec.title } : {}) } }, stages);
        n.lines++;
        if ('skipped' in a) {
          // no body, not English: still one output line, so outputs stay aligned with inputs
          process.stdout.write(JSON.stringify({ id: rec.id, events: [], skipped: { reason: a.reason, detail: a.detail } }) + '\n');
          continue;
        }
        const events = a.events.map((e) => eventRecord(a, e));
        n.events += events.length;
        process.stdout.write(JSON.stringify({ id: rec.id, events }) + '\n');
        progress.tick(() => `${n.lines} lines, ${n.events} events${n.bad ? `, ${n.bad} bad lines` : ''}`);
      }
    }
    progress.done();
    say(`code: ${n.lines} lines coded, ${n.events} events${n.bad ? `, ${n.bad} bad lines skipped` : ''}`);
    process.exitCode = n.bad > 0 ? EXIT.skipped : EXIT.ok;
  },
});

interface InputLine { id: string | number; text: string; date?: string; title?: string }

/**
 * One input line, or what is wrong with it.
 * @example readLine('{"id": 1, "text": "…"}') // { id: 1, text: '…' }
 */
export function readLine(s: string): InputLine | string {
  let v: unknown;
  try {
    v = JSON.parse(s);
  } catch (err) {
    return `not JSON (${(err as Error).message})`;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not a JSON object';
  const o = v as Record<string, unknown>;
  if (typeof o.id !== 'string' && typeof o.id !== 'number') return '"id" must be a string or a number';
  if (typeof o.text !== 'string' || o.text.trim() === '') return '"text" must be a non-empty string';
  // PETRARCH's own inputs date stories as YYYYMMDD, which readDate reads too
  const date = o.date === undefined || o.date === null ? undefined : readDate(o.date);
  if (date && !date.ok) return `"date" must be a date such as 2021-03-23 or 20210323, got ${JSON.stringify(o.date)}: ${date.reason}`;
  const out: InputLine = { id: o.id, text: o.text };
  if (date) out.date = date.value;
  if (typeof o.title === 'string' && o.title.trim() !== '') out.title = o.title;
  return out;
}

/** One event as `entente code` prints it: PETRARCH's fields, PLOVER's, and the evidence in both texts. */
export function eventRecord(a: Article, e: CodedEvent) {
  const trigger = toInputSpan(a.sourceMap, e);
  const sentence = toInputSpan(a.sourceMap, e.sentenceSpan);
  return {
    source: e.source.code,
    target: e.target?.code ?? null,
    sources: e.sources,
    targets: e.targets,
    code: e.code,
    root: e.root,
    plover: e.plover?.event ?? null,
    mode: e.plover?.mode ?? null,
    context: e.plover?.context ?? [],
    goldstein: e.goldstein,
    quad: e.quad,
    negated: e.negated,
    modality: e.modality,
    date: e.date ?? null,
    confidence: e.confidence,
    evidence: {
      sentence: a.text.slice(e.sentenceSpan.start, e.sentenceSpan.end),
      start: e.start,
      end: e.end,
      sentenceStart: e.sentenceSpan.start,
      sentenceEnd: e.sentenceSpan.end,
      inputStart: trigger.start,
      inputEnd: trigger.end,
      inputSentenceStart: sentence.start,
      inputSentenceEnd: sentence.end,
    },
    rule: e.rule,
  };
}
