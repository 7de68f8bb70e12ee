import { badParameter } from './errors.js';

/** A JSON Schema (OpenAPI 3.1 dialect) as plain data. */
export type Schema = Record<string, unknown>;

/**
 * One query parameter: how to read it, and what the OpenAPI document says of it. `example` is a
 * valid value and `bad` an invalid one, so a test can try both on every route.
 */
export interface Param<T> {
  description: string;
  schema: Schema;
  required?: boolean;
  example?: string;
  bad?: string;
  parse(raw: string, name: string): T;
}

export type ParamSpec = Record<string, Param<unknown>>;

/** What `parseQuery` gives for a spec: each parameter's parsed value, undefined when absent. */
export type Parsed<S extends ParamSpec> = { [K in keyof S]: S[K] extends Param<infer T> ? T | undefined : never };

/**
 * Reads a request's query against a spec. Steps:
 * 1. an unknown name is refused, so a typo ("qaud=4") does not silently widen the answer;
 * 2. a name given twice is refused, since only one value would be used;
 * 3. each value is parsed by its parameter, whose error names it;
 * 4. a missing required parameter is refused;
 * 5. `from` after `to` is refused.
 *
 * @example parseQuery({ quad: QUAD }, { quad: ['4'] }) // { quad: 4 }
 */
export function parseQuery<S extends ParamSpec>(spec: S, query: Record<string, string[]>): Parsed<S> {
  const out: Record<string, unknown> = {};
  for (const [name, values] of Object.entries(query)) {
    const p = spec[name];
    if (!p) throw badParameter(`unknown parameter ${JSON.stringify(name)}; this route takes ${Object.keys(spec).join(', ') || 'none'}`);
    if (values.length > 1) throw badParameter(`${name} is given ${values.length} times; give it once`);
    out[name] = p.parse(values[0], name);
  }
  for (const [name, p] of Object.entries(spec)) {
    if (p.required && out[name] === undefined) throw badParameter(`${name} is required: ${p.description}`);
  }
  if (typeof out.from === 'string' && typeof out.to === 'string' && out.from > out.to) {
    throw badParameter(`from must not be after to (from ${out.from}, to ${out.to})`);
  }
  return out as Parsed<S>;
}

/** The value as the message quotes it: JSON, cut short. */
function shown(raw: string): string {
  return JSON.stringify(raw.length > 40 ? raw.slice(0, 40) + '…' : raw);
}

/** @example date('start of the range').parse('2021-03-23', 'from') // '2021-03-23' */
export function date(description: string): Param<string> {
  return {
    description: `${description} (inclusive), YYYY-MM-DD`,
    schema: { type: 'string', format: 'date' },
    example: '2021-03-23',
    bad: '23/03/2021',
    parse(raw, name) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
      const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : undefined;
      // Date.UTC rolls 2021-02-31 over into March: a rolled date is not a date
      if (!m || !d || d.getUTCDate() !== +m[3] || d.getUTCMonth() !== +m[2] - 1) throw badParameter(`${name} must be a date YYYY-MM-DD, got ${shown(raw)}`);
      return raw;
    },
  };
}

/** @example whole(1, 500, 'at most this many items').parse('20', 'limit') // 20 */
export function whole(min: number, max: number, description: string, example = String(min)): Param<number> {
  return {
    description,
    schema: { type: 'integer', minimum: min, maximum: max },
    example,
    bad: String(max + 1),
    parse(raw, name) {
      const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isSafeInteger(n) || n < min || n > max) throw badParameter(`${name} must be a whole number from ${min} to ${max}, got ${shown(raw)}`);
      return n;
    },
  };
}

/** A yes/no switch: `true`, `1` or an empty value (`?undirected`) are yes; `false`, `0` no. */
export function flag(description: string): Param<boolean> {
  return {
    description: `${description}: true or false`,
    schema: { type: 'boolean' },
    example: 'true',
    bad: 'maybe',
    parse(raw, name) {
      if (raw === '' || raw === 'true' || raw === '1') return true;
      if (raw === 'false' || raw === '0') return false;
      throw badParameter(`${name} must be true or false, got ${shown(raw)}`);
    },
  };
}

