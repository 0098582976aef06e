/**
 * English function words and the reporting verbs every news story uses ("said", "told"): words that carry no
 * fact of their own, so they never count as shared content between two articles.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above across after again against ago all almost along already also although always am among an and
  another any anyone anything are around as at away back be became because become been before being below
  between both but by can cannot could did do does doing done down during each either else enough even ever every
  few for from further get gets got had has have having he her here hers herself him himself his how however i if in
  into is it its itself just least less like made make makes many may me might more most much must my myself near
  neither never new next no nor not now of off often on once one only onto or other others our ours ourselves out
  over own per perhaps quite rather said same say says saying see seen several she should since so some something
  still such than that the their theirs them themselves then there these they this those though through thus to
  told too toward towards under until up upon us use used very via was we well were what whatever when where whether
  which while who whom whose why will with within without would yet you your yours yourself yourselves s t
  mr mrs ms dr according asked added tell tells including include includes going way`.split(/\s+/),
);
