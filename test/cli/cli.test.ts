import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readPack } from '../../src/core';
import { hasShared, sharedPath } from '../eval/data';
import { SPAWNS } from './timeouts';
import {
  farmPage,
  INDEPENDENT_PARAGRAPHS,
  independentPage,
  ORIGINAL,
  ORIGINAL_PARAGRAPHS,
  publisherPage,
  REWRITE_TEXT,
  sectionFrontPage,
  STITCHED_TEXT,
  windows1252,
  writeStoryFiles,
} from '../fixtures/story';

const CLI = resolve('dist/cli/firsthand.js');
const dir = mkdtempSync(join(tmpdir(), 'firsthand-cli-'));

function run(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, cwd: dir });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function expectCleanError(result: { code: number; stderr: string }, message: RegExp): void {
  expect(result.code).not.toBe(0);
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('build the CLI first: npm run build:cli');
  writeStoryFiles(dir);
  writeFileSync(
    join(dir, 'checks.jsonl'),
    [
      { id: 'own-site', file: 'courier.html' },
      { id: 'farm', file: 'farm.html', url: 'https://buzzdaily.example/harlow' },
      { id: 'rewrite', file: 'rewrite.txt', url: 'https://newsfeed.example/harlow' },
      { id: 'ledger', file: 'ledger.html' },
      { id: 'missing', file: 'nope.html' },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n'),
  );
  // The corpus every check below uses, built here so that each test stands on its own and runs in any order.
  const built = run(['corpus', 'build', '--manifest', 'refs.jsonl', '--out', 'pack.pack']);
  if (built.code !== 0) throw new Error(`corpus build failed: ${built.stderr}`);
});

describe('the CLI installs like a CLI', SPAWNS, () => {
  test('the built file is executable and runs by itself (its shebang), as npx, npm link and a global install run it', () => {
    expect(statSync(CLI).mode & 0o111).not.toBe(0);
    const direct = spawnSync(CLI, ['help'], { encoding: 'utf8' });
    expect(direct.status).toBe(0);
    expect(direct.stdout).toMatch(/^firsthand — where does this article come from\?/);
    const viaNpx = spawnSync('npx', ['--no-install', 'firsthand', 'help'], { encoding: 'utf8', cwd: resolve('.') });
    expect(viaNpx.status).toBe(0);
    expect(viaNpx.stdout).toMatch(/^firsthand — where does this article come from\?/);
  });
});

describe('firsthand corpus build', SPAWNS, () => {
  test('builds a pack, reading missing metadata from the page', () => {
    const result = run(['corpus', 'build', '--manifest', 'refs.jsonl', '--out', 'built.pack']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/1 references written, \d+ bytes/);
    const pack = readPack(readFileSync(join(dir, 'built.pack')));
    expect(existsSync(join(dir, 'built.pack.idx'))).toBe(true);
    expect(pack.metaOf(0)).toMatchObject({
      id: 'courier',
      url: ORIGINAL.url,
      publisher: ORIGINAL.publisher,
      title: ORIGINAL.title,
    });
    expect(pack.metaOf(0).publishedAt).toMatch(/^2026-05-12/);
  });

  test('a bad line never sinks the build: it is skipped with its reason, and the summary names it', () => {
    writeFileSync(
      join(dir, 'mixed.jsonl'),
      [
        '{"id":"a","file":"courier.html"}',
        '{"id":"b","file":"gone.html"}',
        'not json',
        '{"id":"a","file":"ledger.html"}',
        '{"id":"c","file":"front.html"}',
        '{"id":"d","file":"ledger.html","url":"javascript:alert(1)"}',
        '{"id":"e","file":"ledger.html"}',
      ].join('\n'),
    );
    const result = run(['corpus', 'build', '--manifest', 'mixed.jsonl', '--out', 'mixed.pack']);
    expect(result.code).toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines.slice(0, 5)).toEqual([
      expect.stringMatching(/^firsthand: skipped mixed\.jsonl line 2: cannot read .*gone\.html: no such file$/),
      'firsthand: skipped mixed.jsonl line 3: not a JSON object',
      'firsthand: skipped mixed.jsonl line 4: id "a" is used twice',
      expect.stringMatching(/^firsthand: skipped mixed\.jsonl line 5: .*front\.html: not an article page/),
      'firsthand: skipped mixed.jsonl line 6 (d): "url" must be an http(s) address',
    ]);
    expect(lines[5]).toMatch(
      /^firsthand: wrote mixed\.pack: 2 references written, \d+ bytes .*, 5 skipped: .*gone\.html.*; and 2 more$/,
    );
    expect(readPack(readFileSync(join(dir, 'mixed.pack'))).count).toBe(2);
  });

  test('--strict fails on any skip, and a build that fails leaves the old pack as it was', () => {
    const before = readFileSync(join(dir, 'pack.pack'));
    writeFileSync(join(dir, 'kept.pack'), before);
    writeFileSync(join(dir, 'bad.jsonl'), '{"id":"a","file":"courier.html"}\n{"id":"b","file":"gone.html"}\n');
    const strict = run(['corpus', 'build', '--strict', '--manifest', 'bad.jsonl', '--out', 'kept.pack']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/1 of 2 references could not be built; nothing written \(--strict\)/);
    writeFileSync(join(dir, 'bad2.jsonl'), 'not json\n');
    const none = run(['corpus', 'build', '--manifest', 'bad2.jsonl', '--out', 'kept.pack']);
    expect(none.code).toBe(1);
    expect(none.stderr.trim().split('\n')).toEqual([
      'firsthand: skipped bad2.jsonl line 1: not a JSON object',
      'firsthand: no reference could be built from bad2.jsonl (1 skipped); nothing written',
    ]);
    expect(readFileSync(join(dir, 'kept.pack')).equals(before)).toBe(true);
  });
});

