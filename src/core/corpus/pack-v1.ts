import { decodeBase64 } from './base64';
import { PackError } from './pack-error';
import { fromHex64 } from '../fingerprint/hash';
import type { Reference } from '../fingerprint/fingerprint';
import { SHINGLE_SIZE, WINNOW_WINDOW } from '../fingerprint/params';

/**
 * Version 1 of the corpus pack, read so that packs built before version 2 still open (nothing writes it any more):
 * a JSON document of reference metadata and fingerprints.
 *
 *   { "format": "firsthand-corpus", "version": 1, "shingleSize": 5, "winnowWindow": 12, "references": [
 *       { "id", "url", "publisher", "title", "publishedAt", "words",
 *         "simhash": 16 hex digits,
 *         "shingles": base64 of the sorted winnowed 32-bit shingle hashes, big-endian,
 *         "content": base64 of 16-bit big-endian content-word codes, sentence after sentence, 0 ending each } ] }
 */
export const PACK_V1_FORMAT = 'firsthand-corpus';

/** Parses and validates a pack; throws PackError with a message fit to show a user. */
export function decodePackV1(text: string): Reference[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new PackError('not a corpus pack: the file is not JSON');
  }
  if (!isRecord(data) || data.format !== PACK_V1_FORMAT) {
    throw new PackError(`not a corpus pack: "format" must be "${PACK_V1_FORMAT}"`);
  }
  if (data.version !== 1) {
    throw new PackError(
      `corpus pack version ${JSON.stringify(data.version)} is not supported (this build reads versions 1 and 2); rebuild the pack with this version of firsthand`,
    );
  }
  if (data.shingleSize !== SHINGLE_SIZE || data.winnowWindow !== WINNOW_WINDOW) {
    throw new PackError('corpus pack was built with different fingerprint parameters; rebuild it');
  }
  if (!Array.isArray(data.references)) throw new PackError('corpus pack has no "references" list');
  const seen = new Set<string>();
  const references = data.references.map((entry: unknown, i: number) => {
    const ref = decodeReference(entry, i);
    if (seen.has(ref.id)) throw new PackError(`corpus pack: reference ${i + 1} repeats id ${JSON.stringify(ref.id)}`);
    seen.add(ref.id);
    return ref;
  });
  return references;
}

function decodeReference(entry: unknown, i: number): Reference {
  const where = `corpus pack: reference ${i + 1}`;
  if (!isRecord(entry)) throw new PackError(`${where} is not an object`);
  const text = (key: string, required: boolean): string => {
    const value = entry[key];
    if (value === undefined && !required) return '';
    if (typeof value !== 'string' || (required && value === '')) {
      throw new PackError(`${where}: "${key}" must be a non-empty string`);
    }
    return value;
  };
  const id = text('id', true);
  const words = entry.words;
  if (typeof words !== 'number' || !Number.isInteger(words) || words < 0) {
    throw new PackError(`${where} (${id}): "words" must be a whole number`);
  }
  let simhash;
  try {
    simhash = fromHex64(text('simhash', true));
  } catch {
    throw new PackError(`${where} (${id}): "simhash" must be 16 hex digits`);
  }
  const shingleBytes = decodeBase64(text('shingles', false));
  if (!shingleBytes || shingleBytes.length % 4 !== 0) {
    throw new PackError(`${where} (${id}): "shingles" is not base64 of 32-bit values`);
  }
  const contentBytes = decodeBase64(text('content', false));
  if (!contentBytes || contentBytes.length % 2 !== 0) {
    throw new PackError(`${where} (${id}): "content" is not base64 of 16-bit values`);
  }
  return {
    id,
    url: text('url', false),
    publisher: text('publisher', false),
    title: text('title', false),
    publishedAt: text('publishedAt', false),
    words,
    simhash,
    shingles: bytesToUint32(shingleBytes).sort(),
    sentences: bytesToSentences(contentBytes),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bytesToUint32(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < values.length; i++) values[i] = view.getUint32(i * 4);
  return values;
}

function bytesToSentences(bytes: Uint8Array): Uint16Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sentences: Uint16Array[] = [];
  let current: number[] = [];
  for (let o = 0; o < bytes.length; o += 2) {
    const code = view.getUint16(o);
    if (code === 0) {
      sentences.push(Uint16Array.from(current));
      current = [];
    } else {
      current.push(code);
    }
  }
  if (current.length > 0) sentences.push(Uint16Array.from(current));
  return sentences;
}
