import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestContext } from 'node:test';

/** `../shared` beside the repository: real articles and gold that may never be committed here. */
export const SHARED = resolve(process.env.ENTENTE_SHARED ?? '../shared');

/**
 * The path under ../shared, or undefined after marking the test skipped with a message that says
 * why, so a run without ../shared is visibly partial rather than falsely green.
 */
export function sharedPath(t: TestContext, rel: string): string | undefined {
  const p = resolve(SHARED, rel);
  if (existsSync(p)) return p;
  t.skip(`../shared absent: ${p} not found; this test needs the shared real-article data`);
  return undefined;
}
