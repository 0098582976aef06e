import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasShared, sharedPath } from '../eval/data';
import {
  farmPage,
  INDEPENDENT,
  INDEPENDENT_PARAGRAPHS,
  independentPage,
  ORIGINAL,
  ORIGINAL_PARAGRAPHS,
  REWRITE_TEXT,
  STITCHED_TEXT,
  windows1252,
} from '../fixtures/story';
import {
  BROWSER_HOSTS,
  hasChromium,
  launch,
  tabReport,
  testBuildWithHosts,
  waitForBadge,
  type Extension,
} from './chromium';
import { articlePage } from './seed-pages';
import { startServer, type PageServer, type SeenRequest } from './server';

/**
 * The corpus coming to the reader, in real Chromium against the local HTTPS server (every host mapped to it):
 * originals learned as they are read (and after a restart), the copy seen before its original, and subscriptions
 * (subscribe through the options page, a verdict from the pack, an update, a corrupt update and a key change refused
 * with the old copy kept, unsubscribe), with the extension's requests watched throughout.
 */
const enabled = hasChromium() && hasShared();
const CLI = resolve('dist/cli/firsthand.js');

/** A trusted publisher's page (bbc.co.uk is on the bundled list) carrying the Harlow story, as its own canonical. */
const BBC = 'https://www.bbc.co.uk/news/uk-england-harlow-floodwall';
const FARM = 'https://buzzdaily.example/harlow-floodwall/';
const REWRITE = 'https://newsfeed.example/harlow-takes-a-step';
const UNKNOWN = 'https://www.bbc.co.uk/news/short-unrelated';
/** A brief: one paragraph and a "read the full story" line, too short for Readability's own test, but an article by
 * its metadata. */
const BRIEF = 'https://buzzdaily.example/harlow-brief';

let server: PageServer;

function harlowAt(url: string, site: string): string {
  return articlePage({
    site,
    title: ORIGINAL.title,
    text: ORIGINAL_PARAGRAPHS.join('\n'),
    canonical: url,
    published: '2026-05-12T21:40:00Z',
  });
}

/** The paragraphs of a real article (Readability's expected output, read in place from ../shared). */
function realParagraphs(name: string): string[] {
  const html = readFileSync(
    sharedPath('data', 'readability-pages', 'test', 'test-pages', name, 'expected.html'),
    'utf8',
  );
  const { document } = parseHTML(`<html><body>${html}</body></html>`);
  return Array.from(document.querySelectorAll('p'))
    .map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((t) => t.split(' ').length >= 12);
}

async function visit(ext: Extension, url: string): Promise<{ page: Page; text: string; title: string; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(url);
  return { page, ...(await waitForBadge(ext, url)) };
}

/** Requests that came from the extension: anything not a page load or a page's own subresource. */
function extensionRequests(requests: readonly SeenRequest[], pageHosts: ReadonlySet<string>): SeenRequest[] {
  return requests.filter((r) => {
    if (BROWSER_HOSTS.has(r.host)) return false; // Chromium's own background calls
    if (r.headers['sec-fetch-mode'] === 'navigate') return false;
    const referer = String(r.headers.referer ?? '');
    if (referer.startsWith('https://')) return false;
    if (r.path === '/favicon.ico' && pageHosts.has(r.host)) return false;
    return true;
  });
}

