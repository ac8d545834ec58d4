// Plain-language wording for the assessment's data: findings, bands, actions. Figures come from
// Rust; this only puts them into sentences.
import type { AreaKey } from '../bindings/AreaKey';
import type { AreaResult } from '../bindings/AreaResult';
import type { AssessmentGuide } from '../bindings/AssessmentGuide';
import type { AssessmentResult } from '../bindings/AssessmentResult';
import type { Confidence } from '../bindings/Confidence';
import type { Finding } from '../bindings/Finding';
import type { MitigationAction } from '../bindings/MitigationAction';
import { EffortLabels, PhaseLabels } from '../bindings/labels';
import { formatUsd } from './format';

/** The answers a statement offers, in order. */
export const SCALE: readonly { value: 1 | 2 | 3 | 4 | 5; label: string }[] = [
  { value: 1, label: 'Strongly disagree' },
  { value: 2, label: 'Disagree' },
  { value: 3, label: 'Neutral' },
  { value: 4, label: 'Agree' },
  { value: 5, label: 'Strongly agree' },
];

/** "94% of higher-education leaders surveyed believe …" */
export function findingLine(finding: Finding): string {
  return `${finding.percent}% of ${finding.population} ${finding.claim}`;
}

/** An action's evidence: a finding of the report (cited), or a sentence shown as it is. */
export function actionEvidence(
  action: MitigationAction,
  guide: AssessmentGuide,
): { text: string; cited: boolean } {
  const finding = guide.findings.find((f) => f.key === action.evidence);
  return finding
    ? { text: findingLine(finding), cited: true }
    : { text: action.evidence, cited: false };
}

// Rust's words for each choice.
export const EFFORT = EffortLabels;
export const PHASE = PhaseLabels;

export const CONFIDENCE: Record<Confidence, string> = {
  none: 'No ratings yet',
  low: 'Low confidence',
  medium: 'Medium confidence',
  high: 'High confidence',
};

export function durationText(weeks: number): string {
  return weeks === 1 ? 'about 1 week' : `about ${weeks} weeks`;
}

/** "about US$15,000 one-time, US$5,000 a year" (typical US figures). */
export function costText(oneTimeUsd: number, recurringUsd: number): string {
  const parts = [];
  if (oneTimeUsd > 0) parts.push(`${formatUsd(oneTimeUsd)} one-time`);
  if (recurringUsd > 0) parts.push(`${formatUsd(recurringUsd)} a year`);
  return parts.length > 0 ? `about ${parts.join(', ')}` : 'mainly staff time, no direct cost';
}

/** "Based on 3 of 5 statements; 2 marked don't know" — or nothing when all are rated. */
export function basisText(result: AreaResult): string {
  if (result.rated === result.statements) return '';
  const parts = [`Based on ${result.rated} of ${result.statements} statements`];
  if (result.dontKnow > 0) parts.push(`${result.dontKnow} marked don’t know`);
  if (result.unanswered > 0) parts.push(`${result.unanswered} not answered yet`);
  return parts.join('; ');
}

/**
 * The areas the dean should act on first: those in the critical or significant band, or,
 * when none is, the two weakest scored.
 */
export function focusAreas(result: AssessmentResult): AreaKey[] {
  return result.weakest.length > 0 ? result.weakest : result.ranking.slice(0, 2);
}

/** "A", "A and B", "A, B and C". */
export function listText(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
