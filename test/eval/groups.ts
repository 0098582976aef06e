import { readFileSync } from 'node:fs';
import { type Reference, splitSentences, type VerdictKind } from '../../src/core';
import { referenceFromPage } from '../../src/cli/corpus-build';
import { CliError } from '../../src/cli/cli-error';
import { fromBytes, type LoadedPage } from '../../src/cli/load-page';
import { sharedNarration } from './co-derived';
import { pageAsText, repostPage, TEMPLATES, type Template } from './chrome';
import { readabilityNewsPages, readabilityPageHtml, readJsonl, sharedPath, splitOf, type Split } from './data';

/**
 * The evaluation groups of `npm run eval`, built from ../shared at run time through the CLI's own page loading and
 * pack building. Each group has its own corpus and its cases with the verdict each must get.
 */
export interface EvalCase {
  id: string;
  split: Split;
  /** Sub-kind inside the group (e.g. "gpt4_rewrite", "partial"). */
  kind: string;
  expect: VerdictKind;
  /** Other verdicts that also count as right (Clough "cut": repost or rewrite). */
  alsoRight?: VerdictKind[];
  /** The reference the verdict must name (null: none). */
  sourceId: string | null;
  /** References of the corpus holding the very text of `sourceId` under other ids, which the verdict may name
   * instead: LLMFake holds 33 of its 489 articles in 10 groups of identical text (parked-domain pages among them). */
  sameTextSources?: string[];
  /** The page as the CLI loads it, or the one-line error the CLI gives for it (judged as no verdict). */
  page: LoadedPage | { error: string };
  /** Which of the group's corpora the case is checked against (default: the group's references). */
  corpus?: string;
  /** The farm page template the case is dressed in (reposts, rewrites in chrome). */
  template?: Template;
  /** Independent coverage and generated text: 8-word narration sequences the page shares with the same event's
   * article in the corpus, or with the story the generation was prompted with (see co-derived.ts);
   * CO_DERIVED_MIN_SEQUENCES or more suggest the page was written from that text or from a common one. */
  sharedNarration?: number;
}

export interface EvalGroup {
  name: string;
  about: string;
  references: Reference[];
  /** Further corpora, by name, for cases that name one. */
  corpora?: Record<string, Reference[]>;
  cases: EvalCase[];
  /** Inputs left out by a stated rule (too short to be an article), with the rule. */
  leftOut: { count: number; why: string };
  /** Informational groups are reported but not held to the targets. */
  informational?: boolean;
}

/** The engine's MIN_ARTICLE_WORDS: shorter texts are not articles and get no verdict, so they are left out. */
const MIN_WORDS = 40;

/** A text page as the CLI loads it: a string as UTF-8, a file's bytes decoded as the CLI decodes them. */
export function textPage(text: string | Buffer, label: string, url = ''): LoadedPage {
  return fromBytes(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, label, 'text', url);
}

export function htmlPage(html: string, label: string, url = ''): LoadedPage {
  return fromBytes(Buffer.from(html, 'utf8'), label, 'html', url);
}

/** A page as `load` gives it, or, when the CLI refuses it (not an article, empty), that error as a case to be judged. */
function checked(load: () => LoadedPage): LoadedPage | { error: string } {
  try {
    return load();
  } catch (error) {
    if (error instanceof CliError) return { error: error.message };
    throw error;
  }
}

function wordCount(text: string | null | undefined): number {
  return (text ?? '').split(/\s+/).filter(Boolean).length;
}

/**
 * The first 40% of a rewrite's sentences: a rewrite of part of an article, as content farms publish them (the
 * analogue of the partial copies among the reposts). Null when that leaves fewer than MIN_WORDS words.
 */
function partialRewrite(text: string): string | null {
  const sentences = splitSentences(text).map(({ start, end }) => text.slice(start, end));
  const kept = sentences.slice(0, Math.ceil(sentences.length * 0.4)).join(' ');
  return wordCount(kept) >= MIN_WORDS ? kept : null;
}

