// Plain words for the rollout model's choices, term names as a dean reads them, and where on
// screen each of Rust's dotted field keys lives.
import type { AssessmentType } from '../bindings/AssessmentType';
import type { CredentialField } from '../bindings/CredentialField';
import type { DrawShape } from '../bindings/DrawShape';
import type { GrantMethod } from '../bindings/GrantMethod';
import type { Participation } from '../bindings/Participation';
import type { Phase } from '../bindings/Phase';
import type { ProviderKind } from '../bindings/ProviderKind';
import type { Term } from '../bindings/Term';
import { formatDay } from './format';

export interface Choice<T> {
  value: T;
  label: string;
}

// Each list is checked against the generated type: a new variant in Rust fails the build here.
const choices = <T extends string>(labels: Record<T, string>): Choice<T>[] =>
  (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));

export const CREDENTIAL_FIELDS = choices<CredentialField>({
  cybersecurity: 'Cybersecurity',
  project_management: 'Project management',
  software_development: 'Software development',
  data_analytics: 'Data analytics',
  it_support: 'IT support',
  ux_design: 'UX design',
  cloud_computing: 'Cloud computing',
  other: 'Other',
});

export const PROVIDER_KINDS = choices<ProviderKind>({
  industry: 'An industry provider',
  in_house: 'Our own faculty (in-house)',
});

export const GRANT_METHODS = choices<GrantMethod>({
  elective: 'As elective credit',
  course_substitution: 'In place of a program course',
  stackable: 'Toward a larger certificate (stackable)',
});

export const ASSESSMENT_TYPES = choices<AssessmentType>({
  exam: 'Exam',
  project: 'Project',
  portfolio: 'Portfolio',
  practical_task: 'Practical task',
  quizzes: 'Quizzes',
  mixed: 'Several of these',
});

export const PARTICIPATION = choices<Participation>({
  online: 'Online',
  in_person: 'In person',
  hybrid: 'Hybrid (online and in person)',
});

export const DRAW_SHAPES = choices<DrawShape>({
  triangular: 'Most likely near the expected value',
  uniform: 'Anywhere in the range, evenly',
});

export const PHASE_NAMES: Record<Phase, string> = {
  prepare: 'Prepare',
  pilot: 'Pilot',
  scale: 'Scale',
  sustain: 'Sustain',
};

export const labelOf = <T extends string>(list: Choice<T>[], value: T): string =>
  list.find((c) => c.value === value)?.label ?? '';

/** "Fall 2027": the calendar's name for the term and the year it starts in. */
export function termName(term: Term): string {
  return `${term.name} ${term.start.slice(0, 4)}`;
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

/** The element id of the box for a dotted key (`credentials.2.title` → `rollout-credentials-2-title`). */
export const fieldId = (key: string) => `rollout-${key.replaceAll('.', '-')}`;
export const errorId = (key: string) => `${fieldId(key)}-error`;
