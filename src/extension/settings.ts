import browser from './browser';
import { parseSettings, type Settings } from './messages';

/** The user's settings from storage.local, with the defaults for anything not set. */
export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get('settings');
  return parseSettings(stored.settings);
}

export async function updateSettings(change: Partial<Settings>): Promise<void> {
  await browser.storage.local.set({ settings: { ...(await readSettings()), ...change } });
}
