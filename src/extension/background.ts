import { judge, type NoVerdict, type Verdict } from '../core';
import browser, { type Runtime } from './browser';
import { corpus, corpusChanged, LEARNED, rebuildSnapshot, SNAPSHOT_SLACK, type Corpus } from './corpus';
import { keepLearned, replaceDerived, type LearnedPage } from './learned-corpus';
import { learnDecision, pageIsOriginalOf, trustedList } from './learning';
import { extractFromHtml } from './extract-html';
import { fetchLinkedPage, LinkError, originPattern } from './link-check';
import { extractElsewhere } from './offscreen-client';
import {
  articleMessage,
  type ArticleMessage,
  type BackgroundRequest,
  type LinkReport,
  type PageReport,
  type Settings,
} from './messages';
import { getLearned, touchLearned } from './pack-store';
import { BADGE, badgeTitle, shownOf, toReport } from './report';
import { readSettings } from './settings';
import { listingsFor, parseDomainList, type DomainList } from './context-lists';
import { listSubscriptions, refreshDue } from './subscriptions';

/**
 * The background: holds the corpus (parsed once), judges the articles content scripts send, learns originals, keeps
 * each tab's report, draws the toolbar badge (the one place a page cannot draw on, so the verdict shown there is
 * authoritative), keeps subscriptions fresh, and checks links the reader asks about. Its only network requests are
 * subscription downloads (to the subscribed origins, none while there is no subscription) and the links the reader
 * asks it to check.
 */
const reports = new Map<number, PageReport>();
let lists: Promise<{ context: DomainList[]; trusted: DomainList }> | undefined;
const UPDATE_ALARM = 'subscriptions';