describe.skipIf(!enabled)('learning originals as the reader reads (Chromium)', { timeout: 120_000 }, () => {
  let ext: Extension;

  beforeAll(async () => {
    server = await startServer();
    server.page(BBC, harlowAt(BBC, 'BBC News'));
    server.page(FARM, farmPage());
    server.page(REWRITE, articlePage({ site: 'NewsFeed', title: 'Harlow Takes a Step', text: REWRITE_TEXT }));
    server.page(UNKNOWN, independentPage().replace(INDEPENDENT.url, UNKNOWN));
    server.page(
      BRIEF,
      articlePage({
        site: 'BuzzDaily',
        title: 'Harlow floodwall',
        text: `${ORIGINAL_PARAGRAPHS[0]}\nRead the full story at BBC News.`,
        published: '2026-05-13T08:00:00Z',
      }),
    );
    ext = await launch(server.port);
  }, 60_000);

  afterAll(async () => {
    await ext?.context.close();
    await server?.close();
  });

  test('the welcome page opens on install, says what is kept, and turns learning off and on', async () => {
    const isWelcome = (p: Page): boolean => p.url().endsWith('/src/extension/welcome.html');
    await expect.poll(() => ext.context.pages().some(isWelcome), { timeout: 10_000 }).toBe(true);
    const welcome = ext.context.pages().find(isWelcome);
    expect(welcome, 'the welcome page opened on install').toBeDefined();
    const text = (await welcome!.locator('main').textContent()) ?? '';
    expect(text).toMatch(/never keeps the article's text/);
    expect(text).toMatch(/never learns in private windows/);
    await welcome!.getByRole('button', { name: 'Turn learning off' }).click();
    await expect.poll(() => welcome!.locator('#status').textContent()).toMatch(/Learning is off/);
    expect(await welcome!.locator('#learning').isChecked()).toBe(false);
    await welcome!.locator('#learning').check();
    await expect.poll(() => welcome!.locator('#status').textContent()).toMatch(/Learning is on/);
    await welcome!.close();
  });

  test('an original read on a trusted site is learned; its copy and its rewrite then name it, after a restart too', async () => {
    const original = await visit(ext, BBC);
    expect(original.text).toBe('?'); // nothing known matched it: not called original
    const learnedReport = await tabReport(ext, original.tabId);
    expect(learnedReport?.status === 'judged' && learnedReport.learned).toMatch(/^learned as an original/);
    await original.page.close();

    const copy = await visit(ext, FARM);
    expect(copy.text).toBe('COPY');
    expect(copy.title).toMatch(/^Repost of: BBC News — Harlow Council Approves \$48 Million Floodwall/);
    const report = await tabReport(ext, copy.tabId);
    expect(report?.status === 'judged' && report.source?.url).toBe(BBC);
    expect(report?.status === 'judged' && report.provenance).toMatch(
      /^known from your reading: learned on \d{4}-\d{2}-\d{2}, when you read it on bbc\.co\.uk$/,
    );
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.id}/src/extension/popup.html?tab=${copy.tabId}`);
    await expect
      .poll(() => popup.locator('.provenance').textContent())
      .toMatch(/^Source known from your reading: learned on \d{4}-\d{2}-\d{2}, when you read it on bbc\.co\.uk\.$/);
    await popup.screenshot({ path: resolve('test/screenshots/popup-learned-source.png'), fullPage: true });
    await popup.close();
    await copy.page.close();

    const brief = await visit(ext, BRIEF);
    expect(brief.text).toBe('COPY');
    await brief.page.close();

    const rewrite = await visit(ext, REWRITE);
    expect(rewrite.text).toBe('RW');
    expect(rewrite.title).toMatch(/^Rewrite of: BBC News — /);
    await rewrite.page.close();

    // Reading the original again: it is the known article itself now.
    const again = await visit(ext, BBC);
    expect(again.text).toBe('ORIG');
    await again.page.close();

    const userDataDir = ext.userDataDir;
    await ext.context.close();
    ext = await launch(server.port, userDataDir);
    const afterRestart = await visit(ext, FARM);
    expect(afterRestart.text).toBe('COPY');
    expect(afterRestart.title).toMatch(/^Repost of: BBC News — Harlow Council Approves \$48 Million Floodwall/);
    await afterRestart.page.close();
  });

  test('options show what was learned, and erasing a site forgets it', async () => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.id}/src/extension/options.html`);
    await expect
      .poll(() => options.locator('#learned-summary').textContent())
      .toMatch(/^1 learned article, about 0\.\d\d MB \(at most 50,000\)\.$/);
    expect(await options.locator('#learned-newest li').allTextContents()).toEqual([
      expect.stringMatching(
        new RegExp(`^\\d{4}-\\d{2}-\\d{2} · bbc\\.co\\.uk · ${ORIGINAL.title.replace(/\$/g, '\\$')}$`),
      ),
    ]);
    await options.getByLabel('Site', { exact: true }).fill('bbc.co.uk');
    await options.getByRole('button', { name: 'Erase site' }).click();
    await expect
      .poll(() => options.locator('#learned-status').textContent())
      .toBe('Erased 1 learned article from bbc.co.uk.');
    await expect.poll(() => options.locator('#learned-summary').textContent()).toMatch(/^0 learned articles/);
    const copy = await visit(ext, FARM);
    expect(copy.text).toBe('?');
    await copy.page.close();

    // Paused learning learns nothing.
    await options.locator('#learning').uncheck();
    await expect.poll(() => options.locator('#learned-summary').textContent()).toMatch(/learning is paused/);
    const read = await visit(ext, BBC);
    expect(read.text).toBe('?');
    const report = await tabReport(ext, read.tabId);
    expect(report?.status === 'judged' && report.learned).toBeNull();
    await read.page.close();
    await options.locator('#learning').check();
    await options.close();
  });

  test('a page that matches nothing is not called original and gets no in-page badge', async () => {
    const unknown = await visit(ext, UNKNOWN);
    expect(unknown.text).toBe('?');
    expect(unknown.title).toMatch(
      /^No known source: this article matches nothing in the \d+ references? searched: bundled \(1\), learned \(\d+\)$/,
    );
    expect(await unknown.page.locator('firsthand-badge').count()).toBe(0);
    await unknown.page.close();
  });
});

