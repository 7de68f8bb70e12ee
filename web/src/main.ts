import './style.css';
import { disposeCharts } from './live-charts.js';
import { status } from './dom.js';
import { parseRoute, type Route } from './route.js';
import { renderRelations } from './pages/relations.js';
import { renderDyad } from './pages/dyad.js';
import { renderCompare } from './pages/compare.js';
import { renderActor } from './pages/actor.js';
import { renderQuotes } from './pages/quotes.js';
import { renderArticles } from './pages/articles.js';
import { renderReader } from './pages/reader.js';
import { renderAlerts } from './pages/alerts.js';
import { renderFeeds } from './pages/feeds.js';
import { followLive } from './live.js';

type Render = (main: HTMLElement, route: Route) => Promise<void>;

const PAGES: Record<string, { render: Render; nav: string }> = {
  relations: { render: renderRelations, nav: 'relations' },
  dyad: { render: renderDyad, nav: 'relations' },
  compare: { render: renderCompare, nav: 'compare' },
  actor: { render: renderActor, nav: 'relations' },
  quotes: { render: renderQuotes, nav: 'quotes' },
  articles: { render: renderArticles, nav: 'articles' },
  article: { render: renderReader, nav: 'articles' },
  alerts: { render: renderAlerts, nav: 'alerts' },
  feeds: { render: renderFeeds, nav: 'feeds' },
};

/** Pages drawn from what changes as articles come in: redrawn when the store's counts change (not the reader, whose article does not). */
const LIVE_PAGES = new Set(['relations', 'dyad', 'compare', 'actor', 'quotes', 'articles', 'alerts', 'feeds']);

let generation = 0;

/** Renders the page the hash names; a newer navigation wins over a slower older one. */
async function show(): Promise<void> {
  const route = parseRoute(location.hash);
  const main = document.getElementById('main')!;
  const page = PAGES[route.page];
  const mine = ++generation;
  disposeCharts();
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav a[data-page]')) {
    if (a.dataset.page === page?.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const view = document.createElement('div');
  view.className = `page page-${route.page}`;
  main.replaceChildren(view);
  main.setAttribute('aria-busy', 'true');
  try {
    if (!page) view.append(status(`No page "${route.page}". Try Relations, Quotes or Articles.`, 'error'));
    else await page.render(view, route);
  } catch (e) {
    if (mine === generation) view.append(status(`Could not load this page: ${(e as Error).message}`, 'error'));
  } finally {
    if (mine === generation) {
      main.removeAttribute('aria-busy');
      document.body.dataset.ready = route.page;
    }
  }
}

addEventListener('hashchange', () => {
  delete document.body.dataset.ready;
  void show().then(() => {
    // move focus to the new page's heading, as a page load would, unless the page chose a target
    if (document.activeElement === document.body || document.activeElement?.closest('nav')) {
      document.querySelector<HTMLElement>('#main h1')?.focus();
    }
  });
});
void show();
followLive(() => {
  // not under a user who is typing in a filter, nor while a page is still loading
  const typing = document.activeElement instanceof HTMLInputElement;
  if (LIVE_PAGES.has(parseRoute(location.hash).page) && !typing && document.body.dataset.ready) void show();
});
