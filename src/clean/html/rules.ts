/**
 * The extraction rules of the HTML cleaner, read once from `data/html/extraction.json`,
 * validated (unknown keys and wrong types throw `DataFileError` naming the key), compiled
 * (patterns to RegExp, tag lists to Sets) and frozen.
 */
import { DataFileError } from '../../model/errors.js';
import { readDataJson } from '../../data/read.js';

/**
 * Where the data file lives relative to the package root.
 *
 * @example readFileSync(join(root, RULES_FILE), 'utf8')
 */
export const RULES_FILE = 'data/html/extraction.json';

/**
 * A named pattern: its `id` is copied onto every `Removal` it causes.
 *
 * @example loadRules().boilerplate.find((r) => r.pattern.test('share-bar'))?.id // 'share'
 */
export interface PatternRule {
  readonly id: string;
  readonly reason: string;
  readonly pattern: RegExp;
}

/**
 * The numbers of the algorithm; each is explained where it is used.
 *
 * @example loadRules().thresholds.paragraphMaxLinkDensity // 0.5
 */
export interface Thresholds {
  readonly maxDepth: number;
  readonly minUnitChars: number;
  readonly unitCharsPerPoint: number;
  readonly maxUnitLengthPoints: number;
  readonly ancestorLevels: number;
  readonly boilerplateWeight: number;
  readonly contentHintWeight: number;
  readonly bodyHintWeight: number;
  readonly siblingScoreRatio: number;
  readonly siblingMinScore: number;
  readonly siblingParagraphChars: number;
  readonly siblingMaxLinkDensity: number;
  readonly keepIfShareOfRoot: number;
  readonly keepIfMinChars: number;
  readonly paragraphMaxLinkDensity: number;
  readonly shortParagraphChars: number;
  readonly shortParagraphMaxLinkDensity: number;
  readonly longParagraphChars: number;
  readonly clusterMinLinks: number;
  readonly clusterMinChars: number;
  readonly clusterMinLinkDensity: number;
  readonly longParagraphMaxLinkDensity: number;
  readonly edgeParagraphs: number;
  readonly minBodyChars: number;
  readonly rankedCandidates: number;
  readonly ldMinBodyChars: number;
  readonly ldMinAgreement: number;
  readonly ldMinGain: number;
  readonly removalMinChars: number;
  readonly excerptChars: number;
}

/**
 * The compiled, frozen rule set.
 *
 * @example loadRules().dropTags.has('script') // true
 */
export interface ExtractionRules {
  readonly dropTags: ReadonlySet<string>;
  readonly chromeTags: ReadonlySet<string>;
  readonly blockTags: ReadonlySet<string>;
  /** never joined to the winner as a sibling: the headline block, page chrome */
  readonly noSiblingTags: ReadonlySet<string>;
  readonly headingTags: ReadonlySet<string>;
  readonly listItemTags: ReadonlySet<string>;
  readonly linkTags: ReadonlySet<string>;
  readonly figureTags: ReadonlySet<string>;
  readonly captionTags: ReadonlySet<string>;
  readonly unitTags: ReadonlySet<string>;
  readonly tagWeights: ReadonlyMap<string, number>;
  readonly boilerplate: readonly PatternRule[];
  /** every boilerplate pattern in one alternation: a cheap first test before finding which rule */
  readonly boilerplateAny: RegExp;
  readonly contentHint: RegExp;
  readonly bodyHint: RegExp;
  /** embedded posts (tweets, quotes) that pages quote as part of the story: never cut as "social" */
  readonly embedHint: RegExp;
  readonly captionClassHint: RegExp;
  readonly creditHint: RegExp;
  readonly boilerplateLines: readonly PatternRule[];
  readonly lineEdgeRules: readonly PatternRule[];
  readonly metaKeys: MetaKeys;
  readonly titleSeparators: readonly string[];
  readonly thresholds: Thresholds;
}

/**
 * The `<meta name|property|itemprop>` keys tried for each field, in order of trust.
 *
 * @example loadRules().metaKeys.date[0] // 'article:published_time'
 */
