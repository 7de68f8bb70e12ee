export { watchRound, type RoundOptions, type RoundSummary } from './round.js';
export { parseEvery } from './every.js';
