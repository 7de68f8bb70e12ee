import { defineCommand } from 'citty';
import { analyze } from '../../pipeline/index.js';
import { DEFAULT_MAX_BYTES, readItems } from '../../ingest/index.js';
import { EXIT, parseMaxBytes, pathsOf } from '../shared.js';

/**
 * One JSON line per input, no store: `{file, id, title, source, date, url, text}` or
 * `{file, skipped: {reason, detail}}`. `text` is the clean body, paragraphs separated by a blank line.
 */
export default defineCommand({
  meta: {
    name: 'extract',
    description: `Clean articles and print their body and metadata without storing them. Exit code: ${EXIT.ok} all extracted; ${EXIT.skipped} some inputs skipped; ${EXIT.usage} usage error.`,
  },
  args: {
    paths: { type: 'positional', description: 'files, folders, globs or - (standard input)', required: true, valueHint: 'PATH…' },
    json: { type: 'boolean', description: 'one JSON line per input (otherwise a readable listing)', default: false },
    'max-bytes': { type: 'string', description: 'skip any single input larger than this many bytes', default: String(DEFAULT_MAX_BYTES) },
  },
  async run({ args }) {
    const maxBytes = parseMaxBytes(args['max-bytes']);
    let skipped = 0;
    for await (const item of readItems(pathsOf(args, 'paths'), { maxBytes })) {
      const a = 'skipped' in item ? item : analyze(item);
      if ('skipped' in a) {
        skipped++;
        if (args.json) write({ file: a.origin, skipped: { reason: a.reason, detail: a.detail } });
        else process.stderr.write(`skipped ${a.origin}: ${a.reason}: ${a.detail}\n`);
        continue;
      }
      const m = a.meta;
      const rec = { file: a.origin, id: a.id, title: m.title?.value ?? null, source: m.source?.value ?? null, date: m.date?.value ?? null, url: m.url?.value ?? null, text: a.text };
      if (args.json) write(rec);
      else write(`# ${rec.title ?? '(no title)'}\n${[rec.source, rec.date, rec.url].filter(Boolean).join(' · ')}\n${rec.file} · ${rec.id}\n\n${rec.text}\n`, false);
    }
    process.exitCode = skipped > 0 ? EXIT.skipped : EXIT.ok;
  },
});

function write(x: unknown, json = true): void {
  process.stdout.write(json ? JSON.stringify(x) + '\n' : `${x as string}\n`);
}
