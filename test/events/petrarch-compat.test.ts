/**
 * The pieces behind `entente code --dictionaries`: PETRARCH files turned into entente's
 * dictionaries, and discards applied to an article. The CLI test (test/cli/code.test.ts) runs
 * them end to end.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/index.js';
import type { Article } from '../../src/model/article.js';
import { loadEventDictionary } from '../../src/events/dictionary.js';
import { parseDiscardList } from '../../src/events/petrarch/discards.js';
import { parseActorDictionary } from '../../src/events/petrarch/actors.js';
import { parseAgentDictionary } from '../../src/events/petrarch/agents.js';
import { discarded, indexDiscards } from '../../src/events/petrarch/discard-match.js';
import { eventDictionaryFromVerbs } from '../../src/events/petrarch/event-dictionary.js';
import { actorDictionaryFromPetrarch, displayName } from '../../src/events/petrarch/actor-dictionary.js';
import { findActors } from '../../src/actors/index.js';

const article = (text: string, date = '2015-06-10') => analyze({ text, given: { date } }) as Article;

test('petrarch compat: discards: stems, whole words, several words, story scope', () => {
  const ix = indexDiscards(parseDiscardList('CHAMPION\nBATSMAN_\nYEARS AGO\n+WORLD CUP\n').discards);
  const a = article('Peru won the championship. The batsmanship was poor. Ten years ago Chile lost. The batsman left.');
  const d = discarded(a, ix);
  assert.equal(d.story, undefined);
  assert.deepEqual([...d.sentences.entries()].map(([s, e]) => [s, e.phrase]), [[0, 'champion'], [2, 'years ago'], [3, 'batsman']]);
  assert.equal(discarded(article('Chile met Peru. Both played in the World Cup final.'), ix).story?.phrase, 'world cup');
});

test('petrarch compat: verb codes PETRARCH adds to CAMEO are kept as given, without score (test/events/petrarch-user-codes.test.ts)', () => {
  const base = loadEventDictionary();
  const { dict, warnings } = eventDictionaryFromVerbs('---  DRONE   [---]  ---\nDRONE\n- * + [1952]\n', 'v.txt', base);
  assert.equal(dict.patterns[0].code, '1952');
  assert.equal(dict.cameo.get('1952')?.goldstein, null);
  assert.match(warnings[0].message, /1952 is not in the CAMEO table; kept as given/);
  assert.equal(dict.cameoToPlover, base.cameoToPlover, 'PLOVER tables stay the built-in ones');
});

test('petrarch compat: actors: countries, dated codes by the article date, organisations, agents', () => {
  const actors = parseActorDictionary([
    'REPUBLIC_OF_KOREA_ [KOR]', '+SOUTH_KOREA_', '+SOUTH_KOREAN_',
    'UNITED_NATIONS_ [IGOUNO]', '+U.N._',
    'PARK_GEUN-HYE_', '+PARK_', '\t[KORGOV 20130225-20170310]', '\t[KORELI]',
  ].join('\n')).actors;
  const agents = parseAgentDictionary('SOLDIER [~MIL]\n').agents;
  const { dict, counts } = actorDictionaryFromPetrarch(actors, agents, new Map());
  assert.deepEqual(counts, { countries: 1, organisations: 1, dated: 1, roles: 1, unused: 0 });
  assert.equal(displayName('republic of korea'), 'Republic of Korea');
  const codes = (text: string, date: string) => { const a = article(text, date); return findActors(a, dict).map((m) => `${a.text.slice(m.start, m.end)}=${m.actor.code}`); };
  assert.deepEqual(codes('Park Geun-hye met U.N. envoys and South Korean soldiers.', '2014-01-01'), ['Park Geun-hye=KORGOV', 'U.N.=IGOUNO', 'South Korean soldiers=KORMIL']);
  assert.deepEqual(codes('Park Geun-hye spoke in the Republic of Korea.', '2019-01-01'), ['Park Geun-hye=KORELI', 'Republic of Korea=KOR']);
});
