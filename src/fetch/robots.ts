import { createRequire } from 'node:module';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// a CommonJS module whose typings declare an ES default export it does not have: required as it is
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, txt: string) => Robot;

/** What the store keeps of a site (scheme, host and port): its robots.txt and its last request. */
export interface SiteRecord {
  /** `http://host:port`, as `new URL(u).origin` */
  origin: string;
  /** the robots.txt body when it was fetched with a 2xx */
  robotsTxt?: string;
  /** the HTTP status robots.txt was answered with, 0 when no answer came */
  robotsStatus?: number;
  robotsFetchedAt?: string;
  /** when a request to the site last started, ISO */
  lastRequestAt?: string;
}

/** Where the fetcher keeps what it learns of sites, so a restarted watcher is as polite as before. */
export interface SiteMemory {
  getSite(origin: string): Promise<SiteRecord | undefined>;
  putSiteRobots(origin: string, robots: { txt?: string; status: number; at: string }): Promise<void>;
  noteSiteRequest(origin: string, at: string): Promise<void>;
}

/** A site's rules as one robots.txt answer gives them (RFC 9309 §2.3.1). */
export interface RobotsRules {
  allowed(url: string): boolean;
  /** seconds the site asks between requests, if it asks */
  crawlDelay?: number;
  /** why everything is refused, when it is (the site could not be asked) */
  refusal?: string;
}

/** How long a robots.txt is trusted (RFC 9309 §2.4: should not be used more than 24 hours). */
export const ROBOTS_TTL_MS = 24 * 3600 * 1000;
/** RFC 9309 §2.5: at least 500 KiB must be read; more is not. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

/**
 * The rules of one robots.txt answer: 2xx its body; 4xx (none there, or not for us) allows all;
 * 5xx or no answer refuses all until it is asked again (RFC 9309 §2.3.1.3–4). Rules are
 * matched for `agent`, the product token of the User-Agent.
 *
 * @example robotsRules('http://x.test', 200, 'User-agent: *\nDisallow: /private/', 'entente').allowed('http://x.test/private/a') // false
 */
export function robotsRules(origin: string, status: number, txt: string | undefined, agent: string): RobotsRules {
  if (status >= 200 && status < 300) {
    const robots = robotsParser(`${origin}/robots.txt`, txt ?? '');
    const delay = robots.getCrawlDelay(agent);
    return { allowed: (url) => robots.isAllowed(url, agent) !== false, ...(delay ? { crawlDelay: delay } : {}) };
  }
  if (status >= 400 && status < 500) return { allowed: () => true };
  const refusal = status === 0 ? 'robots.txt could not be fetched' : `robots.txt answered HTTP ${status}`;
  return { allowed: () => false, refusal };
}

/** True when a stored robots.txt answer may still be used at `now`: a 2xx or 4xx less than a day old. */
export function robotsFresh(site: SiteRecord | undefined, now: number): boolean {
  if (!site?.robotsFetchedAt || site.robotsStatus === undefined) return false;
  if (!(site.robotsStatus >= 200 && site.robotsStatus < 500)) return false;
  return now - Date.parse(site.robotsFetchedAt) < ROBOTS_TTL_MS;
}
