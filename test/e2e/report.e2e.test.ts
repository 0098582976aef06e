import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { writeStoryFiles } from '../fixtures/story';
import { CHROMIUM } from './chromium';

/**
 * The HTML report of `firsthand check --report`, opened in real Chromium: it renders with no request of its own (no
 * network, no scripts), its table and marked passages are there for a screen reader, and a screenshot of it is kept
 * for the README (test/screenshots/report.png).
 */
const CLI = resolve('dist/cli/firsthand.js');

describe.skipIf(!existsSync(CHROMIUM) || !existsSync(CLI))('the HTML report in Chromium', () => {
  test('renders self-contained, with the verdict table and the copied and reworded passages marked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'firsthand-report-'));
    writeStoryFiles(dir);
    writeFileSync(
      join(dir, 'checks.jsonl'),
      [
        { id: 'buzzdaily.example/harlow', file: 'farm.html', url: 'https://buzzdaily.example/harlow' },
        { id: 'newsfeed.example/harlow', file: 'rewrite.txt', url: 'https://newsfeed.example/harlow' },
        { id: 'pellcountyledger.example', file: 'ledger.html' },
        { id: 'harlowcourier.example/city', file: 'front.html' },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n'),
    );
    const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
    expect(cli('corpus', 'build', '--manifest', 'refs.jsonl', '--out', 'p.pack').status).toBe(0);
    const checked = cli('check', '--corpus', 'p.pack', '--manifest', 'checks.jsonl', '--report', 'report.html');
    expect(checked.stderr).toMatch(/wrote report\.html \(4 pages\)/);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(`file://${join(dir, 'report.html')}`);
      expect(requests).toEqual([`file://${join(dir, 'report.html')}`]);
      expect(errors).toEqual([]);
      expect(await page.getByRole('columnheader').allTextContents()).toEqual([
        '#',
        'Page',
        'Verdict',
        'Source',
        'Copied',
        'AI style',
        'Credits source',
      ]);
      const verdicts = await page.locator('tbody td.verdict').allTextContents();
      expect(verdicts).toEqual(['Repost', 'Rewrite', 'No known source', 'Not checked']);
      expect(await page.locator('article mark.copied').count()).toBeGreaterThan(0);
      expect(await page.locator('article mark.reworded').count()).toBeGreaterThan(0);
      // Marks say what they are in words, for screen readers and print, not by colour alone.
      expect(await page.locator('article mark.copied .sr').first().textContent()).toBe('[copied word for word:] ');
      mkdirSync(resolve('test/screenshots'), { recursive: true });
      await page.screenshot({ path: resolve('test/screenshots/report.png'), fullPage: false });
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.length).toBeGreaterThan(10_000); // printable

      // A private archive (--keep-text): the source's sentences beside the page's.
      expect(cli('corpus', 'build', '--manifest', 'refs.jsonl', '--out', 'private.pack', '--keep-text').status).toBe(0);
      cli('check', '--corpus', 'private.pack', '--manifest', 'checks.jsonl', '--report', 'private.html');
      await page.goto(`file://${join(dir, 'private.html')}`);
      const pairs = page.locator('#page-2 table.pairs tbody tr');
      expect(await pairs.count()).toBeGreaterThanOrEqual(5);
      expect(await pairs.first().locator('td').nth(1).textContent()).toMatch(/Harlow City Council voted 7 to 2/);
      await page.locator('#page-2').screenshot({ path: resolve('test/screenshots/report-side-by-side.png') });
    } finally {
      await browser.close();
    }
  }, 60_000);
});