/** The lists shipped in lists/ (read once per worker life, from the extension's own files). */
function bundledLists(): Promise<{ context: DomainList[]; trusted: DomainList }> {
  lists ??= (async () => {
    const read = async (path: string): Promise<string> => (await fetch(browser.runtime.getURL(`lists/${path}`))).text();
    const index = JSON.parse(await read('index.json')) as Array<{ file: string }>;
    const context = await Promise.all(index.map(async ({ file }) => parseDomainList(file, await read(file))));
    const trusted = parseDomainList('trusted-publishers.txt', await read('trusted-publishers.txt'));
    return { context, trusted };
  })().catch(() => ({ context: [], trusted: parseDomainList('trusted-publishers.txt', '') }));
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

function judged(message: ArticleMessage, known: Corpus, settings: Settings): Verdict | NoVerdict {
  return judge(
    {
      text: message.text,
      url: message.url,
      title: message.title,
      links: message.links,
      publishedAt: message.declaredTime,
    },
    known.index,
    { sensitivity: settings.sensitivity },
  );
}

/** What the popup says of where the source is known from. */
async function provenanceOf(verdict: Verdict, known: Corpus): Promise<string | null> {
  if (!verdict.source || !verdict.sourceOrigin) return null;
  if (verdict.sourceOrigin === LEARNED) {
    const record = await getLearned(verdict.source.id).catch(() => undefined);
    return record
      ? `known from your reading: learned on ${record.learnedAt.slice(0, 10)}, when you read it on ${record.site}`
      : 'known from your reading';
  }
  return known.provenance.get(verdict.sourceOrigin) ?? null;
}

/**
 * Judges the article, then applies what learning decides: a page that matches nothing known is learned as an
 * original when the rules allow; a page on its own site that matches a learned reference it turns out to be the
 * original of takes its place (the copy seen first); a known learned original read again counts as seen.
 */
async function judgeArticle(
  message: ArticleMessage,
  reading: { incognito: boolean; learn: boolean },
): Promise<PageReport> {
  const [known, settings, { context, trusted }] = await Promise.all([corpus(), readSettings(), bundledLists()]);
  let verdict = judged(message, known, settings);
  let learned: string | null = null;
  if (verdict.verdict !== null) {
    const page: LearnedPage = {
      url: message.canonicalUrl || message.url,
      title: message.title,
      siteName: message.siteName,
      // The date its metadata declares: a learned reference's date is compared with the pages read later
      // (LATER_MIN_DAYS), and a first <time> element may be a masthead's "today" or another story's.
      publishedTime: message.declaredTime,
      text: message.text,
      links: message.links,
    };
    const decision = learnDecision(
      {
        url: message.url,
        canonicalUrl: message.canonicalUrl || message.url,
        words: verdict.evidence.words,
        articleMetadata: message.articleMetadata,
        mainText: message.text.length > 0,
        incognito: reading.incognito,
      },
      reading.learn ? settings : { ...settings, learning: false },
      trustedList(trusted, settings),
      context,
    );
    // A learned article this page would be a copy or rewrite of, or (judged original) one published after it that
    // tells its story (the verdict's `related`): the copy seen before its original (pageIsOriginalOf), by the date
    // the page's metadata declares, as the engine compares dates (a first <time> element may be another story's).
    const derived =
      verdict.match === 'source' && verdict.sourceOrigin === LEARNED
        ? verdict.source
        : verdict.match === 'none'
          ? verdict.related
          : null;
    const source = derived && decision.learn ? await getLearned(derived.id) : undefined;
    if (
      source &&
      pageIsOriginalOf(
        { url: page.url, publishedAt: page.publishedTime },
        { url: source.url, publishedAt: source.reference.publishedAt, links: source.links },
      )
    ) {
      await replaceDerived(source.url, page);
      corpusChanged();
      const rebuilt = await corpus();
      verdict = judged(message, rebuilt, settings);
      learned = `learned as the original of ${source.reference.publisher || source.site} “${source.reference.title}”, which was learned first and is now marked as derived from this page`;
    } else if (verdict.match === 'none' && decision.learn) {
      const { record, dropped } = await keepLearned(page, settings.learnedCap);
      if (dropped > 0) corpusChanged();
      else {
        known.index.add(record.reference, LEARNED);
        known.learnedOutsideSnapshot++;
        const counted = known.searched.find((c) => c.name === 'learned');
        if (counted) counted.references++;
      }
      learned = 'learned as an original: a copy or rewrite met later will name it';
    } else if (verdict.match === 'self' && verdict.sourceOrigin === LEARNED && verdict.source) {
      await touchLearned(verdict.source.id, Date.now());
    }
    if (known.learnedOutsideSnapshot > SNAPSHOT_SLACK) scheduleSnapshot();
  }
  const now = await corpus();
  const provenance = verdict.verdict !== null ? await provenanceOf(verdict, now) : null;
  return {
    ...toReport(message.url, verdict, now.searched, listingsFor(message.url, context), { provenance, learned }),
    timings: message.timings,
  };
}

let snapshotTimer: ReturnType<typeof setTimeout> | undefined;

/** Folds the learned references into a new snapshot soon (after the verdict), once. */
function scheduleSnapshot(): void {
  if (snapshotTimer) return;
  snapshotTimer = setTimeout(() => {
    rebuildSnapshot()
      .then(() => corpusChanged())
      .catch(() => undefined)
      .finally(() => (snapshotTimer = undefined));
  }, 2000);
}

/** The update alarm exists exactly while there is a subscription. */
async function syncUpdateAlarm(): Promise<void> {
  const any = (await listSubscriptions()).length > 0;
  if (!any) {
    await browser.alarms.clear(UPDATE_ALARM);
    return;
  }
  if (!(await browser.alarms.get(UPDATE_ALARM))) {
    await browser.alarms.create(UPDATE_ALARM, { delayInMinutes: 1, periodInMinutes: 30 });
  }
}

async function handle(message: BackgroundRequest, sender: Runtime.MessageSender): Promise<unknown> {
  switch (message.type) {
    case 'page-start':
      if (sender.tab?.id !== undefined) await forget(sender.tab.id);
      return null;
    case 'judge-article': {
      const report = await judgeArticle(message, { incognito: sender.tab?.incognito === true, learn: true });
      const tabId = sender.tab?.id;
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
      await syncUpdateAlarm();
      return { ok: true };
    case 'check-link':
      return checkLink(message.url, false);
    case 'get-last-link':
      return ((await session?.get(LAST_LINK))?.[LAST_LINK] as LinkReport | undefined) ?? null;
    default:
      return undefined;
  }
}

const LAST_LINK = 'last-link';
const CHECK_LINK_MENU = 'check-link';

/** A DOM here (Firefox's background page), or none (Chrome's service worker: the offscreen document has one). */
const localExtract = typeof DOMParser === 'function' ? extractFromHtml : null;

/**
 * Checks a linked page without opening it: fetched here (its origin's permission was asked for on the reader's
 * click), extracted where there is a DOM, judged like a page (never learned: the reader has not read it), kept as
 * the popup's "last checked link", and told in a notification.
 */
async function checkLink(url: string, notify: boolean): Promise<LinkReport> {
  const at = new Date().toISOString();
  let result: LinkReport;
  try {
    if (!/^https?:\/\//i.test(url)) throw new LinkError('only http(s) links can be checked');
    const page = await fetchLinkedPage(url);
    const article = await extractElsewhere(page.html, page.url, localExtract);
    if (!article) throw new LinkError('no article found on the page');
    const report = await judgeArticle(articleMessage(article, page.url, { gate: 0, clone: 0, prune: 0, extract: 0 }), {
      incognito: false,
      learn: false,
    });
    result = { url, at, outcome: 'judged', report };
  } catch (error) {
    result = { url, at, outcome: 'failed', error: (error as Error).message || String(error) };
  }
  await session?.set({ [LAST_LINK]: result });
  if (notify) await notifyLink(result).catch(() => undefined);
  return result;
}

async function notifyLink(result: LinkReport): Promise<void> {
  const message =
    result.outcome === 'failed'
      ? `Not checked: ${result.error}`
      : result.report.status === 'nothing'
        ? `Nothing to judge: ${result.report.reason}`
        : badgeTitle(result.report);
  await browser.notifications.create(`link-${Date.now()}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title: 'Firsthand: checked link',
    message: `${message}\n${result.url}`,
  });
}

browser.contextMenus.onClicked.addListener((info) => {
  if (info.menuItemId !== CHECK_LINK_MENU || !info.linkUrl) return;
  const url = info.linkUrl;
  let pattern: string;
  try {
    pattern = originPattern(url);
  } catch {
    return;
  }
  // Asked first, in the click itself: browsers grant permission requests only during a user action.
  void browser.permissions.request({ origins: [pattern] }).then(
    async (granted) => {
      if (granted) return checkLink(url, true);
      const refused: LinkReport = {
        url,
        at: new Date().toISOString(),
        outcome: 'failed',
        error: `permission to reach ${new URL(url).hostname} was not given`,
      };
      await session?.set({ [LAST_LINK]: refused });
      await notifyLink(refused).catch(() => undefined);
      return refused;
    },
    () => undefined,
  );
});

function createMenu(): void {
  browser.contextMenus.removeAll().then(
    () =>
      browser.contextMenus.create({
        id: CHECK_LINK_MENU,
        title: 'Check where this article comes from',
        contexts: ['link'],
        targetUrlPatterns: ['http://*/*', 'https://*/*'],
      }),
    () => undefined,
  );
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!message || typeof message !== 'object' || !('type' in message)) return undefined;
  return handle(message as BackgroundRequest, sender);
});

browser.tabs.onRemoved.addListener((tabId) => {
  reports.delete(tabId);
  void session?.remove(`tab:${tabId}`);
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name !== UPDATE_ALARM) return;
  void refreshDue().then((changed) => {
    if (changed) corpusChanged();
  });
});

browser.runtime.onInstalled.addListener((details) => {
  createMenu();
  // The welcome page says what is kept locally and why, with one click to turn learning off.
  if (details.reason === 'install')
    void browser.tabs.create({ url: browser.runtime.getURL('src/extension/welcome.html') });
});

// Parse the corpus as soon as the worker starts, so the first page does not wait for it.
void corpus();
void bundledLists();
void syncUpdateAlarm();