describe('firsthand corpus build from folders, --update and merge', SPAWNS, () => {
  const site = (): string => {
    const root = mkdtempSync(join(tmpdir(), 'firsthand-site-'));
    mkdirSync(join(root, 'news', '2026'), { recursive: true });
    writeFileSync(join(root, 'news', '2026', 'courier.html'), publisherPage());
    writeFileSync(join(root, 'ledger.html'), independentPage());
    writeFileSync(join(root, 'front.html'), sectionFrontPage());
    writeFileSync(join(root, 'notes.md'), 'not a page');
    return root;
  };

  test('--dir reads saved pages recursively (ids are their paths), mixes with --manifest, skips what is not an article', () => {
    const root = site();
    writeFileSync(
      join(dir, 'rewrite-ref.jsonl'),
      `${JSON.stringify({ id: 'rw', file: 'rewrite.txt', url: 'https://newsfeed.example/harlow' })}\n`,
    );
    const result = run(['corpus', 'build', '--dir', root, '--manifest', 'rewrite-ref.jsonl', '--out', 'site.pack']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/skipped .*front\.html: not an article page/);
    expect(result.stderr).toMatch(/wrote site\.pack: 3 references written, \d+ bytes .*, 1 skipped: /);
    const pack = readPack(readFileSync(join(dir, 'site.pack')));
    expect(Array.from({ length: pack.count }, (_, i) => pack.metaOf(i).id).sort()).toEqual([
      'ledger.html',
      'news/2026/courier.html',
      'rw',
    ]);
    const courier = Array.from({ length: pack.count }, (_, i) => pack.metaOf(i)).find(
      (m) => m.id === 'news/2026/courier.html',
    );
    expect(courier).toMatchObject({ url: ORIGINAL.url, publisher: ORIGINAL.publisher, title: ORIGINAL.title }); // read from the page
  });

  test("--dir reads a saved text page's title and date from its headline and dateline", () => {
    const root = mkdtempSync(join(tmpdir(), 'firsthand-text-'));
    const saved = [
      'Home',
      'News',
      ORIGINAL.title,
      'PUBLISHED: 09: 14 GMT, 12 May 2026 | UPDATED: 11: 02 GMT, 13 May 2026',
    ];
    writeFileSync(join(root, 'floodwall.txt'), [...saved, ...ORIGINAL_PARAGRAPHS].join('\n'));
    expect(run(['corpus', 'build', '--dir', root, '--out', 'text.pack']).code).toBe(0);
    const pack = readPack(readFileSync(join(dir, 'text.pack')));
    expect(pack.metaOf(0)).toMatchObject({ id: 'floodwall.txt', title: ORIGINAL.title, publishedAt: '2026-05-12' });
  });

  test('--update keeps the pack and adds only new references; the same run again changes nothing', () => {
    const root = site();
    rmSync(join(root, 'ledger.html'));
    expect(run(['corpus', 'build', '--dir', root, '--out', 'grow.pack']).code).toBe(0);
    const first = readFileSync(join(dir, 'grow.pack'));
    expect(readPack(first).count).toBe(1);
    writeFileSync(join(root, 'ledger.html'), independentPage());
    // The Courier again under another name: same canonical address and fingerprint, not added twice.
    writeFileSync(join(root, 'copy-of-courier.html'), publisherPage());
    const grown = run(['corpus', 'build', '--update', '--dir', root, '--out', 'grow.pack']);
    expect(grown.stderr).toMatch(/wrote grow\.pack: 2 references written \(1 kept, 1 new, 2 already there\)/);
    const second = readFileSync(join(dir, 'grow.pack'));
    expect(readPack(second).count).toBe(2);
    expect(run(['corpus', 'build', '--update', '--dir', root, '--out', 'grow.pack']).code).toBe(0);
    expect(readFileSync(join(dir, 'grow.pack')).equals(second)).toBe(true);
  });

  test('merge makes one pack of several, each reference once', () => {
    const root = site();
    expect(run(['corpus', 'build', '--dir', root, '--out', 'a.pack']).code).toBe(0);
    const merged = run(['corpus', 'merge', '--out', 'merged.pack', 'a.pack', 'pack.pack']);
    expect(merged.code).toBe(0);
    // pack.pack holds the Courier too, at the same address: left out.
    expect(merged.stderr).toMatch(
      /wrote merged\.pack: 2 references from 2 packs, \d+ bytes \(1 already in an earlier pack, left out\)/,
    );
    expect(readPack(readFileSync(join(dir, 'merged.pack'))).count).toBe(2);
  });
});

