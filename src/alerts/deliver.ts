import { appendFile } from 'node:fs/promises';
import type { StoredAlert } from '../store/index.js';

/**
 * Posts each alert as JSON to a webhook, one request each; a failure names the URL and the alert
 * and is returned, never thrown, so one unreachable hook does not stop the watcher.
 *
 * @example const failures = await postAlerts('http://127.0.0.1:9000/hook', alerts);
 */
export async function postAlerts(url: string, alerts: readonly StoredAlert[], timeoutMs = 10_000): Promise<string[]> {
  const failures: string[] = [];
  for (const a of alerts) {
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(a), signal: AbortSignal.timeout(timeoutMs) });
      await res.arrayBuffer();
      if (!res.ok) failures.push(`webhook ${url}: alert ${a.id} answered HTTP ${res.status}`);
    } catch (e) {
      failures.push(`webhook ${url}: alert ${a.id} not delivered: ${(e as Error).message}`);
    }
  }
  return failures;
}

/** Appends the alerts to a file, one JSON object a line. @example await appendAlertLines('alerts.jsonl', alerts) */
export async function appendAlertLines(file: string, alerts: readonly StoredAlert[]): Promise<void> {
  if (alerts.length) await appendFile(file, alerts.map((a) => JSON.stringify(a) + '\n').join(''), 'utf8');
}
