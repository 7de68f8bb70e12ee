import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FRENCH_ARTICLE } from '../_fixtures.js';
import { entente } from './_run.js';

const RUSSIAN = [
  'Министр иностранных дел России во вторник встретился в Москве с послом Германии, сообщили в министерстве.',
  'Стороны обсудили торговлю и положение на границе и договорились встретиться снова в следующем месяце.',
  'Товарооборот между двумя странами за последний год сократился на треть, по данным центрального банка.',
].join('\n\n');

test('cli: extract returns the body of an article in any language, with the language found (issue 18)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-extract-lang-'));
  try {
    writeFileSync(join(dir, 'fr.txt'), FRENCH_ARTICLE);
    writeFileSync(join(dir, 'ru.html'), `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Встреча в Москве</title></head><body><nav>Главная</nav><article><h1>Встреча в Москве</h1>${RUSSIAN.split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`);
    const r = entente(['extract', '--json', join(dir, 'fr.txt'), join(dir, 'ru.html')]);
    assert.equal(r.status, 0, r.stderr);
    const [fr, ru] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(fr.text, FRENCH_ARTICLE.trim());
    assert.equal(fr.language, 'other');
    assert.equal(ru.text, RUSSIAN);
    assert.equal(ru.title, 'Встреча в Москве');
    assert.equal(ru.language, 'other');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