/** A rewrite as a case, and its first 40% as another, both expected to be rewrites of `sourceId` (or of a reference
 * with the same text). */
function rewriteCases(
  id: string,
  unit: string,
  kind: string,
  text: string,
  sourceId: string,
  sameTextSources: string[] = [],
): EvalCase[] {
  const slug = id.replace(/[^\w-]+/g, '-');
  const same = sameTextSources.length ? { sameTextSources } : {};
  const cases: EvalCase[] = [
    {
      id,
      split: splitOf(unit),
      kind,
      expect: 'rewrite',
      sourceId,
      ...same,
      page: textPage(text, id, `https://rewritten-news.example/${slug}`),
    },
  ];
  const part = partialRewrite(text);
  if (part) {
    const partId = `${id}:first-40%`;
    cases.push({
      id: partId,
      split: splitOf(unit),
      kind: `${kind}, first 40%`,
      expect: 'rewrite',
      sourceId,
      ...same,
      page: textPage(part, partId, `https://rewritten-news.example/${slug}-part`),
    });
  }
  return cases;
}

function reference(
  page: LoadedPage,
  id: string,
  url: string,
  publisher: string,
  title = '',
  publishedAt = '',
): Reference {
  return referenceFromPage(page, { id, url, publisher, title, publishedAt });
}

// ---------------------------------------------------------------- seeds

interface SeedCases {
  reference: { file: string; url: string; publisher: string; title: string; publishedAt: string };
  cases: Array<{
    file: string;
    url: string;
    expect: { verdict: VerdictKind; attributed?: boolean; aiStyle?: 'high' | 'low' };
  }>;
}

export function seedCases(): SeedCases {
  return JSON.parse(readFileSync(sharedPath('seeds', 'cases.json'), 'utf8')) as SeedCases;
}

export function seedsGroup(): EvalGroup {
  const seeds = seedCases();
  const refText = readFileSync(sharedPath('seeds', seeds.reference.file), 'utf8');
  const { url, publisher, title, publishedAt } = seeds.reference;
  const ref = reference(textPage(refText, seeds.reference.file, url), 'seed-000', url, publisher, title, publishedAt);
  return {
    name: 'seeds',
    about: 'the five seed documents against the seed reference (cases.json)',
    references: [ref],
    cases: seeds.cases.map((c) => ({
      id: c.file,
      split: 'check',
      kind: c.expect.verdict,
      expect: c.expect.verdict,
      sourceId: 'seed-000',
      page: textPage(readFileSync(sharedPath('seeds', c.file), 'utf8'), c.file, c.url),
    })),
    leftOut: { count: 0, why: '' },
  };
}

// ---------------------------------------------------------------- reposts

const FARM_HOSTS = ['dailytrendwire.example', 'newshub247.example', 'viral-ledger.example'];

/**
 * Cases judged as farm pages in HTML, and with `alsoSaved` the same pages saved as text (pageAsText), judged as
 * `.txt` pages: `add` takes a case, its page's HTML, the label and address to load it under, and (for a page that must
 * load) the HTML page loaded already.
 */
function farmCases(alsoSaved: boolean): {
  html: EvalCase[];
  saved: EvalCase[];
  add(item: Omit<EvalCase, 'page'>, html: string, label: string, url: string, loaded?: EvalCase['page']): void;
} {
  const html: EvalCase[] = [];
  const saved: EvalCase[] = [];
  return {
    html,
    saved,
    add(item, page, label, url, loaded = checked(() => htmlPage(page, label, url))) {
      html.push({ ...item, page: loaded });
      if (alsoSaved) saved.push({ ...item, page: textPage(pageAsText(page), label, url) });
    },
  };
}

/** The saved-as-text twin of a group of farm pages: its references (the same array), informational. */
function savedGroup(group: EvalGroup, cases: EvalCase[]): EvalGroup {
  return {
    ...group,
    name: `${group.name}-saved`,
    about: 'the same pages saved as text (all the page says, a block a line), judged as .txt pages',
    informational: true,
    cases,
  };
}

export function repostGroup(): EvalGroup {
  return repostGroups()[0] as EvalGroup;
}

