import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * The extension's IndexedDB (through `idb`, named in this file only): the packs the reader imported, each kept as
 * its file's bytes with its candidate index beside it, so that a worker start opens them as typed-array views
 * instead of rebuilding anything, and with room for packs far beyond storage.local's quota (`unlimitedStorage`).
 */
export interface PackRecord {
  id: string;
  name: string;
  importedAt: string;
  references: number;
  /** The pack file, version 2 (a version-1 file is converted on import). */
  pack: Uint8Array;
  /** Its candidate index, as `encodeSegmentIndex` writes it. */
  index: Uint8Array;
}

interface FirsthandDb extends DBSchema {
  packs: { key: string; value: PackRecord };
}

let db: Promise<IDBPDatabase<FirsthandDb>> | undefined;

function open(): Promise<IDBPDatabase<FirsthandDb>> {
  db ??= openDB<FirsthandDb>('firsthand', 1, {
    upgrade(database) {
      database.createObjectStore('packs', { keyPath: 'id' });
    },
  });
  return db;
}

export async function allPacks(): Promise<PackRecord[]> {
  return (await open()).getAll('packs');
}

/** Stores a pack whole, in one transaction: it is there entirely or not at all. */
export async function putPack(record: PackRecord): Promise<void> {
  await (await open()).put('packs', record);
}

export async function deletePack(id: string): Promise<void> {
  await (await open()).delete('packs', id);
}