describe('firsthand corpus info, index and convert', SPAWNS, () => {
  test('info names the count, format, size, date range and publishers; --json the same as an object', () => {
    const text = run(['corpus', 'info', 'pack.pack']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/pack\.pack: firsthand-corpus v2, 1 references, \d+ bytes/);
    expect(text.stdout).toMatch(/published 2026-05-12 to 2026-05-12/);
    expect(text.stdout).toMatch(/publishers: The Harlow Courier \(1\)/);
    const json = JSON.parse(run(['corpus', 'info', '--json', 'pack.pack']).stdout);
    expect(json).toMatchObject({ format: 'firsthand-corpus v2', references: 1, from: '2026-05-12', to: '2026-05-12' });
    expect(json.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  test('a version-1 pack still checks, says so in one line, and converts to version 2', () => {
    const refs = readPack(readFileSync(join(dir, 'pack.pack')));
    const ref = refs.reference(0);
    const be32 = Buffer.alloc(ref.shingles.length * 4);
    ref.shingles.forEach((h, i) => be32.writeUInt32BE(h, i * 4));
    const codes = ref.sentences.flatMap((s) => [...s, 0]);
    const be16 = Buffer.alloc(codes.length * 2);
    codes.forEach((c, i) => be16.writeUInt16BE(c, i * 2));
    const v1 = {
      format: 'firsthand-corpus',
      version: 1,
      shingleSize: 5,
      winnowWindow: 12,
      references: [
        {
          ...refs.metaOf(0),
          words: ref.words,
          simhash: ref.simhash.hi.toString(16).padStart(8, '0') + ref.simhash.lo.toString(16).padStart(8, '0'),
          shingles: be32.toString('base64'),
          content: be16.toString('base64'),
        },
      ],
    };
    writeFileSync(join(dir, 'old.json'), JSON.stringify(v1));
    const checked = run([
      'check',
      '--corpus',
      'old.json',
      '--json',
      '--url',
      'https://buzzdaily.example/x',
      'farm.html',
    ]);
    expect(JSON.parse(checked.stdout)).toMatchObject({ verdict: 'repost', source: { id: 'courier' } });
    expect(checked.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/old\.json is a version-1 pack; .*corpus convert/),
    ]);
    const converted = run(['corpus', 'convert', 'old.json', '--out', 'new.pack']);
    expect(converted.code).toBe(0);
    // The same references as the pack built from the page (that one also carries its build date, in INFO).
    const convertedPack = readPack(readFileSync(join(dir, 'new.pack')));
    expect(convertedPack.count).toBe(1);
    expect(convertedPack.reference(0)).toEqual(ref);
  });

  test('an index that is not the pack’s own is never used: the pack is indexed afresh', () => {
    writeFileSync(join(dir, 'refs2.jsonl'), `${JSON.stringify({ id: 'ledger', file: 'ledger.html' })}\n`);
    expect(run(['corpus', 'build', '--manifest', 'refs2.jsonl', '--out', 'other.pack']).code).toBe(0);
    writeFileSync(join(dir, 'swapped.pack'), readFileSync(join(dir, 'pack.pack')));
    writeFileSync(join(dir, 'swapped.pack.idx'), readFileSync(join(dir, 'other.pack.idx')));
    const result = run([
      'check',
      '--corpus',
      'swapped.pack',
      '--json',
      '--url',
      'https://buzzdaily.example/x',
      'farm.html',
    ]);
    expect(JSON.parse(result.stdout)).toMatchObject({ verdict: 'repost', source: { id: 'courier' } });
    expect(run(['corpus', 'index', 'swapped.pack']).stderr).toMatch(
      /wrote swapped\.pack\.idx: the index of 1 references/,
    );
    expect(readFileSync(join(dir, 'swapped.pack.idx')).equals(readFileSync(join(dir, 'pack.pack.idx')))).toBe(true);
  });

  test('a damaged pack is refused in one line', () => {
    const bytes = readFileSync(join(dir, 'pack.pack'));
    bytes[bytes.length - 5]! ^= 0xff;
    writeFileSync(join(dir, 'damaged.pack'), bytes);
    expectCleanError(
      run(['check', '--corpus', 'damaged.pack', 'farm.html']),
      /damaged\.pack: corpus pack is damaged: its checksum/,
    );
    expectCleanError(run(['corpus', 'info', 'damaged.pack']), /checksum does not match/);
  });
});

describe('firsthand check', SPAWNS, () => {
  test('--manifest --json: one object per input, in order, errors in their place', () => {
    const result = run(['check', '--corpus', 'pack.pack', '--manifest', 'checks.jsonl', '--json']);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.id, l.verdict])).toEqual([
      ['own-site', 'original'],
      ['farm', 'repost'],
      ['rewrite', 'rewrite'],
      ['ledger', 'original'],
      ['missing', null],
    ]);
    expect(lines[1].source).toMatchObject({ id: 'courier', publisher: ORIGINAL.publisher, url: ORIGINAL.url });
    expect(lines[1].copied).toBeGreaterThan(0.9);
    expect(lines[1].attributed).toBe(true); // the farm links to the Courier's home page ("Source link")
    expect(lines[2].attributed).toBe(false);
    expect(lines[2].aiStyle).toBeGreaterThanOrEqual(0.5);
    expect(lines[3].source).toBeNull();
    // What each "original" rests on: the page is the known article, or it matches nothing known.
    expect(lines.slice(0, 4).map((l) => l.match)).toEqual(['self', 'source', 'source', 'none']);
    expect(lines[4].error).toMatch(/no such file/);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/nope\.html: no such file/);
  });

  test('human-readable report names the verdict and the source', () => {
    const result = run(['check', '--corpus', 'pack.pack', '--url', 'https://buzzdaily.example/x', 'farm.html']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /REPOST — source: The Harlow Courier, "Harlow Council Approves \$48 Million Floodwall/,
    );
    expect(result.stdout).toMatch(/copied 9\d% of the page/);
  });

  test('human-readable report of a page matching nothing says "no known source", not "original"', () => {
    const result = run(['check', '--corpus', 'pack.pack', 'ledger.html']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ledger\.html: NO KNOWN SOURCE — matches nothing in the 1 reference searched$/m);
    expect(result.stdout).not.toMatch(/ORIGINAL/);
    const own = run(['check', '--corpus', 'pack.pack', 'courier.html']);
    expect(own.stdout).toMatch(/^courier\.html: ORIGINAL — source: The Harlow Courier/m);
  });

  test('a page printing passages of a known article with facts of its own names it, and is not called a copy', () => {
    // Another outlet's report that prints two of the Courier's paragraphs word for word (as two reports of one press
    // release do) and reports the rest itself.
    const page = [ORIGINAL_PARAGRAPHS[0], ...INDEPENDENT_PARAGRAPHS.slice(0, 3), ORIGINAL_PARAGRAPHS[4]].join('\n');
    writeFileSync(join(dir, 'shares-passages.txt'), page);
    const text = run([
      'check',
      '--corpus',
      'pack.pack',
      '--url',
      'https://rivervalley.example/a',
      'shares-passages.txt',
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^shares-passages\.txt: NO KNOWN SOURCE — shares passages with a known article, but is not judged a copy of it$/m,
    );
    expect(text.stdout).toContain(
      `  shares passages with: The Harlow Courier, "${ORIGINAL.title}" (2026-05-12)\n  ${ORIGINAL.url}\n`,
    );
    expect(text.stdout).toMatch(/^ {2}why: no known source: 33% of this page is word for word in The Harlow Courier/m);
    const json = run(['check', '--corpus', 'pack.pack', '--json', 'shares-passages.txt']);
    const verdict = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(verdict).toMatchObject({ verdict: 'original', match: 'none', source: null });
    // The JSON keeps its contract's keys: the reason names the article.
    expect(verdict).not.toHaveProperty('related');
    // The HTML report's table gives the reason where a source would stand.
    run(['check', '--corpus', 'pack.pack', '--quiet', '--report', 'shares.html', 'shares-passages.txt']);
    expect(readFileSync(join(dir, 'shares.html'), 'utf8')).toMatch(
      /<td>no known source: 33% of this page is word for word in The Harlow Courier, but it brings names/,
    );
  });

  test('a copy whose metadata dates it before the known article is not called its copy; a date in its text is not read so', () => {
    // The farm's copy of the Courier's story (2026-05-12), its metadata dating it eleven days earlier.
    const early = farmPage().replace(
      '</head>',
      '<meta property="article:published_time" content="2026-05-01T08:00:00Z"></head>',
    );
    writeFileSync(join(dir, 'early-copy.html'), early);
    const text = run(['check', '--corpus', 'pack.pack', '--url', 'https://buzzdaily.example/early', 'early-copy.html']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^early-copy\.html: NO KNOWN SOURCE — a known article published after this page tells its story$/m,
    );
    expect(text.stdout).toContain(`  published later: The Harlow Courier, "${ORIGINAL.title}" (2026-05-12)\n`);
    expect(text.stdout).toMatch(
      /^ {2}why: no known source: 9\d% of this page is word for word in The Harlow Courier, but it was published 11 days after this page/m,
    );
    const json = JSON.parse(run(['check', '--corpus', 'pack.pack', '--json', 'early-copy.html']).stdout) as object;
    expect(json).toMatchObject({ verdict: 'original', match: 'none', source: null });
    expect(json).not.toHaveProperty('relatedAs');
    // Saved as text with a date line, the same copy is a repost: a date line may be another story's.
    writeFileSync(join(dir, 'early-copy.txt'), ['Published May 1, 2026', ...ORIGINAL_PARAGRAPHS].join('\n'));
    const saved = run(['check', '--corpus', 'pack.pack', '--url', 'https://buzzdaily.example/early', 'early-copy.txt']);
    expect(saved.stdout).toMatch(/^early-copy\.txt: REPOST — source: The Harlow Courier/m);
  });

  test('a page stitched from two known articles lists both with their shares; the JSON keeps its keys', () => {
    writeFileSync(
      join(dir, 'two.jsonl'),
      [
        { id: 'courier', file: 'courier.html' },
        { id: 'ledger', file: 'ledger.html' },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    expect(run(['corpus', 'build', '--manifest', 'two.jsonl', '--out', 'two.pack']).code).toBe(0);
    writeFileSync(join(dir, 'stitched.txt'), STITCHED_TEXT);
    const args = ['check', '--corpus', 'two.pack', '--url', 'https://buzzdaily.example/wall', 'stitched.txt'];
    const text = run(args);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^stitched\.txt: REPOST — source: Pell County Ledger/m);
    const list =
      /^ {2}stitched from 2 known articles \((\d+)% of the page\):\n {4}(\d+)% from Pell County Ledger, "[^"]+" \S+\n {4}(\d+)% from The Harlow Courier, "[^"]+" https:\/\/www\.harlowcourier\.example\//m.exec(
        text.stdout,
      );
    expect(list).not.toBeNull();
    const [together, ledger, courier] = list!.slice(1).map(Number) as [number, number, number];
    expect(ledger).toBeLessThan(50);
    expect(courier).toBeLessThan(50);
    expect(together).toBeGreaterThanOrEqual(50);
    const json = JSON.parse(run([...args.slice(0, -1), '--json', 'stitched.txt']).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ verdict: 'repost', match: 'source' });
    expect(json.reason).toMatch(/copied word for word from 2 known articles: \d+% from Pell County Ledger, /);
    expect(json).not.toHaveProperty('stitched');

    // The HTML report names both articles, and with their texts at hand sets the page beside each of them.
    expect(run(['corpus', 'build', '--manifest', 'two.jsonl', '--out', 'two-private.pack', '--keep-text']).code).toBe(
      0,
    );
    const reported = ['--url', 'https://buzzdaily.example/wall', '--quiet', '--report', 'stitched.html'];
    expect(run(['check', '--corpus', 'two-private.pack', ...reported, 'stitched.txt']).code).toBe(0);
    const html = readFileSync(join(dir, 'stitched.html'), 'utf8');
    expect(html).toMatch(/<td>Pell County Ledger — “[^”]+” <span class="muted">and 1 more known article<\/span><\/td>/);
    const listed =
      /<dt>Stitched from<\/dt><dd><ul><li>(\d+)% of the page from Pell County Ledger, .*?<\/li><li>(\d+)% of the page from The Harlow Courier, .*?<\/li><\/ul><\/dd>/.exec(
        html,
      );
    expect(listed?.slice(1).map(Number)).toEqual([ledger, courier]);
    expect(html).toContain(`${together}% of the page word for word from 2 known articles`);
    const captions = [
      ...html.matchAll(/<caption>Sentences of the page beside (.+?)'s sentences they follow \((\d+)\)/g),
    ];
    expect(captions.map((c) => c[1])).toEqual(['Pell County Ledger', 'The Harlow Courier']);
    for (const caption of captions) expect(Number(caption[2])).toBeGreaterThanOrEqual(2);
  });

  test('many inputs, in order; --csv gives one row a page, the same values as --json', () => {
    const inputs = ['farm.html', 'rewrite.txt', 'ledger.html', 'nope.html'];
    const csv = run(['check', '--corpus', 'pack.pack', '--csv', ...inputs]);
    expect(csv.code).toBe(1); // nope.html cannot be read; the others are judged
    const rows = parse(csv.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'id',
      'verdict',
      'match',
      'source_id',
      'source_publisher',
      'source_title',
      'source_url',
      'source_published',
      'confidence',
      'copied',
      'copied_of_source',
      'attributed',
      'ai_style',
      'reason',
      'error',
    ]);
    const json = run(['check', '--corpus', 'pack.pack', '--json', ...inputs])
      .stdout.trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows.map((r) => r.id)).toEqual(inputs);
    rows.forEach((row, i) => {
      const v = json[i];
      expect(row.verdict).toBe(v.verdict ?? '');
      expect(row.match).toBe(v.match ?? '');
      expect(row.source_title).toBe(v.source?.title ?? '');
      expect(row.reason).toBe(v.reason ?? '');
      expect(row.error).toBe(v.error ?? '');
      if (v.verdict) expect(Number(row.copied)).toBe(v.copied);
    });
    expect(rows.map((r) => r.verdict)).toEqual(['repost', 'rewrite', 'original', '']);
    expect(rows[3]?.error).toMatch(/no such file/);
  });

  test('reads standard input', () => {
    const result = run(['check', '--corpus', 'pack.pack', '--json', '-'], REWRITE_TEXT);
    expect(JSON.parse(result.stdout).verdict).toBe('rewrite');
  });

  test.each([
    ['a missing file', ['check', 'nothing.html'], /cannot read nothing\.html: no such file/],
    ['a folder', ['check', '.'], /it is a folder/],
    ['an unknown option', ['check', '--fast', 'farm.html'], /unknown option --fast/],
    ['no input', ['check'], /check needs FILE, URL or -/],
    ['--json with --csv', ['check', '--json', '--csv', 'farm.html'], /give --json or --csv, not both/],
    [
      '--url with two files',
      ['check', '--url', 'https://x.example/', 'farm.html', 'ledger.html'],
      /--url says where one saved page lives/,
    ],
    [
      'an unreadable pack',
      ['check', '--corpus', 'none.json', 'farm.html'],
      /cannot read corpus pack .*none\.json: no such file/,
    ],
    ['an unknown command', ['frobnicate'], /unknown command "frobnicate"/],
  ])('%s: one clear line, no stack trace', (_, args, message) => {
    expectCleanError(run(args), message);
  });

  test('a malformed pack and pages that are not articles are refused clearly', () => {
    writeFileSync(join(dir, 'broken.json'), '{"format":"firsthand-corpus","version":7,"references":[]}');
    expectCleanError(run(['check', '--corpus', 'broken.json', 'farm.html']), /version 7 is not supported/);
    writeFileSync(join(dir, 'empty.html'), '');
    expectCleanError(run(['check', 'empty.html']), /empty\.html is empty/);
    writeFileSync(join(dir, 'blob.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    expectCleanError(run(['check', 'blob.bin']), /not a text or HTML page/);
    expectCleanError(run(['check', 'front.html']), /front\.html: not an article page/);
    expectCleanError(
      run(['check', '--sensitivity', 'paranoid', 'farm.html']),
      /--sensitivity must be one of strict, balanced, sensitive/,
    );
  });

  test('a huge page is refused before it is parsed', () => {
    writeFileSync(join(dir, 'huge.html'), `<html><body>${'<p>word </p>'.repeat(2_000_000)}</body></html>`);
    expectCleanError(run(['check', 'huge.html']), /huge\.html is 2\d\.\d MB; pages over 20 MB are not checked/);
  });

  test('a copy saved in windows-1252 (or UTF-16) gets the verdict and evidence its UTF-8 copy gets', () => {
    // Typeset as publishers print it, curly quotes and accents, which each encoding writes in its own bytes.
    const typeset = ORIGINAL_PARAGRAPHS.map((p) =>
      p
        .replace(/"([^"]*)"/g, '“$1”')
        .replace('Felix', 'Félix')
        .replace('Tejada', 'Tejéda'),
    );
    const utf8 = farmPage(typeset);
    writeFileSync(join(dir, 'typeset-utf8.html'), utf8);
    writeFileSync(
      join(dir, 'typeset-1252.html'),
      windows1252(utf8.replace('charset="utf-8"', 'charset="windows-1252"')),
    );
    writeFileSync(join(dir, 'typeset-utf16'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8, 'utf16le')]));
    const verdicts = ['typeset-utf8.html', 'typeset-1252.html', 'typeset-utf16'].map((file) => {
      const checked = run(['check', '--corpus', 'pack.pack', '--json', '--url', 'https://buzzdaily.example/t', file]);
      expect(checked.code, checked.stderr).toBe(0);
      const { id: _, ...verdict } = JSON.parse(checked.stdout);
      return verdict;
    });
    expect(verdicts[0].verdict).toBe('repost');
    expect(verdicts[1]).toEqual(verdicts[0]);
    expect(verdicts[2]).toEqual(verdicts[0]);
    // The text itself, as the report shows it.
    expect(run(['check', '--corpus', 'pack.pack', '--report', 'typeset.html', 'typeset-1252.html']).code).toBe(0);
    const report = readFileSync(join(dir, 'typeset.html'), 'utf8');
    expect(report).toContain('Councilman Félix Adeyemi');
    expect(report).toContain('Marisol Tejéda');
    expect(report).toContain('“For ten years we told Eastbank to wait,”');
  });
});

