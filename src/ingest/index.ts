export { readItems, fromJsonLine, DEFAULT_MAX_BYTES, type RawItem, type GivenMeta, type FetchedMeta, type ReadOptions } from './items.js';
export { decodeBytes, decodeWindows1252, type Decoded } from './decode.js';
export { detectFormat } from './format.js';
export { expandPaths } from './paths.js';