export interface MetaKeys {
  readonly title: readonly string[];
  readonly date: readonly string[];
  readonly author: readonly string[];
  readonly source: readonly string[];
  readonly url: readonly string[];
}

const TAG_LIST_KEYS = ['dropTags', 'chromeTags', 'blockTags', 'noSiblingTags', 'headingTags', 'listItemTags', 'linkTags', 'figureTags', 'captionTags', 'unitTags'] as const;
const PATTERN_KEYS = ['contentHint', 'bodyHint', 'embedHint', 'captionClassHint', 'creditHint'] as const;
const RULE_LIST_KEYS = ['boilerplate', 'boilerplateLines', 'lineEdgeRules'] as const;
const THRESHOLD_KEYS: readonly (keyof Thresholds)[] = [
  'maxDepth', 'minUnitChars', 'unitCharsPerPoint', 'maxUnitLengthPoints', 'ancestorLevels', 'boilerplateWeight',
  'contentHintWeight', 'bodyHintWeight', 'siblingScoreRatio', 'siblingMinScore', 'siblingParagraphChars',
  'siblingMaxLinkDensity', 'keepIfShareOfRoot', 'keepIfMinChars', 'paragraphMaxLinkDensity', 'shortParagraphChars',
  'shortParagraphMaxLinkDensity', 'longParagraphChars', 'clusterMinLinks', 'clusterMinChars', 'clusterMinLinkDensity', 'longParagraphMaxLinkDensity', 'edgeParagraphs', 'minBodyChars', 'rankedCandidates', 'ldMinBodyChars', 'ldMinAgreement', 'ldMinGain', 'removalMinChars', 'excerptChars',
];
const META_FIELDS = ['title', 'date', 'author', 'source', 'url'] as const;
const TOP_KEYS = new Set<string>(['$comment', ...TAG_LIST_KEYS, ...PATTERN_KEYS, ...RULE_LIST_KEYS, 'tagWeights', 'metaKeys', 'titleSeparators', 'thresholds']);

/**
 * Validates and compiles the parsed JSON of the rules file. `file` is only used in messages.
 *
 * @example
 * compileRules(JSON.parse(readFileSync('data/html/extraction.json', 'utf8')), 'data/html/extraction.json').dropTags.has('script') // true
 */
