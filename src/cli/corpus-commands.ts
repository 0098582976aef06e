import { checkPackInfo, EMPTY_PACK_INFO, PackError, type PackInfo, type Reference, type ReferenceStore } from '../core';
import { listFlag, parseArgs, stringFlag, type ParsedArgs } from './args';
import { CliError } from './cli-error';
import { buildCorpus, buildTime, KnownReferences, type BuildResult } from './corpus-build';
import { readPackFile, writeIndexFile, writePackBytes, writePackFile } from './corpus-file';
import { readSigningKey, signPack, writeSigningKey, type SigningKey } from './pack-signing';
import { fetcherOf, FETCH_FLAGS, sourceFlags, SOURCE_FLAGS } from './source-flags';

/** Flags that set what a pack says about itself, and the key that signs it (build and merge). */
const INFO_FLAGS = ['name', 'publisher', 'homepage', 'expires'] as const;
const PUBLISH_FLAGS = [...INFO_FLAGS, 'sign'];

function givenInfo(args: ParsedArgs): Partial<PackInfo> {
  const info: Partial<PackInfo> = {};
  for (const field of INFO_FLAGS) {
    const value = stringFlag(args, field);
    if (value !== undefined) info[field] = value;
  }
  try {
    checkPackInfo({ ...EMPTY_PACK_INFO, ...info });
  } catch (error) {
    if (error instanceof PackError) throw new CliError(error.message.replace('pack information: ', '--'), 2);
    throw error;
  }
  return info;
}

async function signingKey(args: ParsedArgs): Promise<SigningKey | undefined> {
  const path = stringFlag(args, 'sign');
  return path === undefined ? undefined : readSigningKey(path);
}

/** `firsthand corpus SUB …`: build, info, index, convert. Each returns the exit status. */
export async function corpus(
  argv: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'build': {
      const args = parseArgs(
        rest,
        [
          'manifest',
          'dir',
          'out',
          'strict',
          'update',
          'keep-text',
          'each-alone',
          ...PUBLISH_FLAGS,
          ...SOURCE_FLAGS,
          ...FETCH_FLAGS,
        ],
        ['strict', 'update', 'quiet', 'keep-text', 'each-alone'],
        ['manifest', 'dir', ...SOURCE_FLAGS],
      );
      const target = stringFlag(args, 'out');
      const manifests = listFlag(args, 'manifest');
      const dirs = listFlag(args, 'dir');
      const sources = sourceFlags(args);
      if (
        !target ||
        manifests.length + dirs.length + sources.urls.length + sources.feeds.length + sources.sitemaps.length === 0
      ) {
        throw new CliError(
          'corpus build needs --out PACK and at least one --manifest, --dir, --urls, --feed or --sitemap',
          2,
        );
      }
      noPositional(args.positional);
      const info = givenInfo(args);
      if (args.flags.has('keep-text') && args.flags.has('sign')) {
        throw new CliError('--keep-text is for a private archive, --sign for a pack to publish: not both', 2);
      }
      const key = await signingKey(args);
      const result = await buildCorpus(target, {
        manifests,
        dirs,
        strict: args.flags.has('strict'),
        update: args.flags.has('update'),
        info,
        ...(key ? { key } : {}),
        sources,
        fetcher: fetcherOf(args),
        quiet: args.flags.has('quiet'),
        keepText: args.flags.has('keep-text'),
        siteLines: !args.flags.has('each-alone'),
        warn: err,
      });
      err(`firsthand: wrote ${target}: ${summary(result)}`);
      return 0;
    }
    case 'merge': {
      const args = parseArgs(rest, ['out', ...PUBLISH_FLAGS], []);
      const target = stringFlag(args, 'out');
      if (!target || args.positional.length === 0)
        throw new CliError('usage: firsthand corpus merge --out PACK A B…', 2);
      const info = { ...EMPTY_PACK_INFO, ...givenInfo(args), created: buildTime() };
      const key = await signingKey(args);
      const known = new KnownReferences();
      const merged: Reference[] = [];
      let repeated = 0;
      for (const path of args.positional) {
        const { store } = await readPackFile(path);
        for (const ref of references(store)) {
          if (known.has(ref)) {
            repeated++;
            continue;
          }
          known.add(ref);
          merged.push(ref);
        }
      }
      const { bytes, count } = await writePackFile(target, merged, { info, ...(key ? { key } : {}) });
      err(
        `firsthand: wrote ${target}: ${count} references from ${args.positional.length} packs, ${bytes} bytes (${repeated} already in an earlier pack, left out)`,
      );
      return 0;
    }
    case 'info': {
      const args = parseArgs(rest, ['json'], ['json']);
      const path = onePath(args.positional, 'corpus info PACK');
      const pack = await readPackFile(path);
      const info = describe(pack.store);
      const summary = {
        path,
        format: `firsthand-corpus v${pack.version}`,
        bytes: pack.bytes,
        digest: pack.digest || null,
        ...info,
        pack: pack.info,
        signedBy: pack.signedBy,
      };
      if (args.flags.has('json')) {
        out(JSON.stringify(summary));
      } else {
        out(
          `${path}: ${summary.format}, ${info.references} references, ${pack.bytes} bytes (${Math.round(pack.bytes / Math.max(1, info.references))} a reference, ${Math.round((1000 * pack.bytes) / Math.max(1, info.words))} per 1,000 words)`,
        );
        out(`  published ${info.from ?? '?'} to ${info.to ?? '?'}${info.undated ? ` (${info.undated} undated)` : ''}`);
        out(`  publishers: ${info.publishers.map((p) => `${p.name || '(none)'} (${p.references})`).join(', ')}`);
        const about = pack.info;
        if (about.name || about.publisher) out(`  pack: ${about.name || '(no name)'} by ${about.publisher || '?'}`);
        if (about.created) out(`  made ${about.created}; refresh every ${about.expires || '1 day'}`);
        if (about.homepage) out(`  home page: ${about.homepage}`);
        out(pack.signedBy ? `  signed by key ${pack.signedBy} (signature verified)` : '  not signed');
      }
      return 0;
    }
    case 'keygen': {
      const args = parseArgs(rest, ['out'], []);
      const target = stringFlag(args, 'out');
      if (!target) throw new CliError('usage: firsthand corpus keygen --out KEY', 2);
      noPositional(args.positional);
      const pair = await writeSigningKey(target);
      err(`firsthand: wrote ${target} (private: keep it to yourself) and ${target}.pub`);
      out(`public key: ${pair.publicKey}`);
      return 0;
    }
    case 'sign': {
      const args = parseArgs(rest, ['key', 'out'], []);
      const path = onePath(args.positional, 'corpus sign --key KEY PACK [--out SIGNED]');
      const keyPath = stringFlag(args, 'key');
      if (!keyPath) throw new CliError('corpus sign needs --key KEY (make one with: firsthand corpus keygen)', 2);
      const key = await readSigningKey(keyPath);
      const pack = await readPackFile(path);
      if (pack.version !== 2)
        throw new CliError(
          `${path} is a version-1 pack: convert it first (firsthand corpus convert ${path} --out NEW)`,
        );
      const target = stringFlag(args, 'out') ?? path;
      await writePackBytes(target, signPack(pack.data, key));
      err(`firsthand: signed ${target} with key ${Buffer.from(key.publicKey).toString('base64')}`);
      return 0;
    }
    case 'index': {
      const path = onePath(parseArgs(rest, [], []).positional, 'corpus index PACK');
      const pack = await readPackFile(path);
      if (pack.version !== 2)
        throw new CliError(
          `${path} is a version-1 pack: convert it first (firsthand corpus convert ${path} --out NEW.pack)`,
        );
      const bytes = await writeIndexFile(pack);
      err(`firsthand: wrote ${path}.idx: the index of ${pack.store.count} references, ${bytes} bytes`);
      return 0;
    }
    case 'convert': {
      const args = parseArgs(rest, ['out'], []);
      const path = onePath(args.positional, 'corpus convert PACK --out NEW');
      const target = stringFlag(args, 'out');
      if (!target) throw new CliError('corpus convert needs --out NEW', 2);
      const pack = await readPackFile(path);
      const { bytes, count } = await writePackFile(target, references(pack.store), { info: pack.info });
      err(`firsthand: wrote ${target}: ${count} references, ${bytes} bytes (version 2, with its index beside it)`);
      return 0;
    }
    default:
      throw new CliError(
        `unknown command "corpus ${sub ?? ''}" (corpus build, merge, info, index, convert, keygen or sign)`,
        2,
      );
  }
}

