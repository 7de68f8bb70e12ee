/**
 * Guards against drift between the data files and the tree: every path a data file's `$comment`
 * (at any depth) or header field names must exist. A comment that names a script renamed or a
 * step renumbered since sends the next reader to a file that is not there (issue 20 found six).
 *
 * What counts as a named path, so that a source's own paths ("openeventdata/petrarch2",
 * "data-raw/cameo-codes.csv") are left alone:
 * - a path whose first folder is a folder at the repository root (`src/…`, `scripts/…`, `data/…`);
 * - a path into ../shared (`../shared/…` or `shared/…`), checked only when ../shared exists;
 * - a bare `.ts` or `.json` name ("thresholds.json", "when.ts"), which must lie beside the data
 *   file or in the folder of a path named before it in the same text;
 * - in a header object whose keys are all file names (compiled.json's `sources`), each key, beside
 *   the data file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { SHARED } from '../_shared.js';

const ROOT = resolve('.');
const SHARED_PRESENT = existsSync(SHARED);

/** Folders at the repository root a path may start with (not the built or installed ones). */
const ROOT_FOLDERS = new Set(readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('.') && !['node_modules', 'dist'].includes(d.name))
  .map((d) => d.name));

/** A header string longer than this is data (base64 weights), not a description. */
const HEADER_MAX_CHARS = 4000;
const FILE_NAME = /^[\w.-]+\.(?:json|ts|js|bin|csv|txt|md)$/;

interface NamedPath {
  /** as written */
  path: string;
  /** where it was found: `data/x.json $comment`, `data/x.json sources` */
  where: string;
  /** absolute candidates, any of which may hold it */
  candidates: string[];
  /** in ../shared (checked only when ../shared is there) */
  shared: boolean;
}

/** The paths `text` names, with where each may lie; `file` is the data file, relative to the root. */
function namedPaths(text: string, file: string, where: string, rootFolders = ROOT_FOLDERS): NamedPath[] {
  const out: NamedPath[] = [];
  // folders of the paths named so far, which a bare name after them may be in (and the data file's own)
  const folders = [{ dir: join(ROOT, dirname(file)), shared: false }];
  for (const m of text.matchAll(/(?:\.\.\/)?[\w.@*-]+(?:\/[\w.@*-]+)*/g)) {
    const token = m[0].replace(/[.]+$/, '');
    const parts = token.split('/');
    if (parts.length > 1) {
      let abs: string;
      let shared = false;
      if (parts[0] === '..' && parts[1] === 'shared') [abs, shared] = [join(SHARED, ...parts.slice(2)), true];
      else if (parts[0] === 'shared') [abs, shared] = [join(SHARED, ...parts.slice(1)), true];
      else if (rootFolders.has(parts[0])) abs = join(ROOT, ...parts);
      else continue;
      // a glob names the folder it lists
      if (token.includes('*')) abs = dirname(abs.slice(0, abs.indexOf('*')) + 'x');
      out.push({ path: token, where, candidates: [abs], shared });
      folders.push({ dir: /\.\w+$/.test(token) ? dirname(abs) : abs, shared });
    } else if (/^[\w.-]+\.(?:ts|json)$/.test(token)) {
      const candidates = folders.map((f) => join(f.dir, token));
      // not in the repository but maybe beside a ../shared file named before it: a ../shared path
      const shared = folders.some((f) => f.shared) && !folders.some((f) => !f.shared && existsSync(join(f.dir, token)));
      out.push({ path: token, where, candidates, shared });
    }
  }
  return out;
}

/** Every path the data file `file` (relative to the root) names in its comments and header fields. */
function dataFilePaths(file: string, json: unknown): NamedPath[] {
  const out: NamedPath[] = [];
  const walk = (v: unknown, at: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === '$comment' && typeof x === 'string') out.push(...namedPaths(x, file, `${file} ${at}${k}`));
        else walk(x, `${at}${k}.`);
      }
    }
  };
  walk(json, '');
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return out;
  for (const [k, v] of Object.entries(json)) {
    if (k === '$comment') continue;
    if (typeof v === 'string' && v.length <= HEADER_MAX_CHARS) out.push(...namedPaths(v, file, `${file} ${k}`));
    const keys = v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [];
    if (keys.length > 0 && keys.every((n) => FILE_NAME.test(n))) {
      for (const n of keys) out.push({ path: n, where: `${file} ${k}`, candidates: [join(ROOT, dirname(file), n)], shared: false });
    }
  }
  return out;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    return d.isDirectory() ? jsonFiles(p) : d.name.endsWith('.json') ? [p] : [];
  });
}

