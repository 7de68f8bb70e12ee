/**
 * `--dictionaries DIR`: read the PETRARCH-2 dictionary files found in DIR and build the
 * dictionaries the pipeline will use in their place. Which files are there decides what is
 * replaced: a verb file the event patterns, actor files the actors (with the agent file's roles,
 * or the built-in roles without one), a discard file adds PETRARCH's discards.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadActorDictionary } from '../actors/dictionary.js';
import { loadEventDictionary } from '../events/dictionary.js';
import { actorDictionaryFromPetrarch } from '../events/petrarch/actor-dictionary.js';
import { parseActorDictionary, type ActorEntry } from '../events/petrarch/actors.js';
import { parseAgentDictionary } from '../events/petrarch/agents.js';
import { indexDiscards } from '../events/petrarch/discard-match.js';
import { parseDiscardList } from '../events/petrarch/discards.js';
import { eventDictionaryFromVerbs } from '../events/petrarch/event-dictionary.js';
import type { ParseWarning } from '../events/petrarch/_lines.js';
import { DataFileError, UsageError } from '../model/errors.js';
import type { Dictionaries } from '../pipeline/with-dictionaries.js';

type Kind = 'verbs' | 'actors' | 'agents' | 'discards';

/** Which PETRARCH-2 dictionary a file name says it is (PETRARCH's own names and the usual variants). */
export function kindOf(name: string): Kind | undefined {
  if (!/\.txt$/i.test(name)) return undefined;
  if (/actors?\.txt$/i.test(name)) return 'actors';
  if (/agents?\.txt$/i.test(name)) return 'agents';
  if (/discards?\.txt$/i.test(name)) return 'discards';
  if (/^CAMEO\b.*\.txt$|verbs?\.txt$/i.test(name)) return 'verbs';
  return undefined;
}

/** Problems PETRARCH itself reads past; anything else in an actor, agent or discard file is fatal. */
const TOLERATED = /^(bad date|date without|actor .* has no code|no \[code\]|"[^"]*" listed twice|empty discard)/;

function check(file: string, warnings: readonly ParseWarning[]): void {
  const bad = warnings.find((w) => !TOLERATED.test(w.message));
  if (bad) throw new DataFileError(`${file}:${bad.line}`, bad.message);
}

/**
 * Read DIR and build the dictionaries; `say` gets one line per file (what was loaded or ignored).
 * Throws `UsageError` when DIR is not a folder or holds no dictionary, `DataFileError` naming the
 * file and line when a file is malformed.
 */
export function loadDictionaryDir(dir: string, say: (line: string) => void): Dictionaries {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`--dictionaries: "${dir}" is not a folder`);
    names = readdirSync(dir).sort();
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`--dictionaries: cannot read the folder "${dir}": ${(err as Error).message}`);
  }
  const files = new Map<Kind, string[]>();
  for (const n of names) {
    const k = kindOf(n);
    if (k) files.set(k, [...(files.get(k) ?? []), join(dir, n)]);
    else if (!n.startsWith('.') && /\.txt$/i.test(n)) say(`${join(dir, n)}: not a verb, actor, agent or discard file by its name; ignored`);
  }
  if (files.size === 0) throw new UsageError(`--dictionaries: "${dir}" holds no PETRARCH-2 dictionary (CAMEO*.txt or *verbs.txt, *.actors.txt, *agents.txt, *discards.txt)`);
  const read = (f: string) => {
    try {
      return readFileSync(f, 'utf8');
    } catch (err) {
      throw new DataFileError(f, `cannot read: ${(err as Error).message}`, { cause: err });
    }
  };
  const tolerated = (f: string, ws: readonly ParseWarning[]) => (ws.length ? ` (${ws.length} line${ws.length > 1 ? 's' : ''} read past, first ${f}:${ws[0].line}: ${ws[0].message})` : '');
  const out: Dictionaries = {};

  const verbFiles = files.get('verbs') ?? [];
  if (verbFiles.length > 1) throw new UsageError(`--dictionaries: several verb files in "${dir}" (${verbFiles.join(', ')}); PETRARCH reads one`);
  if (verbFiles.length === 1) {
    const f = verbFiles[0];
    const { dict, warnings } = eventDictionaryFromVerbs(read(f), f, loadEventDictionary());
    out.events = dict;
    say(`${f}: verbs: ${dict.verbs.length} verbs, ${dict.patterns.length} patterns, ${dict.synsets.size} synsets${tolerated(f, warnings)}`);
  } else say('verbs: built-in (no verb file)');

  const actorFiles = files.get('actors') ?? [];
  const agentFiles = files.get('agents') ?? [];
  if (agentFiles.length > 1) throw new UsageError(`--dictionaries: several agent files in "${dir}" (${agentFiles.join(', ')}); PETRARCH reads one`);
  if (actorFiles.length > 0) {
    const entries: ActorEntry[] = [];
    for (const f of actorFiles) {
      const d = parseActorDictionary(read(f));
      check(f, d.warnings);
      if (d.actors.length === 0) throw new DataFileError(f, 'no actor entry found: not a PETRARCH-2 actor dictionary');
      entries.push(...d.actors);
      say(`${f}: actors: ${d.actors.length} entries${tolerated(f, d.warnings)}`);
    }
    let agents: ReturnType<typeof parseAgentDictionary>['agents'] = [];
    if (agentFiles.length === 1) {
      const f = agentFiles[0];
      const d = parseAgentDictionary(read(f));
      check(f, d.warnings);
      if (d.agents.length === 0) throw new DataFileError(f, 'no agent entry found: not a PETRARCH-2 agent dictionary');
      agents = d.agents;
      say(`${f}: agents: ${d.agents.length} phrases${tolerated(f, d.warnings)}`);
    } else say('agents: built-in role nouns (no agent file)');
    const { dict, counts } = actorDictionaryFromPetrarch(entries, agents, agents.length ? new Map() : loadActorDictionary().roles);
    out.actors = dict;
    say(`actors in use: ${counts.countries} countries, ${counts.organisations} organisation codes, ${counts.dated} entries with dated codes, ${counts.roles} role nouns; ${counts.unused} entries without a usable code`);
  } else {
    say('actors: built-in (no actor file)');
    if (agentFiles.length) say(`${agentFiles[0]}: ignored: agents compose with actors, and there is no actor file`);
  }

  const discardFiles = files.get('discards') ?? [];
  if (discardFiles.length > 0) {
    const all = [];
    for (const f of discardFiles) {
      const d = parseDiscardList(read(f));
      check(f, d.warnings);
      all.push(...d.discards);
      say(`${f}: discards: ${d.discards.length} phrases (${d.discards.filter((x) => x.scope === 'story').length} for whole stories)${tolerated(f, d.warnings)}`);
    }
    out.discards = indexDiscards(all);
  }
  return out;
}
