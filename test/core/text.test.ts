import { describe, expect, test } from 'vitest';
import { splitSentences } from '../../src/core/text/sentences';
import { stem } from '../../src/core/text/stem';
import { tokenize } from '../../src/core/text/tokenize';

describe('tokenize', () => {
  test.each([
    ['Don’t stop', ['dont', 'stop']],
    ["Don't stop", ['dont', 'stop']],
    ['The U.S. delegation', ['the', 'u.s', 'delegation']],
    ['a 25 percent tariff, $48.5 million', ['a', '25', 'percent', 'tariff', '48.5', 'million']],
    ['García Harfuch', ['garcía', 'harfuch']],
    ['宇航员', ['宇', '航', '员']],
  ])('%j', (text, words) => {
    expect(tokenize(text).words).toEqual(words);
  });

  test('keeps offsets into the original text, for highlighting', () => {
    const text = 'Hello, wide world';
    const t = tokenize(text);
    expect(t.words.map((_, i) => text.slice(t.starts[i], t.ends[i]))).toEqual(['Hello', 'wide', 'world']);
    expect(t.capitalized).toEqual([true, false, false]);
  });
});

describe('splitSentences', () => {
  const texts = (text: string): string[] => splitSentences(text).map(({ start, end }) => text.slice(start, end));

  test.each([
    ['Mr. Gorka spoke. Then he left.', ['Mr. Gorka spoke.', 'Then he left.']],
    ['The U.S. Army arrived. It rained.', ['The U.S. Army arrived.', 'It rained.']],
    ['"We are done," she said. Nobody moved.', ['"We are done," she said.', 'Nobody moved.']],
    [
      'A heading\nThe first paragraph. Its second sentence!',
      ['A heading', 'The first paragraph.', 'Its second sentence!'],
    ],
    ['It cost $3.5 million. Really.', ['It cost $3.5 million.', 'Really.']],
  ])('%j', (text, expected) => {
    expect(texts(text)).toEqual(expected);
  });
});

describe('stem', () => {
  test.each([
    [['advocates', 'advocated', 'advocating', 'advocate'], 'advocat'],
    [['officials', 'official'], 'official'],
    [['cartels', 'cartel'], 'cartel'],
    [['negotiations', 'negotiation', 'negotiate', 'negotiated'], 'negotiat'],
  ])('%j -> one key', (words, key) => {
    for (const word of words) expect(stem(word)).toBe(key);
  });

  test('leaves short, non-Latin and -ss/-us words alone', () => {
    expect(stem('bus')).toBe('bus');
    expect(stem('campus')).toBe('campus');
    expect(stem('glass')).toBe('glass');
    expect(stem('méxico')).toBe('méxico');
  });
});
