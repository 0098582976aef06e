import { describe, expect, test } from 'vitest';
import {
  analyzeText,
  compare,
  fingerprintText,
  pageFingerprint,
  type Comparison,
  type Reference,
} from '../../src/core';
import { INDEPENDENT_PARAGRAPHS, ORIGINAL, ORIGINAL_PARAGRAPHS, REWRITE_TEXT } from '../fixtures/story';

/** The comparison measurements, on pairs small enough to count by hand, and in order on the story fixtures. */
const referenceOf = (text: string): Reference => ({ id: 'ref', ...ORIGINAL, ...fingerprintText(text) });
const measure = (page: string, ref: string): Comparison =>
  compare(pageFingerprint(analyzeText(page)), referenceOf(ref));

/** A text's content weight as the measurements count it (names and numbers weigh double). */
const pageWeight = (text: string): number => pageFingerprint(analyzeText(text)).contentWeight;

describe('comparison measurements on hand-made pairs', () => {
  const source = [
    'Officials in Harlow approved a floodwall worth 48 million dollars on Tuesday.',
    'The council chamber was packed with residents from the flooded riverside streets.',
    'Construction of the barrier will begin next spring along the eastern bank.',
  ].join('\n');

  test('a page identical to the reference: everything shared, nothing new', () => {
    const c = measure(source, source);
    expect(c).toMatchObject({
      copied: 1,
      copiedOfSource: 1,
      simhashDistance: 0,
      contentContainment: 1,
      pairContainment: 1,
      alignedShare: 1,
      order: 1,
      sourceCoverage: 1,
      softAlign: 1,
      newFactsShare: 0,
      factsKept: 1,
      lengthRatio: 1,
    });
    expect(c.alignment).toEqual([0, 1, 2]);
  });

  test('new facts: the share of the page names and numbers the reference lacks', () => {
    // Page names and numbers: Harlow, 48, Tuesday (all in the reference) and Brenda, Kale (new): 2 of 5.
    const c = measure(
      'Officials in Harlow approved a floodwall worth 48 million dollars on Tuesday, said Brenda Kale.',
      source,
    );
    expect(c.newFactsShare).toBeCloseTo(2 / 5, 10);
    expect(c.sharedFacts).toBe(3);
    expect(c.factsKept).toBe(1);
    // What the page keeps counts for less by the share it adds; a page adding any fact shares none "with none new".
    expect(c.containedWithoutNewFacts).toBeCloseTo(c.contentContainment * (3 / 5), 10);
    expect(c.sharedFactsNoneNew).toBe(0);
    const kept = measure('Officials in Harlow approved a floodwall worth 48 million dollars on Tuesday.', source);
    expect(kept.newFactsShare).toBe(0);
    expect(kept.sharedFactsNoneNew).toBeCloseTo(3 / 20, 10);
    expect(kept.containedWithoutNewFacts).toBe(kept.contentContainment);
  });

  test("own passage: the longest run of the page's sentences that hardly match the reference", () => {
    expect(measure(source, source).ownPassage).toBe(0);
    // Two sentences of the page's own between restated ones, and one more after: the run of two is the longest.
    const own = [
      'Beekeepers across the valley reported swarms leaving their hives early this spring.',
      'Orchard growers fear pollination shortfalls for apples and pears.',
    ];
    const lines = source.split('\n');
    const page = [lines[0], ...own, lines[1], 'Gardeners planted wildflower strips along hedgerows.', lines[2]];
    const c = measure(page.join('\n'), source);
    const total = page.reduce((sum, line) => sum + pageWeight(line as string), 0);
    expect(c.ownPassage).toBeCloseTo(own.reduce((sum, line) => sum + pageWeight(line), 0) / total, 10);
  });

  test('reach: how far into the reference the page restates it', () => {
    const lines = source.split('\n');
    expect(measure(source, source).reach).toBe(1);
    // A generated text's shape: the lead restated, then commentary of its own (sharing the odd word: "residents").
    const leadThenCommentary = [
      lines[0],
      'Residents will be watching closely to see whether the promises are kept.',
      'Such projects often test the patience of everyone involved.',
    ].join('\n');
    expect(measure(leadThenCommentary, source).reach).toBeCloseTo(1 / 3, 10);
    // The lead and the last sentence, in another order: reach is the furthest sentence restated, not the last one read.
    expect(measure([lines[2], lines[0]].join('\n'), source).reach).toBe(1);
    expect(measure('Gardeners planted wildflower strips along hedgerows.', source).reach).toBe(0);
  });

  test('order: the same sentences in reverse keep one sentence in order of three', () => {
    const reversed = source.split('\n').reverse().join('\n');
    const c = measure(reversed, source);
    expect(c.alignment).toEqual([2, 1, 0]);
    expect(c.order).toBeCloseTo(1 / 3, 10);
    expect(c.alignedShare).toBe(1);
  });

  test('a sentence merging two adjacent reference sentences aligns with the pair, at a discount', () => {
    const merged =
      'Officials in Harlow approved a floodwall worth 48 million dollars as the council chamber was packed with residents from the flooded riverside streets.';
    const c = measure(merged, source);
    expect(c.alignment).toEqual([0]);
    expect(c.softAlign).toBeGreaterThan(0.5);
    expect(c.softAlign).toBeLessThan(1);
  });

  test('a page sharing no content word aligns nothing and copies nothing', () => {
    const c = measure('Quarterly earnings at the bakery chain rose sharply as bread prices climbed again.', source);
    expect(c).toMatchObject({ copied: 0, contentContainment: 0, alignedShare: 0, softAlign: 0, sourceCoverage: 0 });
    expect(c.alignment).toEqual([-1]);
  });
});

describe('comparison measurements rank a copy above a rewrite above another outlet’s report', () => {
  const original = ORIGINAL_PARAGRAPHS.join('\n');
  const copy = measure(original, original);
  const rewrite = measure(REWRITE_TEXT, original);
  const independent = measure(INDEPENDENT_PARAGRAPHS.join('\n'), original);
  const unrelated = measure(
    'Quarterly earnings at the bakery chain rose sharply as bread prices climbed again.\nThe chain plans forty new shops in the north next year, its chief executive said on a call with analysts.',
    original,
  );

  test.each(['contentContainment', 'alignedShare', 'softAlign', 'rareSoftAlign', 'sourceCoverage'] as const)(
    '%s: copy > rewrite > independent report >= unrelated',
    (name) => {
      expect(copy[name]).toBeGreaterThan(rewrite[name]);
      expect(rewrite[name]).toBeGreaterThan(independent[name]);
      expect(independent[name]).toBeGreaterThanOrEqual(unrelated[name]);
    },
  );

  test('word-for-word copying separates the copy from everything else', () => {
    expect(copy.copied).toBe(1);
    expect(rewrite.copied).toBeLessThan(0.2);
    expect(independent.copied).toBeLessThan(0.2);
  });

  test('the independent report brings facts of its own, the rewrite hardly any', () => {
    expect(independent.newFactsShare).toBeGreaterThan(rewrite.newFactsShare);
    expect(copy.newFactsShare).toBe(0);
  });

  test('simhash distance grows from copy to rewrite to unrelated text', () => {
    expect(copy.simhashDistance).toBe(0);
    expect(rewrite.simhashDistance).toBeGreaterThan(copy.simhashDistance);
    expect(unrelated.simhashDistance).toBeGreaterThan(10);
  });
});
