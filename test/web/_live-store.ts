import type { Article } from '../../src/model/article.js';
import { analyze } from '../../src/pipeline/index.js';

/** An article whose events the coder finds: Israel fires on Jordan, Jordan protests (ISR→JOR 190, JOR→ISR 111/161). */
export function borderArticle(day = '2024-02-16'): Article {
  const text = [
    'Israeli troops fired on Jordanian soldiers near the border on Friday, the Jordanian army said.',
    'Jordan condemned the attack and recalled its ambassador from Israel, the foreign ministry in Amman said in a statement.',
    'The two countries signed a peace treaty in 1994 and had kept a calm border for years, officials said.',
  ].join('\n\n');
  const a = analyze({ text, origin: `border-${day}.txt`, format: 'text', given: { date: day, title: 'Shots on the Jordan border', source: 'Gulf Wire' } });
  if ('skipped' in a) throw new Error(`the border article was skipped: ${a.reason}: ${a.detail}`);
  return a;
}

/** An article with an event between two other countries (a first store's content). */
export function talksArticle(): Article {
  const text = 'The foreign minister of France met the foreign minister of Germany in Paris on Tuesday to discuss trade, officials said.\n\nBoth sides praised the talks and agreed to meet again next month, the French foreign ministry said.';
  const a = analyze({ text, origin: 'talks.txt', format: 'text', given: { date: '2024-02-01', title: 'Paris talks', source: 'Wire' } });
  if ('skipped' in a) throw new Error(`the talks article was skipped: ${a.reason}: ${a.detail}`);
  return a;
}
