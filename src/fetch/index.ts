export { Fetcher } from './client.js';
export { HostGate, type GateOptions } from './host-gate.js';
export { decodeBody, headerCharset, declaredCharset } from './charset.js';
export { robotsRules, robotsFresh, ROBOTS_TTL_MS, type SiteRecord, type SiteMemory, type RobotsRules } from './robots.js';
export type { FetchKind, FetchRequest, FetchResult, Fetched, NotModified, FetchFailure, FetchFailReason, FetcherOptions } from './types.js';

/** The product token robots.txt rules are matched against. */
export const AGENT_TOKEN = 'entente';

/**
 * The User-Agent entente sends: what it is and how a site's owner reaches the person running it.
 *
 * @example userAgent('news-desk@example.org') // 'entente/0.1.0 (news reader; contact: news-desk@example.org)'
 */
export function userAgent(contact: string, version = '0.1.0'): string {
  return `${AGENT_TOKEN}/${version} (news reader; contact: ${contact.replace(/[\r\n()]/g, ' ').trim()})`;
}
