import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/index.js';
import type { Article } from '../../src/model/article.js';
import type { Actor, Mention } from '../../src/model/actor.js';
import { findQuotes } from '../../src/quotes/index.js';

// Every sentence below is invented for these tests; a headline line goes first because the
// cleaner takes a short first line as the title.
function article(body: string): Article {
  const a = analyze({ text: `Test headline for the speaker rules\n\n${body}`, format: 'text', origin: 'test' });
  if ('skipped' in a) throw new Error(`skipped: ${a.reason}`);
  return a;
}
const person = (name: string, country: string, gender?: 'male' | 'female'): Actor => ({ id: `person/${name.toLowerCase().replace(/ /g, '-')}`, code: `${country}GOV`, country, roles: ['GOV'], name, kind: 'person', ...(gender ? { gender } : {}) });
const country = (code: string, name: string): Actor => ({ id: `country/${code}`, code, country: code, roles: [], name, kind: 'country' });
const mention = (a: Article, text: string, actor: Actor, kind: Mention['kind'] = 'name', from = 0): Mention => {
  const at = a.text.indexOf(text, from);
  return { start: at, end: at + text.length, actor, kind, rule: 'test' };
};

test('speakers: "he" after a named speaker is that speaker, not the person last talked about', () => {
  const a = article('“The plan is sound,” Tomas Berg said.\n\nHe had met Ivan Petrov on Monday. “We will go on,” he added.');
  const petrov = person('Ivan Petrov', 'RUS', 'male');
  // the actor stage's coreference took the nearest name
  const ms = [mention(a, 'Ivan Petrov', petrov), { ...mention(a, 'he added', petrov, 'pronoun'), end: a.text.indexOf('he added') + 2, antecedent: 0 }];
  const qs = findQuotes(a, ms);
  assert.equal(qs.length, 2);
  assert.equal(qs[1].speaker, 'Tomas Berg');
});

test('speakers: "she" skips an earlier speaker of the other gender', () => {
  const a = article('“Costs rose,” Mr. Dale said. “Prices will fall,” Ms. Orr said on Monday. “We wait,” she added.');
  const qs = findQuotes(a, []);
  assert.equal(qs[2].speaker, 'Ms. Orr');
  const b = article('“Costs rose,” Ms. Orr said. “Prices will fall,” Mr. Dale said on Monday. “We wait,” she added.');
  assert.equal(findQuotes(b, [])[2].speaker, 'Ms. Orr');
});

test('speakers: a relative "who" speaks for the name before it', () => {
  const a = article('The talks went on in Vienna with Lena Aalto, who said the deal was close to being signed.');
  const q = findQuotes(a, []).find((x) => a.text.slice(x.start, x.end).includes('deal was close'));
  assert.equal(q?.speaker, 'Lena Aalto');
});

test('speakers: a country mention inside a role phrase gives the actor and keeps the phrase', () => {
  const a = article('The embassy will reopen on Sunday after the long closure, the State Department said.');
  const [q] = findQuotes(a, [mention(a, 'State Department', country('USA', 'United States'), 'metonym')]);
  assert.equal(q.speaker, 'the State Department');
  assert.equal(q.speakerActor?.country, 'USA');
});

test('speakers: a role noun takes the country written before it, or of the earlier mention of its head', () => {
  const a = article('The embassy will reopen on Sunday after the long closure, U.S. officials said.');
  const [q] = findQuotes(a, [mention(a, 'U.S.', country('USA', 'United States'), 'name')]);
  assert.equal(q.speakerActor?.country, 'USA');
  const b = article('The State Department spoke on Monday.\n\nThe visa rules will change next year, the department said.');
  const [r] = findQuotes(b, [mention(b, 'State Department', country('USA', 'United States'), 'metonym')]);
  assert.equal(r.speaker, 'the department');
  assert.equal(r.speakerActor?.country, 'USA');
  const c = article('The visa rules will change next year, officials said.');
  assert.equal(findQuotes(c, [])[0].speakerActor, undefined);
});

test('speakers: an inverted cue followed by a clause is no trailer', () => {
  const a = article('Pompeo, who arrived in the capital on Thursday, said the deal was close to being signed.');
  const [q] = findQuotes(a, []);
  assert.equal(a.text.slice(q.start, q.end), 'the deal was close to being signed');
  assert.equal(q.speaker, 'Pompeo');
});

test('speakers: a surname with no mention takes the actor of the earlier full name', () => {
  const a = article('Sen. Lindsey Graham spoke on Sunday.\n\nThe remarks should disqualify her from the post, Graham said.');
  const graham = person('Lindsey Graham', 'USA', 'male');
  const [q] = findQuotes(a, [mention(a, 'Lindsey Graham', graham)]);
  assert.equal(q.speakerActor?.id, graham.id);
});

test('speakers: a negated auxiliary stands between the speaker and its cue', () => {
  const a = article('The officials wouldn’t tell reporters that the ferry line would run again next year.');
  const [q] = findQuotes(a, []);
  assert.equal(q?.speaker, 'The officials');
  // refusing to say which or whether is no statement (quotes-realnews gold does not count one)
  assert.deepEqual(findQuotes(article('The officials wouldn’t say whether the ferry line would run again next year.'), []), []);
});

test('speakers: a trailer with "told reporters" stays a trailer', () => {
  const a = article('The ferry will not run this winter, the harbour master told reporters.');
  const [q] = findQuotes(a, []);
  assert.equal(q?.speaker, 'the harbour master');
});

test('speakers: "the North", "the" and one word of a country\'s longer name, is named by the country', () => {
  const a = article('North Korea fired shells across the border on Thursday. The North said the South must end its loudspeaker broadcasts by Saturday.');
  const prk = country('PRK', 'North Korea');
  const [q] = findQuotes(a, [mention(a, 'North Korea', prk), mention(a, 'The North', prk, 'metonym')]);
  assert.equal(q.speaker, 'North Korea');
  assert.equal(q.speakerActor?.country, 'PRK');
  // with no mention of its own, the short form takes its actor from the earlier name
  const [p] = findQuotes(a, [mention(a, 'North Korea', prk)]);
  assert.equal(p.speaker, 'North Korea');
  // a metonym that is no word of the name ("the Kremlin") stays as written
  const b = article('Russia moved troops on Friday. The Kremlin said the troops were on exercise.');
  const [r] = findQuotes(b, [mention(b, 'The Kremlin', country('RUS', 'Russia'), 'metonym')]);
  assert.equal(r.speaker, 'The Kremlin');
});

test('a quote with no speaker near does not take one named many lines of prose before (a digest of signed quotations)', async () => {
  const { findActors } = await import('../../src/actors/index.js');
  const { findQuotes } = await import('../../src/quotes/index.js');
  const filler = 'The harbour reopened after the storm and the ferries ran late into the evening across the bay. '.repeat(6);
  const a = analyze({ text: `Test headline for the digest\n\nMayor Ilse Brandvold alleged the plan was "a waste of public money" for the town.\n\n${filler}\n\n"Every winter the lake freezes and the whole village walks across it to the church on the far shore." Weekly / Jo Penn]`, format: 'text', origin: 'test' });
  if ('skipped' in a) throw new Error(a.reason);
  const qs = findQuotes(a, findActors(a));
  const last = qs[qs.length - 1];
  assert.match(a.text.slice(last.start, last.end), /lake freezes/);
  assert.equal(last.speaker, undefined);
});
