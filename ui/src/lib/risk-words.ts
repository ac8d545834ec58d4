// A risk as a dean reads it: likelihood, impact and the matrix's band in Rust's words
// (generated `labels.ts`), so the window and the PDF name them alike.
import type { Risk } from '../bindings/Risk';
import { RiskImpactWords, RiskLikelihoodWords, RiskSeverityBands } from '../bindings/labels';
import type { Choice } from './rollout-labels';

const choices = (words: readonly string[]): Choice<number>[] =>
  words.map((label, i) => ({ value: i + 1, label }));

/** Likelihood 1–5, for a list to choose from: "Rare" … "Almost certain". */
export const LIKELIHOOD_CHOICES = choices(RiskLikelihoodWords);
/** Impact 1–5: "Minor" … "Severe". */
export const IMPACT_CHOICES = choices(RiskImpactWords);

/** The band of the matrix holding likelihood × impact `severity`; '' off the scale. */
export function bandOf(severity: number): string {
  return RiskSeverityBands.filter((b) => severity >= b.from).at(-1)?.band ?? '';
}

/** 0 for the mildest band, up to 3 for the most severe; -1 for none. */
export function bandRank(band: string): number {
  return RiskSeverityBands.findIndex((b) => b.band === band);
}

/** The risk's band, or '' while its likelihood or impact is off the scale. */
export function riskBand(risk: Risk): string {
  return onScale(risk) ? bandOf(risk.likelihood * risk.impact) : '';
}

export function onScale(risk: Risk): boolean {
  const level = (n: number) => Number.isInteger(n) && n >= 1 && n <= 5;
  return level(risk.likelihood) && level(risk.impact);
}

/** "Risk 2: Faculty do not take part — likely, major impact": for a marker or a link to it. */
export function riskName(risk: Risk, index: number): string {
  const title = risk.title.trim() || 'no description yet';
  const likelihood = RiskLikelihoodWords[risk.likelihood - 1];
  const impact = RiskImpactWords[risk.impact - 1];
  const rating =
    likelihood && impact ? ` — ${likelihood.toLowerCase()}, ${impact.toLowerCase()} impact` : '';
  return `Risk ${index + 1}: ${title}${rating}`;
}
