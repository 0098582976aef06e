import type { Span } from '../text/sentences';
import { siteOf } from './site';

/**
 * Does the page credit a source? Looks for a sentence that names the publisher (or its usual short forms: "the
 * Times", "NYT", its domain) together with a crediting phrase ("as reported by", "according to", "told",
 * "first reported"), and for a link into the source's site.
 */
export interface Attribution {
  attributed: boolean;
  /** The crediting sentence, or a description of the link. */
  evidence: string | null;
}

const CREDIT_CUE =
  /\b(?:according to|as (?:first |originally |previously )?reported|first reported|reported|reports|reporting|report(?:ed)? by|told|citing|cited|via|source|sources?:|per|wrote|writes|published|broke the (?:news|story)|in an? (?:report|article|story|interview))\b/i;

/** Names a publisher is called by in other outlets' prose. */
export function publisherAliases(publisher: string, url: string): string[] {
  const aliases = new Set<string>();
  const name = publisher.trim();
  if (name) {
    aliases.add(name);
    const bare = name.replace(/^the\s+/i, '');
    if (bare.split(/\s+/).length >= 2) aliases.add(bare);
    const words = bare.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
    if (words.length >= 2) {
      aliases.add(words.map((w) => w[0]).join('')); // NYT, WSJ
      if (/^the\s+/i.test(name)) aliases.add(`the ${words[words.length - 1]}`); // "the Times", "the Post"
    }
  }
  const site = siteOf(url);
  if (site) aliases.add(site);
  return [...aliases].filter((a) => a.length >= 3);
}

export function findAttribution(
  text: string,
  sentences: readonly Span[],
  links: readonly string[],
  publisher: string,
  sourceUrl: string,
  isCopied: (span: Span) => boolean = () => false,
): Attribution {
  const aliases = publisherAliases(publisher, sourceUrl);
  const patterns = aliases.map((alias) => aliasPattern(alias));
  for (const span of sentences) {
    // A credit copied along with the source's own text ("The Times reported last year") is the source talking.
    if (isCopied(span)) continue;
    const sentence = text.slice(span.start, span.end);
    // The cue first: it is one plain pattern, the aliases are several Unicode-aware ones (same answer either way).
    if (CREDIT_CUE.test(sentence) && patterns.some((p) => p.test(sentence))) {
      return { attributed: true, evidence: sentence };
    }
  }
  const site = siteOf(sourceUrl);
  if (site) {
    const link = links.find((href) => siteOf(href) === site);
    if (link) return { attributed: true, evidence: `links to the source: ${link}` };
  }
  return { attributed: false, evidence: null };
}

function aliasPattern(alias: string): RegExp {
  const escaped = alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  // Short forms ("the Times", "NYT") must keep their capitals: "the times" is an ordinary phrase.
  const isShort = /^the\s+\S+$/i.test(alias) || /^\p{Lu}{2,5}$/u.test(alias);
  const caseSensitiveHead = isShort ? escaped.replace(/^the/i, '[Tt]he') : escaped;
  return new RegExp(`(?<![\\p{L}\\p{N}])${caseSensitiveHead}(?![\\p{L}\\p{N}])`, isShort ? 'u' : 'iu');
}
