import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';

/**
 * Why the engine does not use simhash-js@1.0.0 (README, "Dependency choices"): these are its defects, pinned so that
 * a fixed release shows up here and the choice can be revisited.
 */
const require = createRequire(import.meta.url);

describe('simhash-js@1.0.0', () => {
  test('its Hamming distance counts each differing bit twice', () => {
    const { Comparator } = require('simhash-js/Comparator.js');
    expect(Comparator.hammingDistance('1', '0')).toBe(2); // one bit differs
  });

  test('it assigns undeclared variables, which throws in strict mode', () => {
    const source = require('node:fs').readFileSync(require.resolve('simhash-js/SimHash.js'), 'utf8') as string;
    expect(source).toMatch(/\n\s+shingle = parseInt/); // no var/let: an implicit global
    expect(() =>
      new Function(
        `"use strict"; ${source.replace(/module\.exports.*$/m, '').replace(/var Jenkins = require.*$/m, 'var Jenkins = function () {};')}; combineShingles.call({ maxFeatures: 128 }, ['a1', 'b2']);`,
      )(),
    ).toThrow(ReferenceError);
  });

  test('its fingerprints are 32 bits, from non-overlapping 4-character chunks', () => {
    const { SimHash } = require('simhash-js');
    const value = new SimHash().hash('the quick brown fox jumps over the lazy dog');
    expect(value).toBeLessThan(2 ** 32);
    // Chunking by characters: moving the text by one character changes every chunk.
    const shifted = new SimHash().hash(' the quick brown fox jumps over the lazy dog');
    expect(value).not.toBe(shifted);
  });
});
