/** Analysts' corrections of coded events and quotes (issue 19): what a store keeps of them. */

/**
 * What a correction is about, named by what a re-ingest of the same article gives again: the
 * article's id (a hash of its body), the item's span in the cleaned text, and for an event its
 * parties and CAMEO code (one trigger can code several dyads). Row numbers are not used: a coder
 * that finds one more event earlier in the article renumbers those after it.
 */
export interface CorrectionTarget {
  kind: 'event' | 'quote';
  articleId: string;
  start: number;
  end: number;
  /** an event's source and target actor codes ('' when it has no target) and its CAMEO code */
  source?: string;
  target?: string;
  code?: string;
}

/** An analyst's verdict on one event or quote; `key` is `correctionKey` of its target. */
export interface Correction extends CorrectionTarget {
  key: string;
  verdict: 'wrong' | 'right';
  reason: string;
  /** who gave it, when they said */
  by?: string;
  /** ISO time it was given */
  at: string;
}

/** Which corrections to read: newest first. */
export interface CorrectionFilter {
  kind?: 'event' | 'quote';
  verdict?: 'wrong' | 'right';
  articleId?: string;
  limit?: number;
  offset?: number;
}

/** Analysts' corrections (`/api/corrections`, `entente corrections`): kept apart from the articles, so a re-ingest leaves them. */
export interface CorrectionStore {
  /** stores it, replacing any earlier verdict on the same item (same key); returns what was stored */
  putCorrection(c: Omit<Correction, 'key'> & { key?: string }): Promise<Correction>;
  /** true when there was one */
  removeCorrection(key: string): Promise<boolean>;
  listCorrections(f?: CorrectionFilter): Promise<Correction[]>;
  countCorrections(f?: CorrectionFilter): Promise<number>;
}