describe.skipIf(!hasShared())('the five seeds, through the CLI and the bundled corpus', SPAWNS, () => {
  test('each gets the verdict, source, credit and AI-style level cases.json names', () => {
    const cases = JSON.parse(readFileSync(sharedPath('seeds', 'cases.json'), 'utf8'));
    const manifest = cases.cases
      .map((c: { file: string; url: string }) =>
        JSON.stringify({ id: c.file, file: sharedPath('seeds', c.file), url: c.url }),
      )
      .join('\n');
    writeFileSync(join(dir, 'seeds.jsonl'), manifest);
    const result = run(['check', '--manifest', 'seeds.jsonl', '--json']);
    expect(result.code).toBe(0);
    const verdicts = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    for (const [i, c] of cases.cases.entries()) {
      const v = verdicts[i];
      expect({ file: c.file, verdict: v.verdict }).toEqual({ file: c.file, verdict: c.expect.verdict });
      if (c.expect.source === 'reference') expect(v.source.url).toBe(cases.reference.url);
      // The reason states the copied shares the verdict reports, rounded alike (seed 002 copies 99.5% of the source).
      if (v.verdict === 'repost')
        expect(v.reason).toContain(
          `${Math.round(v.copied * 100)}% of this page's article is copied word for word from The New York Times (${Math.round(v.copiedOfSource * 100)}% of the source)`,
        );
      if (c.expect.attributed !== undefined)
        expect({ file: c.file, attributed: v.attributed }).toEqual({ file: c.file, attributed: c.expect.attributed });
      if (c.expect.aiStyle)
        expect({ file: c.file, aiStyle: v.aiStyle >= 0.5 ? 'high' : 'low' }).toEqual({
          file: c.file,
          aiStyle: c.expect.aiStyle,
        });
    }
  });
});

