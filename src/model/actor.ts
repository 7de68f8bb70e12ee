import type { Span } from './span.js';

/**
 * A canonical actor with its CAMEO actor code: a country (three letters, ISO 3166-1 alpha-3 as
 * CAMEO uses them) with an optional role ("RUS" + "GOV" → "RUSGOV"), or an organisation
 * ("IGOEUREEC" for the EU, "IGOUNO" for the UN), or a person holding a dated role.
 */
export interface Actor {
  /** stable id in the actor dictionaries, e.g. "person/sergei-lavrov", "country/RUS", "org/EU" */
  id: string;
  /** the full CAMEO-style code for the article's date, e.g. "RUSGOV", "IGOEUREEC" */
  code: string;
  /** the country (ISO alpha-3) or organisation short code ("EU", "NATO", "UN") it belongs to */
  country: string;
  /** role/sector codes (GOV, MIL, JUD, LEG, OPP, REB, MED, BUS, CVL, IGO …) */
  roles: string[];
  /** a name a person can read: "Sergei Lavrov", "Russia", "the European Union" */
  name: string;
  /** people: 'male' | 'female' when known, for pronoun agreement */
  gender?: 'male' | 'female';
  kind: 'country' | 'organisation' | 'person' | 'group';
}

/** How a mention refers to its actor. */
export type MentionKind =
  | 'name' // "Sergei Lavrov", "Russia", "the European Union"
  | 'surname' // "Lavrov" after a first full mention
  | 'title' // "the Russian foreign minister", "the minister"
  | 'metonym' // "Moscow", "the Kremlin", "Brussels"
  | 'demonym' // "Russian forces", "Chinese officials"
  | 'description' // "the bloc", "the alliance"
  | 'pronoun'; // "he", "they", resolved to an earlier mention

/** A span of the cleaned text that refers to an actor, with how and by which rule. */
export interface Mention extends Span {
  actor: Actor;
  kind: MentionKind;
  /** id of the dictionary entry or rule that matched */
  rule: string;
  /** for pronouns, surnames and titles resolved by coreference: the index of the mention it points back to */
  antecedent?: number;
}
