/** Writers of stored events in the formats analysts load: GDELT 2.0 tables, PLOVER JSON lines, CSV. */
export { writeGdelt, gdeltEventRow, gdeltMentionRow, GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS } from './gdelt.js';
export { writePlover, ploverRecord, validatePloverRecord, PloverRecordError, type PloverRecord } from './plover.js';
export { writeCsv, csvField, csvLine, CSV_COLUMNS } from './csv.js';
export { eventGroups, type EventSource } from './stream.js';
export { loadPloverRecordFields } from './plover-fields.js';
