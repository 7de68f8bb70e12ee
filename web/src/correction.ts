import { h } from './dom.js';

/** An analyst's verdict on an event or a quote, as /api/corrections gives it. */
export interface Correction {
  key: string;
  kind: 'event' | 'quote';
  articleId: string;
  start: number;
  end: number;
  source?: string;
  target?: string;
  code?: string;
  verdict: 'wrong' | 'right';
  reason: string;
  by?: string;
  at: string;
}

/** The item a control corrects: its kind and place in its article, as the API lists them. */
export interface Correctable {
  kind: 'event' | 'quote';
  articleId: string;
  index: number;
}

const TOKEN_KEY = 'entente-token';

/**
 * A write to /api/corrections with the server's token when the tab has it; a 401 asks for it
 * once and sends again (a server with a token guards its writes as it guards ingest).
 */
async function write(method: 'POST' | 'DELETE', url: string, body?: unknown): Promise<unknown> {
  const send = () => {
    const token = sessionStorage.getItem(TOKEN_KEY);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  };
  let res = await send();
  if (res.status === 401) {
    const token = window.prompt('Corrections are writes: enter the server\'s token (the one given to entente serve with --token or $ENTENTE_TOKEN).')?.trim();
    if (token) {
      sessionStorage.setItem(TOKEN_KEY, token);
      res = await send();
    }
  }
  const answer = (await res.json().catch(() => undefined)) as { message?: string } | undefined;
  if (!res.ok) throw new Error(answer?.message ?? `${res.status} ${res.statusText}`);
  return answer;
}

export const corrections = {
  mark: async (item: Correctable, verdict: 'wrong' | 'right', reason: string): Promise<Correction> =>
    ((await write('POST', 'api/corrections', { [item.kind]: { articleId: item.articleId, index: item.index }, verdict, reason })) as { correction: Correction }).correction,
  undo: async (key: string): Promise<void> => void (await write('DELETE', `api/corrections?key=${encodeURIComponent(key)}`)),
};

/** The key the server gives a correction of this event or quote (src/store/correction-rows.ts). */
export function eventKey(articleId: string, e: { start: number; end: number; source: { code: string }; target?: { code: string }; code: string }): string {
  return `event:${articleId}:${e.start}-${e.end}:${e.source.code}>${e.target?.code ?? ''}:${e.code}`;
}
export function quoteKey(articleId: string, q: { start: number; end: number }): string {
  return `quote:${articleId}:${q.start}-${q.end}`;
}

/** What the label says of a correction. */
function labelOf(c: Correction): string {
  return c.verdict === 'wrong' ? `Marked wrong${c.reason ? `: ${c.reason}` : ''}` : `Confirmed right${c.reason ? `: ${c.reason}` : ''}`;
}

/**
 * Buttons to mark an item wrong (with a reason, asked for in a small form) or confirm it right,
 * and once marked, its label and an Undo. `host` (the item's card or record) carries the verdict
 * as `data-verdict` for its styling; `changed` hears of every change. Text only, keyboard first:
 * plain buttons and a labelled field, focus moved to what comes next.
 */
export function correctionControl(item: Correctable, current: Correction | undefined, host: HTMLElement, changed: (c: Correction | undefined) => void = () => {}): HTMLElement {
  const box = h('div', { class: 'correction', role: 'group', 'aria-label': `Correct this ${item.kind}` });
  const said = h('span', { class: 'correction-status', role: 'status' });
  const fail = (e: unknown) => said.replaceChildren(h('span', { class: 'status status-error' }, `Not saved: ${(e as Error).message}`));
  const show = (c: Correction | undefined, focus = false) => {
    if (c) host.dataset.verdict = c.verdict;
    else delete host.dataset.verdict;
    changed(c);
    if (c) {
      const undo = h('button', { type: 'button', class: 'secondary correction-undo' }, 'Undo');
      undo.addEventListener('click', async () => {
        try {
          await corrections.undo(c.key);
          show(undefined, true);
        } catch (e) {
          fail(e);
        }
      });
      box.replaceChildren(h('span', { class: `correction-label verdict-${c.verdict}` }, labelOf(c)), ' ', undo, said);
      if (focus) undo.focus();
      return;
    }
    const wrong = h('button', { type: 'button', class: 'secondary correction-wrong' }, 'Mark wrong…');
    const right = h('button', { type: 'button', class: 'secondary correction-right' }, 'Confirm right');
    right.addEventListener('click', async () => {
      try {
        show(await corrections.mark(item, 'right', ''), true);
      } catch (e) {
        fail(e);
      }
    });
    wrong.addEventListener('click', () => box.replaceChildren(reasonForm(), said));
    box.replaceChildren(wrong, ' ', right, said);
    if (focus) wrong.focus();
  };
  const reasonForm = () => {
    const id = `reason-${item.kind}-${item.articleId}-${item.index}`;
    const input = h('input', { type: 'text', id, name: 'reason', required: true, maxlength: 2000, size: 40, placeholder: 'e.g. the source is the reporter, not the country' });
    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const form = h('form', { class: 'correction-form' },
      h('label', { for: id }, 'Why is it wrong?'), ' ', input, ' ', h('button', { type: 'submit' }, 'Mark wrong'), ' ', cancel);
    cancel.addEventListener('click', () => show(undefined, true));
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        show(undefined, true);
      }
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const reason = input.value.trim();
      if (!reason) {
        said.replaceChildren(h('span', { class: 'status status-error' }, 'Say why it is wrong.'));
        input.focus();
        return;
      }
      try {
        show(await corrections.mark(item, 'wrong', reason), true);
      } catch (err) {
        fail(err);
      }
    });
    queueMicrotask(() => input.focus());
    return form;
  };
  show(current);
  return box;
}
