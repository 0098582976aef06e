/**
 * A page's bytes as text, in the encoding it was written in: the CLI reads saved pages and fetched ones, the
 * extension fetches the links it is asked to check, and all of them were read as UTF-8 whatever they were, so a
 * windows-1252 or Shift_JIS page lost every accented letter and curly quote and, with them, its shared wording.
 *
 * The order: bytes that read as UTF-8 and hold any non-ASCII text are UTF-8, whatever the page or the server says
 * (a page saved as UTF-8 often keeps its old declaration: the qq.com page of the real test pages says gb2312 and is
 * UTF-8, and no real text in a legacy encoding is valid UTF-8 for long). Otherwise the HTML standard's sniffing, by
 * `encoding-sniffer`: a byte-order mark, the server's `charset`, the page's `<meta charset>` (or an XML
 * declaration's `encoding`), and windows-1252 when nothing is said, as browsers do. The decoder is
 * `@exodus/bytes`'s (the sniffer's own), not the runtime's: Node 20.18.3 and later decode windows-1252 as Latin-1
 * (nodejs/node#60888), so "council\u0092s" where the page has "council’s".
 */
import { TextDecoder } from '@exodus/bytes/encoding.js';
import { getEncoding } from 'encoding-sniffer/sniffer';

export class EncodingError extends Error {
  override name = 'EncodingError';
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a page (HTML, XML or plain text), given its bytes and the Content-Type it was served with, if any. */
export function decodePage(bytes: Uint8Array, contentType = ''): string {
  const utf8 = nonAsciiUtf8(bytes);
  if (utf8 !== null) return utf8;
  const encoding = sniffed(bytes, contentType);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    throw new EncodingError(`it is written in an encoding that cannot be read here (${encoding})`);
  }
  return decoder.decode(bytes);
}

/** The WHATWG name of the encoding decodePage reads `bytes` in ("utf-8", "windows-1252", "shift_jis", …). */
export function pageEncoding(bytes: Uint8Array, contentType = ''): string {
  return nonAsciiUtf8(bytes) === null ? sniffed(bytes, contentType) : 'utf-8';
}

/** The bytes as UTF-8 text when they are valid UTF-8 and not all ASCII (which every declared encoding but a few
 * reads alike, so its declaration decides), else null. */
function nonAsciiUtf8(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return null;
  }
  return text.length === bytes.length ? null : text;
}

function sniffed(bytes: Uint8Array, contentType: string): string {
  const label = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
  return getEncoding(bytes, {
    ...(label ? { transportLayerEncodingLabel: label } : {}),
    defaultEncoding: 'windows-1252',
  }).toLowerCase();
}