describe.skipIf(!enabled)('the copy seen before its original (Chromium)', { timeout: 120_000 }, () => {
  let ext: Extension;
  let paragraphs: string[];
  const ORIGINAL_URL = 'https://www.theguardian.com/world/2019/jan/03/whale-strandings-maori-tribes';
  const AGGREGATION = 'https://www.independent.co.uk/news/world/whale-strandings-new-zealand.html';
  const SCRAPE = 'https://viralnewsdaily.example/whales';
  const REPRINT = 'https://www.nbcnews.com/news/world/tunisia-museum-attack-what-we-know';
  const FIRST = 'https://www.washingtonpost.com/world/attack-stokes-instability-fears-in-north-africa';

  beforeAll(async () => {
    server = await startServer();
    paragraphs = realParagraphs('guardian-1');
    // B, another trusted outlet, runs the first part of A's story hours later and credits it with a link.
    server.page(
      AGGREGATION,
      articlePage({
        site: 'The Independent',
        title: 'Māori tribes fear for whales as strandings rise',
        text: paragraphs.slice(0, 14).join('\n'),
        canonical: AGGREGATION,
        published: '2019-01-03T13:30:00Z',
        credit: { text: 'Read the full story at the Guardian:', href: ORIGINAL_URL },
      }),
    );
    server.page(
      ORIGINAL_URL,
      articlePage({
        site: 'the Guardian',
        title: "'What is the sea telling us?': Māori tribes fearful over whale strandings",
        text: paragraphs.join('\n'),
        canonical: ORIGINAL_URL,
        published: '2019-01-03T07:00:02Z',
      }),
    );
    server.page(SCRAPE, articlePage({ site: 'Viral News Daily', title: 'Whales', text: paragraphs.join('\n') }));
    // D, a trusted outlet, reprints C's story three days after C, without a word or link of credit.
    const story = realParagraphs('wapo-1');
    server.page(
      REPRINT,
      articlePage({
        site: 'NBC News',
        title: 'Tunisia museum attack: what we know',
        text: story.join('\n'),
        canonical: REPRINT,
        published: '2015-03-21T09:00:00Z',
      }),
    );
    server.page(
      FIRST,
      articlePage({
        site: 'The Washington Post',
        title: 'Attack stokes instability fears in North Africa',
        text: story.join('\n'),
        canonical: FIRST,
        published: '2015-03-18T15:57:00Z',
      }),
    );
    ext = await launch(server.port);
  }, 60_000);

  afterAll(async () => {
    await ext?.context.close();
    await server?.close();
  });

  test('B read first is learned; A then becomes the original, B is marked derived, and copies name A', async () => {
    const first = await visit(ext, AGGREGATION);
    expect(first.text).toBe('?');
    await first.page.close();

    const original = await visit(ext, ORIGINAL_URL);
    const report = await tabReport(ext, original.tabId);
    expect(original.text).toBe('ORIG');
    expect(report?.status === 'judged' && report.learned).toMatch(
      /^learned as the original of The Independent “Māori tribes fear for whales as strandings rise”, which was learned first and is now marked as derived from this page$/,
    );
    await original.page.close();

    // B again: no longer a reference; judged against A, it is a credited copy of part of A.
    const again = await visit(ext, AGGREGATION);
    expect(again.text).toBe('COPY');
    expect(again.title).toMatch(/^Repost of: the Guardian — /);
    const againReport = await tabReport(ext, again.tabId);
    expect(againReport?.status === 'judged' && againReport.attributed).toBe(true);
    await again.page.close();

    const scrape = await visit(ext, SCRAPE);
    expect(scrape.text).toBe('COPY');
    expect(scrape.title).toMatch(/^Repost of: the Guardian — /);
    await scrape.page.close();

    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.id}/src/extension/options.html`);
    await expect
      .poll(() => options.locator('#learned-derived li').allTextContents())
      .toEqual([`Māori tribes fear for whales as strandings rise: derived from ${ORIGINAL_URL}`]);
    await options.close();
  });

  test('D read first, dated after C and crediting nothing, is marked derived once C is read', async () => {
    const reprint = await visit(ext, REPRINT);
    expect(reprint.text).toBe('?');
    await reprint.page.close();

    // C copies D word for word, but D was published three days after it: C is no copy of D, and becomes the original.
    const first = await visit(ext, FIRST);
    expect(first.text).toBe('ORIG');
    const report = await tabReport(ext, first.tabId);
    expect(report?.status === 'judged' && report.learned).toBe(
      'learned as the original of NBC News “Tunisia museum attack: what we know”, which was learned first and is now marked as derived from this page',
    );
    await first.page.close();

    const again = await visit(ext, REPRINT);
    expect(again.text).toBe('COPY');
    expect(again.title).toMatch(/^Repost of: The Washington Post — /);
    await again.page.close();
  });
});

describe.skipIf(!enabled)(
  'subscriptions (Chromium test build: the pack origin granted at install)',
  { timeout: 180_000 },
  () => {
    let ext: Extension;
    const dir = mkdtempSync(join(tmpdir(), 'firsthand-subscription-'));
    const PACK = 'https://packs.example/harlow/news.pack';
    const COURIER_FARM = 'https://buzzdaily.example/harlow/';
    const LEDGER_COPY = 'https://copycat.example/pell-county-farmers';
    /** Two paragraphs of each story (STITCHED_TEXT). */
    const STITCHED = 'https://copycat.example/floodwall-roundup';
    let served: Uint8Array = new Uint8Array();
    const cli = (...args: string[]) => {
      const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir });
      if (run.status !== 0) throw new Error(`firsthand ${args.join(' ')}: ${run.stderr}`);
      return run;
    };
    const pageHosts = new Set(['buzzdaily.example', 'copycat.example']);

    beforeAll(async () => {
      server = await startServer();
      writeFileSync(
        join(dir, 'courier.html'),
        articlePage({
          site: ORIGINAL.publisher,
          title: ORIGINAL.title,
          text: ORIGINAL_PARAGRAPHS.join('\n'),
          canonical: ORIGINAL.url,
          published: '2026-05-12',
        }),
      );
      writeFileSync(join(dir, 'ledger.html'), independentPage());
      writeFileSync(
        join(dir, 'v1.jsonl'),
        `${JSON.stringify({ id: 'courier', file: 'courier.html', url: ORIGINAL.url })}\n`,
      );
      writeFileSync(
        join(dir, 'v2.jsonl'),
        [
          { id: 'courier', file: 'courier.html', url: ORIGINAL.url },
          {
            id: 'ledger',
            file: 'ledger.html',
            url: INDEPENDENT.url,
            publisher: 'Pell County Ledger',
            publishedAt: '2026-05-14',
          },
        ]
          .map((l) => JSON.stringify(l))
          .join('\n'),
      );
      cli('corpus', 'keygen', '--out', 'newsroom.key');
      cli('corpus', 'keygen', '--out', 'other.key');
      const publish = ['--name', 'Example News', '--publisher', 'Example News Ltd', '--expires', '12 hours'];
      cli('corpus', 'build', '--manifest', 'v1.jsonl', '--out', 'v1.pack', ...publish, '--sign', 'newsroom.key');
      await new Promise((r) => setTimeout(r, 1100)); // a later "created" second for the update
      cli('corpus', 'build', '--manifest', 'v2.jsonl', '--out', 'v2.pack', ...publish, '--sign', 'newsroom.key');
      cli(
        'corpus',
        'build',
        '--manifest',
        'v2.jsonl',
        '--out',
        'other.pack',
        ...publish,
        '--name',
        'Example News (new key)',
        '--sign',
        'other.key',
      );
      served = readFileSync(join(dir, 'v1.pack'));
      server.route(PACK, (req, res) => {
        const etag = `"${createHash('sha256').update(served).digest('hex').slice(0, 16)}"`;
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag });
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/octet-stream', etag, 'content-length': served.length });
        res.end(served);
      });
      server.page(COURIER_FARM, farmPage());
      server.page(
        LEDGER_COPY,
        articlePage({ site: 'Copycat', title: INDEPENDENT.title, text: INDEPENDENT_PARAGRAPHS.join('\n') }),
      );
      server.page(
        STITCHED,
        articlePage({
          site: 'Copycat',
          title: 'Floodwall roundup',
          text: STITCHED_TEXT,
        }),
      );
      ext = await launch(server.port, undefined, testBuildWithHosts(['https://packs.example/*']));
    }, 90_000);

    afterAll(async () => {
      await ext?.context.close();
      await server?.close();
    });

    test('no request at all before a subscription; subscribe, update, refuse a corrupt and a re-keyed update, unsubscribe', async () => {
      // Pages judged with no subscription: the extension asks nothing of any server.
      const before = await visit(ext, COURIER_FARM);
      expect(before.text).toBe('?');
      await before.page.close();
      expect(
        extensionRequests(server.requests, pageHosts).map(
          (r) => `${r.method} ${r.host}${r.path} ${JSON.stringify(r.headers)}`,
        ),
      ).toEqual([]);

      const options = await ext.context.newPage();
      await options.goto(`chrome-extension://${ext.id}/src/extension/options.html`);
      await options.getByLabel('Pack address').fill('http://packs.example/harlow/news.pack');
      await options.getByRole('button', { name: 'Subscribe' }).click();
      await expect
        .poll(() => options.locator('#subscribe-status').textContent())
        .toBe('Not subscribed: pack addresses must start with https://');

      await options.getByLabel('Pack address').fill(PACK);
      await options.getByRole('button', { name: 'Subscribe' }).click();
      await expect
        .poll(() => options.locator('#subscribe-status').textContent(), { timeout: 20_000 })
        .toBe('Subscribed to Example News: 1 references.');
      const entry = options.locator('#subscriptions li');
      await expect
        .poll(() => entry.textContent())
        .toMatch(
          /^Example News — Example News Ltd, 1 references, published 2026-05-12 to 2026-05-12; last update \d{4}-\d{2}-\d{2} \d\d:\d\d; signed \(key .{12}…\)/,
        );
      await options
        .locator('#subscriptions')
        .screenshot({ path: resolve('test/screenshots/options-subscription.png') });

      const copy = await visit(ext, COURIER_FARM);
      expect(copy.text).toBe('COPY');
      const report = await tabReport(ext, copy.tabId);
      expect(report?.status === 'judged' && report.provenance).toMatch(
        /^known from your subscription “Example News”, updated \d{4}-\d{2}-\d{2}$/,
      );
      await copy.page.close();

      // Nothing new on the server: a conditional request, answered 304.
      await options.getByRole('button', { name: 'Update Example News now' }).click();
      await expect
        .poll(() => options.locator('#subscribe-status').textContent())
        .toBe('Example News: not modified since the last download');
      expect(server.requests.filter((r) => r.host === 'packs.example').at(-1)?.headers['if-none-match']).toMatch(/^"/);

      // A new version: applied.
      served = readFileSync(join(dir, 'v2.pack'));
      await options.getByRole('button', { name: 'Update Example News now' }).click();
      await expect
        .poll(() => options.locator('#subscribe-status').textContent())
        .toBe('Example News: updated: 2 references');
      await expect.poll(() => entry.textContent()).toMatch(/2 references, published 2026-05-12 to 2026-05-14/);
      const ledger = await visit(ext, LEDGER_COPY);
      expect(ledger.text).toBe('COPY');
      expect(ledger.title).toMatch(/^Repost of: Pell County Ledger — /);
      await ledger.page.close();

      // A page stitched from both: a repost naming the one it holds most of, and the other beside it.
      const stitched = await visit(ext, STITCHED);
      expect(stitched.text).toBe('COPY');
      expect(stitched.title).toMatch(/^Repost of: Pell County Ledger — .* \(and 1 more known article\)$/);
      const popup = await ext.context.newPage();
      await popup.setViewportSize({ width: 360, height: 620 });
      await popup.goto(`chrome-extension://${ext.id}/src/extension/popup.html?tab=${stitched.tabId}`);
      await expect.poll(() => popup.locator('h1').getAttribute('data-verdict')).toBe('repost');
      const said = await popup.locator('main').innerText();
      expect(said).toMatch(
        /This page copies 2 known articles word for word: (\d+)% of its article text is theirs, (\d+)% from Pell County Ledger\./,
      );
      expect(said).toMatch(
        new RegExp(
          `Also copied from\\s+Publisher\\s+The Harlow Courier\\s+Title\\s+${ORIGINAL.title.replace(/\$/g, '\\$')}[\\s\\S]*Copied\\s+\\d+% of this page`,
          'i', // headings are shown in capitals
        ),
      );
      expect(await popup.locator(`a[href="${ORIGINAL.url}"]`).count()).toBe(1);
      // The evidence says what the page holds of all of them, and names the article its sentences are measured on.
      expect(said).toMatch(
        /Copied\s+\d+% of this page word for word from 2 known articles; \d+% from Pell County Ledger \(\d+% of it\)/,
      );
      expect(said).toMatch(/Sentences\s+\d+ of \d+ follow Pell County Ledger/);
      expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await popup.screenshot({ path: resolve('test/screenshots/popup-stitched.png'), fullPage: true });
      await popup.close();
      await stitched.page.close();

      // A corrupt download: refused, the copy in use kept, the error shown.
      const corrupt = Uint8Array.from(readFileSync(join(dir, 'v2.pack')));
      corrupt[200]! ^= 0xff;
      served = corrupt;
      await options.getByRole('button', { name: 'Update Example News now' }).click();
      await expect
        .poll(() => options.locator('#subscriptions li .error').textContent())
        .toMatch(
          /^Last error \(\d{4}-\d{2}-\d{2}\): corpus pack is damaged: its checksum does not match its contents$/,
        );
      await expect.poll(() => entry.textContent()).toMatch(/2 references/);

      // Signed by another key: refused, the copy in use kept.
      served = readFileSync(join(dir, 'other.pack'));
      await options.getByRole('button', { name: 'Update Example News now' }).click();
      await expect
        .poll(() => options.locator('#subscriptions li .error').textContent())
        .toMatch(/the update is signed by another key .* than the one pinned when you subscribed .*: refused$/);
      const still = await visit(ext, COURIER_FARM);
      expect(still.text).toBe('COPY');
      await still.page.close();

      // Every request the extension made went to the subscribed origin.
      const made = extensionRequests(server.requests, pageHosts);
      expect(made.length).toBeGreaterThanOrEqual(5);
      expect([...new Set(made.map((r) => `${r.method} ${r.host}${r.path}`))]).toEqual([
        `GET packs.example/harlow/news.pack`,
      ]);

      await options.getByRole('button', { name: 'Unsubscribe from Example News' }).click();
      await expect.poll(() => options.locator('#subscriptions li').count()).toBe(0);
      const gone = await visit(ext, COURIER_FARM);
      expect(gone.text).toBe('?');
      await gone.page.close();
      await options.close();
    });
  },
);

