/** Loading the trigger frames (`data/events/frames.json`), checked like every data file. */
import { readDataJson } from '../data/read.js';
import { expectObject, expectWords } from '../data/validate.js';
import { DataFileError } from '../model/errors.js';
import type { Frame, Frames } from './frames.js';

const FILE = 'data/events/frames.json';
const CODE = /^\d{2,4}$/;

/** Check and freeze the frames of `data/events/frames.json`. @example parseFrames(json).byLemma.get('take')?.[0].id // 'take-light' */
export function parseFrames(json: unknown, file = FILE): Frames {
  const o = expectObject(file, json, ['$comment', 'classes', 'general', 'frames', 'patterns', 'fallback_skip', 'fallback_stop']);
  const classesRaw = record(file, o.classes, 'classes');
  const classes = new Map<string, ReadonlySet<string>>();
  for (const name of Object.keys(classesRaw)) classes.set(name, new Set(expectWords(file, classesRaw, name)));
  const cls = (at: string, v: unknown): ReadonlySet<string> => {
    const c = typeof v === 'string' && v.startsWith('@') ? classes.get(v.slice(1)) : undefined;
    if (!c) throw new DataFileError(file, `${at} must name a class ("@name" of "classes"), got ${JSON.stringify(v)}`);
    return c;
  };
  const ids = new Set<string>();
  /** {case: markers, noun?: "@class"}: an oblique, or a modifier of the object */
  const oblique = (at: string, v: unknown) => {
    const ob = record(file, v, at);
    return { cases: new Set(expectWords(file, ob, 'case')), ...(ob.noun !== undefined ? { nouns: cls(`${at}.noun`, ob.noun) } : {}) };
  };
  const frame = (at: string, v: unknown): Frame => {
    const r = record(file, v, at);
    for (const k of Object.keys(r)) if (!['id', 'code', 'upos', 'lemma', 'rel', 'obj', 'obl', 'obj_mod', 'xcomp', 'prt'].includes(k)) throw new DataFileError(file, `${at}: unknown field "${k}"`);
    if (typeof r.id !== 'string' || r.id === '' || ids.has(r.id)) throw new DataFileError(file, `${at}.id must be a new non-empty string`);
    ids.add(r.id);
    if (!(r.code === null || r.code === 'keep' || (typeof r.code === 'string' && CODE.test(r.code)))) throw new DataFileError(file, `${at}.code must be null, "keep" or a CAMEO code`);
    const f: Frame = { id: r.id, code: r.code as string | null };
    if (r.upos !== undefined) f.upos = new Set(expectWords(file, r, 'upos'));
    if (r.rel !== undefined) f.rel = new Set(expectWords(file, r, 'rel'));
    if (r.lemma !== undefined) f.lemma = cls(`${at}.lemma`, r.lemma);
    if (r.obj !== undefined) f.obj = r.obj === 'none' || r.obj === 'any' ? r.obj : cls(`${at}.obj`, r.obj);
    if (r.xcomp !== undefined) {
      if (typeof r.xcomp !== 'boolean') throw new DataFileError(file, `${at}.xcomp must be true or false`);
      f.xcomp = r.xcomp;
    }
    if (r.prt !== undefined) f.prt = new Set(expectWords(file, r, 'prt'));
    if (r.obl !== undefined) f.obl = oblique(`${at}.obl`, r.obl);
    if (r.obj_mod !== undefined) f.objMod = oblique(`${at}.obj_mod`, r.obj_mod);
    return f;
  };
  const list = (at: string, v: unknown): Frame[] => {
    if (!Array.isArray(v)) throw new DataFileError(file, `${at} must be an array of frames`);
    return v.map((x, i) => frame(`${at}[${i}]`, x));
  };
  const general = list('general', o.general);
  const byLemma = new Map<string, readonly Frame[]>();
  const fr = record(file, o.frames, 'frames');
  for (const lemma of Object.keys(fr)) byLemma.set(lemma, list(`frames.${lemma}`, fr[lemma]));
  const patterns = new Map<string, readonly Frame[]>();
  const pr = record(file, o.patterns, 'patterns');
  for (const id of Object.keys(pr)) patterns.set(id, list(`patterns.${id}`, pr[id]));
  return Object.freeze({ general, byLemma, patterns, skip: new Set(expectWords(file, o, 'fallback_skip')), stop: new Set(expectWords(file, o, 'fallback_stop')) });
}

function record(file: string, v: unknown, at: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new DataFileError(file, `${at} must be an object`);
  return v as Record<string, unknown>;
}

let builtin: Frames | undefined;

/** The built-in frames, read and checked once. @example loadFrames().byLemma.has('take') // true */
export function loadFrames(): Frames {
  return (builtin ??= parseFrames(readDataJson(FILE)));
}
