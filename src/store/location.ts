import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The user's data folder for entente, by platform convention: `$XDG_DATA_HOME/entente` or
 * `~/.local/share/entente` on Linux, `~/Library/Application Support/entente` on macOS,
 * `%LOCALAPPDATA%\entente` on Windows.
 *
 * @example defaultDbPath({ XDG_DATA_HOME: '/d' }, 'linux', '/home/a') // '/d/entente/entente.db'
 */
export function defaultDbPath(env: Record<string, string | undefined>, platform: string = process.platform, home: string = homedir()): string {
  if (env.ENTENTE_DB) return env.ENTENTE_DB;
  let dir: string;
  if (platform === 'darwin') dir = join(home, 'Library', 'Application Support');
  else if (platform === 'win32') dir = env.LOCALAPPDATA ?? join(home, 'AppData', 'Local');
  else dir = env.XDG_DATA_HOME || join(home, '.local', 'share');
  return join(dir, 'entente', 'entente.db');
}
