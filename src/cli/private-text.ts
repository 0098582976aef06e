import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { CliError } from './cli-error';

/**
 * A journalist's private archive: `corpus build --keep-text` keeps each reference's article text in a file beside
 * the pack, PACK.text.jsonl ({"id","text"} a line, readable by its owner only), so that `check --report` can set the
 * source's sentences beside the page's. The text never goes into the pack itself: a pack that is imported,
 * published or subscribed to holds fingerprints and metadata only, and this file is not a pack (the extension and
 * `--corpus` refuse it).
 */
export function textPathOf(pack: string): string {
  return `${pack}.text.jsonl`;
}

export async function readPrivateText(pack: string): Promise<Map<string, string>> {
  const path = textPathOf(pack);
  const texts = new Map<string, string>();
  if (!existsSync(path)) return texts;
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
  for (const line of source.split('\n')) {
    if (!line.trim()) continue;
    try {
      const row = JSON.parse(line) as { id?: unknown; text?: unknown };
      if (typeof row.id === 'string' && typeof row.text === 'string') texts.set(row.id, row.text);
    } catch {
      // A damaged line loses that reference's text only: the report then shows the page's side alone.
    }
  }
  return texts;
}

export async function writePrivateText(pack: string, texts: ReadonlyMap<string, string>): Promise<void> {
  const lines = [...texts].map(([id, text]) => JSON.stringify({ id, text }));
  try {
    await writeFile(textPathOf(pack), lines.length ? `${lines.join('\n')}\n` : '', { mode: 0o600 });
  } catch (error) {
    throw new CliError(`cannot write ${textPathOf(pack)}: ${(error as Error).message}`);
  }
}
