import { decodeBytes, decodeWindows1252 } from '../ingest/index.js';

/**
 * Labels the WHATWG Encoding Standard reads as Windows-1252: browsers decode a page that says
 * ISO-8859-1 or ASCII as Windows-1252, and so do we (Node's own decoder gives C1 controls for
 * 0x80–0x9F there, see src/ingest/decode.ts).
 */
const WINDOWS_1252 = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'ansi_x3.4-1968', 'cp819', 'ibm819', 'iso-ir-100']);

/** How much of the body is searched for a charset the document itself declares. */
const SNIFF = 4096;

/** The charset a Content-Type header gives, lower-cased, or undefined. @example headerCharset('text/html; charset="UTF-8"') // 'utf-8' */
export function headerCharset(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m?.[1].toLowerCase();
}

/** The charset a document declares in its first bytes: `<?xml encoding=…?>` or an HTML `<meta>`. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1].toLowerCase();
  const meta = /<meta\b[^>]*\bcharset\s*=\s*["']?\s*([a-z0-9_.:-]+)/i.exec(head);
  return meta?.[1].toLowerCase();
}

/**
 * Bytes from the web as text: the charset from the header, else the one the document declares,
 * else what the bytes themselves show (`decodeBytes`: a byte-order mark, UTF-8, else
 * Windows-1252). A byte-order mark wins over any label, as in browsers.
 *
 * @example decodeBody(Buffer.from('caf\xe9', 'latin1'), 'text/html; charset=iso-8859-1').text // 'café'
 */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined): { text: string; charset: string } {
  if (bytes.length === 0) return { text: '', charset: 'utf-8' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8' : (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) ? 'utf-16' : undefined;
  const label = bom ? undefined : (headerCharset(contentType) ?? declaredCharset(bytes));
  if (label && WINDOWS_1252.has(label)) return { text: decodeWindows1252(bytes), charset: 'windows-1252' };
  if (label && label !== 'utf-8' && label !== 'utf8') {
    try {
      return { text: new TextDecoder(label).decode(bytes), charset: label };
    } catch {
      // a label Node does not know: the bytes decide, below
    }
  }
  const d = decodeBytes(bytes, '');
  if ('skipped' in d) return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8' };
  return { text: d.text, charset: d.encoding };
}
