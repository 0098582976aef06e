import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseDomainList } from '../../src/extension/context-lists';
import {
  learnDecision,
  linkedSites,
  MIN_LEARNED_WORDS,
  pageIsOriginalOf,
  trustedList,
  type LearnablePage,
} from '../../src/extension/learning';
import { DEFAULT_SETTINGS } from '../../src/extension/messages';

const read = (file: string) => parseDomainList(file, readFileSync(`public/lists/${file}`, 'utf8'));
const trusted = read('trusted-publishers.txt');
const farms = ['content-farms.txt', 'ai-content.txt', 'unreliable-news.txt', 'fake-news.txt'].map(read);

const article: LearnablePage = {
  url: 'https://www.nytimes.com/2025/02/27/us/politics/trump-mexico-cartels.html',
  canonicalUrl: 'https://www.nytimes.com/2025/02/27/us/politics/trump-mexico-cartels.html',
  words: 1178,
  articleMetadata: true,
  mainText: true,
  incognito: false,
};
const decide = (page: Partial<LearnablePage>, settings = DEFAULT_SETTINGS) =>
  learnDecision({ ...article, ...page }, settings, trustedList(trusted, settings), farms);

describe('which pages are learned as originals', () => {
  test('the bundled trusted list holds the reliable-domains list and the majors it lacks', () => {
    expect(trusted.domains.size).toBeGreaterThanOrEqual(2015);
    for (const domain of ['nytimes.com', 'theguardian.com', 'bbc.co.uk', 'reuters.com', 'apnews.com'])
      expect(trusted.domains.has(domain)).toBe(true);
  });

  test('an article on a trusted publisher’s own site is learned', () => {
    expect(decide({})).toEqual({ learn: true });
    expect(
      decide({
        url: 'https://www.theguardian.com/world/2025/x',
        canonicalUrl: 'https://www.theguardian.com/world/2025/x',
      }),
    ).toEqual({ learn: true });
  });

  test.each([
    ['a private window', { incognito: true }, /private window/],
    [
      'another canonical (an AMP or syndicated view)',
      { canonicalUrl: 'https://example.org/original' },
      /another address/,
    ],
    ['a short brief', { words: MIN_LEARNED_WORDS - 1 }, /too short/],
    ['no article shape', { articleMetadata: false, mainText: false }, /does not look like an article/],
    [
      'an untrusted site',
      { url: 'https://blog.example/a', canonicalUrl: 'https://blog.example/a' },
      /not on the trusted/,
    ],
    [
      'a content farm',
      { url: 'https://accountinginsights.org/x', canonicalUrl: 'https://accountinginsights.org/x' },
      /is on “/,
    ],
  ])('not learned: %s', (_, page, why) => {
    const decision = decide(page);
    expect(decision.learn).toBe(false);
    expect(decision.learn === false && decision.why).toMatch(why);
  });

  test('paused learning learns nothing; learning everywhere still never learns a listed farm', () => {
    expect(decide({}, { ...DEFAULT_SETTINGS, learning: false })).toEqual({ learn: false, why: 'learning is paused' });
    const everywhere = { ...DEFAULT_SETTINGS, learnEverywhere: true };
    expect(decide({ url: 'https://blog.example/a', canonicalUrl: 'https://blog.example/a' }, everywhere)).toEqual({
      learn: true,
    });
    expect(
      decide({ url: 'https://accountinginsights.org/x', canonicalUrl: 'https://accountinginsights.org/x' }, everywhere)
        .learn,
    ).toBe(false);
  });

  test('the reader’s edits to the trusted list apply (added and removed)', () => {
    const edited = { ...DEFAULT_SETTINGS, trustedAdded: ['blog.example'], trustedRemoved: ['nytimes.com'] };
    expect(decide({ url: 'https://news.blog.example/a', canonicalUrl: 'https://news.blog.example/a' }, edited)).toEqual(
      { learn: true },
    );
    expect(decide({}, edited).learn).toBe(false);
  });
});

describe('a copy or rewrite seen before its original', () => {
  const page = { url: 'https://www.reuters.com/world/story', publishedAt: '2026-11-20T09:00:00Z' };
  test('the page is the original when the learned one credits its site', () => {
    expect(
      pageIsOriginalOf(page, { url: 'https://apnews.com/x', publishedAt: '', links: ['https://reuters.com/'] }),
    ).toBe(true);
  });
  test('the page is the original when the learned one was published later', () => {
    expect(
      pageIsOriginalOf(page, { url: 'https://apnews.com/x', publishedAt: '2026-11-20T15:00:00Z', links: [] }),
    ).toBe(true);
  });
  test('the first learned stays the original when it is older, or when a date is missing and nothing credits', () => {
    expect(pageIsOriginalOf(page, { url: 'https://apnews.com/x', publishedAt: '2026-11-19', links: [] })).toBe(false);
    expect(pageIsOriginalOf(page, { url: 'https://apnews.com/x', publishedAt: '', links: [] })).toBe(false);
    expect(
      pageIsOriginalOf(
        { ...page, publishedAt: '' },
        { url: 'https://apnews.com/x', publishedAt: '2026-11-21', links: [] },
      ),
    ).toBe(false);
  });
  test('a learned article keeps only the other sites it links to, each once', () => {
    expect(
      linkedSites(
        ['https://www.reuters.com/a', 'https://reuters.com/b', 'https://apnews.com/self', 'javascript:x'],
        'https://apnews.com/self',
      ),
    ).toEqual(['https://reuters.com/']);
  });
});