const missing = (paths: NamedPath[]) => paths.filter((p) => !p.candidates.some((c) => existsSync(c)));
const show = (p: NamedPath) => `${p.where}: "${p.path}" (looked for ${p.candidates.map((c) => relative(ROOT, c) || '.').join(' or ')})`;

test('data/comments: a named path that is not there is reported, with its file and field', () => {
  const folders = new Set(['src', 'scripts', 'data']);
  const text = 'Read by src/clean/text/06-captions.ts and src/clean/text/05-original-url.ts, 99-nothing.ts; '
    + 'generated by scripts/build-nothing.ts from openeventdata/petrarch2 data-raw/cameo-codes.csv (see thresholds.json, missing.json).';
  const got = missing(namedPaths(text, 'data/clean/captions.json', 'data/clean/captions.json $comment', folders));
  assert.deepEqual(got.map((p) => p.path), ['src/clean/text/06-captions.ts', '99-nothing.ts', 'scripts/build-nothing.ts', 'missing.json']);
  assert.match(show(got[0]), /^data\/clean\/captions\.json \$comment: "src\/clean\/text\/06-captions\.ts" \(looked for src\/clean\/text\/06-captions\.ts\)$/);
  const header = dataFilePaths('data/actors/compiled.json', { $comment: 'x', sources: { 'countries.json': '1:a', 'gone.json': '2:b' }, nested: { $comment: 'by src/nothing.ts' } });
  assert.deepEqual(missing(header).map((p) => `${p.where} ${p.path}`), ['data/actors/compiled.json nested.$comment src/nothing.ts', 'data/actors/compiled.json sources gone.json']);
});

test('data/comments: paths into ../shared are told apart, bare names after them included', () => {
  const got = namedPaths('from ../shared/ontology/offices/offices.csv (see its SOURCES.md, nothing.json) and shared/x/y.txt; thresholds.json', 'data/clean/x.json', 'x');
  assert.deepEqual(got.map((p) => [p.path, p.shared]), [['../shared/ontology/offices/offices.csv', true], ['nothing.json', true], ['shared/x/y.txt', true], ['thresholds.json', false]]);
  assert.deepEqual(got[1].candidates, [join(ROOT, 'data/clean/nothing.json'), join(SHARED, 'ontology/offices/nothing.json')]);
});

const DATA_PATHS = (() => {
  const files = jsonFiles(join(ROOT, 'data')).map((f) => relative(ROOT, f).split('\\').join(posix.sep)).sort();
  return { files, paths: files.flatMap((f) => dataFilePaths(f, JSON.parse(readFileSync(join(ROOT, f), 'utf8')))) };
})();

test('data/comments: every repository path a data file\'s $comment or header names exists', () => {
  assert.ok(DATA_PATHS.files.length >= 40, `data files found: ${DATA_PATHS.files.length}`);
  const own = DATA_PATHS.paths.filter((p) => !p.shared);
  assert.ok(own.length >= 60, `repository paths named: ${own.length}`);
  assert.deepEqual(missing(own).map(show), [], 'data file comments name paths that do not exist');
});

test('data/comments: every ../shared path a data file\'s $comment or header names exists', (t) => {
  const shared = DATA_PATHS.paths.filter((p) => p.shared);
  assert.ok(shared.length >= 10, `../shared paths named: ${shared.length}`);
  if (!SHARED_PRESENT) return t.skip(`../shared absent: ${SHARED} not found; the ${shared.length} paths into it are not checked`);
  assert.deepEqual(missing(shared).map(show), [], 'data file comments name ../shared paths that do not exist');
});
