/**
 * Words and phrases that LLM-written prose uses far more than news writers do. A hand-made list (the project's
 * own), checked against the excess-vocabulary study of Kobak et al. 2024 and weighed on news rewrites by the
 * evaluation harness (`npm run eval`, group "ai-style"). Every human writer uses every one of them: they only add
 * up to a signal in numbers.
 */
export const LLM_WORDS: ReadonlySet<string> = new Set(
  `delve delves delving delved tapestry underscore underscores underscored underscoring pivotal crucial crucially
  showcase showcases showcasing showcased intricate intricacies meticulous meticulously commendable multifaceted
  realm landscape landscapes navigate navigates navigating navigated foster fosters fostering fostered bolster
  bolstering bolstered robust comprehensive seamless seamlessly notably furthermore moreover additionally
  consequently conversely nevertheless paramount profound nuanced nuances testament embark embarked embarking
  endeavor endeavors endeavour holistic leverage leveraging unwavering heightened amidst garner garnered garnering
  poised spearhead spearheaded spearheading highlighting emphasizing emphasising ultimately broader complexities
  dynamics interplay evolving resonate resonates invaluable transformative notable stark contentious precarious
  proponents amplified compounding grapple grapples grappling backdrop ensuring fostering enhance enhancing
  enhanced intrigue captivating vibrant significance pressing ramifications implications underscores
  substantial considerable critical essential vital key`.split(/\s+/),
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
