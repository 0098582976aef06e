import type { Reference } from '../fingerprint/fingerprint';
import { CONTENT_KEY_MASK, ENTITY_FLAG } from '../fingerprint/params';
import { Postings } from './postings';
import { CANDIDATE_LIMIT, MIN_CANDIDATE_SCORE, RARE_WORDS_PER_REFERENCE } from './params';

/**
 * Finds the few references worth scoring for a page, without looking at every reference: the page's winnowed
 * shingle hashes (shared wording), its names and numbers (shared facts, which survive a rewrite) and its other
 * content words (a rewrite keeps its source's rarer words: "flotilla", "arsonist") are looked up in three inverted
 * indexes, and references are ranked by the rarity-weighted keys they share with the page. The third index holds
 * only each reference's RARE_WORDS_PER_REFERENCE rarest content words (by how many references use them), which keeps
 * it a fraction of the size of a full word index.
 */
export interface Candidate {
  index: number;
  score: number;
}

export class CorpusIndex {
  readonly references: readonly Reference[];
  private readonly shingles: Postings;
  private readonly entities: Postings;
  private readonly rareWords: Postings;
  /** How many references use each content-word key. */
  private readonly wordFrequency: Uint32Array;

  constructor(references: readonly Reference[]) {
    this.references = references;
    const shingles = { keys: [] as number[], refs: [] as number[] };
    const entities = { keys: [] as number[], refs: [] as number[] };
    references.forEach((ref, r) => {
      for (const hash of ref.shingles) {
        shingles.keys.push(hash);
        shingles.refs.push(r);
      }
      for (const code of entityCodes(ref.sentences)) {
        entities.keys.push(code);
        entities.refs.push(r);
      }
    });
    this.shingles = new Postings(shingles);
    this.entities = new Postings(entities);
    this.wordFrequency = new Uint32Array(CONTENT_KEY_MASK + 1);
    const wordsOf = references.map((ref) => wordKeys(ref.sentences));
    for (const keys of wordsOf) for (const key of keys) this.wordFrequency[key]!++;
    const rare = { keys: [] as number[], refs: [] as number[] };
    const span = CONTENT_KEY_MASK + 1;
    wordsOf.forEach((keys, r) => {
      // Rarest first, ties by key: frequency and key packed in one number, so the sort is the engine's numeric one.
      const ranked = Float64Array.from(keys, (key) => (this.wordFrequency[key] as number) * span + key).sort();
      for (const packed of ranked.subarray(0, RARE_WORDS_PER_REFERENCE)) {
        rare.keys.push(packed % span);
        rare.refs.push(r);
      }
    });
    this.rareWords = new Postings(rare);
  }

  candidates(pageShingles: Iterable<number>, pageSentences: readonly (readonly number[])[]): Candidate[] {
    const n = this.references.length;
    const found = new Map<number, Candidate>();
    const entry = (index: number): Candidate => {
      let candidate = found.get(index);
      if (!candidate) {
        candidate = { index, score: 0 };
        found.set(index, candidate);
      }
      return candidate;
    };
    for (const hash of new Set(pageShingles)) {
      const refs = this.shingles.lookup(hash);
      const weight = Math.log(1 + n / refs.length);
      for (const r of refs) {
        entry(r).score += weight;
      }
    }
    for (const code of entityCodes(pageSentences)) {
      const refs = this.entities.lookup(code);
      if (refs.length === 0) continue;
      // A name in most references (the country, the president) tells little about which one was rewritten.
      const weight = Math.log(1 + n / refs.length);
      for (const r of refs) entry(r).score += weight;
    }
    for (const key of wordKeys(pageSentences)) {
      const refs = this.rareWords.lookup(key);
      if (refs.length === 0) continue;
      const weight = Math.log(1 + n / (this.wordFrequency[key] as number));
      for (const r of refs) entry(r).score += weight;
    }
    return [...found.values()]
      .filter((c) => c.score >= MIN_CANDIDATE_SCORE)
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, CANDIDATE_LIMIT);
  }
}

function entityCodes(sentences: Iterable<ArrayLike<number>>): Set<number> {
  const codes = new Set<number>();
  for (const sentence of sentences) {
    for (let i = 0; i < sentence.length; i++) {
      const code = sentence[i] as number;
      if (code & ENTITY_FLAG) codes.add(code);
    }
  }
  return codes;
}

/** Keys of the words that are not names or numbers. */
function wordKeys(sentences: Iterable<ArrayLike<number>>): Set<number> {
  const keys = new Set<number>();
  for (const sentence of sentences) {
    for (let i = 0; i < sentence.length; i++) {
      const code = sentence[i] as number;
      if (!(code & ENTITY_FLAG)) keys.add(code & CONTENT_KEY_MASK);
    }
  }
  return keys;
}
