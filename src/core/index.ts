/**
 * The engine's one entrance, for the CLI, the extension and the tools (eval, bench): text in, fingerprints and
 * verdicts out. No DOM, no browser or Node APIs. The pipeline, one folder a stage, each importing only the stages
 * listed before it (test/conventions.test.ts checks it):
 *
 *   text/         normalise, tokenise, sentences, stems, stop words, content words
 *   fingerprint/  hashes, shingles, winnowing, simhash: a text's analysis and a reference's fingerprint
 *   corpus/       the pack format, postings, the index that finds candidate references
 *   ai-style/     the AI-style signal shown beside a verdict (never part of it)
 *   judge/        comparison measurements, the rewrite model, attribution, the same-site rule, the verdict
 */
export { tokenize } from './text/tokenize';
export { splitSentences, type Span } from './text/sentences';
export { STOPWORDS } from './text/stopwords';
export { fmix32, hash32 } from './fingerprint/hash';
export { CONTENT_KEY_MASK, ENTITY_FLAG } from './fingerprint/params';
export { analyzeText, type TextAnalysis } from './fingerprint/analyze';
export { fingerprintText, type Reference, type ReferenceMeta } from './fingerprint/fingerprint';
export { decodeBase64, encodeBase64 } from './corpus/base64';
export { CorpusIndex, type Candidate, type SegmentHandle } from './corpus/corpus-index';
export { PAIR_POSTINGS_BUDGET } from './corpus/params';
export {
  checkedVersion2,
  checkReferenceMeta,
  encodePack,
  FIELD_LIMITS,
  isBinaryPack,
  openPack,
  PackEncoder,
  packDigest,
  PackError,
  packSignature,
  packSignedMessage,
  PACK_VERSION,
  readPack,
  readPackInfo,
  ReferenceStore,
  sealPack,
  unsignedPack,
  verifyPackSignature,
  withSignature,
  type Ed25519Verify,
  type Sha256,
} from './corpus/pack';
export {
  checkPackInfo,
  DEFAULT_EXPIRES_SECONDS,
  EMPTY_PACK_INFO,
  expiresSeconds,
  INFO_LIMITS,
  type PackInfo,
} from './corpus/pack-info';
export {
  buildSegmentIndex,
  encodeSegmentIndex,
  indexedPackDigest,
  readSegmentIndex,
  type SegmentIndex,
} from './corpus/segment-index';
export { aiStyle, aiStyleFeatures, type AiStyle } from './ai-style/ai-style';
export { OWN_CANDIDATE_WORDS } from './ai-style/ai-style-words';
export { probability, type BoostedTrees } from './judge/boosted-trees';
export { compare, compareWith, pageFingerprint, type Comparison, type Measurement } from './judge/compare';
export { canonicalUrl, siteOf } from './judge/site';
export {
  COMMON_SOURCE_MIN_COPIED,
  COMMON_SOURCE_MIN_NEW_FACTS,
  DEFAULT_SENSITIVITY,
  isSensitivity,
  REWRITE_THRESHOLDS,
  SENSITIVITIES,
  type Sensitivity,
} from './judge/thresholds';
export {
  judge,
  type JudgeOptions,
  type MatchKind,
  rewriteProbability,
  type NoVerdict,
  type PageInput,
  type Passage,
  type Verdict,
  type VerdictKind,
} from './judge/verdict';
