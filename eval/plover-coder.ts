/**
 * The event coder as a PLOVER predictor: each gold sentence analysed by the whole pipeline (as a
 * one-sentence article dated by the record) and its coded events turned into (source, target,
 * PLOVER type) predictions.
 */
import { analyze } from '../src/pipeline/index.js';
import { predictionsOf, type PloverPrediction } from './plover.js';

/** @example predict('Russian forces shelled Kyiv on Tuesday.') // [{ source: 'RUS', target: 'UKR', type: 'ASSAULT' }] */
export function predict(text: string, date = '2000-01-01'): PloverPrediction[] {
  // a heading line keeps the sentence in the body: a one-line input would be taken for a title
  const a = analyze({ text: `Event\n\n${text}`, format: 'text', origin: 'plover-gold', given: { date } });
  if ('skipped' in a) return [];
  return predictionsOf(a.events);
}
