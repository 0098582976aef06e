import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/extension/messages';

describe('stored settings are checked where they enter', () => {
  test.each([
    ['nothing stored', undefined, DEFAULT_SETTINGS],
    ['a valid setting', { inPageBadge: false, sensitivity: 'strict' }, { inPageBadge: false, sensitivity: 'strict' }],
    ['an unknown sensitivity', { sensitivity: 'paranoid' }, { inPageBadge: true, sensitivity: 'balanced' }],
    ['an inherited key', { sensitivity: 'toString' }, { inPageBadge: true, sensitivity: 'balanced' }],
    ['wrong types', { inPageBadge: 'yes', sensitivity: 3 }, DEFAULT_SETTINGS],
    ['not an object', 'strict', DEFAULT_SETTINGS],
  ])('%s', (_, stored, expected) => {
    expect(parseSettings(stored)).toEqual(expected);
  });
});