/** One of a few words. @example oneOf(['day', 'week'], 'cut').parse('week', 'period') // 'week' */
export function oneOf<T extends string>(values: readonly T[], description: string): Param<T> {
  const list = `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
  return {
    description: `${description}: ${list}`,
    schema: { type: 'string', enum: [...values] },
    example: values[0],
    bad: 'fortnight',
    parse(raw, name) {
      if (!(values as readonly string[]).includes(raw)) throw badParameter(`${name} must be ${list}, got ${shown(raw)}`);
      return raw as T;
    },
  };
}

const CODE = /^[A-Za-z0-9]{2,20}$/;

/** A CAMEO actor code or its prefix, upper-cased: `RUS`, `RUSGOV`, `IGOEUREEC`, `EU`. */
export function actorCode(description: string, example = 'RUS'): Param<string> {
  return {
    description,
    schema: { type: 'string', pattern: CODE.source },
    example,
    bad: 'R U S',
    parse(raw, name) {
      if (!CODE.test(raw)) throw badParameter(`${name} must be an actor code of 2 to 20 letters and digits (e.g. RUS, RUSGOV, EU), got ${shown(raw)}`);
      return raw.toUpperCase();
    },
  };
}

/** Free text, trimmed, 1 to `max` characters. */
export function text(description: string, example: string, max = 200): Param<string> {
  return {
    description,
    schema: { type: 'string', minLength: 1, maxLength: max },
    example,
    bad: '',
    parse(raw, name) {
      const t = raw.trim();
      if (t.length === 0 || t.length > max) throw badParameter(`${name} must be 1 to ${max} characters, got ${t.length}`);
      return t;
    },
  };
}

/** Pagination parameters every list route takes. */
export function page(defaultLimit: number, maxLimit: number) {
  return {
    limit: whole(1, maxLimit, `at most this many items (default ${defaultLimit})`, '5'),
    offset: whole(0, 1_000_000_000, 'skip this many items first (default 0)', '0'),
  };
}

/** Two actor codes, comma-separated, upper-cased. @example dyad('…').parse('RUS,EU', 'dyad') // ['RUS', 'EU'] */
export function dyad(description: string): Param<[string, string]> {
  return {
    description: `${description}: two actor codes separated by a comma, e.g. RUS,EU`,
    schema: { type: 'string', pattern: '^[A-Za-z0-9]{2,20},[A-Za-z0-9]{2,20}$' },
    example: 'RUS,EU',
    bad: 'RUS',
    parse(raw, name) {
      const parts = raw.split(',');
      if (parts.length !== 2 || !parts.every((p) => CODE.test(p))) throw badParameter(`${name} must be two actor codes separated by a comma, e.g. RUS,EU, got ${shown(raw)}`);
      return [parts[0].toUpperCase(), parts[1].toUpperCase()];
    },
  };
}

/** A CAMEO event code or its prefix: `19` (fight), `112` (accuse). */
export function cameoCode(description: string): Param<string> {
  return {
    description: `${description}: a CAMEO event code or prefix of 1 to 4 digits, e.g. 19 or 112`,
    schema: { type: 'string', pattern: '^[0-9]{1,4}$' },
    example: '11',
    bad: '1a',
    parse(raw, name) {
      if (!/^[0-9]{1,4}$/.test(raw)) throw badParameter(`${name} must be a CAMEO event code or prefix of 1 to 4 digits, e.g. 19 or 112, got ${shown(raw)}`);
      return raw;
    },
  };
}

/** A quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export function quadClass(description: string): Param<1 | 2 | 3 | 4> {
  return {
    description: `${description}: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict`,
    schema: { type: 'integer', enum: [1, 2, 3, 4] },
    example: '3',
    bad: '5',
    parse(raw, name) {
      if (!/^[1-4]$/.test(raw)) throw badParameter(`${name} must be 1, 2, 3 or 4, got ${shown(raw)}`);
      return Number(raw) as 1 | 2 | 3 | 4;
    },
  };
}

/** A number from 0 to 1, such as a confidence. @example fraction('lowest confidence').parse('0.7', 'minConfidence') // 0.7 */
export function fraction(description: string): Param<number> {
  return {
    description: `${description}: a number from 0 to 1`,
    schema: { type: 'number', minimum: 0, maximum: 1 },
    example: '0.5',
    bad: '1.5',
    parse(raw, name) {
      const n = /^(0|1)(\.\d+)?$|^\.\d+$/.test(raw) ? Number(raw) : NaN;
      if (!(n >= 0 && n <= 1)) throw badParameter(`${name} must be a number from 0 to 1, got ${shown(raw)}`);
      return n;
    },
  };
}

/**
 * A keyset cursor: the day and row id of an event, as a page of `/api/dyad/events` gives them
 * (`older`, `newer`). @example eventCursor('…').parse('2019-05-01:1234', 'before') // { date: '2019-05-01', id: '1234' }
 */
export function eventCursor(description: string): Param<{ date: string; id: string }> {
  return {
    description: `${description}: a cursor DAY:ID as a page gives it in older or newer`,
    schema: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}:\\d{1,18}$' },
    example: '2100-01-01:1',
    bad: '2019-05-01',
    parse(raw, name) {
      const m = /^(\d{4}-\d{2}-\d{2}):(\d{1,18})$/.exec(raw);
      if (!m) throw badParameter(`${name} must be a cursor DAY:ID as a page gives it (older, newer), e.g. 2019-05-01:1234, got ${shown(raw)}`);
      return { date: m[1], id: String(BigInt(m[2])) };
    },
  };
}
