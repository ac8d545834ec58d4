// Where in the window each health-check item is fixed. The health check names a place
// (`FixPlace`); the window shows it in one of its tabs. A place whose own tab this window does
// not have opens the tab that holds it.
import type { FixPlace } from '../bindings/FixPlace';
import { fieldId } from './field-host';

/** Tab keys for each place, best first. */
const TABS_FOR: Record<FixPlace, readonly string[]> = {
  assessment: ['assessment'],
  phases: ['rollout'],
  credentials: ['rollout'],
  credit_mapping: ['rollout'],
  uptake: ['rollout'],
  budget: ['rollout'],
  scenarios: ['rollout'],
  work_plan: ['workplan', 'rollout'],
  risks: ['targets', 'rollout'],
  engagement: ['targets', 'rollout'],
};

/** The first of `tabs` that holds `place`. */
export function tabFor<K extends string>(place: FixPlace, tabs: readonly { key: K }[]): K | null {
  for (const wanted of TABS_FOR[place]) {
    const found = tabs.find((t) => t.key === wanted);
    if (found) return found.key;
  }
  return null;
}

/**
 * The box for `field` (Rust's dotted key, `credentials.2.title`) if it is on screen: field
 * boxes carry the key in their id (`rollout-credentials-2-title`, see `fieldId`).
 */
export function controlFor(root: Document, field: string): HTMLElement | null {
  const suffix = field.replaceAll('.', '-').replace(/[^A-Za-z0-9_-]/g, '');
  return root.getElementById(fieldId(field)) ?? root.querySelector<HTMLElement>(`[id$="-${suffix}"]`);
}
