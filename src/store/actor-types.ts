import type { EventKey, KeyedEvent, QuoteFilter } from './types.js';

/*
 * What the actor page and the quote facets read (issue 19): an actor is a country or
 * organisation code as events store it on either side (`source_country`, `target_country`).
 * Only dated, not negated events count, as in the dyad explorer.
 */

/** An actor's events in a day range (inclusive ISO days). */
export interface ActorRange {
  actor: string;
  from?: string;
  to?: string;
}

/** One direction of a partnership: stored events (each mention once), by quad class, with the mean Goldstein of those scored. */
export interface PartnerSide {
  events: number;
  /** verbal cooperation, material cooperation, verbal conflict, material conflict */
  quad: [number, number, number, number];
  /** null when none of the events has a score */
  goldsteinMean: number | null;
}

/**
 * A partner of the actor: `sent` are the actor's events aimed at it, `received` its events aimed
 * at the actor. An event of the actor with itself is sent only.
 */
export interface ActorPartner {
  partner: string;
  events: number;
  sent: PartnerSide;
  received: PartnerSide;
}

/** Who spoke for an actor: a speaker name with its actor code and how many quotes. */
export interface ActorPerson {
  speaker: string;
  speakerCode?: string;
  quotes: number;
}

/** A facet value and how many quotes of the query have it. */
export interface FacetCount {
  value: string;
  count: number;
}

/** The quote facets for a query: each the values of the quotes it selects, most first. */
export interface QuoteFacets {
  speakers: FacetCount[];
  countries: FacetCount[];
  outlets: FacetCount[];
  kinds: FacetCount[];
}

export interface ActorStore {
  /** the actor's events (either side), newest first in keyset pages as `dyadEvents` pages a dyad's */
  actorEvents(f: ActorRange, page: { limit: number; before?: EventKey; after?: EventKey }): Promise<{ items: KeyedEvent[]; more: boolean }>;
  countActorEvents(f: ActorRange): Promise<number>;
  /** every partner of the range, most events first, then by code */
  actorPartners(f: ActorRange): Promise<ActorPartner[]>;
  /** the speakers whose quotes `QuoteFilter.actor` gives the actor, most quotes first, then by name */
  actorPeople(f: ActorRange, limit: number): Promise<ActorPerson[]>;
  /** up to `limit` values of each facet over the quotes the filter selects (its limit and offset ignored) */
  quoteFacets(f: QuoteFilter, limit: number): Promise<QuoteFacets>;
}