/** The repost group, and with `alsoSaved` reposts-saved (savedGroup). */
export function repostGroups(alsoSaved = false): EvalGroup[] {
  const references: Reference[] = [];
  const farm = farmCases(alsoSaved);
  let leftOut = 0;
  const add = (id: string, unit: string, paragraphs: string[], title: string, variant: number): void => {
    const host = FARM_HOSTS[variant % FARM_HOSTS.length] as string;
    const full = variant % 2 === 0;
    const share = [0.4, 0.6, 0.8][variant % 3] as number;
    const kept = full ? paragraphs : paragraphs.slice(0, Math.max(1, Math.ceil(paragraphs.length * share)));
    if (wordCount(kept.join(' ')) < MIN_WORDS) {
      leftOut++;
      return;
    }
    const template = TEMPLATES[variant % TEMPLATES.length] as Template;
    const html = repostPage({
      host,
      title,
      paragraphs: kept,
      style: variant,
      template,
      adsEvery: variant % 3 === 0 ? 0 : 2,
      related: variant % 4 !== 1,
    });
    const label = `${id}@${host}${full ? '' : ` (first ${Math.round(share * 100)}%)`}`;
    farm.add(
      { id: label, split: splitOf(unit), kind: full ? 'full' : 'partial', expect: 'repost', sourceId: id, template },
      html,
      label,
      `https://${host}/${id}/`,
    );
  };

  // Each real news page itself saved as text, whole, on another site: a reader's copy of the page, chrome and all.
  const realSaved: EvalCase[] = [];
  for (const [n, page] of readabilityNewsPages().entries()) {
    const source = readabilityPageHtml(page.name);
    const loaded = htmlPage(source, page.name);
    const url = loaded.url || `https://${page.name}.news.example/article`;
    references.push(reference(loaded, page.name, url, page.siteName || page.name));
    if (alsoSaved) {
      const copy = `https://${FARM_HOSTS[n % FARM_HOSTS.length] as string}/${page.name}/`;
      realSaved.push({
        id: `${page.name} saved as text`,
        split: splitOf(page.name),
        kind: 'whole page saved as text',
        expect: 'repost',
        sourceId: page.name,
        page: checked(() => textPage(pageAsText(source), page.name, copy)),
      });
    }
    const paragraphs = loaded.text
      .split('\n')
      .filter((line) => wordCount(line) >= 6 || /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]{20}/u.test(line));
    add(page.name, page.name, paragraphs, loaded.title || page.name, n);
    add(page.name, page.name, paragraphs, loaded.title || page.name, n + 1);
  }

  const ecb = readJsonl<{ doc: string; subtopic: string; url: string | null; text: string }>(
    'data',
    'ecbplus',
    'ecbplus_docs.jsonl',
  );
  ecb.forEach((doc, n) => {
    const id = `ecb:${doc.doc}`;
    const url = doc.url ?? `https://ecb-outlet-${n}.example/${doc.doc}`;
    if (wordCount(doc.text) < MIN_WORDS) return;
    references.push(reference(textPage(doc.text, id, url), id, url, new URL(url).hostname));
    // Every fourth ECB+ document is also re-hosted, alternating full and partial copies.
    if (n % 4 === 0 && wordCount(doc.text) >= 120)
      add(id, doc.subtopic, doc.text.split('\n').filter(Boolean), doc.text.split('\n')[0] ?? id, n / 4);
  });

  // The real pair: the same Lifehacker article in two different page layouts.
  const working = htmlPage(readabilityPageHtml('lifehacker-working'), 'lifehacker-working');
  const lifehackerUrl = 'https://lifehacker.com/how-to-program-your-mind-to-stop-buying-crap-you-don-t-1789484445';
  references.push(reference(working, 'lifehacker-working', lifehackerUrl, 'Lifehacker'));
  const other = readabilityPageHtml('lifehacker-post-comment-load');
  const addOther = (item: Omit<EvalCase, 'page'>, url: string): void =>
    farm.add(item, other, 'lifehacker-post-comment-load', url, htmlPage(other, 'lifehacker-post-comment-load', url));
  addOther(
    {
      id: 'lifehacker-post-comment-load@copycat',
      split: 'check',
      kind: 'real pair',
      expect: 'repost',
      sourceId: 'lifehacker-working',
    },
    'https://lifehacks-mirror.example/stop-buying-crap',
  );
  addOther(
    {
      id: 'lifehacker-post-comment-load@lifehacker.com',
      split: 'check',
      kind: 'real pair, own site',
      expect: 'original',
      sourceId: 'lifehacker-working',
    },
    `${lifehackerUrl}?comments=1`,
  );
  const group: EvalGroup = {
    name: 'reposts',
    about:
      'real articles (readability news pages, ECB+) re-hosted in content-farm chrome, full and partial; the real Lifehacker pair',
    references,
    cases: farm.html,
    leftOut: { count: leftOut, why: `copies under ${MIN_WORDS} words` },
  };
  if (!alsoSaved) return [group];
  const real: EvalGroup = {
    ...group,
    name: 'real-pages-saved',
    about:
      'each of the 47 real news pages itself saved as text (all it says, its own chrome and all, a block a line), on another site',
    informational: true,
    cases: realSaved,
    leftOut: { count: 0, why: '' },
  };
  return [group, savedGroup(group, farm.saved), real];
}

