export * from './span.js';
export * from './source-map.js';
export * from './article.js';
export * from './errors.js';
export * from './actor.js';
export * from './quote.js';
export * from './event.js';
export * from './date.js';
