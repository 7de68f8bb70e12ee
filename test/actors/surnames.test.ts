import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/index.js';
import { findActors } from '../../src/actors/index.js';
import type { Article } from '../../src/model/index.js';

/** The actor code of the last mention written `surface`. */
function codeOfLast(text: string, date: string, surface: string): string | undefined {
  const a = analyze({ text, format: 'text', given: { date } }) as Article;
  const at = a.text.lastIndexOf(surface);
  return findActors(a).find((m) => m.start === at && a.text.slice(m.start, m.end) === surface)?.actor.code;
}

// sentences written for this test
test('a later bare surname: family name first for Chinese and Korean names, Arabic names with their article', () => {
  assert.equal(codeOfLast('Wang Yi spoke with his counterpart by phone on Monday. Wang said the talks were useful.', '2021-09-01', 'Wang'), 'CHNGOV');
  assert.equal(codeOfLast('Xi Jinping arrived in Moscow for the talks. Xi invited his host to visit.', '2023-03-21', 'Xi'), 'CHNGOV');
  assert.equal(codeOfLast('Ahmed al-Sharaa met a delegation in Damascus on Sunday. al-Sharaa said elections would take years.', '2025-01-05', 'al-Sharaa'), 'SYRGOV');
  // a Western name keeps its last word as the surname: "Sergei" is no one
  assert.equal(codeOfLast('Sergei Lavrov met the envoy on Monday. Lavrov said the talks were useful.', '2021-03-23', 'Lavrov'), 'RUSGOV');
  assert.equal(codeOfLast('Sergei Lavrov met the envoy on Monday. Sergei Ivanov said nothing.', '2021-03-23', 'Sergei'), undefined);
});

test('titles: "former" before a known surname, titles that name their country, ranks before a name', () => {
  assert.equal(codeOfLast('Former President Obama praised the students on Friday.', '2019-10-11', 'Obama'), 'USAELI');
  // a bare surname of someone out of office, with no "former", is still no one ("Stoltenberg" rule)
  assert.equal(codeOfLast('Obama praised the students on Friday.', '2019-10-11', 'Obama'), undefined);
  assert.equal(codeOfLast('Rep. Dana Whitcombe filed a motion on Tuesday.', '2024-02-06', 'Dana Whitcombe'), 'USALEG');
  assert.equal(codeOfLast('Labour MP Priya Hollis spoke in the debate.', '2016-06-16', 'Priya Hollis'), 'GBRLEG');
  assert.equal(codeOfLast('Israeli military spokesman Rear Adm. Oren Talmi said the strikes went on.', '2023-10-09', 'Rear Adm. Oren Talmi'), 'ISRMIL');
});

test('an organisation\'s title before an unknown name: the organisation stands for the person, not a context country', () => {
  const a = analyze({ text: 'Arab League Secretary General Farid Halloum began a mediation mission between Syria and the Palestinians.', format: 'text', given: { date: '1985-01-01' } }) as Article;
  const found = findActors(a).map((m) => [a.text.slice(m.start, m.end), m.actor.code]);
  assert.deepEqual(found.filter(([t]) => /Arab League|Halloum/.test(t)), [['Arab League', 'IGOMEAARL']]);
});
