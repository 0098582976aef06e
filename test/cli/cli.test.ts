import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { hasShared, sharedPath } from '../eval/data';
import { farmPage, independentPage, ORIGINAL, publisherPage, REWRITE_TEXT, sectionFrontPage } from '../fixtures/story';

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
  writeFileSync(join(dir, 'courier.html'), publisherPage());
  writeFileSync(join(dir, 'farm.html'), farmPage());
  writeFileSync(join(dir, 'rewrite.txt'), REWRITE_TEXT);
  writeFileSync(join(dir, 'ledger.html'), independentPage());
  writeFileSync(join(dir, 'front.html'), sectionFrontPage());
  writeFileSync(join(dir, 'refs.jsonl'), `${JSON.stringify({ id: 'courier', file: 'courier.html' })}\n`);
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
  const built = run(['corpus', 'build', '--manifest', 'refs.jsonl', '--out', 'pack.json']);
  if (built.code !== 0) throw new Error(`corpus build failed: ${built.stderr}`);
});

describe('firsthand corpus build', () => {
  test('builds a pack, reading missing metadata from the page', () => {
    const result = run(['corpus', 'build', '--manifest', 'refs.jsonl', '--out', 'built.json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/1 references, \d+ bytes/);
    const pack = JSON.parse(readFileSync(join(dir, 'built.json'), 'utf8'));
    expect(pack.references[0]).toMatchObject({
      id: 'courier',
      url: ORIGINAL.url,
      publisher: ORIGINAL.publisher,
      title: ORIGINAL.title,
    });
    expect(pack.references[0].publishedAt).toMatch(/^2026-05-12/);
  });

  test('a bad manifest line is named and the old pack is left as it was', () => {
    const before = readFileSync(join(dir, 'pack.json'), 'utf8');
    writeFileSync(join(dir, 'kept.json'), before);
    writeFileSync(join(dir, 'bad.jsonl'), '{"id":"a","file":"courier.html"}\n{"id":"b","file":"gone.html"}\n');
    expectCleanError(
      run(['corpus', 'build', '--manifest', 'bad.jsonl', '--out', 'kept.json']),
      /bad\.jsonl line 2: cannot read .*gone\.html: no such file/,
    );
    writeFileSync(join(dir, 'bad2.jsonl'), 'not json\n');
    expectCleanError(
      run(['corpus', 'build', '--manifest', 'bad2.jsonl', '--out', 'kept.json']),
      /line 1: not a JSON object/,
    );
    expect(readFileSync(join(dir, 'kept.json'), 'utf8')).toBe(before);
  });
});

describe('firsthand check', () => {
  test('--manifest --json: one object per input, in order, errors in their place', () => {
    const result = run(['check', '--corpus', 'pack.json', '--manifest', 'checks.jsonl', '--json']);
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
    expect(lines[4].error).toMatch(/no such file/);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/nope\.html: no such file/);
  });

  test('human-readable report names the verdict and the source', () => {
    const result = run(['check', '--corpus', 'pack.json', '--url', 'https://buzzdaily.example/x', 'farm.html']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /REPOST — source: The Harlow Courier, "Harlow Council Approves \$48 Million Floodwall/,
    );
    expect(result.stdout).toMatch(/copied 9\d% of the page/);
  });

  test('reads standard input', () => {
    const result = run(['check', '--corpus', 'pack.json', '--json', '-'], REWRITE_TEXT);
    expect(JSON.parse(result.stdout).verdict).toBe('rewrite');
  });

  test.each([
    ['a missing file', ['check', 'nothing.html'], /cannot read nothing\.html: no such file/],
    ['a folder', ['check', '.'], /it is a folder/],
    ['an unknown option', ['check', '--fast', 'farm.html'], /unknown option --fast/],
    ['no input', ['check'], /check needs one FILE/],
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
});

describe.skipIf(!hasShared())('the five seeds, through the CLI and the bundled corpus', () => {
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
