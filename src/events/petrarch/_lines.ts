/**
 * Shared line reader for PETRARCH-2 / TABARI dictionary files: they all share the same comment
 * syntax (PETRreader.read_FIN_line), so it lives in one place.
 */

/**
 * A problem the parser tolerated; the dictionaries are hand-edited and carry a few typos.
 * @example { line: 5787, message: 'stray mark in code [080!]; read as 080' }
 */
export interface ParseWarning {
  /** 1-based line number in the file */
  line: number;
  message: string;
}

/**
 * One line of content, comments removed and whitespace trimmed.
 * @example { line: 2, text: 'FARMER [~AGR]', raw: 'FARMER [~AGR] # ab' }
 */
export interface ContentLine {
  /** 1-based line number in the file */
  line: number;
  text: string;
  /** the line as it was in the file (without the newline), for messages and `--explain` */
  raw: string;
}

/**
 * Split a dictionary file into its content lines, the way PETRARCH reads them:
 * - lines starting with `#` are comments;
 * - `<!-- … -->` comments may sit inside a line or span several lines;
 * - anything after a `#` is a comment (PETRARCH cuts at the first `#`; the actor files rely on it:
 *   `[IGOUNO 920101-961231] [ELI]# IGOrulers.txt` has no space before the `#`);
 * - blank lines are skipped.
 * A byte-order mark and CR line endings are tolerated.
 *
 * @example contentLines('# x\nFARMER [~AGR] # ab\n\n').map((l) => l.text) // ['FARMER [~AGR]']
 */
export function contentLines(text: string): ContentLine[] {
  const out: ContentLine[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    let s = raw;
    if (inComment) {
      const end = s.indexOf('-->');
      if (end < 0) continue;
      s = s.slice(end + 3);
      inComment = false;
    }
    for (let open = s.indexOf('<!--'); open >= 0; open = s.indexOf('<!--')) {
      const end = s.indexOf('-->', open + 4);
      if (end < 0) {
        s = s.slice(0, open);
        inComment = true;
        break;
      }
      s = s.slice(0, open) + ' ' + s.slice(end + 3);
    }
    const hash = s.indexOf('#');
    if (hash >= 0) s = s.slice(0, hash);
    s = s.trim();
    if (s !== '') out.push({ line: i + 1, text: s, raw });
  }
  return out;
}

/**
 * Read a PETRARCH date, `YYMMDD` or `YYYYMMDD`, as ISO `YYYY-MM-DD`; two-digit years 00–30 are
 * 20YY and the rest 19YY (PETRreader.dstr_to_ordate, kept for KEDS/TABARI compatibility).
 * Returns undefined for anything else (the actor files hold a few typos such as `9008223`).
 *
 * @example petrarchDate('000507') // '2000-05-07'
 * @example petrarchDate('19820101') // '1982-01-01'
 */
export function petrarchDate(s: string): string | undefined {
  let y: number, m: number, d: number;
  if (/^\d{6}$/.test(s)) {
    y = Number(s.slice(0, 2));
    y += y <= 30 ? 2000 : 1900;
    m = Number(s.slice(2, 4));
    d = Number(s.slice(4, 6));
  } else if (/^\d{8}$/.test(s)) {
    y = Number(s.slice(0, 4));
    m = Number(s.slice(4, 6));
    d = Number(s.slice(6, 8));
  } else return undefined;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (m < 1 || m > 12 || d < 1 || d > days[m - 1]) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Split a dictionary phrase into lower-case words: `_` joins words that must be consecutive
 * and a trailing `_` (TABARI's "whole word" mark) carries no extra meaning once words are whole.
 *
 * @example phraseWords('SECRETARY-GENERAL_BAN_KI-MOON_') // ['secretary-general', 'ban', 'ki-moon']
 */
export function phraseWords(s: string): string[] {
  return s.toLowerCase().split(/[_\s]+/).filter((w) => w !== '');
}
