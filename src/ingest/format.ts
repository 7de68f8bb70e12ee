import type { InputFormat } from '../model/article.js';

export type ContainerFormat = InputFormat | 'jsonl';

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|section|main|header)\b/i;
const HTML_TAGS = /<(?:p|div|span|a|br|h[1-6]|article|section|script|body)\b[^>]*>/gi;
const MARKDOWN_HINTS = /^(?:#{1,6} \S|[ \t]*[-*] \S|> \S)|\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\s]*\)/m;

/**
 * Format from content first, the file name second: a `.txt` that holds a web page is HTML,
 * and a `.json` holding one object per line is JSON lines.
 *
 * @example
 * detectFormat('<!doctype html><p>Hi</p>', 'page.txt') // 'html'
 * detectFormat('{"text": "Hi"}\n{"text": "Ho"}', 'feed.json') // 'jsonl'
 */
export function detectFormat(text: string, name: string): ContainerFormat {
  const head = text.slice(0, 4096);
  if (HTML_START.test(head)) return 'html';
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if ((ext === 'jsonl' || ext === 'ndjson') && /^\s*\{/.test(head)) return 'jsonl';
  // a .json file may hold one article object or an array of them
  if (ext === 'json' && /^\s*[{[]/.test(head)) return 'jsonl';
  if (/^\s*\{\s*"/.test(head) && /\}\s*$/m.test(head.split('\n', 1)[0])) return 'jsonl';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  // a text file with a handful of real tags is a page fragment
  if ((head.match(HTML_TAGS)?.length ?? 0) >= 5) return 'html';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (MARKDOWN_HINTS.test(head)) return 'markdown';
  return 'text';
}
