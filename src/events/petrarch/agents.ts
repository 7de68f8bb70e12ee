/**
 * Parser for PETRARCH-2 agent dictionaries (`Phoenix.agents.txt`, openeventdata/petrarch2, MIT):
 * role nouns → agent codes. Read at run time by `entente code --dictionaries DIR`.
 *
 * The format (PETRreader.read_agent_dictionary):
 *
 *     !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON   a substitution set
 *     CONGRESS!PERSON! [~LEG]                     expands to CONGRESSMAN … (no plurals made)
 *     FOREIGN_MINISTER [~GOVFRM]                  `~CODE`: the code goes after the actor's code
 *     HUMAN_RIGHTS_BODY  [NGO~]                   `CODE~`: the code goes before it
 *     AIR_FORCE {} [~MIL]                         `{}` no plural; `{X}` X is the plural;
 *     TROOP [~MIL]                                else the regular plural is generated
 */
import { contentLines, phraseWords, type ParseWarning } from './_lines.js';

/**
 * One agent phrase with its code.
 * @example { phrase: 'troop', plurals: ['troops'], code: 'MIL', place: 'suffix', line: 900 }
 */
export interface AgentEntry {
  /** lower-case words joined by one space */
  phrase: string;
  /** plural forms (none for `{}` and for substitution expansions) */
  plurals: string[];
  /** agent code without the `~`, e.g. `GOV` */
  code: string;
  /** `suffix` for `~GOV` (appended to the actor code), `prefix` for `NGO~` */
  place: 'suffix' | 'prefix';
  line: number;
}

/**
 * Everything in an agent file, as plain data.
 * @example parseAgentDictionary(text).substitutions.PERSON // ['MAN', 'MEN', 'WOMAN', 'WOMEN', 'PERSON']
 */
export interface AgentDictionary {
  agents: AgentEntry[];
  /** substitution sets, marker name (without `!`) → replacements */
  substitutions: Record<string, string[]>;
  warnings: ParseWarning[];
}

/**
 * PETRARCH's regular plural of an agent phrase: -y → -ies (not after a vowel: "attorneys"),
 * -s → -ses, else -s.
 *
 * @example agentPlural('secretary') // 'secretaries'
 */
export function agentPlural(p: string): string {
  if (/[^aeiou]y$/.test(p)) return p.slice(0, -1) + 'ies';
  if (p.endsWith('s')) return p + 'es';
  return p + 's';
}

/**
 * Parse an agent dictionary. Lines without a `[code]` are skipped with a warning, as PETRARCH does.
 *
 * @example
 * const d = parseAgentDictionary('!PERSON! = MAN, WOMAN\nPOLICE!PERSON! [~COP]\nTROOP [~MIL]\n');
 * d.agents.map((a) => a.phrase) // ['policeman', 'policewoman', 'troop']
 */
export function parseAgentDictionary(text: string): AgentDictionary {
  const dict: AgentDictionary = { agents: [], substitutions: {}, warnings: [] };
  for (const { line, text: s } of contentLines(text)) {
    const warn = (message: string) => dict.warnings.push({ line, message });
    // 1. substitution set
    const sub = /^!([^!]+)!\s*=\s*(.*)$/.exec(s);
    if (sub) {
      dict.substitutions[sub[1]] = sub[2].split(',').map((x) => x.trim()).filter((x) => x !== '');
      continue;
    }
    // 2. phrase {plural} [code]
    const m = /^(.*?)\s*\[([^\]]*)\]\s*$/.exec(s);
    if (!m) { warn(`no [code]: "${s}"; skipped`); continue; }
    const raw = m[2].trim();
    const place = raw.startsWith('~') ? 'suffix' : raw.endsWith('~') ? 'prefix' : undefined;
    const code = raw.replace(/^~|~$/g, '');
    if (!place || code === '' || /\s|~/.test(code)) { warn(`agent code must be "~CODE" or "CODE~", got [${raw}]; skipped`); continue; }
    const b = /^([^{]*?)\s*(?:\{([^}]*)\})?$/.exec(m[1]);
    if (!b || b[1] === '') { warn(`unreadable agent "${m[1]}"; skipped`); continue; }
    const marker = /!([^!]+)!/.exec(b[1]);
    if (marker) {
      const subs = dict.substitutions[marker[1]];
      if (!subs) { warn(`substitution marker !${marker[1]}! is not defined; skipped`); continue; }
      for (const x of subs) {
        const phrase = phraseWords(b[1].replace(marker[0], x)).join(' ');
        dict.agents.push({ phrase, plurals: [], code, place, line });
      }
      continue;
    }
    const phrase = phraseWords(b[1]).join(' ');
    const plurals = b[2] === undefined ? [agentPlural(phrase)] : b[2].trim() === '' ? [] : [phraseWords(b[2]).join(' ')];
    dict.agents.push({ phrase, plurals, code, place, line });
  }
  return dict;
}
