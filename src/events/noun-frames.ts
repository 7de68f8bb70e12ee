/** Loading the noun-event frames (`data/events/noun-frames.json`), checked like every data file. */
import { readDataJson } from '../data/read.js';
import { expectObject, expectWords, freezeMap } from '../data/validate.js';
import { DataFileError } from '../model/errors.js';

const FILE = 'data/events/noun-frames.json';
/** The fields a frame may have (`reciprocal`, `reverse` and `compound` are optional). */
const FRAME_KEYS = new Set(['id', 'nouns', 'code', 'from', 'target_cases', 'reciprocal', 'reverse', 'compound']);

/** One noun's event: its CAMEO code, how its parties attach, and whether it holds both ways. */
export interface NounFrame {
  id: string;
  code: string;
  /** case markers of the nominal naming the one acted on ("of Crimea", "against ISIS") */
  targetCases: ReadonlySet<string>;
  /** a meeting or talks: coded once per direction, and "between A and B" names both sides */
  reciprocal: boolean;
  /** the other side's act ("a visit to X": X hosts it) */
  reverse?: string;
  /** a word that must be the noun's compound ("phone call"); absent when none is needed */
  compound?: ReadonlySet<string>;
}

export interface NounFrames {
  /** noun lemma → its frame */
  nouns: ReadonlyMap<string, NounFrame>;
  sourceRelations: ReadonlySet<string>;
  agentCases: ReadonlySet<string>;
  /** verbs whose object is an act their subject does ("imposed sanctions on"): that subject is the noun's source */
  supportVerbs: ReadonlySet<string>;
  /** verbs (as verbs) and nouns whose complement is not an act that took place ("called for talks", "the prospect of an attack") */
  blockingVerbs: ReadonlySet<string>;
  blockingNouns: ReadonlySet<string>;
  /** adjectives that make the noun's act one not (yet) done ("pending sanctions", "upcoming talks") */
  unrealised: ReadonlySet<string>;
  blockingCases: ReadonlySet<string>;
  modals: ReadonlySet<string>;
}

/** Check and freeze the frames of `data/events/noun-frames.json`. @example parseNounFrames(json).nouns.get('annexation')?.code // '171' */
export function parseNounFrames(json: unknown, file = FILE): NounFrames {
  const o = expectObject(file, json, ['$comment', 'source_relations', 'agent_cases', 'frames', 'support_verbs', 'blocking_verbs', 'blocking_nouns', 'unrealised_modifiers', 'blocking_cases', 'modals']);
  if (!Array.isArray(o.frames) || o.frames.length === 0) throw new DataFileError(file, '"frames" must be a non-empty array');
  const nouns = new Map<string, NounFrame>();
  o.frames.forEach((raw: unknown, i: number) => {
    const where = `${file} frames[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new DataFileError(where, 'expected a JSON object');
    const f = raw as Record<string, unknown>;
    for (const k of Object.keys(f)) if (!FRAME_KEYS.has(k)) throw new DataFileError(where, `unknown field "${k}"`);
    if (typeof f.id !== 'string' || f.id === '') throw new DataFileError(where, '"id" must be a non-empty string');
    if (typeof f.code !== 'string' || !/^\d{2,4}$/.test(f.code)) throw new DataFileError(where, '"code" must be a CAMEO code');
    if (f.reverse !== undefined && (typeof f.reverse !== 'string' || !/^\d{2,4}$/.test(f.reverse))) throw new DataFileError(where, '"reverse" must be a CAMEO code');
    if (typeof f.from !== 'string' || f.from === '') throw new DataFileError(where, '"from" must name the source of the code');
    if (f.reciprocal !== undefined && typeof f.reciprocal !== 'boolean') throw new DataFileError(where, '"reciprocal" must be a boolean');
    const frame: NounFrame = {
      id: f.id,
      code: f.code,
      targetCases: new Set(expectWords(where, f, 'target_cases')),
      reciprocal: f.reciprocal === true,
      ...(f.reverse !== undefined ? { reverse: f.reverse as string } : {}),
      ...(f.compound !== undefined ? { compound: new Set(expectWords(where, f, 'compound')) } : {}),
    };
    for (const n of expectWords(where, f, 'nouns')) {
      if (nouns.has(n)) throw new DataFileError(where, `noun "${n}" is in two frames`);
      nouns.set(n, frame);
    }
  });
  return Object.freeze({
    nouns: freezeMap(nouns),
    sourceRelations: new Set(expectWords(file, o, 'source_relations')),
    agentCases: new Set(expectWords(file, o, 'agent_cases')),
    supportVerbs: new Set(expectWords(file, o, 'support_verbs')),
    blockingVerbs: new Set(expectWords(file, o, 'blocking_verbs')),
    blockingNouns: new Set(expectWords(file, o, 'blocking_nouns')),
    unrealised: new Set(expectWords(file, o, 'unrealised_modifiers')),
    blockingCases: new Set(expectWords(file, o, 'blocking_cases')),
    modals: new Set(expectWords(file, o, 'modals')),
  });
}

let builtin: NounFrames | undefined;

/** The built-in frames, read and checked once. @example loadNounFrames().nouns.has('talks') // true */
export function loadNounFrames(): NounFrames {
  return (builtin ??= parseNounFrames(readDataJson(FILE)));
}
