import browser from './browser';
import type { ImportedPackInfo } from './messages';
import { readSettings, updateSettings } from './settings';
import { encodeBase64, isSensitivity } from '../core';

/** Options: the in-page badge switch, the rewrite sensitivity, and importing and removing corpus packs (validated by
 * the background). */
const sensitivities = [...document.querySelectorAll<HTMLInputElement>('input[name="sensitivity"]')];
const checkbox = document.getElementById('in-page-badge') as HTMLInputElement;
const fileInput = document.getElementById('pack-file') as HTMLInputElement;
const status = document.getElementById('pack-status') as HTMLElement;
const list = document.getElementById('packs') as HTMLUListElement;

async function renderPacks(): Promise<void> {
  const packs = (await browser.runtime.sendMessage({ type: 'list-packs' })) as ImportedPackInfo[];
  list.replaceChildren();
  for (const pack of packs) {
    const item = document.createElement('li');
    item.textContent = `${pack.name} — ${pack.references} references, imported ${pack.importedAt.slice(0, 10)} `;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove ${pack.name}`);
    remove.addEventListener('click', async () => {
      await browser.runtime.sendMessage({ type: 'remove-pack', id: pack.id });
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
  const answer = (await browser.runtime.sendMessage({
    type: 'import-pack',
    name: file.name,
    data: encodeBase64(new Uint8Array(await file.arrayBuffer())),
  })) as { ok: true; info: ImportedPackInfo } | { ok: false; error: string };
  status.textContent = answer.ok
    ? `Imported ${answer.info.name}: ${answer.info.references} references.`
    : `Not imported: ${answer.error}`;
  fileInput.value = '';
  await renderPacks();
});

void (async () => {
  const settings = await readSettings();
  checkbox.checked = settings.inPageBadge;
  for (const radio of sensitivities) radio.checked = radio.value === settings.sensitivity;
  await renderPacks();
})();
