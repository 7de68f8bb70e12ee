import { Writable } from 'node:stream';
import type { Context } from 'hono';
import { writeCsv } from '../../events/export/csv.js';
import { writeGdelt } from '../../events/export/gdelt.js';
import { writePlover } from '../../events/export/plover.js';
import { inDyadView, type DyadViewFilter, type Store, type StoredEvent } from '../../store/index.js';

export const EXPORT_FORMATS = ['csv', 'gdelt', 'gdelt-mentions', 'plover'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const TYPES: Record<ExportFormat, [string, string]> = {
  csv: ['text/csv; charset=utf-8; header=present', 'csv'],
  gdelt: ['text/tab-separated-values; charset=utf-8', 'events.tsv'],
  'gdelt-mentions': ['text/tab-separated-values; charset=utf-8', 'mentions.tsv'],
  plover: ['application/x-ndjson; charset=utf-8', 'plover.jsonl'],
};

/**
 * The view's events (`inDyadView`) in date order, read in one snapshot (`eventsInSnapshot`): the
 * store narrows by dyad, range, quad and code, the rest is narrowed here.
 */
async function* viewEvents(store: Store, f: DyadViewFilter): AsyncGenerator<StoredEvent> {
  for await (const e of store.eventsInSnapshot({ dyad: f.dyad, undirected: f.undirected, from: f.from, to: f.to, quad: f.quad, code: f.code })) {
    if (inDyadView(e, f)) yield e;
  }
}

/** The file's name: the dyad, its direction and its range. @example exportName(f, 'csv') // 'entente-RUS-EU-both-2017-01-01-2019-12-31.csv' */
export function exportName(f: DyadViewFilter, format: ExportFormat): string {
  const parts = ['entente', f.dyad[0], f.dyad[1], f.undirected ? 'both' : 'directed', f.from ?? 'start', f.to ?? 'end'];
  return `${parts.join('-')}.${TYPES[format][1]}`;
}

/**
 * A writable whose bytes become a web stream's, with its back-pressure: a slow client holds the
 * writer (and never the whole export in memory), and a client that goes away fails the next
 * write, which ends the writer and lets go of the store's snapshot.
 */
function pipeToWeb(): { sink: Writable; body: ReadableStream<Uint8Array>; fail(e: Error): void } {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let waiting: ((e?: Error) => void) | undefined;
  let gone = false;
  const body = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    pull: () => { const w = waiting; waiting = undefined; w?.(); },
    cancel: () => { gone = true; const w = waiting; waiting = undefined; w?.(new Error('the client went away')); },
  }, { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength });
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (gone) return done(new Error('the client went away'));
      controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if ((controller.desiredSize ?? 0) > 0) done();
      else waiting = done;
    },
    final(done) {
      if (!gone) controller.close();
      done();
    },
  });
  // the writers wait for 'drain'; a failed write ends them through 'error'
  sink.on('error', () => {});
  // a writer that fails part-way fails the download, rather than ending it as if complete
  const fail = (e: Error) => { if (!gone) { gone = true; controller.error(e); } };
  return { sink, body, fail };
}

/** A writable that keeps nothing: the GDELT table not asked for. */
const nowhere = () => new Writable({ write: (_c, _e, done) => done() });

/**
 * Streams the view's events as a download in the format asked: the writers of `entente export`
 * (src/events/export), so a file from the dashboard is the file the command writes for the same
 * events. A failure after the first bytes can only cut the download short; it is logged.
 */
export function exportDyad(c: Context, store: Store, f: DyadViewFilter, format: ExportFormat, log: (message: string) => void): Response {
  const { sink, body, fail } = pipeToWeb();
  const events = viewEvents(store, f);
  const write = async () => {
    if (format === 'csv') await writeCsv(events, sink);
    else if (format === 'plover') await writePlover(events, sink);
    else await writeGdelt(events, format === 'gdelt' ? { events: sink, mentions: nowhere() } : { events: nowhere(), mentions: sink });
    await new Promise<void>((done, fail) => sink.end((e?: Error | null) => (e ? fail(e) : done())));
  };
  write().catch(async (e: Error) => {
    await events.return(undefined).catch(() => {});
    if (!/client went away/.test(e.message)) log(`export of ${f.dyad.join('–')} as ${format} failed: ${e.message}`);
    fail(e);
    sink.destroy();
  });
  return c.body(body, 200, {
    'Content-Type': TYPES[format][0],
    'Content-Disposition': `attachment; filename="${exportName(f, format)}"`,
  });
}