// ---------------------------------------------------------------- rewrites and generations

interface MixSet {
  id: string;
  human_text: string;
  [variant: string]: string;
}

interface LlmFake {
  news_id: string;
  human_text: string | null;
  chatgpt_paraphrase: string | null;
  chatgpt_rewrite: string | null;
  chatgpt_open_ended: string | null;
}

function llmFakeRows(): Array<LlmFake & { dataset: string }> {
  return ['politifact', 'gossipcop', 'coaid'].flatMap((dataset) =>
    readJsonl<LlmFake>('data', 'llmfake-rewrites', `${dataset}_chatgpt35.jsonl`).map((row) => ({ ...row, dataset })),
  );
}

export function mixsetGroup(): EvalGroup {
  const rows = readJsonl<MixSet>('data', 'mixset-news', 'mixset_news_llm_revisions.jsonl');
  const references = rows.map((row) => {
    const id = `mixset:${row.id}`;
    const url = `https://mixset-source.example/${row.id}`;
    return reference(textPage(row.human_text, id, url), id, url, 'MixSet source');
  });
  const cases: EvalCase[] = [];
  let leftOut = 0;
  for (const row of rows) {
    for (const variant of ['gpt4_rewrite', 'gpt4_polish_sentence', 'llama2_rewrite', 'llama2_polish_sentence']) {
      const text = row[variant];
      if (wordCount(text) < MIN_WORDS) {
        leftOut++;
        continue;
      }
      cases.push(
        ...rewriteCases(`mixset:${row.id}:${variant}`, `mixset:${row.id}`, variant, text as string, `mixset:${row.id}`),
      );
    }
  }
  return {
    name: 'rewrites-mixset',
    about: 'MixSet GPT-4 and Llama-2 rewrite / polish_sentence of human news excerpts, whole and their first 40%',
    references,
    cases,
    leftOut: { count: leftOut, why: `under ${MIN_WORDS} words` },
  };
}

function llmFakeReferences(rows: ReadonlyArray<LlmFake & { dataset: string }>): Reference[] {
  return rows
    .filter((row) => wordCount(row.human_text) >= MIN_WORDS)
    .map((row) => {
      const id = `llmfake:${row.dataset}:${row.news_id}`;
      const url = `https://${row.dataset}-source.example/${row.news_id}`;
      return reference(textPage(row.human_text as string, id, url), id, url, `${row.dataset} source`);
    });
}

/** An LLMFake rewrite to judge: its source's id, the other references with the same text, and the unit that decides
 * its half (the first of those articles, so that rewrites of one text never fall in both halves). */
interface LlmFakeRewrite {
  row: LlmFake & { dataset: string };
  variant: string;
  text: string;
  source: string;
  sameText: string[];
  unit: string;
}

