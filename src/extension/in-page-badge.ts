import type { PageReport } from './messages';
import { BADGE, clip } from './report';

/**
 * The small verdict badge inside the page: a fixed-position element in its own shadow root (page styles cannot
 * reach it, it takes no space in the page's layout), a `role="status"` region, keyboard-reachable, dismissible,
 * readable in light and dark mode. Built with text APIs only: no corpus or page string is ever parsed as HTML.
 * It is a convenience; the toolbar badge is the verdict a page cannot forge.
 */
const TAG = 'firsthand-badge';

const CSS_TEXT = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; }
.box { display: flex; align-items: center; gap: 8px; max-width: 360px; padding: 8px 10px; border-radius: 8px;
  font: 13px/1.35 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; background: #ffffff;
  border: 2px solid var(--verdict); box-shadow: 0 2px 10px rgba(0,0,0,.25); }
.dot { flex: none; width: 10px; height: 10px; border-radius: 50%; background: var(--verdict); }
.text { flex: 1; }
strong { font-weight: 700; }
button { font: inherit; color: inherit; background: transparent; border: 1px solid transparent; border-radius: 4px;
  cursor: pointer; padding: 0 6px; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
@media (prefers-color-scheme: dark) { .box { color: #f1f1f1; background: #202124; box-shadow: 0 2px 10px rgba(0,0,0,.6); } }
`;

export function showInPageBadge(doc: Document, report: PageReport & { status: 'judged' }): HTMLElement {
  removeInPageBadge(doc);
  const host = doc.createElement(TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS_TEXT;
  const box = doc.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  box.style.setProperty('--verdict', BADGE[report.verdict].color);
  const dot = doc.createElement('span');
  dot.className = 'dot';
  dot.setAttribute('aria-hidden', 'true');
  const text = doc.createElement('span');
  text.className = 'text';
  const label = doc.createElement('strong');
  label.textContent = `Firsthand: ${BADGE[report.verdict].label}`;
  text.append(label, doc.createTextNode(` — ${describe(report)}`));
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss the Firsthand badge');
  close.addEventListener('click', () => host.remove());
  box.append(dot, text, close);
  root.append(style, box);
  doc.documentElement.append(host);
  return host;
}

function removeInPageBadge(doc: Document): void {
  doc.querySelector(TAG)?.remove();
}

function describe(report: PageReport & { status: 'judged' }): string {
  const source = report.source;
  const name = source ? clip(source.publisher || source.url, 40) : '';
  if (report.verdict === 'repost') return `${Math.round(report.copied * 100)}% copied from ${name}`;
  if (report.verdict === 'rewrite')
    return `reworded from ${name}${report.attributed ? ' (credited)' : ' (not credited)'}`;
  return source ? `the known article, on its own site` : 'no known source';
}
