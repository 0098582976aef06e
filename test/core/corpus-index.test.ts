import { describe, expect, test } from 'vitest';
import {
  buildSegmentIndex,
  CorpusIndex,
  fingerprintText,
  fmix32,
  judge,
  PackEncoder,
  readPack,
  type Reference,
  type Verdict,
} from '../../src/core';
import { INDEPENDENT_PARAGRAPHS, ORIGINAL, ORIGINAL_PARAGRAPHS, REWRITE_TEXT } from '../fixtures/story';

/** Growing and shrinking the corpus without rebuilding it: what learning and subscriptions do. */
const original = ORIGINAL_PARAGRAPHS.join('\n');
const courier: Reference = { id: 'courier', ...ORIGINAL, ...fingerprintText(original) };
const others: Reference[] = INDEPENDENT_PARAGRAPHS.map((p, i) => ({
  id: `other-${i}`,
  url: `https://other${i}.example/a`,
  publisher: `Other ${i}`,
  title: '',
  publishedAt: '',
  ...fingerprintText(`${p}\n${INDEPENDENT_PARAGRAPHS[(i + 1) % INDEPENDENT_PARAGRAPHS.length]}`),
}));

/** A distinct reference of the same shape: every stored hash re-salted (as the benchmark multiplies references). */
function salted(ref: Reference, salt: number): Reference {
  return {
    ...ref,
    id: `${ref.id}#${salt}`,
    shingles: ref.shingles.map((h) => fmix32(h ^ salt)),
    sentences: ref.sentences.map((codes) =>
      codes.map((c) => (fmix32((c & 0x7fff) ^ salt) & 0x7fff || 1) | (c & 0x8000)),
    ),
  };
}

function segmentOf(refs: readonly Reference[]) {
  const encoder = new PackEncoder();
  for (const ref of refs) encoder.add(ref);
  return readPack(encoder.finish());
}

/** A text's content codes by sentence, as the lookup takes them. */
const codesOf = (text: { sentences: readonly ArrayLike<number>[] }): number[][] =>
  text.sentences.map((codes) => Array.from(codes));

/** A reference of one text, with a made-up address (`${id}.example`). */
const textRef = (id: string, text: string): Reference => ({
  id,
  url: `https://${id}.example/a`,
  publisher: id,
  title: '',
  publishedAt: '',
  ...fingerprintText(text),
});

const verdictOn = (index: CorpusIndex, text: string): Verdict => {
  const result = judge({ text, url: 'https://farm.example/x' }, index);
  if (result.verdict === null) throw new Error(result.reason);
  return result;
};

describe('a corpus that grows and shrinks', () => {
  test('a reference added one at a time is found at once, and is gone once removed', () => {
    const index = new CorpusIndex(others);
    expect(verdictOn(index, original).source).toBeNull();
    index.add(courier);
    expect(index.size).toBe(others.length + 1);
    const copy = verdictOn(index, original);
    expect([copy.verdict, copy.source?.id]).toEqual(['repost', 'courier']);
    expect(verdictOn(index, REWRITE_TEXT).source?.id).toBe('courier');
    index.remove(others.length); // the added reference comes after the segment's
    expect(index.size).toBe(others.length);
    expect(verdictOn(index, original).source).toBeNull();
  });

  test('a pack joins as one segment and leaves with all its references', () => {
    const index = new CorpusIndex(others);
    const pack = index.addSegment(segmentOf([courier, salted(courier, 7)]), undefined, 'harlow');
    expect(index.size).toBe(others.length + 2);
    expect(verdictOn(index, original).source?.id).toBe('courier');
    index.removeSegment(pack);
    expect(index.size).toBe(others.length);
    expect(verdictOn(index, original).source).toBeNull();
  });

  test('a removed reference of a segment is skipped, its neighbours still found', () => {
    const index = new CorpusIndex([...others, courier]);
    index.remove(others.length);
    expect(verdictOn(index, original).source).toBeNull();
    // other-0 holds the first two paragraphs of the independent report.
    expect(verdictOn(index, INDEPENDENT_PARAGRAPHS.slice(0, 2).join('\n')).source?.id).toBe('other-0');
  });

  test('adding one at a time finds what one segment of the same references finds', () => {
    const refs = [...others, courier, ...Array.from({ length: 30 }, (_, i) => salted(courier, i + 1))];
    const whole = new CorpusIndex(refs);
    const grown = new CorpusIndex();
    for (const ref of refs) grown.add(ref);
    for (const text of [original, REWRITE_TEXT, INDEPENDENT_PARAGRAPHS.join('\n')]) {
      const a = verdictOn(whole, text);
      const b = verdictOn(grown, text);
      expect([b.verdict, b.source?.id]).toEqual([a.verdict, a.source?.id]);
    }
  });

  test('past DELTA_LIMIT additions are folded into a segment and stay findable', () => {
    const index = new CorpusIndex();
    for (let salt = 1; salt <= 4100; salt++) index.add(salted(others[salt % others.length] as Reference, salt));
    index.add(courier);
    expect(index.size).toBe(4101);
    expect(verdictOn(index, original).source?.id).toBe('courier');
  });
});

