import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** A page of its own context at `width` px (downloads accepted), collecting script errors and dialogs. */
export async function openPage(browser: Browser, width: number): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: width > 500 ? 800 : 844 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); void d.dismiss(); });
  return { page, errors, close: () => context.close() };
}

/** A full-page screenshot of page `name` at `width` px into `dir`, and the check that nothing scrolls sideways. */
export async function shotWithoutOverflow(page: Page, dir: string, name: string, width: number): Promise<void> {
  await page.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: true });
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  assert.ok(overflow <= 1, `${name} scrolls sideways by ${overflow}px at ${width}px`);
}
