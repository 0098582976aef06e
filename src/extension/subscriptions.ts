import {
  encodeBase64,
  expiresSeconds,
  PackError,
  packDigest,
  readPackInfo,
  verifyPackSignature,
  type PackInfo,
  type ReferenceStore,
} from '../core';
import browser from './browser';
import { checkedPack, webVerify } from './corpus';
import { readCapped } from '../extract/read-capped';
import { originPattern } from './link-check';
import {
  allSubscriptions,
  deleteSubscription,
  getSubscription,
  putSubscription,
  putSubscriptionWithPack,
  type PackRecord,
  type SubscriptionRecord,
} from './pack-store';

/**
 * Subscriptions to fingerprint packs, the way uBlock Origin subscribes to filter lists: a pack address (https only)
 * whose origin the reader grants at that moment (optional host permission), downloaded, checked whole (digest,
 * every entry, signature) and kept in IndexedDB; looked at again when the pack's `expires` says (randomised), with
 * ETag / If-Modified-Since. An update replaces the copy in one transaction, or not at all: a failed, corrupt,
 * oversized, older or wrongly signed download keeps the copy in use and is recorded as the last error. These
 * downloads are the only requests the extension makes.
 */
export const MAX_PACK_BYTES = 256 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 120_000;
/** After a failed check, look again in an hour. */
const RETRY_MS = 60 * 60 * 1000;

export class SubscriptionError extends Error {
  override name = 'SubscriptionError';
}

/** The pack address as typed, checked: an https address (no credentials in it). */
export function packAddress(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new SubscriptionError('that is not an address (it should look like https://news.example/firsthand.pack)');
  }
  if (url.protocol !== 'https:') throw new SubscriptionError('pack addresses must start with https://');
  if (url.username || url.password) throw new SubscriptionError('a pack address may not hold a user name or password');
  url.hash = '';
  return url;
}

type Downloaded = { status: 'not-modified' } | { status: 'ok'; bytes: Uint8Array; etag: string; lastModified: string };

async function download(url: string, validators?: { etag: string; lastModified: string }): Promise<Downloaded> {
  const headers: Record<string, string> = {};
  if (validators?.etag) headers['If-None-Match'] = validators.etag;
  if (validators?.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), DOWNLOAD_TIMEOUT_MS);
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        headers,
        cache: 'no-store',
        credentials: 'omit',
        redirect: 'follow',
        signal: controller.signal,
      });
    } catch (error) {
      throw new SubscriptionError(
        controller.signal.aborted
          ? `the download took longer than ${DOWNLOAD_TIMEOUT_MS / 1000} s`
          : `the pack could not be downloaded (${(error as Error).message || 'network error'})`,
      );
    }
    if (new URL(response.url || url).origin !== new URL(url).origin) {
      throw new SubscriptionError(`the address redirected to another site (${new URL(response.url).origin})`);
    }
    if (response.status === 304) return { status: 'not-modified' };
    if (!response.ok)
      throw new SubscriptionError(`the server answered ${response.status} ${response.statusText}`.trim());
    const declared = Number(response.headers.get('content-length'));
    if (declared > MAX_PACK_BYTES) throw tooLarge();
    const bytes = await readCapped(response, MAX_PACK_BYTES, tooLarge);
    return {
      status: 'ok',
      bytes,
      etag: response.headers.get('etag') ?? '',
      lastModified: response.headers.get('last-modified') ?? '',
    };
  } finally {
    clearTimeout(timer);
  }
}

function tooLarge(): SubscriptionError {
  return new SubscriptionError(`the pack is larger than ${MAX_PACK_BYTES / 1024 / 1024} MB`);
}

interface Verified {
  pack: Uint8Array;
  store: ReferenceStore;
  index: Uint8Array;
  info: PackInfo;
  key: string | null;
}

/** A downloaded pack checked whole: digest, every entry, information, signature. Throws PackError. */
async function verify(bytes: Uint8Array): Promise<Verified> {
  const { pack, store, index } = await checkedPack(bytes);
  const info = readPackInfo(pack);
  const key = await verifyPackSignature(pack, webVerify);
  return { pack, store, index, info, key: key ? encodeBase64(key) : null };
}

function dateRange(store: ReferenceStore): { from: string; to: string } {
  let from = '';
  let to = '';
  for (let i = 0; i < store.count; i++) {
    const day = store.metaOf(i).publishedAt.slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) continue;
    if (!from || day < from) from = day;
    if (!to || day > to) to = day;
  }
  return { from, to };
}

function nextCheck(info: PackInfo, now: number): number {
  const seconds = expiresSeconds(info.expires) ?? 24 * 3600;
  return now + seconds * 1000 * (0.8 + 0.4 * Math.random());
}

function describeFailure(error: unknown): string {
  if (error instanceof SubscriptionError || error instanceof PackError) return error.message;
  return `unexpected failure (${(error as Error)?.message ?? String(error)})`;
}

/** What a subscription records of the copy in use: the pack's information and size, its validators, the dates. */
function copyFields(
  verified: Verified,
  downloaded: { etag: string; lastModified: string },
  now: number,
): Omit<SubscriptionRecord, 'id' | 'url' | 'origin' | 'subscribedAt' | 'pinnedKey'> {
  return {
    info: verified.info,
    references: verified.store.count,
    bytes: verified.pack.length,
    ...dateRange(verified.store),
    digest: packDigest(verified.pack),
    etag: downloaded.etag,
    lastModified: downloaded.lastModified,
    lastSuccess: new Date(now).toISOString(),
    lastError: null,
    nextCheck: nextCheck(verified.info, now),
  };
}