/** Two articles hold the same text when they differ only in white space. */
function sameTextKey(text: string): string {
  return text.split(/\s+/).join(' ');
}

/** Calls `each` with every ChatGPT paraphrase and rewrite long enough to judge (and whose original is); returns how
 * many were left out. */
function eachLlmFakeRewrite(
  rows: ReadonlyArray<LlmFake & { dataset: string }>,
  each: (rewrite: LlmFakeRewrite) => void,
): number {
  const idsByText = new Map<string, string[]>();
  for (const row of rows) {
    if (wordCount(row.human_text) < MIN_WORDS) continue;
    const key = sameTextKey(row.human_text as string);
    idsByText.set(key, [...(idsByText.get(key) ?? []), `llmfake:${row.dataset}:${row.news_id}`]);
  }
  let leftOut = 0;
  for (const row of rows) {
    for (const variant of ['chatgpt_paraphrase', 'chatgpt_rewrite'] as const) {
      const text = row[variant];
      if (wordCount(row.human_text) < MIN_WORDS || wordCount(text) < MIN_WORDS) {
        leftOut++;
        continue;
      }
      const source = `llmfake:${row.dataset}:${row.news_id}`;
      const twins = idsByText.get(sameTextKey(row.human_text as string)) ?? [source];
      each({
        row,
        variant,
        text: text as string,
        source,
        sameText: twins.filter((id) => id !== source),
        unit: `llmfake:${(twins[0] as string).split(':')[2]}`,
      });
    }
  }
  return leftOut;
}

export function llmFakeRewriteGroup(): EvalGroup {
  const rows = llmFakeRows();
  const cases: EvalCase[] = [];
  const leftOut = eachLlmFakeRewrite(rows, ({ row, variant, text, source, sameText, unit }) => {
    cases.push(...rewriteCases(`${source}:${variant}`, unit, `${row.dataset} ${variant}`, text, source, sameText));
  });
  return {
    name: 'rewrites-llmfake',
    about:
      'LLMFake ChatGPT paraphrase / rewrite of PolitiFact, GossipCop and CoAID articles, whole and their first 40%',
    references: llmFakeReferences(rows),
    cases,
    leftOut: { count: leftOut, why: `original or rewrite under ${MIN_WORDS} words` },
  };
}

/** The dates the groups of originals judged against their rewrites give, when dated: each rewrite three days after
 * its original, as a farm publishes its copy of a story it found. */
const ORIGINAL_DATE = '2020-05-01';
const REWRITE_DATE = '2020-05-04';

/**
 * The direction of derivation: each LLMFake original judged against a corpus of the ChatGPT paraphrases and
 * rewrites of them all (as a pack built from a farm's feed holds them), once with no dates and once dated, each
 * rewrite three days after its original. The original must stay original: it is no copy of its own rewrite. The
 * rewrite model reads the pair, not which came first, so undated an original is often called a rewrite of its
 * rewrite; dated, LATER_MIN_DAYS says a later article can be no source. Informational: the dates are the group's.
 */
export function originalsVsRewritesGroups(): EvalGroup[] {
  const rows = llmFakeRows().filter((row) => wordCount(row.human_text) >= MIN_WORDS);
  return [false, true].map((dated) => {
    const seen = new Set<string>();
    const references: Reference[] = [];
    const cases: EvalCase[] = [];
    for (const row of rows) {
      const id = `llmfake:${row.dataset}:${row.news_id}`;
      for (const variant of ['chatgpt_paraphrase', 'chatgpt_rewrite'] as const) {
        const text = row[variant];
        if (wordCount(text) < MIN_WORDS) continue;
        const url = `https://rewrite-farm.example/${row.dataset}/${row.news_id}/${variant}`;
        const page = textPage(text as string, `${id}:${variant}`, url);
        references.push(reference(page, `${id}:${variant}`, url, 'rewrite farm', '', dated ? REWRITE_DATE : ''));
      }
      // An original whose text another row holds too (LLMFake's twins) is judged once.
      const key = sameTextKey(row.human_text as string);
      if (seen.has(key)) continue;
      seen.add(key);
      const page = textPage(row.human_text as string, id, `https://${row.dataset}-source.example/${row.news_id}`);
      cases.push({
        id,
        split: splitOf(id),
        kind: row.dataset,
        expect: 'original',
        sourceId: null,
        // Dated as an HTML page's metadata declares its date (a text page's date line is not compared).
        page: dated ? { ...page, publishedTime: ORIGINAL_DATE, declaredTime: ORIGINAL_DATE } : page,
      });
    }
    return {
      name: dated ? 'originals-vs-rewrites-dated' : 'originals-vs-rewrites',
      about: dated
        ? 'each LLMFake original, dated, judged against a corpus of the ChatGPT rewrites of them all, each dated three days after its original'
        : 'each LLMFake original judged against a corpus of the ChatGPT rewrites of them all, no dates',
      references,
      cases,
      leftOut: { count: 0, why: '' },
      informational: true,
    };
  });
}

