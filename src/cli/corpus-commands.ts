import type { ReferenceStore } from '../core';
import { parseArgs, stringFlag } from './args';
import { CliError } from './cli-error';
import { buildCorpus } from './corpus-build';
import { readPackFile, writeIndexFile, writePackFile } from './corpus-file';

/** `firsthand corpus SUB …`: build, info, index, convert. Each returns the exit status. */
export async function corpus(
  argv: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'build': {
      const args = parseArgs(rest, ['manifest', 'out', 'strict'], ['strict']);
      const manifest = stringFlag(args, 'manifest');
      const target = stringFlag(args, 'out');
      if (!manifest || !target) throw new CliError('corpus build needs --manifest REFS.jsonl and --out PACK', 2);
      noPositional(args.positional);
      const { references, bytes, skipped } = await buildCorpus(manifest, target, {
        strict: args.flags.has('strict'),
        warn: err,
      });
      const each = `${bytes} bytes (${Math.round(bytes / references)} bytes each)`;
      const more = skipped.length > 3 ? `; and ${skipped.length - 3} more` : '';
      const skips = skipped.length ? `, ${skipped.length} skipped: ${skipped.slice(0, 3).join('; ')}${more}` : '';
      err(`firsthand: wrote ${target}: ${references} references written, ${each}${skips}`);
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
      };
      if (args.flags.has('json')) {
        out(JSON.stringify(summary));
      } else {
        out(
          `${path}: ${summary.format}, ${info.references} references, ${pack.bytes} bytes (${Math.round(pack.bytes / Math.max(1, info.references))} a reference, ${Math.round((1000 * pack.bytes) / Math.max(1, info.words))} per 1,000 words)`,
        );
        out(`  published ${info.from ?? '?'} to ${info.to ?? '?'}${info.undated ? ` (${info.undated} undated)` : ''}`);
        out(`  publishers: ${info.publishers.map((p) => `${p.name || '(none)'} (${p.references})`).join(', ')}`);
      }
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
      const { bytes, count } = await writePackFile(target, references(pack.store));
      err(`firsthand: wrote ${target}: ${count} references, ${bytes} bytes (version 2, with its index beside it)`);
      return 0;
    }
    default:
      throw new CliError(`unknown command "corpus ${sub ?? ''}" (corpus build, info, index or convert)`, 2);
  }
}

function* references(store: ReferenceStore) {
  for (let i = 0; i < store.count; i++) yield store.reference(i);
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
