import browser from './browser';
import { domainOf, type ImportedPackInfo, type Settings } from './messages';
import { readSettings, updateSettings } from './settings';
import { isSensitivity, PackError } from '../core';
import { importPackFile, listPacks, removePack } from './corpus';
import { eraseLearned, eraseLearnedSite, exportPack, learnedStats } from './learned-corpus';
import { parseDomainList } from './context-lists';
import { originPattern } from './link-check';
import {
  listSubscriptions,
  packAddress,
  refresh,
  releaseOrigin,
  subscribe,
  SubscriptionError,
  unsubscribe,
} from './subscriptions';

/**
 * Options: the in-page badge, the rewrite sensitivity, learning (switches, cap, what is kept, erasing), the
 * trusted-publisher list, subscriptions, and importing, removing and exporting packs. Packs are checked and indexed
 * here, where the file or download is, and stored in IndexedDB; the background is told to pick them up.
 */
const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const sensitivities = [...document.querySelectorAll<HTMLInputElement>('input[name="sensitivity"]')];
const checkbox = byId<HTMLInputElement>('in-page-badge');
const fileInput = byId<HTMLInputElement>('pack-file');
const status = byId<HTMLElement>('pack-status');
const list = byId<HTMLUListElement>('packs');

const changed = (): Promise<unknown> => browser.runtime.sendMessage({ type: 'packs-changed' });
const day = (iso: string): string => (iso ? iso.slice(0, 10) : '—');
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(text: string, label: string, onClick: () => Promise<void>): HTMLButtonElement {
  const node = el('button', text);
  node.type = 'button';
  node.setAttribute('aria-label', label);
  node.addEventListener('click', () => void onClick());
  return node;
}

async function renderPacks(): Promise<void> {
  const packs: ImportedPackInfo[] = await listPacks();
  list.replaceChildren();
  for (const pack of packs) {
    const item = el('li', `${pack.name} — ${pack.references} references, imported ${day(pack.importedAt)} `);
    item.append(
      button('Remove', `Remove ${pack.name}`, async () => {
        await removePack(pack.id);
        await changed();
        status.textContent = `Removed ${pack.name}.`;
        await renderPacks();
      }),
    );
    list.append(item);
  }
}

// ---- learning ----------------------------------------------------------------------------------------------------

const learningBox = byId<HTMLInputElement>('learning');
const everywhereBox = byId<HTMLInputElement>('learn-everywhere');
const capSelect = byId<HTMLSelectElement>('learned-cap');
const learnedStatus = byId<HTMLElement>('learned-status');

async function renderLearned(): Promise<void> {
  const stats = await learnedStats(10);
  const settings = await readSettings();
  byId('learned-summary').textContent =
    `${stats.count.toLocaleString('en')} learned article${stats.count === 1 ? '' : 's'}, about ${mb(stats.bytes)} ` +
    `(at most ${settings.learnedCap.toLocaleString('en')})${settings.learning ? '' : ' — learning is paused'}.`;
  const newest = byId<HTMLUListElement>('learned-newest');
  newest.replaceChildren(
    ...stats.newest.map((entry) => el('li', `${day(entry.learnedAt)} · ${entry.site} · ${entry.title || entry.url}`)),
  );
  byId<HTMLUListElement>('learned-derived').replaceChildren(
    ...stats.derived.map((entry) => el('li', `${entry.title || entry.url}: derived from ${entry.derivedFrom}`)),
  );
}

learningBox.addEventListener('change', async () => {
  await updateSettings({ learning: learningBox.checked });
  await renderLearned();
});
everywhereBox.addEventListener('change', async () => {
  await updateSettings({ learnEverywhere: everywhereBox.checked });
});
capSelect.addEventListener('change', async () => {
  await updateSettings({ learnedCap: Number(capSelect.value) });
  await renderLearned();
});
byId('erase-learned').addEventListener('click', async () => {
  await eraseLearned();
  await changed();
  learnedStatus.textContent = 'Everything learned was erased.';
  await renderLearned();
});
byId('erase-site').addEventListener('click', async () => {
  const input = byId<HTMLInputElement>('erase-site-name');
  const site = domainOf(input.value);
  if (!site) {
    learnedStatus.textContent = 'Type a site, like example.com.';
    return;
  }
  const erased = await eraseLearnedSite(site);
  await changed();
  learnedStatus.textContent = `Erased ${erased} learned article${erased === 1 ? '' : 's'} from ${site}.`;
  input.value = '';
  await renderLearned();
});

