import browser from './browser';
import { originPattern } from './link-check';
import type { ReferenceMeta } from '../core';
import type { LinkReport, PageReport } from './messages';
import { BADGE, searchedText, sharesPassages, shownOf } from './report';

/**
 * The popup: the verdict in words, the matched source, the copied share, the credit, the AI-style signals, and a
 * button that highlights the matched passages on the page. Every string is set with textContent: nothing from a
 * page or a corpus is ever parsed as HTML. `?tab=N` shows tab N instead of the active one (used by the e2e tests).
 */
const app = document.getElementById('app') as HTMLElement;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const pct = (share: number): string => `${Math.round(share * 100)}%`;

async function targetTab(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function render(tabId: number, report: PageReport | null): void {
  app.replaceChildren();
  if (!report) {
    app.append(
      el('h1', 'No verdict'),
      el('p', 'This page does not look like an article, or it is still being read.', 'muted'),
    );
    return;
  }
  if (report.status === 'nothing') {
    app.append(el('h1', 'Nothing to judge'), el('p', report.reason, 'muted'));
    return;
  }
  const shown = shownOf(report);
  const style = BADGE[shown];
  const title = el('h1');
  title.style.setProperty('--verdict', style.color);
  title.append(el('span', undefined, 'dot'), el('span', style.label));
  title.dataset.verdict = shown;
  app.append(title, el('p', sentence(report)));
  // A page that matches nothing known but shares passages with a known article says which, and why it is no copy.
  if (sharesPassages(report)) {
    const why = report.reason.replace(/^no known source: /, '');
    app.append(el('p', `${why.charAt(0).toUpperCase()}${why.slice(1)}.`, 'shared-passages'));
  }
  app.append(el('p', `${searchedText(report)}.`, 'muted searched'));
  if (report.learned) app.append(el('p', `This page was ${report.learned}.`, 'learned'));
  for (const listing of report.listed) {
    const note = el('p', undefined, 'listing');
    note.append(
      el('strong', 'Context: '),
      `this site (${listing.domain}) is on “${listing.list}”, a list of ${listing.kind}s. A listing is context, never a verdict.`,
    );
    app.append(note);
  }

  if (report.related) {
    const heading = report.relatedAs === 'published later' ? 'Published after this page' : 'Shares passages with';
    app.append(el('h2', heading), articleList(report.related));
  }
  if (report.source) {
    app.append(el('h2', 'Source'), articleList(report.source));
    if (report.provenance) app.append(el('p', `Source ${report.provenance}.`, 'muted provenance'));
    // A page stitched from several known articles: the others, each with its share of the page.
    const others = report.stitched?.sources.slice(1) ?? [];
    if (others.length) {
      app.append(el('h2', 'Also copied from'));
      for (const other of others) app.append(articleList(other.source, `${pct(other.copied)} of this page`));
    }

    app.append(el('h2', 'Evidence'));
    const evidence = el('dl');
    const add = (term: string, value: string): void => {
      evidence.append(el('dt', term), el('dd', value));
    };
    // A stitched page's sentences are measured against the article it holds most of, which the rows then name.
    const sourceName = report.stitched ? report.source.publisher || 'the source' : 'the source';
    add(
      'Copied',
      report.stitched
        ? `${pct(report.stitched.copied)} of this page word for word from ${report.stitched.sources.length} known articles; ${pct(report.copied)} from ${sourceName} (${pct(report.copiedOfSource)} of it)`
        : `${pct(report.copied)} of this page word for word (${pct(report.copiedOfSource)} of the source)`,
    );
    add('Sentences', `${report.alignedSentences} of ${report.comparedSentences} follow ${sourceName}`);
    add('Facts', `${report.sharedFacts} names and numbers shared`);
    add(
      'Credit',
      report.attributed ? `credits the source: “${report.attribution ?? ''}”` : 'does not credit the source',
    );
    add('Confidence', pct(report.confidence));
    evidence.dataset.copied = String(report.copied);
    app.append(evidence);
  }

  app.append(el('h2', 'AI style'));
  const level = report.aiStyle >= 0.5 ? 'high' : 'low';
  app.append(el('p', `${level} (${report.aiStyle.toFixed(2)}) — a style signal, never a verdict on its own.`));
  if (report.aiStyleReasons.length) {
    const reasons = el('ul');
    for (const reason of report.aiStyleReasons) reasons.append(el('li', reason));
    app.append(reasons);
  }

  if (report.passages.length) {
    const button = el('button', 'Highlight matched passages');
    button.type = 'button';
    button.setAttribute('aria-pressed', 'false');
    const status = el('p', '', 'muted');
    status.setAttribute('role', 'status');
    button.addEventListener('click', async () => {
      const on = button.getAttribute('aria-pressed') !== 'true';
      try {
        const answer = (await browser.tabs.sendMessage(tabId, { type: 'highlight', on })) as {
          ok: boolean;
          marked?: number;
          error?: string;
        };
        if (!answer.ok) {
          status.textContent = answer.error ?? 'could not highlight';
          return;
        }
        button.setAttribute('aria-pressed', String(on));
        button.textContent = on ? 'Remove highlight' : 'Highlight matched passages';
        status.textContent = on ? `${answer.marked ?? 0} passages marked on the page` : 'highlight removed';
      } catch {
        status.textContent = 'the page is not reachable (reload it and try again)';
      }
    });
    app.append(button, status);
  }
}

/** A known article's publisher, title, date and link, as a definition list; `copied`, what of the page it holds, when
 * the page is stitched from several. */
function articleList(article: ReferenceMeta, copied?: string): HTMLElement {
  const list = el('dl');
  const row = (term: string, value: Node | string): void => {
    const dd = el('dd');
    dd.append(value);
    list.append(el('dt', term), dd);
  };
  row('Publisher', article.publisher || '—');
  row('Title', article.title || '—');
  if (article.publishedAt) row('Published', article.publishedAt.slice(0, 10));
  if (article.url) {
    const link = el('a', article.url);
    link.href = article.url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    row('Link', link);
  }
  if (copied) row('Copied', copied);
  return list;
}

function sentence(report: PageReport & { status: 'judged' }): string {
  const name = report.source?.publisher || report.source?.url || 'a known article';
  switch (report.verdict) {
    case 'repost':
      if (report.stitched) {
        const { copied, sources } = report.stitched;
        return `This page copies ${sources.length} known articles word for word: ${pct(copied)} of its article text is theirs, ${pct(report.copied)} from ${name}.`;
      }
      return `This page copies ${name} word for word: ${pct(report.copied)} of its article text is the source's.`;
    case 'rewrite':
      return `This page re-words an article by ${name}${report.attributed ? ', and credits it' : ', without crediting it'}.`;
    case 'original':
      if (report.match === 'self') return `This is the known article itself, on its publisher's site.`;
      if (sharesPassages(report) && report.relatedAs === 'published later')
        return 'An article Firsthand knows tells this page’s story, but it was published after this page, so it is not judged its source: it may be a copy or rewrite of this page. That is not the same as original: its source may simply not be in the corpora below.';
      if (sharesPassages(report))
        return 'This article shares passages with an article Firsthand knows, but is not judged a copy or rewrite of it. That is not the same as original: its source may simply not be in the corpora below.';
      return 'This article matches no article Firsthand knows. That is not the same as original: its source may simply not be in the corpora below.';
  }
}

const lastLink = document.getElementById('last-link') as HTMLElement;
const linkInput = document.getElementById('link-address') as HTMLInputElement;

function renderLink(result: LinkReport | null): void {
  lastLink.replaceChildren();
  if (!result) {
    lastLink.append(el('p', 'None yet.', 'muted'));
    return;
  }
  lastLink.append(el('p', result.url, 'muted link-url'));
  if (result.outcome === 'failed') {
    lastLink.append(el('p', `Not checked: ${result.error}`, 'link-verdict'));
    return;
  }
  const report = result.report;
  if (report.status === 'nothing') {
    lastLink.append(el('p', `Nothing to judge: ${report.reason}`, 'link-verdict'));
    return;
  }
  const verdict = el('p', `${BADGE[shownOf(report)].label}: ${sentence(report)}`, 'link-verdict');
  verdict.dataset.verdict = shownOf(report);
  lastLink.append(verdict);
  if (report.source?.url)
    lastLink.append(el('p', `Source: ${report.source.publisher} — ${report.source.url}`, 'muted'));
}

document.getElementById('check-link')?.addEventListener('click', () => {
  let url: URL;
  try {
    url = new URL(linkInput.value.trim());
    if (!/^https?:$/.test(url.protocol)) throw new Error('not http(s)');
  } catch {
    renderLink({
      url: linkInput.value,
      at: new Date().toISOString(),
      outcome: 'failed',
      error: 'that is not an http(s) link',
    });
    return;
  }
  // Asked first, in the click itself: browsers grant permission requests only during a user action.
  const granted = browser.permissions.request({ origins: [originPattern(url)] });
  lastLink.replaceChildren(el('p', `Checking ${url.href}…`, 'muted'));
  void granted.then(async (ok) => {
    if (!ok) {
      renderLink({
        url: url.href,
        at: new Date().toISOString(),
        outcome: 'failed',
        error: `permission to reach ${url.hostname} was not given`,
      });
      return;
    }
    renderLink((await browser.runtime.sendMessage({ type: 'check-link', url: url.href })) as LinkReport);
  });
});

void browser.runtime.sendMessage({ type: 'get-last-link' }).then((r) => renderLink(r as LinkReport | null));

(async () => {
  const tabId = await targetTab();
  if (tabId === undefined) return render(-1, null);
  render(tabId, (await browser.runtime.sendMessage({ type: 'get-report', tabId })) as PageReport | null);
})().catch((error: unknown) => {
  app.replaceChildren(el('h1', 'Firsthand'), el('p', `Something went wrong: ${(error as Error).message}`, 'muted'));
});
