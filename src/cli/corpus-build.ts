import { dirname, resolve } from 'node:path';
import { checkReferenceMeta, fingerprintText, PackError, type Reference, type ReferenceMeta } from '../core';
import { CliError } from './cli-error';
import { writePackFile } from './corpus-file';
import { field, readJsonLines } from './jsonl';
import { loadPage, type LoadedPage } from './load-page';

/**
 * `firsthand corpus build`: one reference per manifest line ({"id","file","url","publisher","title","publishedAt"},
 * paths relative to the manifest). Metadata the line leaves out is read from the page. A line that cannot become a
 * reference (a missing file, a page that is not an article, a bad field, a repeated id) is skipped with one line on
 * stderr and the build goes on; with `strict`, any skip fails the build instead. The pack is written to a temporary
 * file and renamed, so a failed build leaves an existing pack untouched; its index is written beside it.
 */
export async function buildCorpus(
  manifest: string,
  out: string,
  options: { strict?: boolean; warn?: (line: string) => void } = {},
): Promise<{ references: number; bytes: number; skipped: string[] }> {
  const warn = options.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  const rows = await readJsonLines(manifest);
  if (rows.length === 0) throw new CliError(`${manifest} lists no references`);
  const base = dirname(resolve(manifest));
  const seen = new Set<string>();
  const references: Reference[] = [];
  const skipped: string[] = [];
  for (const row of rows) {
    try {
      if ('error' in row) throw new CliError(row.error);
      const id = field(row, 'id', manifest, true);
      if (seen.has(id)) throw new CliError(`${manifest} line ${row.line}: id ${JSON.stringify(id)} is used twice`);
      const file = field(row, 'file', manifest, true);
      const url = field(row, 'url', manifest, false);
      let page;
      try {
        page = await loadPage(resolve(base, file), url || undefined);
      } catch (error) {
        if (error instanceof CliError) throw new CliError(`${manifest} line ${row.line}: ${error.message}`);
        throw error;
      }
      const ref = referenceFromPage(page, {
        id,
        url,
        publisher: field(row, 'publisher', manifest, false),
        title: field(row, 'title', manifest, false),
        publishedAt: field(row, 'publishedAt', manifest, false),
      });
      try {
        checkReferenceMeta(ref, `${manifest} line ${row.line}`);
      } catch (error) {
        if (error instanceof PackError) throw new CliError(error.message);
        throw error;
      }
      seen.add(id);
      references.push(ref);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      skipped.push(error.message);
      warn(`firsthand: skipped ${error.message}`);
    }
  }
  if (options.strict && skipped.length > 0) {
    throw new CliError(`${skipped.length} of ${rows.length} references could not be built; nothing written (--strict)`);
  }
  if (references.length === 0) {
    throw new CliError(`no reference could be built from ${manifest} (${skipped.length} skipped); nothing written`);
  }
  const { bytes } = await writePackFile(out, references);
  return { references: references.length, bytes, skipped };
}

/** A reference from a loaded page: metadata given in the manifest wins over what the page says of itself. */
export function referenceFromPage(page: LoadedPage, given: ReferenceMeta): Reference {
  const url = given.url || page.url;
  return {
    id: given.id,
    url,
    publisher: given.publisher || page.siteName || hostOf(url),
    title: given.title || page.title,
    publishedAt: given.publishedAt || page.publishedTime,
    ...fingerprintText(page.text),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
