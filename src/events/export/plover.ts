/**
 * PLOVER export: one JSON record per line per de-duplicated event, checked against the record
 * fields of the PLOVER codebook (`data/events/plover-record.json`). Compound actors stay whole:
 * `actor` and `recipient` are lists of entities, and the dyads a compound was split into give
 * one record, not one per dyad. Events PLOVER does not code (CAMEO 01x/02x, no PLOVER type) are
 * left out and counted.
 */
import type { Writable } from 'node:stream';
import { EntenteError } from '../../model/errors.js';
import type { EventParty } from '../../model/event.js';
import type { StoredEvent } from '../../store/types.js';
import { loadPloverRecordFields, type PloverRecordFields } from './plover-fields.js';
import { eventGroups, outletKey, put, triggerText, type EventSource } from './stream.js';

export type PloverRecord = Record<string, unknown>;

/** A PLOVER record lacks a required field or holds one the codebook does not know. */
export class PloverRecordError extends EntenteError {
  constructor(message: string) {
    super('E_PLOVER_RECORD', message);
    this.name = 'PloverRecordError';
  }
}

/** The compound's codes as entities; the party that was coded keeps its name. */
function entities(codes: string[], party: EventParty | undefined): { code: string; entity_text?: string }[] {
  const list = codes.length ? codes : party ? [party.code] : [];
  return list.map((code) => (party && code === party.code ? { code, entity_text: party.name } : { code }));
}

/** The PLOVER record of a group of stored events (the same event in several articles), or undefined when PLOVER does not code it. */
export function ploverRecord(group: StoredEvent[]): PloverRecord | undefined {
  const first = group[0];
  const e = first.event;
  if (!e.plover) return undefined;
  const auxiliary = first.negated ? 'negation' : first.modality !== 'asserted' ? first.modality : undefined;
  const record: PloverRecord = {
    id: first.group,
    date: first.date,
    actor: entities(e.sources, e.source),
    event: e.plover.event,
    has_event: !first.negated,
    quad_code: first.quad,
    event_text: triggerText(first),
    text: first.sentence,
    text_info: { sequence: e.sentence, start: e.sentenceSpan.start, end: e.sentenceSpan.end },
    coder: `entente ${first.rule}`,
  };
  if (e.target || e.targets.length) record.recipient = entities(e.targets, e.target);
  // PLOVER's auxiliary modes (future, hypothetical, historical, negation) go in `mode` when the type has none of its own
  const mode = e.plover.mode ?? auxiliary;
  if (mode) record.mode = mode;
  if (e.plover.context.length) record.context = e.plover.context;
  const cite: Record<string, string> = { corpus: 'entente', citation: `entente:${first.articleId}` };
  if (first.outlet) cite.publication = first.outlet;
  if (first.url) cite.url = first.url;
  record.cite_info = cite;
  const notes = [`${group.length} mention(s) in ${new Set(group.map((m) => m.articleId)).size} article(s) from ${new Set(group.map(outletKey)).size} source(s); CAMEO ${first.code}, Goldstein ${first.goldstein}`];
  if (auxiliary && auxiliary !== mode) notes.push(`auxiliary mode ${auxiliary}`);
  record.comment = notes.join('; ');
  return record;
}

function empty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/**
 * Checks a record against the codebook's fields: every required one present and non-empty,
 * nothing outside the known fields, entities and nested objects with known keys only.
 * @throws PloverRecordError naming the record and the field
 */
export function validatePloverRecord(r: PloverRecord, fields: PloverRecordFields = loadPloverRecordFields()): void {
  const id = typeof r.id === 'string' && r.id ? r.id : JSON.stringify(r).slice(0, 80);
  for (const f of fields.required) {
    if (empty(r[f])) throw new PloverRecordError(`PLOVER record ${id}: required field "${f}" is missing or empty`);
  }
  for (const k of Object.keys(r)) {
    if (!fields.required.includes(k) && !fields.optional.includes(k)) throw new PloverRecordError(`PLOVER record ${id}: field "${k}" is not in the PLOVER codebook`);
  }
  const nested: [string, readonly string[]][] = [['text_info', fields.textInfo], ['cite_info', fields.citeInfo]];
  for (const [k, allowed] of nested) {
    const v = r[k] as Record<string, unknown> | undefined;
    for (const key of Object.keys(v ?? {})) {
      if (!allowed.includes(key)) throw new PloverRecordError(`PLOVER record ${id}: ${k}.${key} is not in the PLOVER codebook`);
    }
  }
  for (const side of ['actor', 'recipient']) {
    for (const ent of (r[side] as Record<string, unknown>[] | undefined) ?? []) {
      if (empty(ent.code)) throw new PloverRecordError(`PLOVER record ${id}: an entity of "${side}" has no code`);
      for (const key of Object.keys(ent)) {
        if (!fields.entity.includes(key)) throw new PloverRecordError(`PLOVER record ${id}: ${side}.${key} is not in the PLOVER codebook`);
      }
    }
  }
}

/**
 * Writes one validated PLOVER record per line. Needs events in date order (see `eventGroups`).
 * @returns records written, and events left out because PLOVER does not code them
 * @throws PloverRecordError on the first invalid record; what was written before stays, so the caller writes to a temporary file
 */
export async function writePlover(events: EventSource, out: Writable): Promise<{ records: number; notPlover: number }> {
  const fields = loadPloverRecordFields();
  let records = 0;
  let notPlover = 0;
  for await (const day of eventGroups(events)) {
    // a compound ("Hungary and Slovakia") was split into one event per dyad at the same trigger
    const written = new Set<string>();
    for (const group of day) {
      const r = ploverRecord(group);
      if (!r) { notPlover += group.length; continue; }
      const e = group[0];
      const compound = `${e.articleId}:${e.event.start}:${e.event.end}:${e.code}`;
      if (written.has(compound)) continue;
      written.add(compound);
      validatePloverRecord(r, fields);
      await put(out, JSON.stringify(r) + '\n');
      records++;
    }
  }
  return { records, notPlover };
}
