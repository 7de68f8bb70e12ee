/**
 * Office terms → people with dated CAMEO roles: the pure part of `scripts/build-offices.ts`
 * (reading `../shared/ontology/offices/offices.csv`, coding offices, joining terms, name variants),
 * kept here so that tests can run it on a small fixture. The script does the files.
 */
import type { DatedRole } from './dictionary.js';

/** One row of offices.csv. @example { iso3: 'USA', position: 'foreign_minister', person: 'Antony Blinken', aliases: [], start: '2021-01-26', end: '', gender: '', qid: 'Q7821917', source: '…' } */
export interface OfficeRow { iso3: string; position: string; person: string; aliases: string[]; start: string; end: string; gender: string; qid: string; source: string }

const COLUMNS = ['country_iso3', 'position', 'person', 'aliases', 'start', 'end', 'gender', 'qid', 'source'];

/** Splits one CSV line (RFC 4180 quoting). @example csvFields('a,"b,c",d') // ['a', 'b,c', 'd'] */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out;
}

/**
 * Rows of offices.csv; throws naming the line on a wrong header or a short row.
 * @example parseOfficesCsv('country_iso3,position,person,aliases,start,end,gender,qid,source\nUSA,legislator,Rand Paul,,2011-01-03,,male,Q463557,w')[0].person // 'Rand Paul'
 */
export function parseOfficesCsv(text: string, file = 'offices.csv'): OfficeRow[] {
  const lines = text.split(/\r?\n/);
  if (lines[0] !== COLUMNS.join(',')) throw new Error(`${file}: line 1: header must be ${COLUMNS.join(',')}`);
  const rows: OfficeRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const f = csvFields(lines[i]);
    if (f.length !== COLUMNS.length) throw new Error(`${file}: line ${i + 1}: ${f.length} fields, expected ${COLUMNS.length}`);
    // "Kim Jong Un [heir" and the like are the Factbook's notes cut off, not names
    const aliases = f[3].split('|').map((s) => s.trim()).filter((s) => s !== '' && !/[[\]()]/.test(s));
    rows.push({ iso3: f[0], position: f[1], person: f[2].trim(), aliases, start: f[4], end: f[5], gender: f[6], qid: f[7], source: f[8] });
  }
  return rows;
}

/** IGO codes of offices.csv's non-ISO "countries" (igo_head rows), as in data/actors/organisations.json. */
export const IGO_CODES: Readonly<Record<string, string>> = { UNO: 'IGOUNO', WTO: 'IGOBUSWTO', ICJ: 'IGOUNOJUDICJ', OSCE: 'IGOEURSCE', COE: 'IGOEURCOE', AFU: 'IGOAFRAFU', ARL: 'IGOMEAARL' };
const TITLES: Readonly<Record<string, string>> = {
  head_of_state: 'head of state', head_of_government: 'head of government', foreign_minister: 'foreign minister',
  defence_minister: 'defence minister', finance_minister: 'finance minister', interior_minister: 'interior minister',
  other_minister: 'minister', speaker: 'speaker', legislator: 'legislator', igo_head: 'head',
};

/**
 * The CAMEO code and title of an office row, or undefined for offices not coded ("other": the
 * source does not say which office, so neither sector nor rank is known).
 * @example officeRole({ iso3: 'USA', position: 'legislator', … }) // { code: 'USALEG', title: 'legislator' }
 */
export function officeRole(row: Pick<OfficeRow, 'iso3' | 'position'>): { code: string; title: string } | undefined {
  const title = TITLES[row.position];
  if (!title) return undefined;
  if (row.position === 'igo_head') return IGO_CODES[row.iso3] ? { code: IGO_CODES[row.iso3], title } : undefined;
  if (!/^[A-Z]{3}$/.test(row.iso3)) return undefined;
  // executive offices are the government (PETRARCH codes defence ministers GOV too); speakers sit in the legislature
  return { code: row.iso3 + (row.position === 'speaker' || row.position === 'legislator' ? 'LEG' : 'GOV'), title };
}

/**
 * A partial date as a day: a start at the period's first day, an end at its last.
 * @example isoDay('2008', 'end') // '2008-12-31'
 */