function* references(store: ReferenceStore) {
  for (let i = 0; i < store.count; i++) yield store.reference(i);
}

/** "310 references written, 1,234,567 bytes (…), 1 skipped: refs/sd-2.html: not an article page …" */
function summary(result: BuildResult): string {
  const added = result.references - result.kept;
  const each = `${result.bytes} bytes (${Math.round(result.bytes / result.references)} bytes each)`;
  const update = result.kept
    ? ` (${result.kept} kept, ${added} new, ${result.alreadyThere} already there)`
    : result.alreadyThere
      ? ` (${result.alreadyThere} repeats left out)`
      : '';
  const more = result.skipped.length > 3 ? `; and ${result.skipped.length - 3} more` : '';
  const skips = result.skipped.length
    ? `, ${result.skipped.length} skipped: ${result.skipped.slice(0, 3).join('; ')}${more}`
    : '';
  return `${result.references} references written${update}, ${each}${skips}`;
}

function noPositional(positional: readonly string[]): void {
  if (positional.length) throw new CliError(`unexpected argument ${positional[0]}`, 2);
}

function onePath(positional: readonly string[], usage: string): string {
  if (positional.length !== 1) throw new CliError(`usage: firsthand ${usage}`, 2);
  return positional[0] as string;
}

/** Count, words, date range and publishers of a pack, read from its metadata. */
function describe(store: ReferenceStore) {
  const publishers = new Map<string, number>();
  let words = 0;
  let from: string | null = null;
  let to: string | null = null;
  let undated = 0;
  for (let i = 0; i < store.count; i++) {
    const meta = store.metaOf(i);
    words += store.words[i] as number;
    publishers.set(meta.publisher, (publishers.get(meta.publisher) ?? 0) + 1);
    const day = meta.publishedAt.slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      undated++;
      continue;
    }
    if (from === null || day < from) from = day;
    if (to === null || day > to) to = day;
  }
  return {
    references: store.count,
    words,
    from,
    to,
    undated,
    publishers: [...publishers].sort((a, b) => b[1] - a[1]).map(([name, references]) => ({ name, references })),
  };
}