// ---- trusted publishers ------------------------------------------------------------------------------------------

const trustedStatus = byId<HTMLElement>('trusted-status');
let bundledTrusted = 0;

async function renderTrusted(): Promise<void> {
  if (!bundledTrusted) {
    const text = await (await fetch(browser.runtime.getURL('lists/trusted-publishers.txt'))).text();
    bundledTrusted = parseDomainList('trusted-publishers.txt', text).domains.size;
  }
  const settings = await readSettings();
  byId('trusted-summary').textContent =
    `${bundledTrusted.toLocaleString('en')} bundled (Machine-Made Media's reliable news sites and major outlets it ` +
    `lacks), ${settings.trustedAdded.length} added by you, ${settings.trustedRemoved.length} removed by you.`;
  byId<HTMLUListElement>('trusted-changes').replaceChildren(
    ...settings.trustedAdded.slice(0, 50).map((d) => el('li', `added: ${d}`)),
    ...settings.trustedRemoved.slice(0, 50).map((d) => el('li', `removed: ${d}`)),
  );
}

async function changeTrusted(domains: string[], add: boolean): Promise<void> {
  const settings = await readSettings();
  const added = new Set(settings.trustedAdded);
  const removed = new Set(settings.trustedRemoved);
  for (const domain of domains) {
    (add ? added : removed).add(domain);
    (add ? removed : added).delete(domain);
  }
  await updateSettings({
    trustedAdded: [...added].sort(),
    trustedRemoved: [...removed].sort(),
  } satisfies Partial<Settings>);
  await renderTrusted();
}

for (const [id, add] of [
  ['trusted-add', true],
  ['trusted-remove', false],
] as const) {
  byId(id).addEventListener('click', async () => {
    const input = byId<HTMLInputElement>('trusted-domain');
    const domain = domainOf(input.value);
    if (!domain) {
      trustedStatus.textContent = 'Type a domain, like news.example.';
      return;
    }
    await changeTrusted([domain], add);
    trustedStatus.textContent = add ? `${domain} is trusted.` : `${domain} is no longer trusted.`;
    input.value = '';
  });
}

byId<HTMLInputElement>('trusted-file').addEventListener('change', async (event) => {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  if (!file) return;
  const lines = (await file.text()).split('\n');
  const domains = lines.map(domainOf).filter((d): d is string => d !== null);
  await changeTrusted(domains, true);
  trustedStatus.textContent = `Added ${domains.length} domains from ${file.name} (${lines.filter((l) => l.trim()).length - domains.length} lines were not domains).`;
  input.value = '';
});

// ---- subscriptions -----------------------------------------------------------------------------------------------

const addressInput = byId<HTMLInputElement>('pack-address');
const subscribeStatus = byId<HTMLElement>('subscribe-status');

async function renderSubscriptions(): Promise<void> {
  const items = await listSubscriptions();
  byId<HTMLUListElement>('subscriptions').replaceChildren(
    ...items.map((s) => {
      const name = s.info.name || new URL(s.url).hostname;
      const item = el('li');
      item.dataset.url = s.url;
      item.append(
        el('strong', name),
        ` — ${s.info.publisher || new URL(s.url).hostname}, ${s.references.toLocaleString('en')} references, ` +
          `published ${day(s.from)} to ${day(s.to)}; last update ${day(s.lastSuccess)} ${s.lastSuccess.slice(11, 16)}; ` +
          (s.pinnedKey ? `signed (key ${s.pinnedKey.slice(0, 12)}…)` : 'not signed'),
        el('br'),
        el('span', s.url),
      );
      if (s.lastError) {
        const error = el('p', `Last error (${day(s.lastError.at)}): ${s.lastError.message}`);
        error.className = 'error';
        item.append(error);
      }
      const outcome = el('span');
      outcome.setAttribute('role', 'status');
      item.append(
        button('Update now', `Update ${name} now`, async () => {
          outcome.textContent = ' Checking…';
          const result = await refresh(s.id);
          if (result.outcome === 'updated') await changed();
          await renderSubscriptions();
          subscribeStatus.textContent = `${name}: ${result.message}`;
        }),
        button('Unsubscribe', `Unsubscribe from ${name}`, async () => {
          await unsubscribe(s.id);
          await changed();
          subscribeStatus.textContent = `Unsubscribed from ${name}; its references are gone.`;
          await renderSubscriptions();
        }),
        outcome,
      );
      return item;
    }),
  );
}

