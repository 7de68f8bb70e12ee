/**
 * The actor dictionary's load time per process: fresh Node processes each import the actor stage
 * and load the dictionary once, as every ingest worker does; the median of several, wall and CPU
 * time, from the compiled form (data/actors/compiled.*) and from the JSON sources.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Median load of `runs` fresh processes. @example benchDictionaryLoad(root, 7).compiled.wallMs */
export interface DictionaryLoadBench { runs: number; people: number; phrases: number; compiled: { wallMs: number; cpuMs: number }; sources: { wallMs: number; cpuMs: number } }

export function benchDictionaryLoad(root: string, runs = 7): DictionaryLoadBench {
  const url = pathToFileURL(join(root, 'dist', 'src', 'actors', 'index.js')).href;
  const once = (compiled: boolean): { wallMs: number; cpuMs: number; people: number; phrases: number } => {
    const code = `const c=process.cpuUsage();const t=performance.now();const m=await import(${JSON.stringify(url)});const d=m.loadActorDictionary(undefined,{compiled:${compiled}});const u=process.cpuUsage(c);console.log(JSON.stringify({wallMs:performance.now()-t,cpuMs:(u.user+u.system)/1000,people:d.people.size,phrases:d.trie.size}))`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`dictionary load failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as { wallMs: number; cpuMs: number; people: number; phrases: number };
  };
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const a: ReturnType<typeof once>[] = [];
  const b: ReturnType<typeof once>[] = [];
  // taking turns, so that a busy moment of the machine falls on both
  for (let i = 0; i < runs; i++) { a.push(once(true)); b.push(once(false)); }
  return {
    runs, people: a[0].people, phrases: a[0].phrases,
    compiled: { wallMs: median(a.map((x) => x.wallMs)), cpuMs: median(a.map((x) => x.cpuMs)) },
    sources: { wallMs: median(b.map((x) => x.wallMs)), cpuMs: median(b.map((x) => x.cpuMs)) },
  };
}
