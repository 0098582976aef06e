import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import type { Browser } from 'webextension-polyfill';
import type { PageReport } from '../../src/extension/messages';

/**
 * Debian's Chromium with the unpacked Chrome build of the extension (dist/chrome), under --headless=new, every host
 * mapped to the local test server, no background networking of its own.
 */
// The service worker's own global, used only inside worker.evaluate() callbacks (same shape as `browser`).
declare const chrome: Browser;

export const CHROMIUM = '/usr/bin/chromium';

/** Hosts Chromium itself calls (updates, accounts, safe browsing), which land on the test server too. */
export const BROWSER_HOSTS = new Set([
  'accounts.google.com',
  'update.googleapis.com',
  'clients2.google.com',
  'optimizationguide-pa.googleapis.com',
  'www.google.com',
  'content-autofill.googleapis.com',
  'safebrowsingohttpgateway.googleapis.com',
]);

export const EXTENSION_DIR = resolve('dist/chrome');

export function hasChromium(): boolean {
  return existsSync(CHROMIUM) && existsSync(join(EXTENSION_DIR, 'manifest.json'));
}

export interface Extension {
  context: BrowserContext;
  worker: Worker;
  id: string;
  userDataDir: string;
}

export async function launch(
  port: number,
  userDataDir = mkdtempSync(join(tmpdir(), 'firsthand-chromium-')),
  extensionDir = EXTENSION_DIR,
): Promise<Extension> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
    ignoreHTTPSErrors: true,
    viewport: { width: 1100, height: 800 },
    args: [
      '--headless=new',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=MAP * 127.0.0.1:${port}`,
      '--ignore-certificate-errors',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const id = new URL(worker.url()).host;
  return { context, worker, id, userDataDir };
}

/**
 * The test build: the Chrome build with `origins` as host permissions. No driver can answer Chromium's permission
 * prompt, so the subscription tests in Chromium run with the pack's origin granted at install; the release manifest
 * keeps it optional (and Firefox, whose prompt a pref answers, tests the real request).
 */
export function testBuildWithHosts(origins: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'firsthand-chrome-test-build-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = [...origins];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/**
 * The toolbar badge text and title for the tab showing `url`, read from the extension's service worker. The extension
 * has no "tabs" permission, so tab URLs are hidden from it: the tab is found through the report the background keeps
 * for it (storage.session), which records the page URL.
 */
export async function toolbarBadge(
  ext: Extension,
  url: string,
): Promise<{ text: string; title: string; tabId: number }> {
  return ext.worker.evaluate(async (target: string) => {
    const session = await chrome.storage.session.get(null);
    const key = Object.keys(session).find((k) => (session[k] as { url?: string } | undefined)?.url === target);
    if (!key) return { text: '', title: '', tabId: -1 };
    const tabId = Number(key.slice('tab:'.length));
    return { text: await chrome.action.getBadgeText({ tabId }), title: await chrome.action.getTitle({ tabId }), tabId };
  }, url);
}

/** Badge texts of all open tabs that have no report: a badge the extension drew without judging a page. */
export async function badgesWithoutReport(ext: Extension): Promise<string[]> {
  return ext.worker.evaluate(async () => {
    const session = await chrome.storage.session.get(null);
    const tabs: Array<{ id?: number }> = await chrome.tabs.query({});
    const texts: string[] = [];
    for (const tab of tabs) {
      if (tab.id === undefined || session[`tab:${tab.id}`]) continue;
      const text = await chrome.action.getBadgeText({ tabId: tab.id });
      if (text) texts.push(text);
    }
    return texts;
  });
}

/** Waits until the toolbar badge for `url` shows a verdict. */
export async function waitForBadge(
  ext: Extension,
  url: string,
  timeoutMs = 20_000,
): Promise<{ text: string; title: string; tabId: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const badge = await toolbarBadge(ext, url);
    if (badge.text) return badge;
    if (Date.now() > deadline) return badge;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The report the background keeps for a tab (storage.session), with the content script's step timings. */
export async function tabReport(ext: Extension, tabId: number): Promise<PageReport | null> {
  return ext.worker.evaluate(
    async (id: number) => ((await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null) as PageReport | null,
    tabId,
  );
}
