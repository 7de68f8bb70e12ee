/**
 * Nouns for armed men of no named side ("militants", "the insurgents") that stand for the armed
 * group the article named before them, and the roles that make an organisation such a group.
 * Read from `data/actors/context-groups.json` once.
 */
import { readDataJson } from '../data/read.js';
import { DataFileError } from '../model/errors.js';
import type { Actor } from '../model/actor.js';

const FILE = 'data/actors/context-groups.json';

export interface ContextGroups {
  /** roles.json rules of the nouns ("roles/militant") */
  rules: ReadonlySet<string>;
  roles: ReadonlySet<string>;
}

let cached: ContextGroups | undefined;

/** @example contextGroups().rules.has('roles/militant') // true */
export function contextGroups(): ContextGroups {
  if (cached) return cached;
  const raw = readDataJson(FILE) as { nouns?: unknown; group_roles?: unknown };
  const words = (v: unknown, key: string): string[] => {
    if (!Array.isArray(v) || v.length === 0 || !v.every((w) => typeof w === 'string' && w !== '')) throw new DataFileError(FILE, `"${key}" must be a non-empty array of strings`);
    return v as string[];
  };
  return (cached = { rules: new Set(words(raw?.nouns, 'nouns').map((w) => `roles/${w}`)), roles: new Set(words(raw?.group_roles, 'group_roles')) });
}

/** An organisation of armed men outside a state's forces (Hamas, the Islamic State, the Taliban before 2021). */
export function armedGroup(a: Actor, g: ContextGroups = contextGroups()): boolean {
  return a.kind === 'organisation' && (g.roles.has(a.code.slice(0, 3)) || a.roles.some((r) => g.roles.has(r)));
}
