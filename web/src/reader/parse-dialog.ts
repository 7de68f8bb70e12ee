/**
 * The reader's window onto one sentence's parse (a modal <dialog>: Escape or Close ends it and
 * focus goes back where it was), with Previous/Next and a sentence number to move through the
 * article. Parses come from `/api/articles/{id}/syntax?sentence=N`, each asked for once.
 */
import { api, type ArticleFull, type SentenceParse, type Span } from '../api.js';
import { h, status } from '../dom.js';
import { parseDiagram, wordTable } from './parse-view.js';

export interface ParseDialog {
  element: HTMLDialogElement;
  /** shows sentence `n` (0 is the first); `opener` gets focus back when the dialog closes */
  open(n: number, opener?: HTMLElement | null): Promise<void>;
}

/** @example const d = parseDialog(article); view.append(d.element); void d.open(event.sentence, button) */
export function parseDialog(a: ArticleFull): ParseDialog {
  const count = a.more?.sentences ?? a.sentences.length;
  const asked = new Map<number, Promise<SentenceParse>>();
  const title = h('h2', { id: 'parse-title' }, 'Sentence');
  const content = h('div', { class: 'parse-content' });
  const prev = h('button', { type: 'button', class: 'secondary', 'data-go': 'prev' }, '← Previous');
  const next = h('button', { type: 'button', class: 'secondary', 'data-go': 'next' }, 'Next →');
  const number = h('input', { id: 'parse-number', type: 'number', min: 1, max: count, required: true, inputmode: 'numeric' });
  const pick = h('form', { class: 'parse-pick' }, h('label', { for: 'parse-number' }, 'Sentence'), number, h('button', { type: 'submit', class: 'secondary' }, 'Show'));
  const close = h('button', { type: 'button', class: 'secondary close', 'aria-label': 'Close the parse' }, 'Close');
  const element = h('dialog', { id: 'parse', class: 'parse-dialog', 'aria-labelledby': 'parse-title' },
    h('div', { class: 'parse-head' }, title, close),
    h('div', { class: 'parse-nav' }, prev, pick, next),
    content);
  let current = -1;
  let opener: HTMLElement | null | undefined;
  let generation = 0;

  const show = async (n: number) => {
    const mine = ++generation;
    current = n;
    element.dataset.sentence = String(n);
    delete element.dataset.ready;
    title.textContent = `Sentence ${n + 1} of ${count}`;
    number.value = String(n + 1);
    prev.disabled = n <= 0;
    next.disabled = n >= count - 1;
    content.replaceChildren(status('Parsing…'));
    let p: SentenceParse;
    try {
      if (!asked.has(n)) asked.set(n, api.parse(a.id, n));
      p = await asked.get(n)!;
    } catch (e) {
      asked.delete(n);
      if (mine === generation) content.replaceChildren(status(`Could not parse sentence ${n + 1}: ${(e as Error).message}`, 'error'));
      return;
    }
    if (mine !== generation) return;
    content.replaceChildren(
      h('p', { class: 'record-text parse-text' }, a.text.slice(p.start, p.end)),
      h('p', { class: 'meta' }, p.stored ? 'Parsed when the article was stored, by the syntax stage.' : 'Parsed now: the syntax stage did not keep a parse of this sentence.'),
      ...parseDiagram(p),
      wordTable(p));
    element.dataset.ready = String(n);
  };

  close.addEventListener('click', () => element.close());
  prev.addEventListener('click', () => void show(current - 1));
  next.addEventListener('click', () => void show(current + 1));
  pick.addEventListener('submit', (e) => {
    e.preventDefault();
    const n = Number(number.value) - 1;
    if (Number.isInteger(n) && n >= 0 && n < count) void show(n);
  });
  // Escape is the dialog's own: the reader behind it must not also close its record
  element.addEventListener('keydown', (e) => { if (e.key === 'Escape') e.stopPropagation(); });
  element.addEventListener('close', () => {
    generation++;
    opener?.focus();
  });

  return {
    element,
    async open(n, from) {
      opener = from;
      if (!element.open) element.showModal();
      await show(n);
      element.querySelector<HTMLElement>('.parse-word[tabindex="0"]')?.focus({ preventScroll: true });
    },
  };
}

/** The index of the sentence holding `offset`, or -1 (beyond the sentences the answer carries). @example sentenceAt([{ start: 0, end: 9 }, { start: 10, end: 20 }], 12) // 1 */
export function sentenceAt(sentences: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sentences[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < sentences.length && sentences[lo].start <= offset ? lo : -1;
}
