import type { AlertRec, LiveTotals } from './api.js';
import { h } from './dom.js';
import { link } from './route.js';

/**
 * The dashboard's link to `/api/live` (server-sent events): when the store's counts change (a
 * watcher or an ingest wrote to it), `onChange` redraws the open page; each new alert is announced
 * in a status line that links to it. The browser reconnects a dropped stream by itself.
 * EventSource sends no Authorization header, so on a server whose reads need a token the page
 * simply stays as loaded.
 */
export function followLive(onChange: (totals: LiveTotals) => void): void {
  if (typeof EventSource === 'undefined') return;
  const badge = document.getElementById('live-status');
  const source = new EventSource('api/live');
  let first = true;
  source.addEventListener('open', () => badge?.setAttribute('data-live', 'on'));
  source.addEventListener('error', () => badge?.setAttribute('data-live', 'off'));
  source.addEventListener('totals', (e) => {
    const totals = JSON.parse((e as MessageEvent<string>).data) as LiveTotals;
    if (badge) {
      badge.textContent = `live · ${totals.articles} articles · ${totals.events} events · ${totals.alerts} alerts`;
      badge.dataset.articles = String(totals.articles);
      badge.dataset.events = String(totals.events);
      badge.dataset.alerts = String(totals.alerts);
    }
    // the first counts are those the page was drawn from
    if (first) first = false;
    else onChange(totals);
  });
  source.addEventListener('alert', (e) => announce(JSON.parse((e as MessageEvent<string>).data) as AlertRec));
}

function announce(a: AlertRec): void {
  const box = document.getElementById('live-alerts');
  if (!box) return;
  const [x, y] = a.dyad;
  box.prepend(h('p', { class: `live-alert live-${a.direction}`, 'data-alert': a.id },
    h('a', { href: link('alerts', [], { dyad: `${x},${y}` }) }, `${x}–${y} ${a.direction} from ${a.when}`),
    ` (mean Goldstein ${a.before} → ${a.after}, ${a.events} events)`));
  while (box.childElementCount > 3) box.lastElementChild!.remove();
}
