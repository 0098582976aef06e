import browser from './browser';
import type { ImportedPackInfo } from './messages';
import { readSettings, updateSettings } from './settings';
import { isSensitivity, PackError } from '../core';
import { importPackFile, listPacks, removePack } from './corpus';

/** Options: the in-page badge switch, the rewrite sensitivity, and importing and removing corpus packs. A pack is
 * checked and indexed here, where the file is, and stored in IndexedDB; the background is told to pick it up. */
const sensitivities = [...document.querySelectorAll<HTMLInputElement>('input[name="sensitivity"]')];
const checkbox = document.getElementById('in-page-badge') as HTMLInputElement;
const fileInput = document.getElementById('pack-file') as HTMLInputElement;
const status = document.getElementById('pack-status') as HTMLElement;
const list = document.getElementById('packs') as HTMLUListElement;

async function renderPacks(): Promise<void> {
  const packs: ImportedPackInfo[] = await listPacks();
  list.replaceChildren();
  for (const pack of packs) {
    const item = document.createElement('li');
    item.textContent = `${pack.name} — ${pack.references} references, imported ${pack.importedAt.slice(0, 10)} `;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove ${pack.name}`);
    remove.addEventListener('click', async () => {
      await removePack(pack.id);
      await browser.runtime.sendMessage({ type: 'packs-changed' });
      status.textContent = `Removed ${pack.name}.`;
      await renderPacks();
    });
    item.append(remove);
    list.append(item);
  }
}

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
    await browser.runtime.sendMessage({ type: 'packs-changed' });
    status.textContent = `Imported ${info.name}: ${info.references} references.`;
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    status.textContent = `Not imported: ${error.message}`;
  }
  fileInput.value = '';
  await renderPacks();
});

void (async () => {
  const settings = await readSettings();
  checkbox.checked = settings.inPageBadge;
  for (const radio of sensitivities) radio.checked = radio.value === settings.sensitivity;
  await renderPacks();
})();
