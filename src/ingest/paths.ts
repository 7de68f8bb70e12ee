import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';

/** One input named on the command line, expanded: a file, or `-` for standard input. */
export type InputPath = { kind: 'file'; path: string } | { kind: 'stdin' } | { kind: 'missing'; path: string };

/**
 * Expands files, folders (recursively, hidden entries left out) and globs (`*`, `**`, `?`) into
 * files, sorted so that a batch always runs in the same order. A name that matches nothing is
 * kept as `missing`, so the batch can report it instead of quietly doing less.
 *
 * @example
 * for await (const p of expandPaths(['examples/', 'extra/*.html', '-'])) console.log(p);
 */
export async function* expandPaths(patterns: string[]): AsyncGenerator<InputPath> {
  for (const pattern of patterns) {
    if (pattern === '-') {
      yield { kind: 'stdin' };
      continue;
    }
    if (/[*?]/.test(pattern)) {
      const files = await glob(pattern);
      if (files.length === 0) yield { kind: 'missing', path: pattern };
      for (const f of files) yield { kind: 'file', path: f };
      continue;
    }
    const info = await stat(pattern).catch(() => undefined);
    if (!info) yield { kind: 'missing', path: pattern };
    else if (info.isDirectory()) for (const f of await walk(pattern)) yield { kind: 'file', path: f };
    else yield { kind: 'file', path: pattern };
  }
}

async function walk(dir: string, seen: Set<string> = new Set()): Promise<string[]> {
  const out: string[] = [];
  // a link back up the tree would otherwise be walked forever
  const real = await realpath(dir).catch(() => dir);
  if (seen.has(real)) return out;
  seen.add(real);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    // a link is followed to what it points at (a folder of links to a corpus is a common layout)
    const kind = e.isSymbolicLink() ? await stat(p).catch(() => undefined) : e;
    if (kind?.isDirectory()) out.push(...(await walk(p, seen)));
    else if (kind?.isFile()) out.push(p);
  }
  return out;
}

/** A glob's fixed leading folders are walked; the rest is matched as a regular expression. */
async function glob(pattern: string): Promise<string[]> {
  const parts = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  while (parts.length > 1 && !/[*?]/.test(parts[0])) fixed.push(parts.shift()!);
  const base = fixed.length ? fixed.join(sep) || sep : '.';
  const re = globToRegExp(parts.join('/'));
  const files = await walk(base);
  const baseAbs = resolve(base);
  return files.filter((f) => re.test(resolve(f).slice(baseAbs.length + 1).split(sep).join('/')));
}

/** @example globToRegExp('**\/*.html').test('a/b/c.html') // true */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
