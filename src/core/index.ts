/** The engine's public surface: text in, fingerprints and verdicts out. No DOM, no browser or Node APIs. */
export { analyzeText, type TextAnalysis } from './analyze';
export { aiStyle, aiStyleFeatures, type AiStyle } from './ai-style';
export { compare, pageFingerprint, type Comparison, type Measurement } from './compare';
export { CorpusIndex } from './corpus-index';
export { fingerprintText, type Reference, type ReferenceMeta } from './fingerprint';
export { decodePack, encodePack, PackError, PACK_FORMAT, PACK_VERSION } from './pack';
export { canonicalUrl, siteOf } from './site';
export { DEFAULT_SENSITIVITY, isSensitivity, SENSITIVITIES, type Sensitivity } from './thresholds';
export {
  judge,
  type JudgeOptions,
  rewriteProbability,
  type NoVerdict,
  type PageInput,
  type Passage,
  type Source,
  type Verdict,
  type VerdictKind,
} from './verdict';
