import { PackError } from './pack-error';

/**
 * What a pack says about itself, for the reader who subscribes to it: its name, who publishes it, its home page,
 * when it was made, and how often a subscriber should look for a new copy (like a filter list's `! Expires:`).
 * Stored as the optional INFO section (UTF-8 JSON) inside the pack's body, so the body's digest and a signature
 * cover it. Packs without one are still valid: every field is then ''.
 */
export interface PackInfo {
  name: string;
  publisher: string;
  /** The publisher's page about the pack: an http(s) address, or ''. */
  homepage: string;
  /** When the pack was made, an ISO timestamp, or ''. A subscription refuses an update older than its copy. */
  created: string;
  /** How long a copy stays fresh: "12 hours", "4 days" (1 hour to 30 days), or '' for the default, one day. */
  expires: string;
}

export const EMPTY_PACK_INFO: PackInfo = { name: '', publisher: '', homepage: '', created: '', expires: '' };

/** Longest value of each field, in UTF-16 units; a longer one makes the pack malformed. */
export const INFO_LIMITS: Readonly<Record<keyof PackInfo, number>> = {
  name: 120,
  publisher: 256,
  homepage: 2048,
  created: 64,
  expires: 32,
};

const HOUR = 3600;
export const DEFAULT_EXPIRES_SECONDS = 24 * HOUR;
const EXPIRES = /^\s*(\d{1,4})\s*(hours?|days?)\s*$/i;

/** "4 days" in seconds, within 1 hour and 30 days; null when the text is not of that form. */
export function expiresSeconds(text: string): number | null {
  if (text === '') return DEFAULT_EXPIRES_SECONDS;
  const match = EXPIRES.exec(text);
  if (!match) return null;
  const seconds = Number(match[1]) * (/^d/i.test(match[2] as string) ? 24 * HOUR : HOUR);
  return Math.min(30 * 24 * HOUR, Math.max(HOUR, seconds));
}

/** Checks pack information (when a pack is written, and when one is read): throws PackError naming the field. */
export function checkPackInfo(info: PackInfo): void {
  for (const field of Object.keys(INFO_LIMITS) as Array<keyof PackInfo>) {
    const value = info[field];
    if (typeof value !== 'string') throw new PackError(`pack information: "${field}" must be a string`);
    if (value.length > INFO_LIMITS[field]) {
      throw new PackError(
        `pack information: "${field}" is ${value.length} characters long (at most ${INFO_LIMITS[field]})`,
      );
    }
  }
  if (info.homepage !== '' && !/^https?:\/\/[^\s]+$/i.test(info.homepage)) {
    throw new PackError('pack information: "homepage" must be an http(s) address');
  }
  if (info.created !== '' && Number.isNaN(Date.parse(info.created))) {
    throw new PackError('pack information: "created" must be a date');
  }
  if (expiresSeconds(info.expires) === null) {
    throw new PackError('pack information: "expires" must read like "12 hours" or "4 days"');
  }
}

export function encodePackInfo(info: PackInfo): Uint8Array {
  checkPackInfo(info);
  const { name, publisher, homepage, created, expires } = info;
  return new TextEncoder().encode(JSON.stringify({ name, publisher, homepage, created, expires }));
}

/** The INFO section read back; fields it lacks are '', unknown fields are ignored, anything else is a PackError. */
export function decodePackInfo(bytes: Uint8Array): PackInfo {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new PackError('corpus pack: its INFO section is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PackError('corpus pack: its INFO section is not an object');
  }
  const fields = value as Record<string, unknown>;
  const info = { ...EMPTY_PACK_INFO };
  for (const field of Object.keys(EMPTY_PACK_INFO) as Array<keyof PackInfo>) {
    if (fields[field] === undefined) continue;
    if (typeof fields[field] !== 'string') throw new PackError(`pack information: "${field}" must be a string`);
    info[field] = fields[field];
  }
  checkPackInfo(info);
  return info;
}
