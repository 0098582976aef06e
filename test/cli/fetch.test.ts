import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readPack } from '../../src/core';
import { Fetcher, retryAfterMs } from '../../src/cli/fetcher';
import { parseFeed, parseSitemap, readSitemap } from '../../src/cli/sources';
import {
  farmPage,
  INDEPENDENT,
  independentPage,
  ORIGINAL,
  ORIGINAL_PARAGRAPHS,
  publisherPage,
  sectionFrontPage,
  windows1252,
} from '../fixtures/story';
import { SPAWNS } from './timeouts';

/**
 * Fetching against a real local HTTP server (never the internet, never a mock): feeds of three kinds, a sitemap
 * index with a news sitemap, slow, failing, redirecting and rate-limited addresses, a robots.txt that disallows, a
 * 500-address batch, CSV read back, and the HTML report.
 */
const CLI = resolve('dist/cli/firsthand.js');
const dir = mkdtempSync(join(tmpdir(), 'firsthand-fetch-'));
type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes = new Map<string, Handler>();
const seen: Array<{ path: string; ua: string; at: number }> = [];
let server: Server;
let base: string;
let copies: string;

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { cwd: dir, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const html =
  (body: string): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  };
const xml =
  (body: string | Buffer, type = 'application/xml'): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  };

