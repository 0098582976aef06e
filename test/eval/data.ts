import { hash32 } from '../../src/core';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Where the third-party data sits: ../shared beside the checkout (or FIRSTHAND_SHARED). It is read in place and
 * never copied into the repository.
 */
export function sharedDir(): string {
  return process.env.FIRSTHAND_SHARED ?? resolve(process.cwd(), '..', 'shared');
}

export function hasShared(): boolean {
  return (
    existsSync(resolve(sharedDir(), 'data', 'README.md')) && existsSync(resolve(sharedDir(), 'seeds', 'cases.json'))
  );
}

export function sharedPath(...parts: string[]): string {
  return resolve(sharedDir(), ...parts);
}

export function readJsonl<T>(...parts: string[]): T[] {
  return readFileSync(sharedPath(...parts), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/**
 * Tuning or checking half, fixed by the id of the unit a case belongs to (an event, an article and its rewrites),
 * so that no unit has texts in both halves.
 */
export type Split = 'tune' | 'check';
export function splitOf(unit: string): Split {
  return hash32(`split:${unit}`) % 2 === 0 ? 'tune' : 'check';
}

/** The news pages of readability-pages (never the synthetic lorem-ipsum ones), from manifest.csv. */
export function readabilityNewsPages(): Array<{ name: string; lang: string; siteName: string }> {
  const lines = readFileSync(sharedPath('data', 'readability-pages', 'manifest.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  return lines
    .map((line) => parseCsvLine(line))
    .filter((cols) => cols[1] === 'news_en' || cols[1] === 'news_non_en')
    .map((cols) => ({ name: cols[0] ?? '', siteName: cols[2] ?? '', lang: cols[4] ?? '' }));
}

export function readabilityPageHtml(name: string): string {
  return readFileSync(sharedPath('data', 'readability-pages', 'test', 'test-pages', name, 'source.html'), 'utf8');
}

export function parseCsvLine(line: string): string[] {
  const cols: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cols.push(current);
      current = '';
    } else current += ch;
  }
  cols.push(current);
  return cols;
}