describe('publishing a pack: information, keygen, sign', SPAWNS, () => {
  test('a pack built with --name, --publisher, --expires and --sign says so, and its signature is verified', () => {
    const key = join(dir, 'newsroom.key');
    const made = run(['corpus', 'keygen', '--out', key]);
    expect(made.code).toBe(0);
    const publicKey = made.stdout.match(/^public key: (\S+)$/m)?.[1];
    expect(publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(statSync(key).mode & 0o077).toBe(0);
    expect(readFileSync(`${key}.pub`, 'utf8').trim()).toBe(publicKey);
    expectCleanError(run(['corpus', 'keygen', '--out', key]), /exists: a signing key is never overwritten/);

    const built = run([
      'corpus',
      'build',
      '--manifest',
      'refs.jsonl',
      '--out',
      'published.pack',
      '--name',
      'Courier archive',
      '--publisher',
      'Harlow Courier',
      '--expires',
      '12 hours',
      '--sign',
      key,
    ]);
    expect(built.code, built.stderr).toBe(0);
    const info = JSON.parse(run(['corpus', 'info', '--json', 'published.pack']).stdout);
    expect(info.pack).toMatchObject({ name: 'Courier archive', publisher: 'Harlow Courier', expires: '12 hours' });
    expect(Date.parse(info.pack.created)).toBeGreaterThan(Date.parse('2026-01-01'));
    expect(info.signedBy).toBe(publicKey);
    expect(run(['corpus', 'info', 'published.pack']).stdout).toMatch(/signed by key \S+ \(signature verified\)/);

    // Checking with a signed pack works like any pack.
    const checked = JSON.parse(
      run(['check', '--corpus', 'published.pack', '--json', '--url', 'https://buzzdaily.example/x', 'farm.html'])
        .stdout,
    );
    expect(checked.verdict).toBe('repost');
  });

  test('corpus sign signs an existing pack; a pack altered after signing is refused with one line', () => {
    const key = join(dir, 'second.key');
    expect(run(['corpus', 'keygen', '--out', key]).code).toBe(0);
    expect(run(['corpus', 'build', '--manifest', 'refs.jsonl', '--out', 'tosign.pack']).code).toBe(0);
    expect(run(['corpus', 'info', 'tosign.pack']).stdout).toMatch(/not signed/);
    const signed = run(['corpus', 'sign', '--key', key, 'tosign.pack']);
    expect(signed.code, signed.stderr).toBe(0);
    const bytes = readFileSync(join(dir, 'tosign.pack'));
    expect(JSON.parse(run(['corpus', 'info', '--json', 'tosign.pack']).stdout).signedBy).toBe(
      readFileSync(`${key}.pub`, 'utf8').trim(),
    );
    // Flip a bit of the signature: the digest still matches the body, the signature does not.
    const forged = Uint8Array.from(bytes);
    forged[forged.length - 1]! ^= 1;
    writeFileSync(join(dir, 'forged.pack'), forged);
    expectCleanError(run(['corpus', 'info', 'forged.pack']), /its signature does not match its contents/);
    expectCleanError(
      run(['corpus', 'sign', '--key', join(dir, 'refs.jsonl'), 'tosign.pack']),
      /is not a private key \(make one with: firsthand corpus keygen/,
    );
    expectCleanError(
      run(['corpus', 'build', '--manifest', 'refs.jsonl', '--out', 'x.pack', '--expires', 'soon']),
      /"expires" must read like "12 hours" or "4 days"/,
    );
  });
});

describe('a batch leaves out the lines a site prints beside its stories', SPAWNS, () => {
  // Three pages of one farm, each a part of the Courier's story, in chrome no vocabulary of ours knows (German): a
  // ticker, an author line with a view count that changes from page to page, a channel prompt.
  const farmPart = (n: number, paragraphs: readonly string[]): string =>
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Seite ${n}</title></head><body><main><article><h1>Hochwasserschutz: ${['der Beschluss', 'die Gegner', 'die Anwohner'][n]}</h1>
<div>Beliebt: Bürgermeisterin eröffnet neue Brücke • Rekordernte im Umland</div>
<div>Maria Schulz – ${n + 3}. März 2025 – ${100 + n * 37} Aufrufe</div>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
<div>Folgen Sie uns auf Telegram für tägliche Nachrichten</div></article></main></body></html>`;
  const parts = [ORIGINAL_PARAGRAPHS.slice(0, 3), ORIGINAL_PARAGRAPHS.slice(3, 5), ORIGINAL_PARAGRAPHS.slice(5, 7)];
  const manifest = (name: string, host: (n: number) => string): string => {
    const lines = parts.map((part, n) => {
      writeFileSync(join(dir, `part-${n}.html`), farmPart(n, part));
      return JSON.stringify({ id: `part-${n}`, file: `part-${n}.html`, url: `https://${host(n)}/artikel-${n}` });
    });
    writeFileSync(join(dir, name), lines.join('\n'));
    return name;
  };
  const copied = (args: string[]): number[] =>
    run(['check', '--corpus', 'pack.pack', '--json', ...args])
      .stdout.trim()
      .split('\n')
      .map((line) => JSON.parse(line).copied);

  test("pages of one site: their shared chrome is not counted as the page's own words", () => {
    const batch = manifest('one-site.jsonl', () => 'nachrichten-heute.example');
    const together = copied(['--manifest', batch]);
    const alone = copied(['--manifest', batch, '--each-alone']);
    for (const share of together) expect(share).toBeGreaterThanOrEqual(0.99);
    for (const share of alone) expect(share).toBeLessThan(0.9);
    const text = run(['check', '--corpus', 'pack.pack', '--manifest', batch]);
    expect(text.stdout.match(/left out of the article: 3 lines this site prints beside other stories/g)).toHaveLength(
      3,
    );
    // The HTML report shows what was left out, page by page.
    expect(
      run(['check', '--corpus', 'pack.pack', '--quiet', '--manifest', batch, '--report', 'one-site.html']).code,
    ).toBe(0);
    const report = readFileSync(join(dir, 'one-site.html'), 'utf8');
    expect(report.match(/<dt>Left out<\/dt><dd>3 lines this site prints beside other stories/g)).toHaveLength(3);
    expect(report).toContain('<li>Folgen Sie uns auf Telegram für tägliche Nachrichten</li>');
    expect(report).toContain('<li>Maria Schulz – 4. März 2025 – 137 Aufrufe</li>');
  });

  test("corpus build: a site's references are made without its chrome", () => {
    // The three pages as a newsroom's own references; a copy of the first's article alone is then all of its source.
    const refs = manifest('one-site-refs.jsonl', () => 'nachrichten-heute.example');
    writeFileSync(join(dir, 'copy-of-part-0.txt'), (parts[0] as string[]).join('\n'));
    const ofSource = (extra: string[]): number => {
      const built = run(['corpus', 'build', '--manifest', refs, '--out', 'site.pack', ...extra]);
      expect(built.code).toBe(0);
      const judged = run([
        'check',
        '--corpus',
        'site.pack',
        '--json',
        '--url',
        'https://copier.example/a',
        'copy-of-part-0.txt',
      ]);
      const verdict = JSON.parse(judged.stdout);
      expect(verdict).toMatchObject({ verdict: 'repost', source: { id: 'part-0' } });
      return verdict.copiedOfSource;
    };
    expect(ofSource([])).toBeGreaterThanOrEqual(0.99);
    expect(ofSource(['--each-alone'])).toBeLessThan(0.9);
  });

  test('pages of three sites, or one page alone, are judged as they are', () => {
    const spread = manifest('three-sites.jsonl', (n) => `farm-${n}.example`);
    const together = copied(['--manifest', spread]);
    expect(together).toEqual(copied(['--manifest', spread, '--each-alone']));
    for (const share of together) expect(share).toBeLessThan(0.9);
    const one = run(['check', '--corpus', 'pack.pack', '--url', 'https://nachrichten-heute.example/a', 'part-0.html']);
    expect(one.stdout).not.toMatch(/left out of the article/);
  });
});

