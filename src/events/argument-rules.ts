/** Loading the argument check's settings (`data/events/arguments.json`), checked like every data file. */
import { readDataJson } from '../data/read.js';
import { expectObject, expectWords } from '../data/validate.js';
import type { ArgumentRules } from './argument-check.js';

const FILE = 'data/events/arguments.json';

/** Check and freeze the settings of `data/events/arguments.json`. @example parseArgumentRules(json).placeCases.has('in') // true */
export function parseArgumentRules(json: unknown, file = FILE): ArgumentRules {
  const o = expectObject(file, json, ['$comment', 'place_cases', 'place_roots', 'place_verbs', 'origin_cases', 'origin_roots', 'saying_verbs', 'unchecked']);
  return Object.freeze({
    placeCases: new Set(expectWords(file, o, 'place_cases')),
    placeRoots: new Set(expectWords(file, o, 'place_roots')),
    placeVerbs: new Set(expectWords(file, o, 'place_verbs')),
    originCases: new Set(expectWords(file, o, 'origin_cases')),
    originRoots: new Set(expectWords(file, o, 'origin_roots')),
    sayingVerbs: new Set(expectWords(file, o, 'saying_verbs')),
    unchecked: new Set(expectWords(file, o, 'unchecked')),
  });
}

let builtin: ArgumentRules | undefined;

/** The built-in settings, read and checked once. @example loadArgumentRules().originCases.has('from') // true */
export function loadArgumentRules(): ArgumentRules {
  return (builtin ??= parseArgumentRules(readDataJson(FILE)));
}
