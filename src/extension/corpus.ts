import { CorpusIndex, decodePack, PackError, type Reference } from '../core';
import bundledPack from '../../reference-corpus/corpus.pack.json?raw';
import browser from './browser';
import type { ImportedPackInfo } from './messages';

/**
 * The corpus the background holds: the bundled pack (compiled into the worker, parsed once) plus the packs the user
 * imported in the options page (kept in storage.local, so they survive a restart). The index is built once and
 * rebuilt only when a pack is imported or removed, never per page.
 */
interface StoredPack extends ImportedPackInfo {
  text: string;
}

const PACKS_KEY = 'packs';
let bundled: Reference[] | undefined;
let index: Promise<CorpusIndex> | undefined;

export function corpusIndex(): Promise<CorpusIndex> {
  index ??= build();
  return index;
}

async function build(): Promise<CorpusIndex> {
  bundled ??= decodePack(bundledPack).references;
  const references = [...bundled];
  const seen = new Set(references.map((r) => r.id));
  for (const pack of await storedPacks()) {
    try {
      for (const ref of decodePack(pack.text).references) {
        if (seen.has(ref.id)) continue;
        seen.add(ref.id);
        references.push(ref);
      }
    } catch {
      // A pack was validated when imported; one that no longer decodes (older format) is skipped, not fatal.
    }
  }
  return new CorpusIndex(references);
}

async function storedPacks(): Promise<StoredPack[]> {
  const stored = await browser.storage.local.get(PACKS_KEY);
  const packs = stored[PACKS_KEY];
  return Array.isArray(packs) ? (packs as StoredPack[]) : [];
}

export async function listPacks(): Promise<ImportedPackInfo[]> {
  return (await storedPacks()).map(({ text: _text, ...info }) => info);
}

/** Validates and stores a pack; throws PackError (with a message for the user) and changes nothing when it is bad. */
export async function importPack(name: string, text: string): Promise<ImportedPackInfo> {
  const { references } = decodePack(text);
  if (references.length === 0) throw new PackError('the pack holds no references');
  const packs = await storedPacks();
  const info: ImportedPackInfo = {
    id: `pack-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    name,
    references: references.length,
    bytes: text.length,
    importedAt: new Date().toISOString(),
  };
  await browser.storage.local.set({ [PACKS_KEY]: [...packs, { ...info, text }] });
  index = undefined;
  return info;
}

export async function removePack(id: string): Promise<void> {
  const packs = await storedPacks();
  await browser.storage.local.set({ [PACKS_KEY]: packs.filter((p) => p.id !== id) });
  index = undefined;
}