byId('subscribe').addEventListener('click', () => {
  let url: URL;
  try {
    url = packAddress(addressInput.value);
  } catch (error) {
    subscribeStatus.textContent = `Not subscribed: ${(error as Error).message}`;
    return;
  }
  // Asked first, in the click itself: browsers grant permission requests only during a user action.
  const granted = browser.permissions.request({ origins: [originPattern(url)] });
  subscribeStatus.textContent = `Asking for permission to reach ${url.origin}…`;
  void granted.then(
    async (ok) => {
      if (!ok) {
        subscribeStatus.textContent = `Not subscribed: permission to reach ${url.origin} was not given.`;
        return;
      }
      subscribeStatus.textContent = `Downloading ${url.href}…`;
      try {
        const record = await subscribe(url.href);
        await changed();
        subscribeStatus.textContent = `Subscribed to ${record.info.name || url.hostname}: ${record.references} references.`;
        addressInput.value = '';
      } catch (error) {
        if (!(error instanceof SubscriptionError)) throw error;
        subscribeStatus.textContent = error.message;
        await releaseOrigin(url);
      }
      await renderSubscriptions();
    },
    (error: unknown) => {
      subscribeStatus.textContent = `Not subscribed: ${(error as Error).message}`;
    },
  );
});

// ---- packs: import and export ------------------------------------------------------------------------------------

checkbox.addEventListener('change', async () => {
  await updateSettings({ inPageBadge: checkbox.checked });
});

for (const radio of sensitivities) {
  radio.addEventListener('change', async () => {
    if (radio.checked && isSensitivity(radio.value)) await updateSettings({ sensitivity: radio.value });
  });
}

fileInput.addEventListener('change', async () => {
  const file = fileInput.files?.[0];
  if (!file) return;
  status.textContent = `Checking ${file.name}…`;
  try {
    const info = await importPackFile(file.name, new Uint8Array(await file.arrayBuffer()));
    await changed();
    status.textContent = `Imported ${info.name}: ${info.references} references.`;
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    status.textContent = `Not imported: ${error.message}`;
  }
  fileInput.value = '';
  await renderPacks();
});

for (const [id, scope] of [
  ['export-learned', 'learned'],
  ['export-all', 'everything'],
] as const) {
  byId(id).addEventListener('click', async () => {
    const exportStatus = byId('export-status');
    try {
      const { bytes, count } = await exportPack(scope);
      const link = el('a');
      link.href = URL.createObjectURL(
        new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
      );
      link.download = `firsthand-${scope}-${new Date().toISOString().slice(0, 10)}.pack`;
      document.body.append(link);
      link.click();
      link.remove();
      exportStatus.textContent = `Exported ${count} references (${mb(bytes.length)}) as ${link.download}.`;
    } catch (error) {
      if (!(error instanceof PackError)) throw error;
      exportStatus.textContent = `Not exported: ${error.message}`;
    }
  });
}

void (async () => {
  const settings = await readSettings();
  checkbox.checked = settings.inPageBadge;
  for (const radio of sensitivities) radio.checked = radio.value === settings.sensitivity;
  learningBox.checked = settings.learning;
  everywhereBox.checked = settings.learnEverywhere;
  capSelect.value = String(settings.learnedCap);
  await Promise.all([renderPacks(), renderLearned(), renderTrusted(), renderSubscriptions()]);
})();
