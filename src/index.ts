/**
 * entente as a library: the pipeline, its data model, and the stores.
 *
 * @example
 * import { analyze } from 'entente';
 * const article = analyze({ text: 'Lavrov met Wang Yi in Guilin on Tuesday.' });
 */
export { analyze, STAGES, articleId, type AnalyzeInput, type Stage, type Draft } from './pipeline/index.js';
export * from './model/index.js';
export { readItems, type RawItem, type GivenMeta } from './ingest/index.js';
export { openStore, openSqliteStore, defaultDbPath, type Store, type PutResult, type StoreStats } from './store/index.js';
