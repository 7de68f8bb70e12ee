import { createWriteStream, readdirSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';

/** The signals that end a run from outside (Ctrl-C, kill, a closed terminal): each removes the temporary files first. */
const ENDING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Writes several files so that either all of them appear complete under their names or none
 * does: `write` gets streams to temporary files beside the targets, which are renamed only after
 * it succeeds and every stream is flushed; on failure the temporary files are removed and the
 * error goes on. A file already at a target is replaced only on success.
 *
 * A run ended by a signal removes its temporary files before it ends (the signal then does what it
 * would have done); a run killed outright (SIGKILL, a power cut) leaves them, and the next run to
 * the same target removes those whose process is gone.
 *
 * @example await writeAtomically(['out.tsv'], async ([s]) => { s.write('a\n'); });
 */
export async function writeAtomically<T>(targets: string[], write: (streams: WriteStream[]) => Promise<T>): Promise<T> {
  targets.forEach(removeStaleTemps);
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temps = targets.map((t) => `${t}.tmp-${tag}`);
  // 'wx' never takes over a file someone else made, and only the files we opened are ours to remove
  const opened = new Set<string>();
  // a stream error must not crash the process as an unhandled 'error' event: `put` and `finished` see it and reject
  const streams = temps.map((t) => createWriteStream(t, { flags: 'wx' }).once('open', () => opened.add(t)).on('error', () => {}));
  const onSignal = (signal: NodeJS.Signals): void => {
    opened.forEach((t) => rmSync(t, { force: true }));
    ENDING_SIGNALS.forEach((s) => process.off(s, onSignal));
    // with no other handler, the signal is sent again to meet Node's default: the process ends as it would have
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  ENDING_SIGNALS.forEach((s) => process.on(s, onSignal));
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
  } finally {
    ENDING_SIGNALS.forEach((s) => process.off(s, onSignal));
  }
}

/**
 * Removes the temporary files of `target` (`target.tmp-PID-xxxxxxxx`) whose process has ended. A
 * live process's are its own, whatever it is doing; a reused process id only means one is kept.
 */
function removeStaleTemps(target: string): void {
  const name = basename(target);
  let files: string[];
  try {
    files = readdirSync(dirname(target));
  } catch {
    return; // the folder's own error comes when the file is opened
  }
  for (const f of files) {
    if (!f.startsWith(name + '.tmp-')) continue;
    const m = /^(\d+)-[0-9a-f]{8}$/.exec(f.slice(name.length + 5));
    if (m && !alive(Number(m[1]))) rmSync(join(dirname(target), f), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, under another user
    return (e as NodeJS.ErrnoException).code === 'EPERM';
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
