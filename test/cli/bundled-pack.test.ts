import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readPackInfo } from '../../src/core';
import { hasShared } from '../eval/data';
import { SPAWNS } from './timeouts';

describe.skipIf(!hasShared())('the bundled pack', SPAWNS, () => {
  test('is exactly what its manifest builds with this version of the engine', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'firsthand-bundled-')), 'corpus.pack');
    const committed = readFileSync('reference-corpus/corpus.pack');
    // Built at the committed pack's date (SOURCE_DATE_EPOCH), so that only the fingerprints can differ.
    const created = readPackInfo(committed).created;
    expect(created).not.toBe('');
    const result = spawnSync(
      process.execPath,
      [
        resolve('dist/cli/firsthand.js'),
        'corpus',
        'build',
        '--manifest',
        'reference-corpus/manifest.jsonl',
        '--out',
        out,
        '--name',
        'Firsthand bundled corpus',
        '--publisher',
        'Firsthand',
      ],
      { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: String(Date.parse(created) / 1000) } },
    );
    expect(result.stderr).toMatch(/wrote .*: 1 references/);
    expect(result.status).toBe(0);
    // A difference means a change to the engine moved a stored fingerprint: bump the pack version and run
    // `npm run corpus:build`.
    expect(readFileSync(out).equals(committed)).toBe(true);
  });
});
