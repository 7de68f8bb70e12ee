import { defineCommand } from 'citty';
import { openPostgresStore } from '../../store/postgres.js';
import { failedJobs, queueStatus } from '../../store/postgres-queue.js';
import { QUEUE_DB_ARG, queueUrl } from '../queue-db.js';
import { forTerminal } from '../terminal-text.js';

export default defineCommand({
  meta: { name: 'status', description: 'Counts of the PostgreSQL job queue: queued, running (and how many of those have an expired lease), done (stored, unchanged, skipped) and failed.' },
  args: {
    db: QUEUE_DB_ARG,
    failed: { type: 'boolean', description: 'also list the failed jobs with their errors (the latest 50)', default: false },
    json: { type: 'boolean', description: 'one JSON object on standard output', default: false },
  },
  async run({ args }) {
    const store = await openPostgresStore(queueUrl(args.db, process.env), { max: 1 });
    try {
      const s = await queueStatus(store);
      const failed = args.failed ? await failedJobs(store, 50) : undefined;
      if (args.json) {
        process.stdout.write(JSON.stringify({ ...s, ...(failed ? { failedJobs: failed } : {}), db: store.location }) + '\n');
        return;
      }
      process.stdout.write(
        `queued   ${s.queued}\nrunning  ${s.running}${s.expired ? ` (${s.expired} with an expired lease: taken again by the next worker)` : ''}\n` +
          `done     ${s.done} (${s.stored} stored, ${s.unchanged} unchanged, ${s.skipped} skipped)\nfailed   ${s.failed}\n`,
      );
      for (const f of failed ?? []) process.stdout.write(forTerminal(`failed job ${f.id} ${f.origin} after ${f.attempts} attempts: ${f.error}`) + '\n');
    } finally {
      await store.close();
    }
  },
});
