import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/extension/messages';

describe('stored settings are checked where they enter', () => {
  test.each([
    ['nothing stored', undefined, DEFAULT_SETTINGS],
    [
      'a valid setting',
      { inPageBadge: false, sensitivity: 'strict' },
      { ...DEFAULT_SETTINGS, inPageBadge: false, sensitivity: 'strict' },
    ],
    ['an unknown sensitivity', { sensitivity: 'paranoid' }, DEFAULT_SETTINGS],
    ['an inherited key', { sensitivity: 'toString' }, DEFAULT_SETTINGS],
    ['wrong types', { inPageBadge: 'yes', sensitivity: 3, learning: 'no', learnedCap: 7 }, DEFAULT_SETTINGS],
    [
      'learning paused, a cap offered, trusted domains as typed',
      { learning: false, learnedCap: 10_000, trustedAdded: ['https://www.News.Example/x', 'not a domain', 3] },
      { ...DEFAULT_SETTINGS, learning: false, learnedCap: 10_000, trustedAdded: ['news.example'] },
    ],
    ['not an object', 'strict', DEFAULT_SETTINGS],
  ])('%s', (_, stored, expected) => {
    expect(parseSettings(stored)).toEqual(expected);
  });
});
