import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/index.js';
import { findActors } from '../../src/actors/index.js';
import { findQuotes } from '../../src/quotes/index.js';

// Every sentence below is invented for these tests; a headline line goes first because the
// cleaner takes a short first line as the title.
function speakers(body: string): [string | undefined, string | undefined, string | undefined][] {
  const a = analyze({ text: `Test headline for the speaker country\n\n${body}`, format: 'text', origin: 'test' });
  if ('skipped' in a) throw new Error(`skipped: ${a.reason}`);
  return findQuotes(a, findActors(a)).map((q) => [q.speaker, q.speakerActor?.code, q.speakerActor?.id.split('/')[1]]);
}

test('speaker country: a place in an unknown person’s title gives the country, the title the role', () => {
  const [q] = speakers('“The buses will run on time,” Chicago Mayor Wendell Farraday said on Monday.');
  assert.deepEqual(q, ['Chicago Mayor Wendell Farraday', 'USAGOV', 'own']);
});

test('speaker country: a country in the apposition gives it, and the surname later follows the same actor', () => {
  const qs = speakers('“The vote was close,” said Piotr Malenko, a lecturer from Poland’s Gdansk Institute.\n\nThe count went on all night.\n\n“Nobody expected it,” Malenko said.');
  assert.deepEqual(qs.map((q) => q[1]), ['POLEDU', 'POLEDU']);
  assert.equal(qs[0][2], 'own');
});

test('speaker country: a place in the apposition ("director of the Lagos Policy Centre") gives the country', () => {
  const [q] = speakers('“Prices will rise,” said Amaka Obi, director of the Lagos Policy Centre.');
  assert.equal(q[1]?.slice(0, 3), 'NGA');
});

test('speaker country: an unnamed role takes the country its paragraph names before it', () => {
  const [q] = speakers('Troops crossed into Chad on Sunday, and officials said the border would stay closed for a week.');
  assert.equal(q[1], 'TCDGOV');
  assert.equal(q[2], 'paragraph');
});

test('speaker country: a named person with no evidence of their own does not take the paragraph’s country', () => {
  const [q] = speakers('Chad’s army moved north on Sunday. “It is a show of force,” said Harold Quimby.');
  assert.equal(q[0], 'Harold Quimby');
  assert.equal(q[1], undefined);
});

test('speaker country: a state title takes the country of the place its paragraph names before it', () => {
  const qs = speakers('France’s cabinet met on Sunday. In Toronto, Police Chief Marla Quennell said that patrols across the city would double this week.');
  assert.deepEqual(qs[qs.length - 1], ['Police Chief Marla Quennell', 'CANCOP', 'article']);
});

test('speaker country: a state title with no place near takes the country the article names most', () => {
  const qs = speakers('The trial opened in Manchester on Monday, the second in Manchester this year.\n\nTwo men from Norway deny the charges.\n\nProsecution lawyer Edwin Tarrant said the men had planned the attack for months.');
  assert.equal(qs[qs.length - 1][1], 'GBRJUD');
});

test('speaker country: a named person with no title takes no country from the article', () => {
  const qs = speakers('The trial opened in Manchester on Monday.\n\nEdwin Tarrant said the men had planned the attack for months.');
  assert.equal(qs[qs.length - 1][1], undefined);
});

test('speaker country: a surname later follows a titled speaker whose actor came from the article ("Prosecution lawyer X" … "X said")', () => {
  const qs = speakers('The trial opened in Manchester on Monday, the second in Manchester this year.\n\nProsecution lawyer Edwin Tarrant said the men had planned the attack for months.\n\nThe court heard from two police officers.\n\nTarrant said the men had bought chemicals in April.');
  assert.deepEqual(qs.map((q) => [q[0], q[1]]), [['Prosecution lawyer Edwin Tarrant', 'GBRJUD'], ['Tarrant', 'GBRJUD']]);
});

test('speaker country: a plural state title ("Prosecutors say") is read as its singular', () => {
  const qs = speakers('The trial opened in Manchester on Monday, the second in Manchester this year.\n\nThe men deny the charges.\n\nProsecutors say the men had planned the attack for months.');
  assert.equal(qs[qs.length - 1][1], 'GBRJUD');
});

test('speaker country: a large company speaks for the country of its headquarters (CAMEO country + BUS)', () => {
  const qs = speakers('Chevron said on Tuesday that it would close two of its refineries next year.\n\nA Southwest Airlines spokeswoman said the plane landed safely.');
  assert.deepEqual(qs.map((q) => q[1]), ['USABUS', 'USABUS']);
});

test('speaker country: a fellow of a well-known think tank takes its country (CAMEO country + NGO)', () => {
  const qs = speakers('“The plan has no end,” said Orla Venning, a fellow at the Council on Foreign Relations.\n\nThe talks went on.\n\n“Nobody wants it,” Venning said.');
  assert.deepEqual(qs.map((q) => q[1]?.slice(0, 3)), ['USA', 'USA']);
});

test('speaker country: a place inside a hyphenated "X-based" gives the country', () => {
  const [q] = speakers('The Lagos-based lending group warned that the new tariffs could slow growth.');
  assert.equal(q[1]?.slice(0, 3), 'NGA');
});

test('speaker country: a person named after "the company’s <role>," takes the company’s country', () => {
  const qs = speakers('Boeing opened a plant in Brazil last year. The company’s chief executive, Harriet Quell, said the plant would hire 200 people.');
  assert.equal(qs[qs.length - 1][0], 'Harriet Quell');
  assert.equal(qs[qs.length - 1][1]?.slice(0, 3), 'USA');
});

test('speaker country: a hyphenated "-American" in the apposition makes the speaker American', () => {
  const [q] = speakers('Organizer Mina Sohn, a Korean-American peace activist, said the walk was a success.');
  assert.equal(q[1]?.slice(0, 3), 'USA');
});

test('speaker country: a surname with no actor takes the evidence where the full name was introduced', () => {
  const qs = speakers('The ship, Orla 2, was held on Friday, Petra J. Valko, the U.S. Attorney for the District of Columbia, announced.\n\nThe ship left at noon.\n\n“The scheme was large,” Ms. Valko said in a statement.');
  assert.equal(qs[qs.length - 1][0], 'Ms. Valko');
  assert.equal(qs[qs.length - 1][1]?.slice(0, 3), 'USA');
});

test('speaker country: "the company’s" refers back to the last company named, not the last body', () => {
  const qs = speakers('Boeing opened a plant in Brazil last year with the approval of Brazil’s Ministry of Defence. The company’s chief executive, Harriet Quell, said the plant would hire 200 people.');
  assert.equal(qs[qs.length - 1][1], 'USABUS');
});
