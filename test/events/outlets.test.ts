/**
 * News outlets and agencies are actors (MED of their country), so a quote's speaker "Reuters" has a
 * country; the event stage leaves an outlet out of the events it only narrates. Written sentences.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/index.js';
import type { Article } from '../../src/model/article.js';

function article(text: string): Article {
  return analyze({ text: `Report\n\n${text}`, format: 'text', origin: 'test', given: { date: '2015-06-01' } }) as Article;
}

const dyads = (a: Article) => a.events.map((e) => `${e.source.code}→${e.target?.code ?? ''}`);

test('outlets are actors of their country\'s media: Reuters GBRMED, the Associated Press and CNN USAMED', () => {
  const a = article('Reuters reported the talks. The Associated Press and CNN said the same.');
  const codes = a.spans.mentions.map((m) => `${a.text.slice(m.start, m.end)}:${m.actor.code}`);
  assert.ok(codes.includes('Reuters:GBRMED'), codes.join(' '));
  assert.ok(codes.includes('Associated Press:USAMED') || codes.includes('The Associated Press:USAMED'), codes.join(' '));
  assert.ok(codes.includes('CNN:USAMED'), codes.join(' '));
});

test('an outlet that learns or reports is no party of an event', () => {
  assert.deepEqual(dyads(article('CNN has learned that al Qaeda leaders met in Pakistan.')).filter((d) => d.includes('MED')), []);
  assert.deepEqual(dyads(article('Agence France-Presse reports the Israeli prime minister will meet the Russian president in Moscow on Tuesday.')).filter((d) => d.includes('MED')), []);
});

test('an anaphoric target does not point back to the outlet that reports: "resolve this issue" after "Reuters reports" is Iran', () => {
  const a = article('"The United States will warn Iran," Reuters reports this morning. The president will say: "America wants to resolve this issue through diplomacy."');
  assert.ok(!dyads(a).some((d) => d.includes('MED')), dyads(a).join(' '));
});

test('an unknown name an outlet owns is its journalist: "NPR\'s Jean Cochran" USAMED, "the BBC\'s Naomi Grimley" GBRMED', () => {
  const a = article("NPR's Jean Cochran said the talks had stalled. The BBC's Naomi Grimley said they went on.");
  const codes = a.spans.mentions.map((m) => `${a.text.slice(m.start, m.end)}:${m.actor.code}`);
  assert.ok(codes.includes('Jean Cochran:USAMED'), codes.join(' '));
  assert.ok(codes.includes('Naomi Grimley:GBRMED'), codes.join(' '));
});
