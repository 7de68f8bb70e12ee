import { existsSync } from 'node:fs';
import type { TestContext } from 'node:test';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`), never a downloaded browser. */
const CHROMIUM = process.env.ENTENTE_CHROMIUM ?? '/usr/bin/chromium';
/** Headless as root, and without the background connections this machine's closed network refuses. */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Chromium for one test, closed after it; undefined after marking the test skipped where it is
 * not installed, so a run without it is visibly partial.
 */
export async function launchChromium(t: TestContext): Promise<Browser | undefined> {
  if (!existsSync(CHROMIUM)) {
    t.skip(`${CHROMIUM} not found: this test drives Debian's Chromium (apt-get install -y chromium), set ENTENTE_CHROMIUM to use another`);
    return undefined;
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  t.after(() => browser.close());
  return browser;
}