/** The pack as stored for a subscription (named by the pack, else by its host). */
function packRecordOf(id: string, verified: Verified, host: string, now: string): PackRecord {
  return {
    id,
    kind: 'subscription',
    name: verified.info.name || host,
    importedAt: now,
    references: verified.store.count,
    pack: verified.pack,
    index: verified.index,
  };
}

/**
 * Subscribes to a pack: downloads it, checks it whole and stores it with its key pinned. Needs the host permission
 * for the address's origin already granted (the options page asks for it on the reader's click). Throws with a
 * message for the reader, and stores nothing, when anything is wrong.
 */
export async function subscribe(address: string): Promise<SubscriptionRecord> {
  const url = packAddress(address);
  const existing = (await allSubscriptions()).find((s) => s.url === url.href);
  if (existing) throw new SubscriptionError(`already subscribed to ${url.href}`);
  let downloaded: Downloaded;
  let verified: Verified;
  try {
    downloaded = await download(url.href);
    if (downloaded.status !== 'ok') throw new SubscriptionError('the server answered 304 to a first download');
    verified = await verify(downloaded.bytes);
  } catch (error) {
    throw new SubscriptionError(`Not subscribed: ${describeFailure(error)}`);
  }
  const now = Date.now();
  const id = `sub-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const record: SubscriptionRecord = {
    id,
    url: url.href,
    origin: url.origin,
    subscribedAt: new Date(now).toISOString(),
    pinnedKey: verified.key,
    ...copyFields(verified, downloaded, now),
  };
  await putSubscriptionWithPack(record, packRecordOf(id, verified, url.hostname, record.lastSuccess));
  return record;
}

export type RefreshOutcome = { outcome: 'updated' | 'unchanged' | 'failed'; message: string };

/**
 * Looks for a new copy of one subscription's pack. A new copy replaces the old in one transaction only when it is
 * whole and checked, no older than the copy in use, and signed by the pinned key (an unsigned subscription pins the
 * first key that signs an update). Anything else keeps the copy in use and is recorded as the last error.
 */
export async function refresh(id: string): Promise<RefreshOutcome> {
  const subscription = await getSubscription(id);
  if (!subscription) return { outcome: 'failed', message: 'no such subscription' };
  const now = Date.now();
  try {
    if (!(await browser.permissions.contains({ origins: [originPattern(subscription.url)] }))) {
      throw new SubscriptionError(`Firsthand may no longer reach ${subscription.origin} (the permission was removed)`);
    }
    const downloaded = await download(subscription.url, subscription);
    if (downloaded.status === 'not-modified') {
      await putSubscription(confirmed(subscription, now, subscription.info));
      return { outcome: 'unchanged', message: 'not modified since the last download' };
    }
    const verified = await verify(downloaded.bytes);
    if (subscription.pinnedKey && verified.key === null) {
      throw new SubscriptionError('the update is not signed, but the pack you subscribed to was: refused');
    }
    if (subscription.pinnedKey && verified.key !== subscription.pinnedKey) {
      throw new SubscriptionError(
        `the update is signed by another key (${verified.key ?? ''}) than the one pinned when you subscribed (${subscription.pinnedKey}): refused`,
      );
    }
    const digest = packDigest(verified.pack);
    if (digest === subscription.digest) {
      await putSubscription({
        ...confirmed(subscription, now, verified.info),
        etag: downloaded.etag,
        lastModified: downloaded.lastModified,
      });
      return { outcome: 'unchanged', message: 'the same pack as the copy in use' };
    }
    const before = Date.parse(subscription.info.created);
    const after = Date.parse(verified.info.created);
    if (!Number.isNaN(before) && (Number.isNaN(after) || after < before)) {
      throw new SubscriptionError(
        `the download is older (${verified.info.created || 'undated'}) than the copy in use (${subscription.info.created}): refused`,
      );
    }
    const record: SubscriptionRecord = {
      ...subscription,
      pinnedKey: subscription.pinnedKey ?? verified.key,
      ...copyFields(verified, downloaded, now),
    };
    await putSubscriptionWithPack(
      record,
      packRecordOf(id, verified, new URL(subscription.url).hostname, record.lastSuccess),
    );
    return { outcome: 'updated', message: `updated: ${verified.store.count} references` };
  } catch (error) {
    const message = describeFailure(error);
    const latest = await getSubscription(id);
    if (!latest) return { outcome: 'failed', message }; // unsubscribed meanwhile: nothing to record
    await putSubscription({
      ...latest,
      lastError: { at: new Date(now).toISOString(), message },
      nextCheck: now + RETRY_MS,
    });
    return { outcome: 'failed', message };
  }
}

function confirmed(subscription: SubscriptionRecord, now: number, info: PackInfo): SubscriptionRecord {
  return {
    ...subscription,
    lastSuccess: new Date(now).toISOString(),
    lastError: null,
    nextCheck: nextCheck(info, now),
  };
}

/** Refreshes every subscription whose time has come; returns whether any pack changed. */
export async function refreshDue(now = Date.now()): Promise<boolean> {
  let changed = false;
  for (const subscription of await allSubscriptions()) {
    if (subscription.nextCheck > now) continue;
    if ((await refresh(subscription.id)).outcome === 'updated') changed = true;
  }
  return changed;
}

/** Removes a subscription and its references, and gives back its origin's permission if no other needs it. */
export async function unsubscribe(id: string): Promise<void> {
  const subscription = await getSubscription(id);
  await deleteSubscription(id);
  if (subscription) await releaseOrigin(subscription.url);
}

/** Gives back the host permission of a pack address's origin, unless a subscription still uses it. */
export async function releaseOrigin(address: string | URL): Promise<void> {
  const origin = new URL(address).origin;
  if ((await allSubscriptions()).some((s) => s.origin === origin)) return;
  await browser.permissions.remove({ origins: [originPattern(address)] }).catch(() => false);
}

export { allSubscriptions as listSubscriptions };
