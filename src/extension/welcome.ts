import { readSettings, updateSettings } from './settings';

/** The welcome page, opened once on install: learning is on by default, and one click turns it off. */
const box = document.getElementById('learning') as HTMLInputElement;
const status = document.getElementById('status') as HTMLElement;

async function set(learning: boolean): Promise<void> {
  await updateSettings({ learning });
  box.checked = learning;
  status.textContent = learning
    ? 'Learning is on. You can pause it or erase what was learned in the options.'
    : 'Learning is off: nothing will be kept. You can turn it on again in the options.';
}

box.addEventListener('change', () => void set(box.checked));
document.getElementById('turn-off')?.addEventListener('click', () => void set(false));
void readSettings().then((settings) => {
  box.checked = settings.learning;
});
