/**
 * Captions and the chrome of photos, galleries, videos and audio in plain text (issue 16): the
 * lines that point to media the text does not hold, or describe a picture, never reach the body,
 * so neither the event coder nor the quote finder reads them. Fixtures are invented here, in the
 * shapes such lines take on news pages; the real-news articles are checked in test/eval.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText } from '../../src/clean/text/index.js';
import { analyze } from '../../src/pipeline/index.js';
import type { Article } from '../../src/model/article.js';

const BODY1 = 'The foreign ministers of Chile and Peru met in Lima on Monday to discuss the border.';
const BODY2 = 'They agreed to hold further talks next month, officials said.';

function clean(lines: string[]) {
  return cleanText(['Chile and Peru resume border talks', '', ...lines.flatMap((l) => [l, ''])].join('\n'), { format: 'text', given: { date: true } });
}

test('photo captions: a line ending in a credit or a gallery counter is a caption, its end the credit', () => {
  const c = clean([
    BODY1,
    'The flag of Peru flies over the foreign ministry in Lima, March 4, 2019. (Jane Doe/Reuters)',
    'Ministers arrive for the talks in Lima. – Hide Caption 3 of 12',
    BODY2,
  ]);
  assert.equal(c.text, `${BODY1}\n\n${BODY2}`);
  assert.deepEqual(c.captions.map((k) => [k.text, k.credit]), [
    ['The flag of Peru flies over the foreign ministry in Lima, March 4, 2019.', 'Jane Doe/Reuters'],
    ['Ministers arrive for the talks in Lima.', undefined],
  ]);
  assert.ok(c.removed.some((r) => r.rule === 'photo-credit' && r.text === '(Jane Doe/Reuters)'));
});

test('photo captions: a caption toggle with its credit goes, the credit printed once', () => {
  const c = clean(['Enlarge this image toggle caption John Roe/AP John Roe/AP', BODY1, 'Image caption The two delegations in Lima on Monday', BODY2]);
  assert.equal(c.text, `${BODY1}\n\n${BODY2}`);
  assert.ok(c.removed.some((r) => r.rule === 'credit-toggle-caption'));
  assert.deepEqual(c.captions.map((k) => k.text), ['Image caption The two delegations in Lima on Monday']);
});

test('media chrome: video, gallery, audio, share, poll, newsletter and copyright lines leave the body', () => {
  const noise = [
    'JUST WATCHED',
    'Watch: Peru and Chile trade barbs over the sea border',
    'PHOTOS: The border dispute through the years',
    'Photos: Life along the border',
    '1 of 12',
    'Click to expand',
    'Replay',
    "Maria Lopez on 'Morning News' Listen",
    'Read the story here.',
    'Vote Now:',
    'Should Peru take Chile to court? Vote Here',
    'SHARE THIS ARTICLE Share Tweet Post Email',
    'Sign up for Daily Newsletters Manage Newsletters',
    'More:Chile recalls its ambassador from Lima',
    'Copyright © 2019 The Daily Example, LLC.',
  ];
  const c = clean([BODY1, ...noise, BODY2]);
  assert.equal(c.text, `${BODY1}\n\n${BODY2}`);
  for (const n of noise) assert.ok(c.removed.some((r) => r.text.includes(n)), `removed: ${n}`);
});

test('media chrome: sentences of the story that look alike stay', () => {
  const keep = [
    'Peru said it would watch the talks closely.',
    'The minister said Lima would listen to every proposal.',
    'The vote on the treaty (1986/87 season) was delayed.',
    'Officials shared the draft with reporters.',
    'The two sides met 3 of 12 times last year, officials said.',
  ];
  const c = clean([BODY1, ...keep, BODY2]);
  for (const k of keep) assert.ok(c.text.includes(k), `kept: ${k}`);
  assert.equal(c.captions.length, 0);
});

test('media chrome: no event or quote is read from a caption or a video promo', () => {
  const text = [
    'Chile and Peru resume border talks',
    '',
    BODY1,
    '',
    'Chilean troops attacked Peruvian positions near the border in 2012. (Jane Doe/Reuters)',
    '',
    'Watch: Peru accuses Chile of violating the treaty',
    '',
    BODY2,
  ].join('\n');
  const a = analyze({ text, format: 'text', origin: 'test', given: { date: '2019-03-05' } }) as Article;
  assert.ok(a.events.length > 0, 'the body is still coded');
  for (const e of a.events) assert.ok(!/attacked|accuses/.test(a.text.slice(e.sentenceSpan.start, e.sentenceSpan.end)), `event from a caption or promo: ${e.rule}`);
  assert.ok(!a.text.includes('attacked') && !a.text.includes('accuses'));
});
