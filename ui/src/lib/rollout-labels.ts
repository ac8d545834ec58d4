// The rollout model's choices with Rust's words for them, term names as a dean reads them, and
// where on screen each of Rust's dotted field keys lives.
import {
  AssessmentTypeLabels,
  CredentialFieldLabels,
  DrawShapeLabels,
  GrantMethodLabels,
  ParticipationLabels,
  PhaseLabels,
  ProviderKindLabels,
} from '../bindings/labels';
import type { Term } from '../bindings/Term';
import { formatDay } from './format';

export interface Choice<T> {
  value: T;
  label: string;
}

// The words come from Rust (generated `labels.ts`), in the order Rust lists the choices.
const choices = <T extends string>(labels: Record<T, string>): Choice<T>[] =>
  (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));

export const CREDENTIAL_FIELDS = choices(CredentialFieldLabels);
export const PROVIDER_KINDS = choices(ProviderKindLabels);
export const GRANT_METHODS = choices(GrantMethodLabels);
export const ASSESSMENT_TYPES = choices(AssessmentTypeLabels);
export const PARTICIPATION = choices(ParticipationLabels);
export const DRAW_SHAPES = choices(DrawShapeLabels);
export const PHASE_NAMES = PhaseLabels;

export const labelOf = <T extends string>(list: Choice<T>[], value: T): string =>
  list.find((c) => c.value === value)?.label ?? '';

/** "Fall 2027": the calendar's name for the term and the year it starts in. */
export function termName(term: Term): string {
  return `${term.name} ${term.year}`;
}

/** "Fall 2027 (starts 25 Aug 2027)", for a list of terms to choose from. */
export function termChoice(term: Term): string {
  return `${termName(term)} — starts ${formatDay(term.start)}`;
}

/** The parts of the rollout plan, in the order the secondary navigation shows them. */
export type RolloutSection = 'calendar' | 'credentials' | 'credits' | 'uptake' | 'budget' | 'scenarios';

export const SECTIONS: { key: RolloutSection; label: string }[] = [
  { key: 'calendar', label: 'Calendar and phases' },
  { key: 'credentials', label: 'Credentials' },
  { key: 'credits', label: 'Credit mapping' },
  { key: 'uptake', label: 'Uptake' },
  { key: 'budget', label: 'Budget' },
  { key: 'scenarios', label: 'Scenarios' },
];

/** Where a message belongs: a section of the rollout plan, or the plan details (profile). */
export type Place =
  | { tab: 'rollout'; section: RolloutSection; credential: number | null }
  | { tab: 'details' };

/** The section (and credential) that shows the field Rust named. */
export function placeOf(key: string): Place {
  const [head, second] = key.split('.');
  switch (head) {
    case 'startDate':
    case 'horizonYears':
    case 'phases':
      return { tab: 'rollout', section: 'calendar', credential: null };
    case 'credentials': {
      const index = Number(second);
      return {
        tab: 'rollout',
        section: 'credentials',
        credential: second !== undefined && Number.isInteger(index) ? index : null,
      };
    }
    case 'uptake':
      return { tab: 'rollout', section: 'uptake', credential: null };
    case 'budget':
      return { tab: 'rollout', section: 'budget', credential: null };
    case 'scenarios':
    case 'uncertainty':
      return { tab: 'rollout', section: 'scenarios', credential: null };
    default:
      // The profile's calendar, fiscal year or credit rule.
      return { tab: 'details' };
  }
}