export function isoDay(d: string, side: 'start' | 'end'): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
  if (/^\d{4}-\d{2}$/.test(d)) {
    if (side === 'start') return `${d}-01`;
    const [y, m] = d.split('-').map(Number);
    return `${d}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  if (/^\d{4}$/.test(d)) return side === 'start' ? `${d}-01-01` : `${d}-12-31`;
  return undefined;
}

const DAY = 86_400_000;
/** Terms of one office (code and title) that touch or follow within `gapDays` (re-elections, Factbook and Wikidata rows of one term) become one; a new office keeps its own term and title. */
export function joinTerms(roles: readonly DatedRole[], gapDays = 60): DatedRole[] {
  const byCode = new Map<string, DatedRole[]>();
  for (const r of roles) byCode.set(`${r.code} ${r.title ?? ''}`, [...(byCode.get(`${r.code} ${r.title ?? ''}`) ?? []), r]);
  const out: DatedRole[] = [];
  for (const rs of byCode.values()) {
    rs.sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
    let cur: DatedRole | undefined;
    for (const r of rs) {
      if (cur && (cur.to === undefined || !r.from || Date.parse(r.from) - Date.parse(cur.to) <= gapDays * DAY)) {
        if (cur.to !== undefined && (r.to === undefined || r.to > cur.to)) cur.to = r.to;
        if (r.to === undefined) delete cur.to;
        continue;
      }
      cur = { ...r };
      out.push(cur);
    }
  }
  return out.sort((a, b) => (a.from ?? '').localeCompare(b.from ?? '') || a.code.localeCompare(b.code));
}

/** Without accents. @example fold('Erdoğan') // 'Erdogan' */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ı/g, 'i').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ø/g, 'o').replace(/đ/g, 'd');
}

/**
 * The ways news writes a name: without accents; the Arabic article as "al-", "al ", "Al-", "el-"
 * or dropped ("Bashar al-Assad", "Bashar Assad"); a hyphenated Korean given name split ("Kim
 * Jong-un" → "Kim Jong Un"); the Ukrainian/Russian "-yy"/"-iy"/"-y" and "-ii"/"-iy" endings
 * (Zelenskyy, Zelensky, Zelenskiy; Andrii, Andriy); middle initials dropped. Only full names:
 * a variant of one word is never made (surnames are the mention finder's business).
 *
 * @example nameVariants('Volodymyr Zelenskyy') // includes 'Volodymyr Zelensky', 'Volodymyr Zelenskiy'
 */
export function nameVariants(name: string): string[] {
  const out = new Set<string>([name]);
  const add = (s: string): void => {
    const t = s.replace(/\s+/g, ' ').trim();
    if (t.split(' ').length > 1) out.add(t);
  };
  add(fold(name));
  for (const n of [...out]) {
    // Arabic article forms
    if (/\b(?:[Aa]l|[Ee]l)[- ]\p{Lu}/u.test(n)) {
      const bare = n.replace(/\b(?:[Aa]l|[Ee]l)[- ](?=\p{Lu})/gu, '');
      add(bare);
      for (const art of ['al-', 'al ', 'Al-', 'Al ', 'el-']) add(n.replace(/\b(?:[Aa]l|[Ee]l)[- ](?=\p{Lu})/gu, art));
    }
    // "Kim Jong-un" → "Kim Jong Un", "Moon Jae-in" → "Moon Jae In"
    if (/\p{Lu}\p{Ll}+-\p{Ll}/u.test(n)) add(n.replace(/(\p{Lu}\p{Ll}+)-(\p{Ll})/gu, (_m, a: string, b: string) => `${a} ${b.toUpperCase()}`));
    // Slavic transliterations: a surname's "-sky" ending (Zelenskyy, Zelensky, Zelenskiy) and a given
    // name's "-ii"/"-iy" (Andrii, Andriy; Oleksii, Oleksiy); other words ending in "y" are left alone
    const words = n.split(' ');
    const last = words.length - 1;
    const sky = /^(\p{Lu}\p{Ll}+[kc])(yy|iy|yi|y|ii)$/u.exec(words[last]);
    if (sky) for (const f of ['yy', 'iy', 'y', 'i']) add([...words.slice(0, last), sky[1] + f].join(' '));
    words.forEach((w, i) => {
      const m = /^(\p{Lu}\p{Ll}+[^aeiouy])i([iy])$/u.exec(w);
      if (m && i < last) add([...words.slice(0, i), `${m[1]}i${m[2] === 'i' ? 'y' : 'i'}`, ...words.slice(i + 1)].join(' '));
    });
    // "Joseph R. Biden" → "Joseph Biden"
    if (words.length > 2 && words.slice(1, -1).some((w) => /^\p{Lu}\.$/u.test(w))) add(words.filter((w, i) => i === 0 || i === words.length - 1 || !/^\p{Lu}\.$/u.test(w)).join(' '));
  }
  return [...out];
}

/** Given names news writes in several spellings (the first word of a name). */
const GIVEN_SPELLINGS: readonly (readonly string[])[] = [
  ['Mohammed', 'Mohamed', 'Muhammad', 'Mohammad', 'Muhammed'], ['Ahmed', 'Ahmad'], ['Adel', 'Adil'],
  ['Abdel', 'Abdul', 'Abdal'], ['Hussein', 'Husain', 'Hussain'], ['Walid', 'Waleed'], ['Yusuf', 'Youssef', 'Yousef'],
];

/**
 * The shorter forms news gives an office holder's long official name (for heads and ministers
 * only: the build adds one only when nobody else has it): first and last name ("Bola Ahmed Adekunle
 * Tinubu" → "Bola Tinubu"), first name and first surname of four-word Hispanic names ("Gustavo
 * Francisco Petro Urrego" → "Gustavo Petro"), "Jr." kept, the dynasty after "bin" dropped
 * ("Mohammed bin Zayed Al Nahyan" → "Mohammed bin Zayed"), other spellings of the given name, and
 * hyphenated compounds with a space ("Adil Abdul-Mahdi" → "Adel Abdul Mahdi").
 * @example shortNames('Bola Ahmed Adekunle Tinubu') // includes 'Bola Tinubu'
 */
export function shortNames(name: string): string[] {
  const out = new Set<string>();
  const words = name.split(' ');
  const bin = words.findIndex((w, i) => i > 0 && /^(?:bin|ibn|bint)$/i.test(w));
  if (bin > 0 && bin + 2 < words.length) out.add(words.slice(0, bin + 2).join(' '));
  const jr = /^Jr\.?$/.test(words[words.length - 1]);
  const core = jr ? words.slice(0, -1) : words;
  // (not "Kim Jong Un" → "Kim Un": a two-letter last word is a given name's syllable)
  if (bin < 0 && core.length >= 3 && core.every((w) => /^\p{Lu}/u.test(w)) && core[core.length - 1].length > 2) {
    const suffix = jr ? ' Jr.' : '';
    out.add(`${core[0]} ${core[core.length - 1]}${suffix}`);
    if (core.length >= 4) out.add(`${core[0]} ${core[core.length - 2]}${suffix}`);
  }
  for (let pass = 0; pass < 2; pass++) for (const n of [name, ...out]) {
    if (/\p{Ll}-\p{Lu}/u.test(n)) out.add(n.replace(/(\p{Lu}\p{Ll}+)-(?=\p{Lu})/gu, '$1 '));
    const first = n.split(' ')[0];
    const set = GIVEN_SPELLINGS.find((g) => g.includes(first));
    for (const g of set ?? []) if (g !== first) out.add(g + n.slice(first.length));
  }
  out.delete(name);
  return [...out];
}

/** An id slug as scripts/build-actors.ts makes it. @example slug('Recep Tayyip Erdoğan') // 'recep-tayyip-erdogan' */
export function slug(s: string): string {
  return fold(s).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * Whether two roles overlap in time (open ends run on).
 * @example overlaps({ code: 'X', from: '2020-01-01' }, { code: 'X', to: '2021-01-01' }) // true
 */
export function overlaps(a: DatedRole, b: DatedRole): boolean {
  return (a.from ?? '0000') <= (b.to ?? '9999') && (b.from ?? '0000') <= (a.to ?? '9999');
}

/**
 * Roles of a person known from several sources: `better` roles win; an older role of a code that
 * `better` has, overlapping one of them in time, is dropped (Phoenix's and the CSV's open-ended
 * terms that a later source closed).
 * @example preferRoles([{ code: 'USAGOV', from: '2021-01-26' }], [{ code: 'USAGOV', from: '2021-01-26', to: '2025-01-20' }]) // the closed one only
 */
export function preferRoles(older: readonly DatedRole[], better: readonly DatedRole[]): DatedRole[] {
  const kept = older.filter((o) => !better.some((b) => b.code === o.code && (overlaps(o, b) || (!o.from && !o.to))));
  // not joined: each source's terms keep their own titles ("prime minister", then "president")
  return [...kept, ...better].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? '') || a.code.localeCompare(b.code));
}
