import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listingsFor, parseDomainList } from '../../src/extension/context-lists';
import { hasShared } from '../eval/data';

const LISTS_DIR = 'public/lists';
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [relative(LISTS_DIR, join(dir, entry.name))],
  );

describe('context lists', () => {
  // The context lists are those index.json names (the trusted-publisher list beside them is not one).
  const lists = (JSON.parse(readFileSync(join(LISTS_DIR, 'index.json'), 'utf8')) as Array<{ file: string }>)
    .map(({ file }) => file)
    .map((f) => parseDomainList(f, readFileSync(join(LISTS_DIR, f), 'utf8')));

  test('each shipped list names itself, its kind, source and licence, and its licence text is beside it', () => {
    for (const file of readdirSync(LISTS_DIR).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(LISTS_DIR, file), 'utf8');
      for (const key of ['name', 'kind', 'source', 'licence'])
        expect(text, `${file} ${key}`).toMatch(new RegExp(`^# ${key}: .+`, 'm'));
      const licence = /^# licence: .*\((LICENSES\/[^)]+)\)/m.exec(text)?.[1];
      expect(readFileSync(join(LISTS_DIR, licence as string), 'utf8').length).toBeGreaterThan(100);
    }
  });

  test('lists hold domain names only, sorted and once each, as many as their headers say', () => {
    for (const file of readdirSync(LISTS_DIR).filter((f) => f.endsWith('.txt'))) {
      const lines = readFileSync(join(LISTS_DIR, file), 'utf8').trim().split('\n');
      const names = lines.filter((l) => !l.startsWith('#'));
      expect(names, file).toEqual([...new Set(names)].sort());
      for (const name of names) expect(name, file).toMatch(/^(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]+$/);
      expect(Number(/^# domains: (\d+)$/m.exec(lines.join('\n'))?.[1])).toBe(names.length);
    }
  });

  test.each([
    ['https://accountinginsights.org/a-story', ['AI Content Blocklist']],
    ['https://www.accountinginsights.org/a-story', ['AI Content Blocklist']],
    ['https://blog.accountinginsights.org/x', ['AI Content Blocklist']],
    ['https://notaccountinginsights.org/x', []],
    ['https://accountinginsights.org.example/x', []],
    ['https://www.nytimes.com/2025/02/27/us/politics/trump-mexico-cartels.html', []],
    ['not a url', []],
  ])('%s is on %j', (url, expected) => {
    expect(listingsFor(url, lists).map((l) => l.list)).toEqual(expected);
  });

  test.skipIf(!hasShared())('the committed lists are exactly what the importer writes from ../shared', async () => {
    const { importedFiles } = await import('../lists/import-domain-lists.mjs');
    const expected = importedFiles();
    expect(files(LISTS_DIR).sort()).toEqual(Object.keys(expected).sort());
    for (const [path, text] of Object.entries(expected))
      expect(readFileSync(join(LISTS_DIR, path), 'utf8'), path).toBe(text);
  });
});
