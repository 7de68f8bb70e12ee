export { parseFeed, isFeedProblem, type FeedEntry, type FeedFormat, type ParsedFeed, type FeedProblem } from './parse.js';
export { parseSitemap, type ParsedSitemap } from './sitemap.js';
export { readFeedList, feedUrl, type FeedSource, type FeedListProblem } from './feed-list.js';
export { plainText, SUMMARY_MAX } from './text.js';
