import { analyzeText, type TextAnalysis } from './analyze';
import type { Hash64 } from './hash';

/** What a pack keeps of a reference article: metadata and fingerprints, never its text. */
export interface ReferenceMeta {
  id: string;
  url: string;
  publisher: string;
  title: string;
  /** ISO date (YYYY-MM-DD or full timestamp), or '' when unknown. */
  publishedAt: string;
}

export interface ReferenceFingerprint {
  /** Tokens in the article text. */
  words: number;
  simhash: Hash64;
  /** Winnowed 32-bit shingle hashes, sorted ascending, no repeats. */
  shingles: Uint32Array;
  /** Content-word codes per sentence (see `contentCode`), sentences in article order. */
  sentences: Uint16Array[];
}

export type Reference = ReferenceMeta & ReferenceFingerprint;

function fingerprintAnalysis(analysis: TextAnalysis): ReferenceFingerprint {
  const shingles = Uint32Array.from(new Set(analysis.winnowed.hashes)).sort();
  return {
    words: analysis.tokens.words.length,
    simhash: analysis.simhash,
    shingles,
    sentences: analysis.sentenceCodes.filter((codes) => codes.length > 0).map((codes) => Uint16Array.from(codes)),
  };
}

export function fingerprintText(text: string): ReferenceFingerprint {
  return fingerprintAnalysis(analyzeText(text));
}