describe.skipIf(!enabled)('checking a link without opening it (Chromium test build)', { timeout: 120_000 }, () => {
  let ext: Extension;
  const LINKED = 'https://linked.example/trump-officials-split/';
  const PDF = 'https://linked.example/report.pdf';
  /** The same page saved by a site that still writes windows-1252, and says so only in its Content-Type. */
  const LEGACY = 'https://linked.example/legacy/trump-officials-split/';

  beforeAll(async () => {
    server = await startServer();
    const page = articlePage({
      site: 'Linked',
      title: 'Trump Officials Split',
      text: readFileSync(sharedPath('seeds', '002_b8be2ff6e6a970f7.txt'), 'utf8'),
    });
    server.page(LINKED, page);
    server.route(LEGACY, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' });
      res.end(windows1252(page.replace('<meta charset="utf-8">', '')));
    });
    server.route(PDF, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF-1.4');
    });
    ext = await launch(server.port, undefined, testBuildWithHosts(['https://linked.example/*']));
  }, 60_000);

  afterAll(async () => {
    await ext?.context.close();
    await server?.close();
  });

  test('the popup checks a link (as the context menu does): fetched, extracted offscreen, judged, kept as the last link', async () => {
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.id}/src/extension/popup.html?tab=-1`);
    await popup.getByLabel('Link', { exact: true }).fill(LINKED);
    await popup.getByRole('button', { name: 'Check', exact: true }).click();
    await expect
      .poll(() => popup.locator('#last-link .link-verdict').textContent(), { timeout: 20_000 })
      .toMatch(/^Repost: This page copies The New York Times word for word/);
    // The page was fetched by the extension, never opened in a tab.
    expect(ext.context.pages().some((p) => p.url() === LINKED)).toBe(false);
    expect(server.requests.filter((r) => r.host === 'linked.example').length).toBe(1);
    const verdict = await popup.locator('#last-link .link-verdict').textContent();

    // In windows-1252, its curly quotes and accents in bytes of their own: decoded by the browser's own decoder, the
    // same verdict, to the percent.
    await popup.getByLabel('Link', { exact: true }).fill(LEGACY);
    await popup.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => popup.locator('#last-link .link-url').textContent(), { timeout: 20_000 }).toBe(LEGACY);
    await expect.poll(() => popup.locator('#last-link .link-verdict').textContent(), { timeout: 20_000 }).toBe(verdict);

    await popup.getByLabel('Link', { exact: true }).fill(PDF);
    await popup.getByRole('button', { name: 'Check', exact: true }).click();
    await expect
      .poll(() => popup.locator('#last-link .link-verdict').textContent(), { timeout: 20_000 })
      .toBe('Not checked: not a web page (application/pdf)');

    // A popup opened later shows the last checked link.
    const again = await ext.context.newPage();
    await again.goto(`chrome-extension://${ext.id}/src/extension/popup.html?tab=-1`);
    await expect.poll(() => again.locator('#last-link .link-url').textContent()).toBe(PDF);
    await again.close();
    await popup.close();
  });
});
