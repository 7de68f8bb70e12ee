import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';

/**
 * A fresh tmpfs of `size` (mount's notation: `2m`) for a test that needs a small or read-only
 * disk, unmounted after the test; undefined after marking the test skipped where mounting is not
 * allowed (it needs root), so a run without it is visibly partial.
 */
export function tmpfs(t: TestContext, size: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'entente-tmpfs-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    t.skip(`cannot mount a tmpfs here (${(r.stderr || r.error?.message || '').trim()}): this test needs root to make a small or read-only disk`);
    return undefined;
  }
  t.after(() => {
    spawnSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Mounts the tmpfs again with other options: `ro`, `rw`, `size=64m`. */
export function remount(dir: string, options: string): void {
  const r = spawnSync('mount', ['-o', `remount,${options}`, dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`remount ${options} ${dir}: ${r.stderr}`);
}
