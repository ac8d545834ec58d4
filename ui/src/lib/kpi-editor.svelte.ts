// The plan's KPIs as the dean edits them: a baseline for each, and the yearly targets of the
// ones the rollout model does not fill. Rust takes one KPI at a time; its messages name the
// KPI's own fields (`baseline`, `targets.2.value`), which the screen keys by the KPI's row.
import type { Kpi } from '../bindings/Kpi';
import type { PlanDetail } from '../bindings/PlanDetail';
import type { Problem } from '../bindings/Problem';
import { setKpi } from './api';
import { PlanPartEditor } from './plan-part-editor.svelte';
import type { PlanSession } from './plan-session.svelte';

/** What the dean sets on a KPI: its baseline, and its targets where they are the dean's. */
const deans = (kpi: Kpi) => ({
  baseline: kpi.baseline,
  targets: kpi.source === 'dean' ? kpi.targets : [],
});

export class KpiEditor {
  readonly part: PlanPartEditor<Kpi[]>;
  /** The row of the KPI last sent, whose fields a refusal names. */
  #sent = 0;

  constructor(session: PlanSession) {
    this.part = new PlanPartEditor<Kpi[]>(session, {
      read: (detail) => detail.kpis,
      nextCall: (screen, stored) => this.#nextCall(session, screen, stored),
      messages: (problem) => this.#messages(problem),
    });
  }

  get kpis(): Kpi[] {
    return this.part.value;
  }

  get save() {
    return this.part.save;
  }

  #nextCall(session: PlanSession, screen: Kpi[], stored: Kpi[]): (() => Promise<PlanDetail>) | null {
    const row = screen.findIndex((kpi) => {
      const before = stored.find((s) => s.key === kpi.key);
      return before !== undefined && JSON.stringify(deans(kpi)) !== JSON.stringify(deans(before));
    });
    const kpi = screen[row];
    if (!kpi) return null;
    return () => {
      this.#sent = row;
      return setKpi(session.id, session.revision, { key: kpi.key, ...deans(kpi) });
    };
  }

  #messages(problem: Problem): Record<string, string> {
    if (problem.kind !== 'invalid') return {};
    const messages: Record<string, string> = {};
    for (const { field, message } of problem.fields) {
      const own = /^(baseline|targets\.\d+\.value)$/.test(field);
      const key = own ? `kpis.${this.#sent}.${field}` : 'kpis';
      messages[key] = messages[key] ? `${messages[key]}. ${message}` : message;
    }
    return messages;
  }
}