/** A rewrite's text as a farm page's paragraphs: its own lines, or runs of three sentences when it has one line. */
function paragraphsOf(text: string): string[] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > 1) return lines;
  const sentences = splitSentences(text).map(({ start, end }) => text.slice(start, end));
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += 3) out.push(sentences.slice(i, i + 3).join(' '));
  return out;
}

/**
 * LLMFake's ChatGPT rewrites and paraphrases as content farms publish them: inside farm page templates with their
 * widgets (ticker, author box, newsletter prompt, share rows, image credits, read-more runs, tags), judged as HTML
 * pages through the CLI's extraction, template by template.
 */
export function chromeRewriteGroups(alsoSaved = false): EvalGroup[] {
  const rows = llmFakeRows();
  const farm = farmCases(alsoSaved);
  let n = 0;
  const leftOut = eachLlmFakeRewrite(rows, ({ row, variant, text, source, sameText, unit }) => {
    const template = TEMPLATES[n % TEMPLATES.length] as Template;
    const host = FARM_HOSTS[n % FARM_HOSTS.length] as string;
    const id = `${source}:${variant}@${template}`;
    const html = repostPage({
      host,
      title: `${row.dataset} story ${row.news_id}`,
      paragraphs: paragraphsOf(text),
      style: n,
      template,
      adsEvery: n % 3 === 0 ? 0 : 3,
      related: n % 2 === 0,
    });
    farm.add(
      {
        id,
        split: splitOf(unit),
        kind: `${variant} in ${template}`,
        expect: 'rewrite',
        sourceId: source,
        ...(sameText.length ? { sameTextSources: sameText } : {}),
        template,
      },
      html,
      id,
      `https://${host}/${row.news_id}-${variant}/`,
    );
    n++;
  });
  const group: EvalGroup = {
    name: 'chrome-rewrites',
    about: 'LLMFake ChatGPT rewrites and paraphrases inside farm page templates with widgets, as HTML pages',
    references: llmFakeReferences(rows),
    cases: farm.html,
    leftOut: { count: leftOut, why: `original or rewrite under ${MIN_WORDS} words` },
  };
  return alsoSaved ? [group, savedGroup(group, farm.saved)] : [group];
}

export function generatedGroup(): EvalGroup {
  const rows = llmFakeRows();
  const cases: EvalCase[] = [];
  let leftOut = 0;
  for (const row of rows) {
    if (wordCount(row.human_text) < MIN_WORDS || wordCount(row.chatgpt_open_ended) < MIN_WORDS) {
      leftOut++;
      continue;
    }
    const id = `llmfake:${row.dataset}:${row.news_id}:open_ended`;
    cases.push({
      id,
      split: splitOf(`llmfake:${row.news_id}`),
      kind: `${row.dataset} open_ended`,
      expect: 'original',
      sourceId: null,
      page: textPage(row.chatgpt_open_ended as string, id, `https://generated-news.example/${row.news_id}`),
      // The generation was prompted with the story: where it restates the source's own narration word for word, it
      // is derived, whatever its label.
      sharedNarration: sharedNarration(row.chatgpt_open_ended as string, row.human_text as string),
    });
  }
  return {
    name: 'generated-not-derived',
    about: 'LLMFake open-ended generations on the same topic (not rewrites of the text): must stay original',
    references: llmFakeReferences(rows),
    cases,
    leftOut: { count: leftOut, why: `original or generation under ${MIN_WORDS} words` },
  };
}

