// The choices of term and fiscal year the rollout editors offer, named as the dean reads them.
import type { RolloutInputs } from '../bindings/RolloutInputs';
import type { RolloutResult } from '../bindings/RolloutResult';
import { termChoice, type Choice } from './rollout-labels';

/**
 * One choice per term of the plan, from Rust's latest calendar. Before there is one (the plan
 * needs attention from the start), the terms are counted from the profile's calendar.
 */
export function termChoices(
  calendar: RolloutResult | null,
  inputs: RolloutInputs,
  termsPerYear: number,
): Choice<number>[] {
  if (calendar) return calendar.terms.map((t) => ({ value: t.index, label: termChoice(t) }));
  const count = Math.max(1, inputs.horizonYears * Math.max(1, termsPerYear));
  return Array.from({ length: count }, (_, i) => ({ value: i, label: `Term ${i + 1} of the plan` }));
}

/** The terms, and "after the plan ends" for a phase that lies beyond the horizon. */
export function phaseStartChoices(
  calendar: RolloutResult | null,
  inputs: RolloutInputs,
  termsPerYear: number,
): Choice<number>[] {
  const terms = termChoices(calendar, inputs, termsPerYear);
  return [...terms, { value: terms.length, label: 'After the plan ends (not in this plan)' }];
}

export function fiscalYearChoices(calendar: RolloutResult | null, current: number): Choice<number>[] {
  const years = calendar?.fiscalYears.map((y) => ({ value: y.index, label: y.label })) ?? [];
  if (!years.some((y) => y.value === current)) {
    years.push({ value: current, label: `Fiscal year ${current + 1} of the plan` });
  }
  return years;
}
