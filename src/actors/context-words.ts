/**
 * Words that stand for an actor the article named before them: nouns for armed men of no named
 * side ("militants") for the armed group, and "the North", "the South" for the country whose name
 * begins so. Read from `data/actors/context-words.json` once.
 */
import { readDataJson } from '../data/read.js';
import { DataFileError } from '../model/errors.js';
import type { Actor } from '../model/actor.js';

const FILE = 'data/actors/context-words.json';

export interface ContextWords {
  /** roles.json rules of the armed nouns ("roles/militant") */
  rules: ReadonlySet<string>;
  roles: ReadonlySet<string>;
  halves: ReadonlySet<string>;
  /** lower case */
  halfNouns: ReadonlySet<string>;
}

let cached: ContextWords | undefined;

/** @example contextWords().rules.has('roles/militant') // true */
export function contextWords(): ContextWords {
  if (cached) return cached;
  const raw = readDataJson(FILE) as Record<string, unknown>;
  const words = (key: string): string[] => {
    const v = raw?.[key];
    if (!Array.isArray(v) || v.length === 0 || !v.every((w) => typeof w === 'string' && w !== '' && w.trim() === w)) throw new DataFileError(FILE, `"${key}" must be a non-empty array of words`);
    return v as string[];
  };
  return (cached = {
    rules: new Set(words('armed_nouns').map((w) => `roles/${w}`)),
    roles: new Set(words('group_roles')),
    halves: new Set(words('halves')),
    halfNouns: new Set(words('half_nouns').map((w) => w.toLowerCase())),
  });
}

/** An organisation of armed men outside a state's forces (Hamas, the Islamic State, the Taliban before 2021). */
export function armedGroup(a: Actor, g: ContextWords = contextWords()): boolean {
  return a.kind === 'organisation' && (g.roles.has(a.code.slice(0, 3)) || a.roles.some((r) => g.roles.has(r)));
}