// ---------------------------------------------------------------- independent coverage

interface Basil {
  triplet: string;
  source: string;
  title: string;
  url: string;
  date: string;
  text: string;
}

const OUTLETS: Record<string, string> = { nyt: 'The New York Times', fox: 'Fox News', hpo: 'HuffPost' };

export function basilGroup(): EvalGroup {
  const rows = readJsonl<Basil>('data', 'basil-same-event', 'basil_articles_public.jsonl');
  // One corpus per outlet, holding that outlet's article on every event; each article is checked against the two
  // other outlets' corpora, where the same event's coverage is the only thing it could be flagged against.
  const corpora: Record<string, Reference[]> = {};
  for (const row of rows) {
    const id = `basil:${row.source}:${row.triplet}`;
    (corpora[row.source] ??= []).push(
      reference(textPage(row.text, id, row.url), id, row.url, OUTLETS[row.source] ?? row.source, row.title, row.date),
    );
  }
  const cases: EvalCase[] = [];
  for (const row of rows) {
    for (const outlet of Object.keys(corpora)) {
      if (outlet === row.source) continue;
      const id = `basil:${row.source}:${row.triplet} vs ${outlet}`;
      const other = rows.find((r) => r.source === outlet && r.triplet === row.triplet);
      cases.push({
        id,
        split: splitOf(`basil:${row.triplet}`),
        kind: `${row.source} vs ${outlet}`,
        expect: 'original',
        sourceId: null,
        page: textPage(row.text, id, row.url),
        corpus: outlet,
        sharedNarration: other ? sharedNarration(row.text, other.text) : 0,
      });
    }
  }
  return {
    name: 'independent-basil',
    about:
      "BASIL: 50 events covered by NYT, Fox News and HuffPost; each article checked against the other outlets' coverage",
    references: [],
    corpora,
    cases,
    leftOut: { count: 0, why: '' },
  };
}

interface EcbDoc {
  doc: string;
  subtopic: string;
  url: string | null;
  text: string;
}

function outletOf(doc: EcbDoc): string {
  return doc.url ? new URL(doc.url).hostname.replace(/^(www|articles|usatoday30)\./, '') : `unknown:${doc.doc}`;
}