describe('content keys filed under too many references', () => {
  // scanLimit 0: every content code is unread, as every one of the 32,768 keys is in a corpus of a million.
  const crowd = Array.from({ length: 40 }, (_, i) => salted(others[i % others.length] as Reference, i + 1));

  test('a copy and a rewrite still find their source, through the pairs of its first codes', () => {
    const index = new CorpusIndex([...crowd, ...others, courier], { scanLimit: 0 });
    const copy = verdictOn(index, original);
    expect([copy.verdict, copy.source?.id]).toEqual(['repost', 'courier']);
    const rewrite = verdictOn(index, REWRITE_TEXT);
    expect([rewrite.verdict, rewrite.source?.id]).toEqual(['rewrite', 'courier']);
    expect(verdictOn(index, INDEPENDENT_PARAGRAPHS.slice(0, 2).join('\n')).source?.id).toBe('other-0');
  });

  test('without shared wording, the pairs alone find the source', () => {
    // No shingle in common: the rewrite's own sentences, its codes only, stand for a page that shares no wording.
    const sentences = codesOf(fingerprintText(REWRITE_TEXT));
    const unread = new CorpusIndex([...crowd, courier], { scanLimit: 0 });
    const top = unread.candidates([], sentences);
    expect(unread.meta((top[0] as { index: number }).index).id).toBe('courier');
  });

  test("a rewrite of a long article's first part finds it through the pairs of the names it opens with", () => {
    // The Courier's story with a tail of 120 names of its own, each as rare as its opening's (in this reference
    // alone): the pairs it files are of the names it uses first, which a rewrite of its opening keeps. (Paired by
    // rarity, ties by code, as before 2026-12-03, they were nearly all from the tail, and it was not found.)
    const syllables = ['Bel', 'Cor', 'Dra', 'Fen', 'Gal', 'Hul', 'Ivo', 'Jor', 'Kel', 'Lum'];
    const endings = ['ton', 'ridge', 'mere', 'ford', 'wick', 'stead', 'holm', 'by', 'dale', 'worth', 'combe', 'ley'];
    const names = syllables.flatMap((a) => endings.map((b) => `${a}${b}`));
    const tail = Array.from(
      { length: names.length / 3 },
      (_, i) => `Later, ${names[3 * i]} met ${names[3 * i + 1]} and ${names[3 * i + 2]} to talk about the river again.`,
    );
    const long: Reference = {
      id: 'courier-long',
      ...ORIGINAL,
      ...fingerprintText([...ORIGINAL_PARAGRAPHS, ...tail].join('\n')),
    };
    // No shingle in common, as a heavy paraphrase shares none: the rewrite's first paragraph, by its codes.
    const opening = REWRITE_TEXT.split('\n').slice(1, 2).join('\n');
    const sentences = codesOf(fingerprintText(opening));
    const index = new CorpusIndex([...crowd, ...others, long], { scanLimit: 0 });
    const top = index.candidates([], sentences);
    expect(top.map((c) => index.meta(c.index).id)).toContain('courier-long');
  });

  test('names that thousands of articles hold together are read rarest first, up to the budget', () => {
    // 4,100 briefs open with the same three names, each then with one of its own. A brief's own name finds it, read
    // first as the rarest; a page naming only the three makes no verdict of the briefs it is among.
    const briefs = Array.from({ length: 4100 }, (_, i) =>
      textRef(
        `brief-${i}`,
        `On Monday, Alpha Bravo and Charlie met Q${i.toString(36)}x about the harbour fees, the ferry timetable and the new car park.`,
      ),
    );
    const index = new CorpusIndex(briefs, { scanLimit: 0 });
    const own = fingerprintText('Yesterday Alpha Bravo and Charlie met Q2bx by the water, where the boats are moored.');
    expect(index.meta((index.candidates([], codesOf(own))[0] as { index: number }).index).id).toBe('brief-83');
    const names =
      'Yesterday Alpha Bravo and Charlie spoke once more about nothing in particular at the quiet offices. ' +
      'They talked of weather, of gardens in spring, of a concert that had been put off twice, and of a cousin ' +
      'who moved north last winter; nobody wrote any of it down, and by evening it was all forgotten again.';
    expect(index.candidates([], codesOf(fingerprintText(names))).length).toBeGreaterThan(0); // their pairs are read
    const verdict = verdictOn(index, names);
    expect([verdict.match, verdict.source]).toEqual(['none', null]); // and no brief is its source
    // Past the budget (4,000 postings, under one common pair's 4,100) the common pairs are not read; the rare one is.
    const tight = new CorpusIndex(briefs, { scanLimit: 0, pairBudget: 4_000 });
    expect(tight.candidates([], codesOf(fingerprintText(names)))).toEqual([]);
    expect(tight.meta((tight.candidates([], codesOf(own))[0] as { index: number }).index).id).toBe('brief-83');
  });

  test('a page whose every pair thousands of references share still finds the one holding them all', () => {
    // Ten figures, each brief quoting nine of them (brief k leaves out figure k mod 10): every pair of figures is
    // filed under 4,160 of the 5,200 briefs and the source, which quotes all ten. Until 2026-12-04 a pair filed under
    // more than 4,096 references was never read, and a page restating the source had no candidate at all.
    const figures = ['1101', '2202', '3303', '4404', '5505', '6606', '7707', '8808', '9909', '1010'];
    const briefs = Array.from({ length: 5200 }, (_, i) =>
      textRef(`brief-${i}`, `The fund paid ${figures.filter((_, f) => f !== i % 10).join(', ')} to the harbour trust.`),
    );
    const source = textRef('ledger', `The fund paid ${figures.join(', ')} to the harbour trust, its treasurer said.`);
    const index = new CorpusIndex([...briefs, source], { scanLimit: 0 });
    const page = fingerprintText(`Payments of ${figures.join(', ')} were made, we hear.`);
    const top = index.candidates([], codesOf(page));
    expect(top.map((c) => index.meta(c.index).id)[0]).toBe('ledger');
  });

  test('names the page capitalises and the reference does not pair as the reference writes them', () => {
    // A reference in lower case (as MixSet's excerpts are, or a post typed in a hurry): its names are words there.
    const lower = textRef(
      'lower',
      'harlow council and the environment agency agreed with quay street traders on the floodwall plan. ' +
        'work starts in the spring and should take two years, the traders were told at a meeting on tuesday.',
    );
    // Another outlet's report writes them as names, as most of a large corpus does.
    const report = textRef(
      'report',
      'A survey of Quay Street found that nine shops had closed, and Harlow Council blamed the Environment Agency ' +
        'for the long delay over the river defences.',
    );
    const index = new CorpusIndex([...crowd, report, lower], { scanLimit: 0 });
    // A rewrite that capitalises them, sharing no wording: its names are names, its other words the rewrite's own.
    const rewrite = fingerprintText(
      'Traders on Quay Street said this week that Harlow Council had finally settled their long dispute with the ' +
        'Environment Agency over the new wall.',
    );
    expect(index.candidates([], codesOf(rewrite)).map((c) => index.meta(c.index).id)).toContain('lower');
  });

  test('a segment read key by key and one read through pairs are searched together', () => {
    const index = new CorpusIndex(crowd); // the default limit: every list read
    index.addSegment(segmentOf([...others, courier]), buildSegmentIndex(segmentOf([...others, courier]), 0), 'pairs');
    expect(verdictOn(index, REWRITE_TEXT).source?.id).toBe('courier');
    index.add(salted(courier, 99)); // one at a time: read key by key
    expect(verdictOn(index, original).source?.id).toBe('courier');
  });
});
