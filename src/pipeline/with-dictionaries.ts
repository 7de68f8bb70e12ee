/**
 * The pipeline with other dictionaries than the built-in ones (`entente code --dictionaries DIR`):
 * the same stages in the same order, the actor and event stages reading the dictionaries given,
 * and discarded sentences (PETRARCH's discard lists) left uncoded. The default pipeline
 * (`STAGES`) is untouched, so it pays nothing for this.
 */
import type { ActorDictionary } from '../actors/dictionary.js';
import { findActors } from '../actors/index.js';
import { codeEvents, loadGrammar, type EventDictionary } from '../events/index.js';
import { discarded, type DiscardIndex } from '../events/petrarch/discard-match.js';
import type { ArticleText } from '../model/article.js';
import type { Draft, Stage } from './stage.js';
import { checkStages } from './stage.js';
import { STAGES } from './stages.js';

/** Dictionaries to use in place of the built-in ones; an absent one keeps the built-in set. */
export interface Dictionaries {
  actors?: ActorDictionary;
  events?: EventDictionary;
  discards?: DiscardIndex;
}

function textView(d: Readonly<Draft>): ArticleText {
  const c = d.cleaned!;
  return { text: c.text, meta: c.meta, spans: { paragraphs: c.paragraphs, sentences: d.sentences!, tokens: d.tokens! } };
}

/**
 * `STAGES` with the actor and event stages reading `dicts`.
 *
 * @example analyze({ text: 'Russia accused Ukraine of shelling.' }, stagesWith({ events: petrarchVerbs })).events
 */
export function stagesWith(dicts: Dictionaries): readonly Stage[] {
  const grammar = loadGrammar();
  const stages = STAGES.map((s): Stage => {
    if (s.name === 'actors' && dicts.actors) {
      const actors = dicts.actors;
      return { ...s, run: (d) => ({ mentions: findActors(textView(d), actors) }) };
    }
    if (s.name === 'events' && (dicts.events || dicts.discards)) {
      const { events, discards } = dicts;
      return {
        ...s,
        run: (d) => {
          const a = textView(d);
          const out = discards ? discarded(a, discards) : undefined;
          if (out?.story) return { events: [] };
          const coded = codeEvents(a, d.mentions!, d.quotes!, d.syntax, { dict: events, grammar });
          return { events: out && out.sentences.size > 0 ? coded.filter((e) => !out.sentences.has(e.sentence)) : coded };
        },
      };
    }
    return s;
  });
  checkStages(stages);
  return Object.freeze(stages);
}
