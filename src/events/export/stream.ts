import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { StoredEvent } from '../../store/types.js';

/** Events as a writer takes them: a list in memory, or pages read from a store one after another. */
export type EventSource = Iterable<StoredEvent> | AsyncIterable<StoredEvent>;

/** Writes and waits when the stream's buffer is full, so a slow file never holds the whole export in memory. */
export async function put(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * The events of one group together (the same event reported in several articles). Groups are
 * keyed by day, so with events in date order (as `listEvents` returns them) a group is complete
 * when the day changes and only one day's events are held at a time.
 */
export async function* eventGroups(events: EventSource): AsyncGenerator<StoredEvent[][]> {
  let day: string | undefined;
  let groups = new Map<string, StoredEvent[]>();
  for await (const e of events) {
    const d = e.date ?? '';
    // an undated event among dated ones (a store row whose date was not a date, read as none)
    // cannot share a group with the undated ones before it: it stands alone
    if (d === '' && day !== undefined && day !== '') {
      yield [[e]];
      continue;
    }
    if (day !== undefined && d !== day) {
      if (d < day) throw new RangeError(`events must come in date order: ${e.articleId}#${e.index} dated ${d || 'none'} after ${day}`);
      yield [...groups.values()];
      groups = new Map();
    }
    day = d;
    const g = groups.get(e.group);
    if (g) g.push(e);
    else groups.set(e.group, [e]);
  }
  if (groups.size) yield [...groups.values()];
}

/** The key outlets are counted by: the outlet, or the article itself when its outlet is unknown. */
export function outletKey(e: StoredEvent): string {
  return e.outlet ? `outlet:${e.outlet}` : `article:${e.articleId}`;
}

/** The trigger words, cut from the evidence sentence (the store keeps the sentence, not the article). */
export function triggerText(e: StoredEvent): string {
  const at = e.event.sentenceSpan.start;
  return e.sentence.slice(e.event.start - at, e.event.end - at);
}