describe('short articles are judged', SPAWNS, () => {
  test.each([
    ['a one-paragraph snippet ending "Read the full story at…" (about 60 words)', 1],
    ['a three-paragraph excerpt', 3],
  ])('%s', (_, paragraphs) => {
    const file = `short-${paragraphs}.html`;
    writeFileSync(
      join(dir, file),
      farmPage([...ORIGINAL_PARAGRAPHS.slice(0, paragraphs), 'Read the full story at The Harlow Courier.']),
    );
    const checked = run(['check', '--corpus', 'pack.pack', '--json', '--url', 'https://buzzdaily.example/short', file]);
    expect(checked.code, checked.stderr).toBe(0);
    const verdict = JSON.parse(checked.stdout);
    expect(verdict).toMatchObject({ verdict: 'repost', source: { id: 'courier' }, attributed: true });
  });

  test('a section front of headlines is still not an article', () => {
    expectCleanError(run(['check', '--corpus', 'pack.pack', 'front.html']), /front\.html: not an article page/);
  });
});

describe('a private archive: --keep-text', SPAWNS, () => {
  test('the text goes to PACK.text.jsonl (owner only), never into the pack; it cannot be used as a pack or signed', () => {
    const built = run(['corpus', 'build', '--manifest', 'refs.jsonl', '--out', 'private.pack', '--keep-text']);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toMatch(
      /kept the text of 1 references in private\.pack\.text\.jsonl \(private: never publish it/,
    );
    const sidecar = join(dir, 'private.pack.text.jsonl');
    expect(statSync(sidecar).mode & 0o077).toBe(0);
    const sentence = ORIGINAL_PARAGRAPHS[0] as string;
    expect(JSON.parse(readFileSync(sidecar, 'utf8').trim()).text).toContain(sentence);
    // The pack itself: byte for byte free of the text (not even a few words of it).
    const pack = readFileSync(join(dir, 'private.pack')).toString('latin1');
    expect(pack).not.toContain('Kesterine River');
    expect(pack).not.toContain('floodwall along');
    expectCleanError(run(['check', '--corpus', 'private.pack.text.jsonl', 'farm.html']), /not a corpus pack/);
    expectCleanError(
      run(['corpus', 'build', '--manifest', 'refs.jsonl', '--out', 'x.pack', '--keep-text', '--sign', 'k']),
      /--keep-text is for a private archive, --sign for a pack to publish: not both/,
    );
  });
});
