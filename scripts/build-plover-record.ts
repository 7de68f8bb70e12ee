/**
 * Builds `data/events/plover-record.json`, the fields of a PLOVER JSON record (required,
 * optional, and those of the entity, text_info and cite_info objects) that `entente export
 * --format plover` checks every record against, from `json_record_fields` of
 * `../shared/ontology/plover/plover-codebook.json` (PLOVER manual, CC BY-SA 4.0).
 *
 * @example node --import tsx scripts/build-plover-record.ts [CODEBOOK]   # from the repository root
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadPloverRecordFields } from '../src/events/export/plover-fields.js';

const CODEBOOK = resolve(process.argv[2] ?? '../shared/ontology/plover/plover-codebook.json');
const OUT = resolve('data/events/plover-record.json');

const fields = (JSON.parse(readFileSync(CODEBOOK, 'utf8')) as { json_record_fields: Record<string, string[]> }).json_record_fields;
const out = {
  $comment:
    'Fields of a PLOVER JSON event record: `required` must be present and non-empty in every exported record, `optional` may be; ' +
    'the *_fields lists name the keys of the nested entity, text_info and cite_info objects. From json_record_fields of ' +
    '../shared/ontology/plover/plover-codebook.json (openeventdata/PLOVER @ 5e0c24f, PLOVER_MANUAL.tex chapter "Data Fields", CC BY-SA 4.0). ' +
    'Built by scripts/build-plover-record.ts.',
  required: fields.required,
  optional: fields.optional,
  entity_fields: fields.entity_fields,
  text_info_fields: fields.text_info_fields,
  cite_info_fields: fields.cite_info_fields,
};
writeFileSync(OUT + '.tmp', JSON.stringify(out, null, 1) + '\n');
renameSync(OUT + '.tmp', OUT);
const loaded = loadPloverRecordFields();
process.stdout.write(`wrote ${OUT}: ${loaded.required.length} required, ${loaded.optional.length} optional fields\n`);
