/**
 * Relations that turn: a change detector on each dyad's daily Goldstein series (`cusum.ts`,
 * parameters in `data/alerts/cusum.json`), recomputed for the dyads a watch round touched, its
 * alerts stored, and delivered to a webhook or a JSON-lines file.
 */
export { detectTurns, type Turn } from './cusum.js';
export { loadCusumParams, methodName, type CusumParams } from './params.js';
export { alertsForDyads, alertsFromEvents, touchedDyads, updateAlerts } from './detect.js';
export { appendAlertLines, postAlerts } from './deliver.js';
