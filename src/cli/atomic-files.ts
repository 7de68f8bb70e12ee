import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { finished } from 'node:stream/promises';

/**
 * Writes several files so that either all of them appear complete under their names or none
 * does: `write` gets streams to temporary files beside the targets, which are renamed only after
 * it succeeds and every stream is flushed; on failure the temporary files are removed and the
 * error goes on. A file already at a target is replaced only on success.
 *
 * @example await writeAtomically(['out.tsv'], async ([s]) => { s.write('a\n'); });
 */
export async function writeAtomically<T>(targets: string[], write: (streams: WriteStream[]) => Promise<T>): Promise<T> {
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temps = targets.map((t) => `${t}.tmp-${tag}`);
  // 'wx' never takes over a file someone else made, and only the files we opened are ours to remove
  const opened = new Set<string>();
  // a stream error must not crash the process as an unhandled 'error' event: `put` and `finished` see it and reject
  const streams = temps.map((t) => createWriteStream(t, { flags: 'wx' }).once('open', () => opened.add(t)).on('error', () => {}));
  try {
    const result = await write(streams);
    await Promise.all(streams.map(close));
    temps.forEach((t, i) => renameSync(t, targets[i]));
    return result;
  } catch (error) {
    // a stream may still be opening its file: remove the file only once the stream has closed, or it would appear afterwards
    await Promise.all(streams.map(discard));
    temps.forEach((t) => opened.has(t) && rmSync(t, { force: true }));
    throw error;
  }
}

async function discard(s: WriteStream): Promise<void> {
  if (s.closed) return;
  const closed = new Promise<void>((res) => s.once('close', () => res()));
  s.destroy();
  await closed;
}

async function close(s: WriteStream): Promise<void> {
  s.end();
  await finished(s);
}
