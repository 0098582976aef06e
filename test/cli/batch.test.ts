import { describe, expect, test } from 'vitest';
import { inWindows, SITE_LINES_WINDOW_CHARS } from '../../src/cli/batch';

/** A load that answers after a delay unrelated to the item's place, so results come back out of order. */
const delayed = async (n: number): Promise<number> => {
  await new Promise((resolve) => setTimeout(resolve, (n * 7) % 5));
  return n;
};

describe('a batch is read a window at a time', () => {
  test('windows of the size asked, every item once, in input order, each window before the next loads', async () => {
    const items = Array.from({ length: 45 }, (_, i) => i);
    const windows: number[][] = [];
    let loaded = 0;
    await inWindows(
      items,
      20,
      delayed,
      () => 1,
      () => loaded++,
      (results) => {
        expect(loaded).toBe(windows.flat().length + results.length);
        windows.push(results.map(({ item, result }) => (expect(result).toBe(item), item)));
      },
    );
    expect(windows.map((w) => w.length)).toEqual([20, 20, 5]);
    expect(windows.flat()).toEqual(items);
  });

  test('pages judged each alone are handed on one by one, in input order', async () => {
    const items = Array.from({ length: 30 }, (_, i) => i);
    const seen: number[] = [];
    await inWindows(
      items,
      1,
      delayed,
      () => 1,
      () => {},
      (results) => {
        expect(results).toHaveLength(1);
        seen.push(results[0]?.item as number);
      },
    );
    expect(seen).toEqual(items);
  });

  test('a window closes early when its texts are large, so that a batch of huge pages is never all in memory', async () => {
    // Pages of a tenth of the budget each: a window stops loading once it holds the budget (the loads already
    // started still come in), far short of its 200 pages.
    const items = Array.from({ length: 100 }, (_, i) => i);
    const windows: number[] = [];
    await inWindows(
      items,
      200,
      delayed,
      () => SITE_LINES_WINDOW_CHARS / 10,
      () => {},
      (results) => {
        windows.push(results.length);
      },
    );
    expect(windows.reduce((a, b) => a + b, 0)).toBe(100);
    for (const size of windows) expect(size).toBeLessThanOrEqual(10 + 16);
    expect(windows.length).toBeGreaterThanOrEqual(4);
  });
});
