import { judge } from '../core';
import browser, { type Runtime } from './browser';
import { corpus, corpusChanged } from './corpus';
import type { BackgroundRequest, PageReport } from './messages';
import { BADGE, badgeTitle, shownOf, toReport } from './report';
import { readSettings } from './settings';
import { listingsFor, parseDomainList, type DomainList } from './context-lists';

/**
 * The background: holds the corpus (parsed once), judges the articles content scripts send, keeps each tab's
 * report, and draws the toolbar badge — the one place a page cannot draw on, so the verdict shown there is
 * authoritative. It makes no network request.
 */
const reports = new Map<number, PageReport>();
let lists: Promise<DomainList[]> | undefined;

/** The context lists shipped in lists/ (read once per worker life, from the extension's own files). */
function contextLists(): Promise<DomainList[]> {
  lists ??= (async () => {
    const read = async (path: string): Promise<Response> => fetch(browser.runtime.getURL(`lists/${path}`));
    const index = (await (await read('index.json')).json()) as Array<{ file: string }>;
    return Promise.all(index.map(async ({ file }) => parseDomainList(file, await (await read(file)).text())));
  })().catch(() => []);
  return lists;
}
const session = (browser.storage as { session?: typeof browser.storage.local }).session;

async function remember(tabId: number, report: PageReport): Promise<void> {
  reports.set(tabId, report);
  await session?.set({ [`tab:${tabId}`]: report });
}

async function recall(tabId: number): Promise<PageReport | null> {
  const known = reports.get(tabId);
  if (known) return known;
  const stored = await session?.get(`tab:${tabId}`);
  return (stored?.[`tab:${tabId}`] as PageReport | undefined) ?? null;
}

/** A new page in the tab: the last page's verdict must not stay on the toolbar or in the popup. */
async function forget(tabId: number): Promise<void> {
  reports.delete(tabId);
  await session?.remove(`tab:${tabId}`);
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: '' }),
    browser.action.setTitle({ tabId, title: 'Firsthand' }),
  ]);
}

async function showBadge(tabId: number, report: PageReport): Promise<void> {
  const style = BADGE[shownOf(report)];
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: style.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: style.color }),
    browser.action.setTitle({ tabId, title: badgeTitle(report) }),
  ]);
}

async function handle(message: BackgroundRequest, sender: Runtime.MessageSender): Promise<unknown> {
  switch (message.type) {
    case 'page-start':
      if (sender.tab?.id !== undefined) await forget(sender.tab.id);
      return null;
    case 'judge-article': {
      const tabId = sender.tab?.id;
      const [{ index, searched }, settings, known] = await Promise.all([corpus(), readSettings(), contextLists()]);
      const verdict = judge(
        { text: message.text, url: message.url, title: message.title, links: message.links },
        index,
        { sensitivity: settings.sensitivity },
      );
      const report: PageReport = {
        ...toReport(message.url, verdict, searched, listingsFor(message.url, known)),
        timings: message.timings,
      };
      if (tabId !== undefined) {
        await remember(tabId, report);
        await showBadge(tabId, report);
      }
      return report;
    }
    case 'get-report':
      return recall(message.tabId);
    case 'packs-changed':
      corpusChanged();
      return { ok: true };
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!message || typeof message !== 'object' || !('type' in message)) return undefined;
  return handle(message as BackgroundRequest, sender);
});

browser.tabs.onRemoved.addListener((tabId) => {
  reports.delete(tabId);
  void session?.remove(`tab:${tabId}`);
});

// Parse the bundled pack as soon as the worker starts, so the first page does not wait for it.
void corpus();
void contextLists();