export function compileRules(raw: unknown, file: string = RULES_FILE): ExtractionRules {
  const fail = (key: string, detail: string): never => {
    throw new DataFileError(file, `key "${key}": ${detail}`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('(root)', 'expected a JSON object');
  const obj = raw as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys[0] !== '$comment' || typeof obj.$comment !== 'string') fail('$comment', 'the first key must be "$comment", a string naming the file');
  for (const k of keys) if (!TOP_KEYS.has(k)) fail(k, 'unknown key');
  for (const k of TOP_KEYS) if (!(k in obj)) fail(k, 'missing');

  const regex = (key: string, src: unknown): RegExp => {
    if (typeof src !== 'string' || src.length === 0) return fail(key, 'expected a non-empty pattern string');
    try {
      return new RegExp(src as string, 'i');
    } catch (e) {
      return fail(key, `bad pattern (${(e as Error).message})`);
    }
  };
  const tagSet = (key: string): ReadonlySet<string> => {
    const v = obj[key];
    if (!Array.isArray(v) || !v.every((t) => typeof t === 'string' && /^[a-z][a-z0-9]*$/.test(t))) {
      return fail(key, 'expected an array of lower-case tag names');
    }
    return Object.freeze(new Set(v as string[]));
  };
  const ruleList = (key: string): readonly PatternRule[] => {
    const v = obj[key];
    if (!Array.isArray(v)) return fail(key, 'expected an array of {id, reason, pattern}');
    const seen = new Set<string>();
    return Object.freeze(
      (v as unknown[]).map((r, i) => {
        const where = `${key}[${i}]`;
        if (typeof r !== 'object' || r === null) return fail(where, 'expected an object');
        const rec = r as Record<string, unknown>;
        for (const k of Object.keys(rec)) if (!['id', 'reason', 'pattern'].includes(k)) fail(`${where}.${k}`, 'unknown key');
        if (typeof rec.id !== 'string' || !rec.id) return fail(`${where}.id`, 'expected a non-empty string');
        if (seen.has(rec.id)) fail(`${where}.id`, `duplicate id "${rec.id}"`);
        seen.add(rec.id);
        if (typeof rec.reason !== 'string') return fail(`${where}.reason`, 'expected a string');
        return Object.freeze({ id: rec.id, reason: rec.reason, pattern: regex(`${where}.pattern`, rec.pattern) });
      }),
    );
  };

  const weightsRaw = obj.tagWeights;
  if (typeof weightsRaw !== 'object' || weightsRaw === null || Array.isArray(weightsRaw)) fail('tagWeights', 'expected an object tag -> number');
  const tagWeights = new Map<string, number>();
  for (const [tag, w] of Object.entries(weightsRaw as Record<string, unknown>)) {
    if (typeof w !== 'number' || !Number.isFinite(w)) fail(`tagWeights.${tag}`, 'expected a number');
    tagWeights.set(tag, w as number);
  }

  const thRaw = obj.thresholds;
  if (typeof thRaw !== 'object' || thRaw === null || Array.isArray(thRaw)) fail('thresholds', 'expected an object');
  const th = thRaw as Record<string, unknown>;
  for (const k of Object.keys(th)) if (!(THRESHOLD_KEYS as readonly string[]).includes(k)) fail(`thresholds.${k}`, 'unknown key');
  const thresholds = {} as Record<string, number>;
  for (const k of THRESHOLD_KEYS) {
    const v = th[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(`thresholds.${k}`, 'expected a finite number');
    thresholds[k] = v as number;
  }

  const strings = (key: string, v: unknown): readonly string[] => {
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x.length > 0)) return fail(key, 'expected an array of non-empty strings');
    return Object.freeze([...(v as string[])]);
  };
  const mkRaw = obj.metaKeys;
  if (typeof mkRaw !== 'object' || mkRaw === null || Array.isArray(mkRaw)) fail('metaKeys', 'expected an object');
  const mk = mkRaw as Record<string, unknown>;
  for (const k of Object.keys(mk)) if (!(META_FIELDS as readonly string[]).includes(k)) fail(`metaKeys.${k}`, 'unknown key');
  const metaKeys = {} as Record<string, readonly string[]>;
  for (const k of META_FIELDS) metaKeys[k] = strings(`metaKeys.${k}`, mk[k]);

  const boilerplate = ruleList('boilerplate');
  const boilerplateAny = new RegExp(boilerplate.map((r) => `(?:${r.pattern.source})`).join('|') || '(?!)', 'i');
  return Object.freeze({
    dropTags: tagSet('dropTags'),
    chromeTags: tagSet('chromeTags'),
    blockTags: tagSet('blockTags'),
    noSiblingTags: tagSet('noSiblingTags'),
    headingTags: tagSet('headingTags'),
    listItemTags: tagSet('listItemTags'),
    linkTags: tagSet('linkTags'),
    figureTags: tagSet('figureTags'),
    captionTags: tagSet('captionTags'),
    unitTags: tagSet('unitTags'),
    tagWeights: Object.freeze(tagWeights),
    boilerplate,
    boilerplateAny,
    contentHint: regex('contentHint', obj.contentHint),
    bodyHint: regex('bodyHint', obj.bodyHint),
    embedHint: regex('embedHint', obj.embedHint),
    captionClassHint: regex('captionClassHint', obj.captionClassHint),
    creditHint: regex('creditHint', obj.creditHint),
    boilerplateLines: ruleList('boilerplateLines'),
    lineEdgeRules: ruleList('lineEdgeRules'),
    metaKeys: Object.freeze(metaKeys) as unknown as MetaKeys,
    titleSeparators: strings('titleSeparators', obj.titleSeparators),
    thresholds: Object.freeze(thresholds) as unknown as Thresholds,
  });
}


let cached: ExtractionRules | undefined;

/**
 * The rules, loaded on first use and shared after that.
 *
 * @example
 * loadRules().thresholds.minUnitChars // 25
 */
export function loadRules(): ExtractionRules {
  if (cached) return cached;
  cached = compileRules(readDataJson(RULES_FILE), RULES_FILE);
  return cached;
}
