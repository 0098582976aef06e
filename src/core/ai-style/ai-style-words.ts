/**
 * Words that LLM-written prose uses far more than news writers do. Candidates: the project's own list below plus the
 * "style" words of Kobak et al. 2024 (excess vocabulary of LLM-assisted writing, MIT). Each is weighed by its log-odds
 * of appearing in an LLM rewrite rather than a human original, measured by `npm run eval -- --fit-vocabulary` on the
 * tuning half of MixSet, LLMFake, BASIL and ECB+ (2026-11-22), capped at 3; words under 1 were dropped. Every human
 * writer uses every one of them: they only add up to a signal in numbers.
 */
export const OWN_CANDIDATE_WORDS: ReadonlySet<string> = new Set(
  `delve delves delving delved tapestry underscore underscores underscored underscoring pivotal crucial crucially
  showcase showcases showcasing showcased intricate intricacies meticulous meticulously commendable multifaceted
  realm landscape landscapes navigate navigates navigating navigated foster fosters fostering fostered bolster
  bolstering bolstered robust comprehensive seamless seamlessly notably furthermore moreover additionally
  consequently conversely nevertheless paramount profound nuanced nuances testament embark embarked embarking
  endeavor endeavors endeavour holistic leverage leveraging unwavering heightened amidst garner garnered garnering
  poised spearhead spearheaded spearheading highlighting emphasizing emphasising ultimately broader complexities
  dynamics interplay evolving resonate resonates invaluable transformative notable stark contentious precarious
  proponents amplified compounding grapple grapples grappling backdrop ensuring enhance enhancing
  enhanced intrigue captivating vibrant significance pressing ramifications implications
  substantial considerable critical essential vital key subsequently expressing expressed emphasized acknowledging
  acknowledges individuals utilizing utilize utilized various numerous regarding significant significantly eagerly
  esteemed imperative highlights highlighted renowned aims aimed importance noting stating evident prominent serves
  sparked despite noteworthy insights exhibit exhibited enduring`.split(/\s+/),
);

/** Weight of each word (log-odds, see above), as measured; regenerate with `npm run eval -- --fit-vocabulary`. */
export const LLM_WORD_WEIGHTS: ReadonlyMap<string, number> = new Map(
  `
  captivating:3 consequently:3 diverse:3 eagerly:3 emphasized:3 emphasizes:3 emphasizing:3 endeavors:3
  esteemed:3 expressing:3 furthermore:3 highlighting:3 individuals:3 renowned:3 stating:3 unwavering:3
  additionally:2.9 amidst:2.9 subsequently:2.9 challenges:2.8 featuring:2.7 highlights:2.7 acknowledging:2.6
  advocating:2.6 insights:2.6 nevertheless:2.6 utilizing:2.6 displaying:2.5 enduring:2.5 expressed:2.5
  garnered:2.5 notable:2.5 recognizing:2.5 remarkable:2.5 maintaining:2.4 profound:2.3 regarding:2.3
  embracing:2.2 reveals:2.2 seeks:2.2 serves:2.2 significant:2.2 importance:2.1 showcasing:2.1 comprehensive:2
  noting:2 understanding:2 utilize:2 various:2 despite:1.9 heightened:1.9 prominent:1.9 showcases:1.9
  significance:1.9 aims:1.8 compelling:1.8 considerable:1.8 emerged:1.8 evident:1.8 highlighted:1.8 impact:1.8
  notably:1.8 potential:1.8 resulting:1.8 significantly:1.8 addressing:1.7 crucial:1.7 highlight:1.7
  moreover:1.7 observed:1.7 substantial:1.7 thorough:1.7 alongside:1.6 indicating:1.6 showcased:1.6
  demonstrated:1.5 emphasize:1.5 holds:1.5 however:1.5 valuable:1.5 assess:1.4 attributed:1.4 detailing:1.4
  employed:1.4 exceeding:1.4 findings:1.4 inquiries:1.4 pose:1.4 potentially:1.4 revealing:1.4 stark:1.4
  these:1.3 aimed:1.2 approach:1.2 involves:1.2 involving:1.2 numerous:1.2 remains:1.2 sparked:1.2
  ultimately:1.2 ensuring:1.1 essential:1.1 linked:1.1 providing:1.1 swift:1.1 offers:1
  `
    .split(/\s+/)
    .filter(Boolean)
    .map((entry) => {
      const [word, weight] = entry.split(':') as [string, string];
      return [word, Number(weight)] as const;
    }),
);

/** Scaffolding an LLM puts around an article: section openers, wrap-ups, stock phrases. */
export const SCAFFOLD_PHRASES: readonly RegExp[] = [
  /\blooking ahead\b/i,
  /\bin conclusion\b/i,
  /\bkey takeaways?\b/i,
  /\bin summary\b/i,
  /\bto sum up\b/i,
  /\bit is (?:worth|important to) not(?:e|ing)\b/i,
  /\bit's (?:worth|important to) not(?:e|ing)\b/i,
  /\bthe stakes (?:could not|couldn't|have never) be(?:en)? higher\b/i,
  /\bremains to be seen\b/i,
  /\bonly time will tell\b/i,
  /\bas the situation (?:unfolds|continues to unfold|develops)\b/i,
  /\bnavigat\w* the complexit/i,
  /\bplays? a (?:crucial|pivotal|vital|key) role\b/i,
  /\bin today's\b/i,
  /\bthe coming (?:weeks|months|days) will (?:reveal|show|tell)\b/i,
  /\bforge a path\b/i,
  /\ba (?:stark|sobering) reminder\b/i,
  /\bshed(?:s|ding)? light on\b/i,
  /\bstrik(?:e|es|ing) a (?:delicate )?balance\b/i,
  /\bwhat (?:does|do) (?:this|these|it) mean for\b/i,
];
