/**
 * Actor records with the CAMEO code valid on the article's date: a person's dated roles, a
 * country with a role ("RUS" + "MIL" → "RUSMIL"), an organisation's code.
 */
import type { Actor } from '../model/actor.js';
import type { ActorDictionary, DatedRole, PersonEntry } from './dictionary.js';

/**
 * The role a person holds on `date` (ISO, day precision): the latest-starting role that covers
 * it, preferring offices over "ELI" (former elite); with no date, the latest role. Undefined when
 * no role covers the date.
 *
 * @example roleOn(putin, '2010-01-01')?.title // 'prime minister'
 */
export function roleOn(person: PersonEntry, date: string | undefined): DatedRole | undefined {
  // an office outranks "ELI", and an executive office the parliamentary seat its holder keeps
  // (prime ministers and most ministers sit in parliament); then the latest start
  const rank = (r: DatedRole): string => `${r.code.endsWith('ELI') ? 0 : r.code.slice(3, 6) === 'LEG' ? 1 : 2}${r.from ?? '0000-00-00'}`;
  let best: DatedRole | undefined;
  for (const r of person.roles) {
    if (date) {
      if (r.from === undefined && r.to === undefined) continue; // an undated default, used below
      if ((r.from && r.from > date) || (r.to && r.to < date)) continue;
    } else if (!r.from && !r.to && person.roles.length > 1) continue;
    const better = !best || (date ? rank(r) > rank(best) : (r.to ? 0 : 1) - (best.to ? 0 : 1) > 0 || ((r.to ? 0 : 1) === (best.to ? 0 : 1) && rank(r) > rank(best)));
    if (better) best = r;
  }
  return best ?? person.roles.find((r) => !r.from && !r.to);
}

/**
 * A person's actor on `date`. Outside every term, Phoenix's convention: "ELI" (elite) of the
 * country of the last office held before the date, or the bare country before the first.
 *
 * @example personActor(dict, dict.people.get('person/joe-biden')!, '2022-01-01').code // 'USAGOV'
 */
export function personActor(dict: ActorDictionary, p: PersonEntry, date: string | undefined): Actor {
  const d = date?.slice(0, 10);
  let code = roleOn(p, d)?.code;
  if (!code) {
    const before = p.roles.filter((r) => r.to && d && r.to < d).sort((a, b) => (a.to! < b.to! ? 1 : -1))[0];
    const head = (before ?? p.roles[0]).code;
    code = /^(IGO|NGO)/.test(head) ? head : before ? head.slice(0, 3) + 'ELI' : head.slice(0, 3);
  }
  return { id: p.id, code, ...split(dict, code), name: p.name, ...(p.gender ? { gender: p.gender } : {}), kind: 'person' };
}

/** @example countryActor(dict, 'RUS', ['MIL']).code // 'RUSMIL' */
export function countryActor(dict: ActorDictionary, code: string, roles: readonly string[]): Actor {
  return { id: `country/${code}`, code: code + roles.join(''), country: code, roles: [...roles], name: dict.countries.get(code)?.name ?? code, kind: roles.length ? 'group' : 'country' };
}

/** @example orgActor(dict, 'EU').code // 'IGOEUREEC' */
export function orgActor(dict: ActorDictionary, key: string): Actor {
  const o = dict.organisations.get(key)!;
  return { id: `org/${key}`, code: o.code, ...split(dict, o.code), ...(o.country !== key ? { country: o.country } : { country: o.parent ?? key }), name: o.name, kind: 'organisation' };
}

/** Country (or organisation key) and roles of a full code: "RUSGOV" → RUS [GOV], "IGOEUREEC" → EU [IGO]. */
function split(dict: ActorDictionary, code: string): { country: string; roles: string[] } {
  // an armed group's code names the group ("IMGMUSISI" → the Islamic State), as an IGO's does
  if (/^(IGO|NGO)/.test(code) || (code.startsWith('IMG') && dict.orgByCode.has(code))) return { country: dict.orgByCode.get(code) ?? code.slice(3, 6), roles: [code.slice(0, 3)] };
  return { country: code.slice(0, 3), roles: code.slice(3).match(/.../g) ?? [] };
}
