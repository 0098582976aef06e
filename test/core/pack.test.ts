import { describe, expect, test } from 'vitest';
import { decodePack, encodePack, fingerprintText, PackError, type Reference } from '../../src/core';
import { ORIGINAL, ORIGINAL_PARAGRAPHS } from '../fixtures/story';

const ref: Reference = { id: 'courier', ...ORIGINAL, ...fingerprintText(ORIGINAL_PARAGRAPHS.join('\n')) };

describe('corpus pack', () => {
  test('round trip keeps every fingerprint and field', () => {
    const [back] = decodePack(encodePack([ref])).references;
    expect(back).toEqual(ref);
  });

  test('holds no article text and stays compact', () => {
    const pack = encodePack([ref]);
    expect(pack).not.toContain('Kesterine');
    expect(pack.length).toBeLessThan(2048);
  });

  test.each([
    ['not JSON', 'not json at all', /not JSON/],
    ['wrong format', '{"format":"something-else","version":1}', /"format" must be "firsthand-corpus"/],
    ['future version', '{"format":"firsthand-corpus","version":99,"references":[]}', /version 99 is not supported/],
    ['no references', '{"format":"firsthand-corpus","version":1,"shingleSize":5,"winnowWindow":12}', /no "references"/],
    [
      'bad simhash',
      '{"format":"firsthand-corpus","version":1,"shingleSize":5,"winnowWindow":12,"references":[{"id":"a","words":1,"simhash":"zz","shingles":"","content":""}]}',
      /reference 1 \(a\): "simhash" must be 16 hex digits/,
    ],
    [
      'bad base64',
      '{"format":"firsthand-corpus","version":1,"shingleSize":5,"winnowWindow":12,"references":[{"id":"a","words":1,"simhash":"0000000000000000","shingles":"!!!","content":""}]}',
      /"shingles" is not base64/,
    ],
    [
      'repeated id',
      `{"format":"firsthand-corpus","version":1,"shingleSize":5,"winnowWindow":12,"references":[${[1, 2].map(() => '{"id":"a","words":1,"simhash":"0000000000000000","shingles":"","content":""}').join(',')}]}`,
      /repeats id "a"/,
    ],
  ])('%s is refused with a clear message', (_, text, message) => {
    expect(() => decodePack(text)).toThrow(PackError);
    expect(() => decodePack(text)).toThrow(message);
  });
});