/** A distinct article page, n paragraphs of its own words (for the 500-address batch). */
function numberedPage(n: number): string {
  const words = [
    'harbor',
    'council',
    'budget',
    'river',
    'school',
    'market',
    'bridge',
    'station',
    'library',
    'festival',
  ];
  const paragraphs = Array.from({ length: 4 }, (_, p) => {
    const w = (k: number) => words[(n * 7 + p * 3 + k) % words.length];
    return `Officials in district ${n} said on Monday that the ${w(1)} plan number ${n * 10 + p} would go ahead after a long ${w(2)} debate, and that residents of ward ${p + 1} could expect the ${w(3)} to reopen by spring.`;
  });
  return `<!doctype html><html><head><title>Story ${n}</title></head><body><article><h1>Story ${n}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

beforeAll(async () => {
  routes.set('/robots.txt', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('User-agent: *\nDisallow: /private/\n\nUser-agent: SomeOtherBot\nDisallow: /\n');
  });
  routes.set('/courier', html(publisherPage()));
  routes.set('/farm', html(farmPage()));
  routes.set('/ledger', html(independentPage()));
  routes.set('/front', html(sectionFrontPage()));
  routes.set('/private/secret', html(publisherPage()));
  routes.set('/report.pdf', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/pdf' });
    res.end('%PDF-1.4');
  });
  routes.set('/slow', (_req, res) => {
    setTimeout(() => html(publisherPage())(_req, res), 3000);
  });
  routes.set('/broken', (_req, res) => {
    res.writeHead(500);
    res.end('oops');
  });
  let limited = 0;
  routes.set('/limited', (req, res) => {
    if (limited++ < 2) {
      res.writeHead(429, { 'retry-after': '1' });
      res.end('slow down');
      return;
    }
    html(farmPage())(req, res);
  });
  routes.set('/moved', (_req, res) => {
    res.writeHead(301, { location: '/farm' });
    res.end();
  });
  routes.set('/loop', (_req, res) => {
    res.writeHead(302, { location: '/loop' });
    res.end();
  });
  routes.set('/huge', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    const more = (): void => {
      while (sent < 30 && res.write(chunk)) sent++;
      if (sent >= 30) res.end();
      else res.once('drain', more);
    };
    more();
  });
  for (let n = 0; n < 500; n++) routes.set(`/batch/${n}`, html(numberedPage(n)));

  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    seen.push({ path, ua: String(req.headers['user-agent'] ?? ''), at: Date.now() });
    const route = routes.get(path);
    if (route) return route(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not here');
  });
  // Both stacks: the publisher's pages are on 127.0.0.1 and the copies on localhost, two sites to the engine.
  await new Promise<void>((done) => server.listen(0, done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  copies = `http://localhost:${(server.address() as AddressInfo).port}`;

  routes.set(
    '/feed.rss',
    xml(
      `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>The Harlow Courier</title>
<item><title>Floodwall &amp; vote</title><link>${base}/courier</link><pubDate>Tue, 12 May 2026 21:40:00 -0500</pubDate><dc:creator>Renata Solberg</dc:creator></item>
<item><title>Farmers fear the wall</title><link>${base}/ledger</link><pubDate>Thu, 14 May 2026 08:00:00 GMT</pubDate></item>
<item><title>No link here</title></item>
</channel></rss>`,
      'application/rss+xml',
    ),
  );
  routes.set(
    '/feed.atom',
    xml(
      `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Courier (Atom)</title>
<entry><title>Floodwall vote</title><link rel="alternate" href="${base}/courier"/><published>2026-05-12T21:40:00Z</published><author><name>Renata Solberg</name></author></entry>
<entry><title>Story seven</title><link href="/batch/7"/><updated>2026-05-13T10:00:00Z</updated></entry>
</feed>`,
      'application/atom+xml',
    ),
  );
  routes.set(
    '/feed.json',
    xml(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Courier (JSON)',
        items: [
          {
            id: '1',
            url: `${base}/courier`,
            title: 'Floodwall vote',
            date_published: '2026-05-12T21:40:00Z',
            authors: [{ name: 'R. Solberg' }],
          },
        ],
      }),
      'application/feed+json',
    ),
  );
  routes.set(
    '/sitemap_index.xml',
    xml(`<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>${base}/news-sitemap.xml</loc></sitemap><sitemap><loc>${base}/pages-sitemap.xml</loc></sitemap><sitemap><loc>${base}/missing-sitemap.xml</loc></sitemap>
</sitemapindex>`),
  );
  routes.set(
    '/news-sitemap.xml',
    xml(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>${base}/courier</loc><news:news><news:publication><news:name>The Harlow Courier</news:name><news:language>en</news:language></news:publication><news:publication_date>2026-05-12T21:40:00-05:00</news:publication_date><news:title>Harlow Council Approves Floodwall</news:title></news:news></url>
</urlset>`),
  );
  routes.set(
    '/pages-sitemap.xml',
    xml(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>${base}/ledger</loc><lastmod>2026-05-14</lastmod></url><url><loc>${base}/front</loc></url>
</urlset>`),
  );
  // Entity expansion is off: a "billion laughs" document is read as text, never expanded.
  routes.set(
    '/laughs.xml',
    xml(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/courier?x=&lol3;</loc></url></urlset>`),
  );
  writeFileSync(join(dir, 'batch.txt'), Array.from({ length: 500 }, (_, n) => `${base}/batch/${n}`).join('\n'));
  // The corpus the check tests use, built from saved files (no network), so that each test stands on its own.
  writeFileSync(join(dir, 'courier.html'), publisherPage());
  writeFileSync(join(dir, 'ledger.html'), independentPage());
  writeFileSync(
    join(dir, 'refs.jsonl'),
    [
      { id: 'courier', file: 'courier.html', url: `${base}/courier` },
      { id: 'ledger', file: 'ledger.html', url: `${base}/ledger` },
    ]
      .map((l) => JSON.stringify(l))
      .join('\n'),
  );
  const built = await run(['corpus', 'build', '--manifest', 'refs.jsonl', '--out', 'local.pack']);
  if (built.code !== 0) throw new Error(built.stderr);
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('the fetcher keeps to its manners (a real local server)', SPAWNS, () => {
  test('User-Agent names Firsthand; robots.txt is fetched once and respected', async () => {
    const fetcher = new Fetcher();
    await fetcher.get(`${base}/courier`, /html/);
    await expect(fetcher.get(`${base}/private/secret`, /html/)).rejects.toThrow(/disallowed by robots\.txt/);
    expect(seen.filter((s) => s.path === '/robots.txt').length).toBeGreaterThanOrEqual(1);
    expect(seen.find((s) => s.path === '/courier')?.ua).toMatch(/^Firsthand\/0\.1 /);
    expect(seen.some((s) => s.path === '/private/secret')).toBe(false);
  });

  test('429 with Retry-After is retried after the wait it asks; 5xx gives up after its retries', async () => {
    const fetcher = new Fetcher({ backoffBaseMs: 50 });
    const started = Date.now();
    const got = await fetcher.get(`${base}/limited`, /html/);
    expect(got.body.toString()).toContain('BuzzDaily');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900); // two waits of Retry-After: 1
    const tries = seen.filter((s) => s.path === '/limited');
    expect(tries).toHaveLength(3);
    await expect(fetcher.get(`${base}/broken`, /html/)).rejects.toThrow(/HTTP 500/);
    expect(seen.filter((s) => s.path === '/broken')).toHaveLength(4); // the first try and 3 retries
    expect(retryAfterMs('Wed, 02 Dec 2026 00:00:10 GMT', Date.parse('Wed, 02 Dec 2026 00:00:00 GMT'))).toBe(10_000);
  });

  test('timeouts, redirects (within a limit), non-HTML answers and oversized pages each get one reason', async () => {
    const fetcher = new Fetcher({ timeoutMs: 500, retries: 0, maxBytes: 5 * 1024 * 1024 });
    await expect(fetcher.get(`${base}/slow`, /html/)).rejects.toThrow(/no answer within 0\.5 s/);
    expect((await fetcher.get(`${base}/moved`, /html/)).url).toBe(`${base}/farm`);
    await expect(fetcher.get(`${base}/loop`, /html/)).rejects.toThrow(/more than 5 redirects/);
    await expect(fetcher.get(`${base}/report.pdf`, /html/, 'web page')).rejects.toThrow(
      /not a web page \(application\/pdf\)/,
    );
    await expect(fetcher.get(`${base}/huge`, /html/)).rejects.toThrow(/larger than the 5\.0 MB limit/);
  });

  test('at most 2 requests to one host at once', async () => {
    let open = 0;
    let most = 0;
    for (let n = 0; n < 8; n++) {
      routes.set(`/held/${n}`, (req, res) => {
        open++;
        most = Math.max(most, open);
        setTimeout(() => {
          open--;
          html(numberedPage(n))(req, res);
        }, 150);
      });
    }
    const fetcher = new Fetcher();
    await Promise.all(Array.from({ length: 8 }, (_, n) => fetcher.get(`${base}/held/${n}`, /html/)));
    expect(most).toBe(2);
  });
});

describe('feeds and sitemaps', SPAWNS, () => {
  test('RSS, Atom and JSON Feed give addresses with title, date, author and the feed title as publisher', () => {
    const rss = parseFeed(readRoute('/feed.rss'), 'feed.rss');
    expect(rss.slice(0, 2)).toEqual([
      {
        url: `${base}/courier`,
        title: 'Floodwall & vote',
        publishedAt: '2026-05-13T02:40:00Z',
        publisher: 'The Harlow Courier',
        author: 'Renata Solberg',
        where: 'feed.rss item 1',
      },
      expect.objectContaining({ url: `${base}/ledger`, publishedAt: '2026-05-14T08:00:00Z' }),
    ]);
    const atom = parseFeed(readRoute('/feed.atom'), 'feed.atom', `${base}/feed.atom`);
    expect(atom.map((a) => [a.url, a.publisher, a.author])).toEqual([
      [`${base}/courier`, 'Courier (Atom)', 'Renata Solberg'],
      [`${base}/batch/7`, 'Courier (Atom)', ''],
    ]);
    const json = parseFeed(readRoute('/feed.json'), 'feed.json');
    expect(json[0]).toMatchObject({ url: `${base}/courier`, publisher: 'Courier (JSON)', author: 'R. Solberg' });
    expect(() => parseFeed('<html><body>hi</body></html>', 'page.html')).toThrow(/not a feed/);
  });

  test('a sitemap index fans out (within its cap) to a news sitemap and a urlset; a missing child is one line', async () => {
    const warnings: string[] = [];
    const items = await readSitemap(`${base}/sitemap_index.xml`, new Fetcher(), (w) => warnings.push(w));
    expect(items.map((i) => [i.url, i.title, i.publisher, i.publishedAt])).toEqual([
      [`${base}/courier`, 'Harlow Council Approves Floodwall', 'The Harlow Courier', '2026-05-13T02:40:00Z'],
      [`${base}/ledger`, '', '', '2026-05-14T00:00:00Z'],
      [`${base}/front`, '', '', ''],
    ]);
    expect(warnings).toEqual([expect.stringMatching(/skipped sitemap cannot fetch .*missing-sitemap\.xml: HTTP 404/)]);
    const capped: string[] = [];
    await readSitemap(`${base}/sitemap_index.xml`, new Fetcher(), (w) => capped.push(w), {
      maxSitemaps: 1,
      maxUrls: 10,
    });
    expect(capped[0]).toMatch(/lists more sitemaps than the limit of 1/);
  });

  test('entities are never expanded (a billion-laughs sitemap is read as it is)', () => {
    const parsed = parseSitemap(readRoute('/laughs.xml'), 'laughs.xml');
    expect(parsed.kind === 'urlset' && parsed.items[0]?.url).toMatch(/courier\?x=&lol3;$/);
  });
});

function readRoute(path: string): string {
  let body = '';
  routes.get(path)?.(
    {} as IncomingMessage,
    {
      writeHead: () => undefined,
      end: (text: string) => {
        body = text;
      },
    } as unknown as ServerResponse,
  );
  return body;
}

describe('the CLI on feeds, sitemaps and lists of addresses', SPAWNS, () => {
  test('corpus build --feed: each item fetched, one skip line per bad item, a summary, metadata from the feed', async () => {
    const built = await run(['corpus', 'build', '--out', 'feed.pack', '--feed', `${base}/feed.rss`, '--quiet']);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toMatch(/skipped feed\.rss item 3|skipped .*item 3: no http\(s\) address/);
    expect(built.stderr).toMatch(/wrote feed\.pack: 2 references written/);
    const store = readPack(readFileSync(join(dir, 'feed.pack')));
    const metas = Array.from({ length: store.count }, (_, i) => store.metaOf(i));
    expect(metas.map((m) => [m.id, m.publisher])).toEqual([
      [`${base}/courier`, ORIGINAL.publisher],
      [`${base}/ledger`, 'Pell County Ledger'],
    ]);
    // The ledger page says no date: the feed's fills it in.
    expect(metas[1]?.publishedAt).toBe('2026-05-14T08:00:00Z');
    expect(metas[1]?.title).toBe(INDEPENDENT.title);
  });

  test('corpus build --sitemap and --update: the same input again adds nothing', async () => {
    const first = await run(['corpus', 'build', '--out', 'site.pack', '--sitemap', `${base}/sitemap_index.xml`]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/2 references written, .* 1 skipped: .*front: not an article page/);
    const bytes = readFileSync(join(dir, 'site.pack'));
    const update = [
      'corpus',
      'build',
      '--out',
      'site.pack',
      '--update',
      '--sitemap',
      `${base}/sitemap_index.xml`,
      '--feed',
      `${base}/feed.atom`,
    ];
    const again = await run(update);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/3 references written \(2 kept, 1 new, 3 already there\)/);
    const third = await run(update);
    expect(third.stderr).toMatch(/3 references written \(3 kept, 0 new, 4 already there\)/);
    expect(readFileSync(join(dir, 'site.pack')).length).toBeGreaterThan(bytes.length);
    const unchanged = readFileSync(join(dir, 'site.pack'));
    const fourth = await run(update);
    expect(fourth.code).toBe(0);
    expect(readFileSync(join(dir, 'site.pack')).equals(unchanged)).toBe(true); // idempotent, byte for byte
  });

  test('check --feed --csv and --urls: verdicts in input order, read back by a CSV parser; robots and errors are rows', async () => {
    writeFileSync(
      join(dir, 'mixed.txt'),
      [
        `${copies}/farm`,
        '# a comment',
        `${base}/private/secret`,
        `${base}/report.pdf`,
        'not an address',
        `${copies}/moved`,
      ].join('\n'),
    );
    const checked = await run([
      'check',
      '--corpus',
      'feed.pack',
      '--csv',
      '--urls',
      'mixed.txt',
      '--feed',
      `${base}/feed.atom`,
    ]);
    expect(checked.code).toBe(1);
    const rows = parse(checked.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.id, r.verdict || r.error])).toEqual([
      [`${copies}/farm`, 'repost'],
      [`${base}/private/secret`, expect.stringMatching(/disallowed by robots\.txt/)],
      [`${base}/report.pdf`, expect.stringMatching(/not a web page \(application\/pdf\)/)],
      [`${copies}/moved`, 'repost'],
      [`${base}/courier`, 'original'],
      [`${base}/batch/7`, 'original'],
    ]);
    expect(checked.stderr).toMatch(/skipped mixed\.txt line 5: not an http\(s\) address/);
    // Piped: no progress bar.
    expect(checked.stderr).not.toMatch(/\[[█░=-]+\]|\d+\/\d+ pages/);
  });

  test('a feed and its pages in windows-1252: read by the XML declaration and the server’s charset', async () => {
    // Typeset, with accents: what a legacy encoding writes in bytes of its own.
    const paragraphs = ORIGINAL_PARAGRAPHS.map((p) => p.replace(/"([^"]*)"/g, '“$1”').replace('Tejada', 'Tejéda'));
    const title = 'Harlow’s floodwall — “a promise kept”';
    // The page names no title and no site (the feed's fill them in) and declares UTF-8: the server's charset wins.
    const page = `<!doctype html><html><head><meta charset="utf-8"></head><body><article>${paragraphs
      .map((p) => `<p>${p}</p>`)
      .join('')}</article></body></html>`;
    routes.set('/legacy/story', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' });
      res.end(windows1252(page));
    });
    routes.set(
      '/legacy/feed.rss',
      xml(
        windows1252(`<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel>
<title>Le Courrier d’Harlow — édition du soir</title><item><title>${title}</title>
<link>${base}/legacy/story</link><pubDate>Tue, 12 May 2026 21:40:00 GMT</pubDate></item></channel></rss>`),
        'application/rss+xml',
      ),
    );
    const built = await run(['corpus', 'build', '--out', 'legacy.pack', '--feed', `${base}/legacy/feed.rss`]);
    expect(built.code, built.stderr).toBe(0);
    const meta = readPack(readFileSync(join(dir, 'legacy.pack'))).metaOf(0);
    expect([meta.title, meta.publisher]).toEqual([title, 'Le Courrier d’Harlow — édition du soir']);
    // Its UTF-8 copy, word for word, is found whole.
    writeFileSync(join(dir, 'legacy-copy.html'), farmPage(paragraphs));
    const checked = await run([
      'check',
      '--corpus',
      'legacy.pack',
      '--json',
      '--url',
      `${copies}/x`,
      'legacy-copy.html',
    ]);
    const verdict = JSON.parse(checked.stdout);
    expect([verdict.verdict, verdict.source?.title, verdict.copiedOfSource]).toEqual(['repost', title, 1]);
  });

  test('a 500-address batch: every page judged in order, within the limits (time printed)', async () => {
    const before = seen.length;
    const started = Date.now();
    const checked = await run(['check', '--corpus', 'local.pack', '--json', '--urls', 'batch.txt', '--quiet']);
    const seconds = (Date.now() - started) / 1000;
    console.log(`500-address batch: ${seconds.toFixed(1)} s (${((1000 * seconds) / 500).toFixed(0)} ms a page)`);
    expect(checked.code, checked.stderr).toBe(0);
    const lines = checked.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; verdict: string; match: string });
    expect(lines.map((l) => l.id)).toEqual(Array.from({ length: 500 }, (_, n) => `${base}/batch/${n}`));
    expect(lines.every((l) => l.verdict === 'original' && l.match === 'none')).toBe(true);
    expect(seen.slice(before).filter((s) => s.path.startsWith('/batch/'))).toHaveLength(500);
    writeFileSync(join(dir, '..', 'firsthand-500-batch-seconds.txt'), seconds.toFixed(1));
  }, 120_000);

  test('check --report writes one self-contained HTML page with the table and the marked passages', async () => {
    const checked = await run([
      'check',
      '--corpus',
      'feed.pack',
      '--report',
      'report.html',
      '--quiet',
      `${copies}/farm`,
      `${base}/front`,
      `${base}/courier`,
    ]);
    expect(checked.stderr).toMatch(/wrote report\.html \(3 pages\)/);
    const report = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(report).toMatch(/^<!doctype html>/);
    expect(report).not.toMatch(/<script|<link |src="http|@import/);
    expect(report).toMatch(/<td class="verdict v-repost">Repost<\/td>/);
    expect(report).toMatch(/<td class="verdict v-nothing">Not checked|<td class="verdict v-error">Not checked<\/td>/);
    expect(report).toMatch(/<mark class="copied"/);
    expect(report).toContain('The Harlow Courier');
  });
});
