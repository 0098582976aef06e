import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasShared } from '../eval/data';
import { farmPage, ORIGINAL, ORIGINAL_PARAGRAPHS } from '../fixtures/story';
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
/** The add-on's internal UUID, fixed by a pref so that its options page has a known address. */
const UUID = '5d1f0c8e-7a3b-4c2d-9e6f-0a1b2c3d4e5f';
const CLI = resolve('dist/cli/firsthand.js');

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
        // Grants optional permissions without a prompt: the subscription's real permission request is answered.
        'extensions.webextOptionalPermissionPrompts': false,
        'extensions.webextensions.uuids': JSON.stringify({ 'firsthand@firsthand.example': UUID }),
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

  let extensionTab: Page | undefined;

  /**
   * An extension page in a tab: BiDi may not navigate to moz-extension: pages, but the welcome page the add-on opens
   * on install can (puppeteer's page.url() is not kept up to date for it: ask the page where it is).
   */
  async function extensionPage(path: string): Promise<Page> {
    for (let attempt = 0; attempt < 40 && !extensionTab; attempt++) {
      for (const candidate of await browser.pages()) {
        const at = await candidate.evaluate(() => location.href).catch(() => '');
        if (at.startsWith(`moz-extension://${UUID}/`)) extensionTab = candidate;
      }
      if (!extensionTab) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (!extensionTab) throw new Error('the welcome page the add-on opens on install is not open');
    const tab = extensionTab;
    await tab.evaluate((to: string) => {
      location.href = `/src/extension/${to}`;
    }, path);
    await tab.waitForFunction(
      (to: string) => location.href.endsWith(to) && document.readyState === 'complete',
      {},
      path,
    );
    return tab;
  }

  /** The in-page badge's words, once the content script has shown it. */
  async function inPageBadge(page: Page): Promise<string> {
    const text = await page.waitForFunction(
      () =>
        (document.querySelector('firsthand-badge')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '') ||
        false,
      { timeout: 30_000 },
    );
    return String(await text.jsonValue());
  }

  test('an original read on a trusted site is learned, and its copy then names it', async () => {
    const original = url('www.bbc.co.uk', '/news/uk-england-harlow-floodwall');
    server.page(
      original,
      articlePage({
        site: 'BBC News',
        title: ORIGINAL.title,
        text: ORIGINAL_PARAGRAPHS.join('\n'),
        canonical: original,
        published: '2026-05-12T21:40:00Z',
      }),
    );
    const copy = url('buzzdaily.example', '/harlow-floodwall/');
    server.page(copy, farmPage());
    const page = await browser.newPage();
    await page.goto(original);
    await new Promise((resolve) => setTimeout(resolve, 2500)); // judged and learned (no badge: nothing to say)
    expect(await page.evaluate(() => document.querySelector('firsthand-badge') === null)).toBe(true);
    await page.goto(copy);
    expect(await inPageBadge(page)).toMatch(/^Firsthand: Repost — \d+% copied from BBC News/);
    await page.close();
  });

  test('subscribing asks for the pack origin for real (granted by the pref), and the subscribed pack gives verdicts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'firsthand-firefox-subscription-'));
    writeFileSync(
      join(dir, 'courier.html'),
      articlePage({
        site: 'The Pell Gazette',
        title: 'Gazette story',
        text: seedText('000_cfc388608af51050.txt').split('\n').reverse().join('\n'),
      }),
    );
    writeFileSync(
      join(dir, 'refs.jsonl'),
      `${JSON.stringify({ id: 'gazette', file: 'courier.html', url: 'https://gazette.example/story', publisher: 'The Pell Gazette' })}\n`,
    );
    const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir });
    expect(cli('corpus', 'keygen', '--out', 'k').status).toBe(0);
    const built = cli(
      'corpus',
      'build',
      '--manifest',
      'refs.jsonl',
      '--out',
      'gazette.pack',
      '--name',
      'Gazette pack',
      '--sign',
      'k',
    );
    expect(built.status, built.stderr).toBe(0);
    const bytes = readFileSync(join(dir, 'gazette.pack'));
    const address = url('packs.example', '/gazette.pack');
    server.route(address, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length });
      res.end(bytes);
    });
    const copy = url('copycat.example', '/gazette-story');
    server.page(
      copy,
      articlePage({
        site: 'Copycat',
        title: 'Gazette story',
        text: seedText('000_cfc388608af51050.txt').split('\n').reverse().join('\n'),
      }),
    );

    const options = await extensionPage('options.html');
    await options.waitForSelector('#pack-address');
    const granted = (): Promise<boolean> =>
      options.evaluate(() =>
        (
          globalThis as unknown as {
            browser: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } };
          }
        ).browser.permissions.contains({ origins: ['https://packs.example/*'] }),
      );
    // Not asserted false here: Firefox counts the content script's https://*/* match as a host permission once the
    // add-on has settled after install, so the request the click makes may be answered at once.
    await options.locator('#pack-address').fill(address);
    await options.locator('#subscribe').click();
    const status = await options.waitForFunction(
      () => {
        const text = document.getElementById('subscribe-status')?.textContent ?? '';
        return /^(Subscribed|Not subscribed)/.test(text) ? text : false;
      },
      { timeout: 30_000 },
    );
    expect(await status.jsonValue()).toBe('Subscribed to Gazette pack: 1 references.');
    expect(server.requests.filter((r) => r.host === 'packs.example').length).toBe(1);
    expect(await granted()).toBe(true); // asked for on the click, and granted (the pref answers the prompt)

    const page = await browser.newPage();
    await page.goto(copy);
    expect(await inPageBadge(page)).toMatch(/^Firsthand: Repost — \d+% copied from The Pell Gazette/);
    await page.close();
  });

  test('a link checked from the popup: the real permission request, then fetched, read and judged in the background page', async () => {
    const linked = url('linked.example', '/trump-officials-split/');
    server.page(linked, articlePage({ site: 'Linked', title: SEED_TITLE, text: seedText('002_b8be2ff6e6a970f7.txt') }));
    const popup = await extensionPage('popup.html?tab=-1');
    await popup.waitForSelector('#link-address');
    await popup.locator('#link-address').fill(linked);
    await popup.locator('#check-link').click();
    const verdict = await popup.waitForFunction(
      () => {
        const text = document.querySelector('#last-link .link-verdict')?.textContent ?? '';
        return text || false;
      },
      { timeout: 30_000 },
    );
    expect(await verdict.jsonValue()).toMatch(/^Repost: This page copies The New York Times word for word/);
  });
});
