import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFileError } from '../model/errors.js';

let root: string | undefined;

/**
 * The package root, the folder holding `package.json` and `data/`, found by walking up from this
 * module: the code runs both from `src/` (tsx) and from `dist/src/` (built), so a fixed `../..`
 * would be wrong in one of them.
 *
 * @example dataPath('data/nlp/abbreviations.json') // '/…/entente/data/nlp/abbreviations.json'
 */
export function dataPath(file: string): string {
  if (root === undefined) {
    let dir = dirname(fileURLToPath(import.meta.url));
    for (;;) {
      if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) break;
      const up = dirname(dir);
      if (up === dir) throw new DataFileError('data/', `cannot find the data folder above ${fileURLToPath(import.meta.url)}`);
      dir = up;
    }
    root = dir;
  }
  return join(root, file);
}

/**
 * Reads and parses one JSON file under `data/`; a missing or unparsable file is a
 * `DataFileError` naming it.
 *
 * @example readDataJson('data/nlp/abbreviations.json') // { $comment: '…', … }
 */
export function readDataJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(dataPath(file), 'utf8')) as unknown;
  } catch (err) {
    if (err instanceof DataFileError) throw err;
    throw new DataFileError(file, `cannot read as JSON: ${(err as Error).message}`, { cause: err });
  }
}
