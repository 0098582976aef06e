import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasShared } from '../eval/data';
import { articlePage, seedText } from './seed-pages';
import { startServer, type PageServer } from './server';

/**
 * The Firefox build in Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core: the add-on is installed
 * as a temporary add-on from dist/firefox, every host resolves to the local server, and the seed story must get its
 * three verdicts. The toolbar cannot be read over BiDi, so the verdict is read from the in-page badge.
 */
const FIREFOX = '/usr/bin/firefox-esr';
const EXTENSION_DIR = resolve('dist/firefox');
const SEED_TITLE = 'Trump Officials Split Over How Hard to Go on Mexican Cartels';

describe('the Firefox build', () => {
  test('passes web-ext lint with no errors', () => {
    expect(existsSync(resolve(EXTENSION_DIR, 'manifest.json'))).toBe(true);
    const lint = spawnSync(
      process.execPath,
      [
        resolve('node_modules/web-ext/bin/web-ext.js'),
        'lint',
        '--source-dir',
        EXTENSION_DIR,
        '--output',
        'json',
        '--no-input',
      ],
      { encoding: 'utf8' },
    );
    const report = JSON.parse(lint.stdout) as {
      summary: { errors: number; warnings: number };
      errors: Array<{ code: string; message: string }>;
    };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 60_000);
});

const enabled = existsSync(FIREFOX) && existsSync(resolve(EXTENSION_DIR, 'manifest.json')) && hasShared();

describe.skipIf(!enabled)('the extension in Firefox', { timeout: 90_000 }, () => {
  let server: PageServer;
  let browser: Browser;
  const url = (host: string, path: string): string => `https://${host}:${server.port}${path}`;

  beforeAll(async () => {
    server = await startServer();
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      acceptInsecureCerts: true,
      extraPrefsFirefox: {
        'network.dns.forceResolve': '127.0.0.1',
        'network.dns.disableIPv6': true,
        'extensions.autoDisableScopes': 0,
      },
    });
    await browser.installExtension(EXTENSION_DIR);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test.each([
    [
      'repost',
      'smartagain.com',
      '/trump-officials-split/',
      '002_b8be2ff6e6a970f7.txt',
      /Firsthand: Repost — 9\d% copied from The New York Times/,
    ],
    [
      'rewrite',
      'world-affairs-digest.example',
      '/white-house-divided-mexico',
      '001_8e4c9ad7d8f322a0.txt',
      /Firsthand: Rewrite — reworded from The New York Times \(not credited\)/,
    ],
  ])('the seed story as the %s', async (_, host, path, seed, expected) => {
    const address = url(host, path);
    server.page(address, articlePage({ site: host, title: SEED_TITLE, text: seedText(seed) }));
    const page = await browser.newPage();
    await page.goto(address);
    const text = await page.waitForFunction(
      () =>
        (document.querySelector('firsthand-badge')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '') ||
        false,
      { timeout: 30_000 },
    );
    expect(await text.jsonValue()).toMatch(expected);
    await page.close();
  });

  test('the original on its own site gets no in-page badge (the badge speaks only of reposts and rewrites)', async () => {
    // Firefox's toolbar cannot be read over BiDi; the in-page badge is what can be seen, and here it must not be.
    // The same browser showed the badge on the repost and the rewrite above, so its absence is the rule, not a
    // content script that did not run.
    const address = url('www.nytimes.com', '/2025/02/27/us/politics/trump-mexico-cartels.html');
    server.page(
      address,
      articlePage({ site: 'www.nytimes.com', title: SEED_TITLE, text: seedText('000_cfc388608af51050.txt') }),
    );
    const page = await browser.newPage();
    await page.goto(address);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await page.evaluate(() => document.querySelector('firsthand-badge') === null)).toBe(true);
    await page.close();
  });
});
