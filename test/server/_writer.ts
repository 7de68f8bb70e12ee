/**
 * A second process that writes to a SQLite store, as `entente ingest` does beside a running
 * server: `node _writer.js DB FIRST COUNT` stores COUNT of our own articles, one transaction each,
 * and prints "ready" before the first.
 */
import { analyze } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { makeArticle } from '../_fixtures.js';

const [db, first, count] = process.argv.slice(2);
const store = openSqliteStore(db);
const articles = Array.from({ length: Number(count) }, (_, i) => analyze({ text: makeArticle(Number(first) + i), origin: `writer-${Number(first) + i}.txt` }));
process.stdout.write('ready\n');
for (const a of articles) if (!('skipped' in a)) await store.putArticle(a);
await store.close();
