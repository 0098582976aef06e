import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusIndex, decodePack, PackError } from '../core';
import { CliError } from './cli-error';
import { describeFsError } from './load-page';

/** The pack shipped in the repository (reference-corpus/), found from the built CLI in dist/cli/. */
function bundledPackPath(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'reference-corpus', 'corpus.pack.json');
}

export async function loadCorpus(path: string | undefined): Promise<{ index: CorpusIndex; path: string }> {
  const file = path ?? bundledPackPath();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read corpus pack ${file}: ${describeFsError(error)}`);
  }
  try {
    return { index: new CorpusIndex(decodePack(text).references), path: file };
  } catch (error) {
    if (error instanceof PackError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}