export function ecbGroups(): { independent: EvalGroup; silver: EvalGroup } {
  const docs = readJsonl<EcbDoc>('data', 'ecbplus', 'ecbplus_docs.jsonl');
  const silver = readJsonl<{ subtopic: string; doc_a: string; doc_b: string }>(
    'data',
    'ecbplus',
    'SILVER_within_subtopic_near_duplicates.jsonl',
  );
  const silverPairs = new Set(silver.flatMap((p) => [`${p.doc_a}|${p.doc_b}`, `${p.doc_b}|${p.doc_a}`]));
  const byDoc = new Map(docs.map((d) => [d.doc, d]));
  const urlOf = (doc: EcbDoc): string =>
    doc.url ??
    `https://${outletOf(doc)
      .replace(':', '-')
      .replace(/[^a-z0-9-]/gi, '')}.example/${doc.doc}`;
  const refOf = (doc: EcbDoc): Reference =>
    reference(textPage(doc.text, doc.doc, urlOf(doc)), `ecb:${doc.doc}`, urlOf(doc), outletOf(doc));

  const bySubtopic = new Map<string, EcbDoc[]>();
  for (const doc of docs) bySubtopic.set(doc.subtopic, [...(bySubtopic.get(doc.subtopic) ?? []), doc]);
  const references: Reference[] = [];
  const cases: EvalCase[] = [];
  let leftOut = 0;
  for (const [subtopic, group] of bySubtopic) {
    const sorted = [...group].sort((a, b) => a.doc.localeCompare(b.doc, 'en', { numeric: true }));
    const ref = sorted.find((d) => wordCount(d.text) >= MIN_WORDS);
    if (!ref) continue;
    references.push(refOf(ref));
    for (const doc of sorted) {
      if (doc === ref || outletOf(doc) === outletOf(ref)) continue;
      if (silverPairs.has(`${ref.doc}|${doc.doc}`)) continue;
      if (wordCount(doc.text) < MIN_WORDS) {
        leftOut++;
        continue;
      }
      cases.push({
        id: `ecb:${doc.doc}`,
        split: splitOf(`ecb:${subtopic}`),
        kind: subtopic.endsWith('ecbplus') ? 'ecb+' : 'ecb',
        expect: 'original',
        sourceId: null,
        page: textPage(doc.text, doc.doc, urlOf(doc)),
        sharedNarration: sharedNarration(doc.text, ref.text),
      });
    }
  }
  const silverRefs: Reference[] = [];
  const silverCases: EvalCase[] = [];
  for (const pair of silver) {
    const a = byDoc.get(pair.doc_a);
    const b = byDoc.get(pair.doc_b);
    if (!a || !b) continue;
    if (!silverRefs.some((r) => r.id === `ecb:${a.doc}`)) silverRefs.push(refOf(a));
    silverCases.push({
      id: `ecb:${b.doc}~${a.doc}`,
      split: splitOf(`ecb:${pair.subtopic}`),
      kind: 'silver',
      expect: 'repost',
      sourceId: `ecb:${a.doc}`,
      page: textPage(b.text, b.doc, `https://wire-copy.example/${b.doc}`),
    });
  }
  return {
    independent: {
      name: 'independent-ecb',
      about:
        "ECB+: other outlets' documents on the same event as a corpus document (silver near-duplicate pairs left out)",
      references,
      cases,
      leftOut: { count: leftOut, why: `under ${MIN_WORDS} words` },
    },
    silver: {
      name: 'ecb-silver-wire',
      about: 'ECB+ silver pairs (>0.5 8-gram containment, computed not labelled): likely wire copies, reported apart',
      references: silverRefs,
      cases: silverCases,
      leftOut: { count: 0, why: '' },
      informational: true,
    },
  };
}

// ---------------------------------------------------------------- Clough & Stevenson

export function cloughGroup(): EvalGroup {
  const dir = ['data', 'clough-stevenson', 'data'];
  const references = ['a', 'b', 'c', 'd', 'e'].map((task) => {
    const id = `clough:orig_task${task}`;
    const url = `https://clough-source.example/task${task}`;
    return reference(
      textPage(readFileSync(sharedPath(...dir, `orig_task${task}.txt`)), id, url),
      id,
      url,
      'Clough source',
    );
  });
  const lines = readFileSync(sharedPath(...dir, 'file_information.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const cases: EvalCase[] = [];
  let leftOut = 0;
  for (const line of lines) {
    const [file, task, category] = line.trim().split(',') as [string, string, string];
    if (category === 'orig') continue;
    const bytes = readFileSync(sharedPath(...dir, file));
    if (wordCount(bytes.toString('latin1')) < MIN_WORDS) {
      leftOut++;
      continue;
    }
    const expect: VerdictKind = category === 'non' ? 'original' : category === 'cut' ? 'repost' : 'rewrite';
    cases.push({
      id: `clough:${file}`,
      split: splitOf(`clough:${file.split('_')[0]}`),
      kind: category,
      expect,
      ...(category === 'cut' ? { alsoRight: ['rewrite' as VerdictKind] } : {}),
      sourceId: category === 'non' ? null : `clough:orig_task${task}`,
      page: textPage(bytes, file, `https://student-answers.example/${file}`),
    });
  }
  return {
    name: 'clough-stevenson',
    about: 'short answers: cut -> repost or rewrite, light/heavy -> rewrite, non -> original',
    references,
    cases,
    leftOut: { count: leftOut, why: `under ${MIN_WORDS} words` },
  };
}
