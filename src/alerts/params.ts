import { readDataJson } from '../data/read.js';
import { expectNumber, expectObject } from '../data/validate.js';

/** The change detector's parameters (`data/alerts/cusum.json`, where each is explained). */
export interface CusumParams {
  /** reference value, in baseline standard deviations */
  k: number;
  /** decision interval, in baseline standard deviations */
  h: number;
  /** days with events that make a baseline */
  warmup: number;
  /** the smallest baseline standard deviation, in Goldstein points */
  minSigma: number;
  /** events cited as evidence with an alert */
  maxEvidence: number;
}

const FILE = 'data/alerts/cusum.json';
let cached: Readonly<CusumParams> | undefined;

/**
 * The detector's parameters, read and checked once: a bad file stops `entente watch` and
 * `entente alerts` at start with a `DataFileError` naming the file and field.
 *
 * @example loadCusumParams().h // 8
 */
export function loadCusumParams(): Readonly<CusumParams> {
  if (cached) return cached;
  const o = expectObject(FILE, readDataJson(FILE), ['$comment', 'k', 'h', 'warmup', 'minSigma', 'maxEvidence']);
  cached = Object.freeze({
    k: expectNumber(FILE, o, 'k', 0, 5),
    h: expectNumber(FILE, o, 'h', 0.5, 50),
    warmup: Math.round(expectNumber(FILE, o, 'warmup', 3, 365)),
    minSigma: expectNumber(FILE, o, 'minSigma', 0.01, 20),
    maxEvidence: Math.round(expectNumber(FILE, o, 'maxEvidence', 0, 100)),
  });
  return cached;
}

/** How an alert names its detector. @example methodName(loadCusumParams()) // 'cusum k=1 h=8 warmup=28 minSigma=1' */
export function methodName(p: CusumParams): string {
  return `cusum k=${p.k} h=${p.h} warmup=${p.warmup} minSigma=${p.minSigma}`;
}
