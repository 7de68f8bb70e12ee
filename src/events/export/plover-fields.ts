import { readDataJson } from '../../data/read.js';
import { expectObject, expectWords } from '../../data/validate.js';
import { DataFileError } from '../../model/errors.js';

const FILE = 'data/events/plover-record.json';

/** What a PLOVER JSON record may and must hold, as the codebook lists it. */
export interface PloverRecordFields {
  required: readonly string[];
  optional: readonly string[];
  entity: readonly string[];
  textInfo: readonly string[];
  citeInfo: readonly string[];
}

let cached: PloverRecordFields | undefined;

/** Loads and checks `data/events/plover-record.json` once. */
export function loadPloverRecordFields(): PloverRecordFields {
  if (cached) return cached;
  const o = expectObject(FILE, readDataJson(FILE), ['$comment', 'required', 'optional', 'entity_fields', 'text_info_fields', 'cite_info_fields']);
  const required = expectWords(FILE, o, 'required');
  const optional = expectWords(FILE, o, 'optional');
  const both = required.find((f) => optional.includes(f));
  if (both) throw new DataFileError(FILE, `"${both}" is listed as both required and optional`);
  cached = Object.freeze({
    required: Object.freeze(required),
    optional: Object.freeze(optional),
    entity: Object.freeze(expectWords(FILE, o, 'entity_fields')),
    textInfo: Object.freeze(expectWords(FILE, o, 'text_info_fields')),
    citeInfo: Object.freeze(expectWords(FILE, o, 'cite_info_fields')),
  });
  return cached;
}
