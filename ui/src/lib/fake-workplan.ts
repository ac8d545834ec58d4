// The fake backend's work plan, risks, KPIs and engagement. Like the rollout figures, the
// schedule and the engagement projection are Rust's own, for the sample plan
// (`fixtures/workplan.json`, written by planner-core's `ui_fixtures` test): the fake never
// schedules. It applies the dean's edits to the plan it holds, and replays the sample's dates
// for the tasks the sample has; a task the sample does not have gets no row (a test that needs
// one sets `FakeBackend.scheduleStatus`).
import type { EngagementStatus } from '../bindings/EngagementStatus';
import type { Kpi } from '../bindings/Kpi';
import type { KpiEdit } from '../bindings/KpiEdit';
import type { Plan } from '../bindings/Plan';
import type { RiskEdit } from '../bindings/RiskEdit';
import type { ScheduleStatus } from '../bindings/ScheduleStatus';
import type { WorkPlanEdit } from '../bindings/WorkPlanEdit';
import workFixture from './fixtures/workplan.json';

const fixture = workFixture as unknown as {
  plan: Pick<Plan, 'workPlan' | 'risks' | 'kpis' | 'engagement'>;
  schedule: ScheduleStatus;
  engagement: EngagementStatus;
  kpis: Kpi[];
};

/** The sample plan's work plan, risks, KPIs and engagement, as Rust seeds them. */
export function sampleWork(): Pick<Plan, 'workPlan' | 'risks' | 'kpis' | 'engagement'> {
  return structuredClone(fixture.plan);
}

/** Rust's schedule for the sample, kept to the tasks `plan` has. */
export function replayedSchedule(plan: Plan): ScheduleStatus {
  if (!plan.rollout) return { status: 'not_started' };
  const replayed = structuredClone(fixture.schedule);
  if (replayed.status !== 'scheduled') return replayed;
  const ids = new Set(plan.workPlan.tasks.map((t) => t.id));
  const { schedule } = replayed;
  schedule.tasks = schedule.tasks.filter((t) => ids.has(t.id));
  schedule.criticalPath = schedule.criticalPath.filter((id) => ids.has(id));
  schedule.links = schedule.links.filter((l) => ids.has(l.predecessor) && ids.has(l.successor));
  return replayed;
}

/** Rust's engagement figures for the sample, for any plan with a rollout. */
export function replayedEngagement(plan: Plan): EngagementStatus {
  return plan.rollout ? structuredClone(fixture.engagement) : { status: 'not_started' };
}

/** `edit` applied to `plan` as Rust applies a valid one (the fake does not validate). */
export function applyWorkPlanEdit(plan: Plan, edit: WorkPlanEdit): void {
  const work = plan.workPlan;
  const at = (id: string) => work.tasks.findIndex((t) => t.id === id);
  const linking = (p: string, s: string) =>
    work.dependencies.findIndex((d) => d.predecessor === p && d.successor === s);
  switch (edit.type) {
    case 'add_task': {
      const ids = new Set(work.tasks.map((t) => t.id));
      let n = work.tasks.length + 1;
      while (ids.has(`task_${n}`)) n += 1;
      const { milestone, ...fields } = edit.task;
      const kind = milestone ? { type: 'milestone' as const } : { type: 'custom' as const };
      work.tasks.push({ id: `task_${n}`, ...fields, kind });
      break;
    }
    case 'update_task': {
      const task = work.tasks[at(edit.id)];
      const { milestone, ...fields } = edit.task;
      Object.assign(task, fields);
      if (task.kind.type === 'custom' || task.kind.type === 'milestone') {
        task.kind = { type: milestone ? 'milestone' : 'custom' };
      }
      break;
    }
    case 'remove_task':
      work.tasks.splice(at(edit.id), 1);
      work.dependencies = work.dependencies.filter(
        (d) => d.predecessor !== edit.id && d.successor !== edit.id,
      );
      break;
    case 'add_dependency':
      work.dependencies.push(edit.dependency);
      break;
    case 'update_dependency': {
      const { predecessor, successor, lagWeeks } = edit.dependency;
      work.dependencies[linking(predecessor, successor)].lagWeeks = lagWeeks;
      break;
    }
    case 'remove_dependency':
      work.dependencies.splice(linking(edit.predecessor, edit.successor), 1);
      break;
  }
}

/** `edit` applied to `plan`'s risks; proposing adds nothing (the fake does not propose). */
export function applyRiskEdit(plan: Plan, edit: RiskEdit): void {
  switch (edit.type) {
    case 'add':
      plan.risks.push(edit.risk);
      break;
    case 'update':
      plan.risks[edit.index] = edit.risk;
      break;
    case 'remove':
      plan.risks.splice(edit.index, 1);
      break;
    case 'propose':
      break;
  }
}

/** The baseline, and for the dean's KPIs the targets, set as Rust sets them. */
export function applyKpiEdit(plan: Plan, edit: KpiEdit): void {
  const kpi = plan.kpis.find((k) => k.key === edit.key);
  if (!kpi) return;
  kpi.baseline = edit.baseline;
  if (kpi.source === 'dean') {
    for (const target of kpi.targets) {
      target.value = edit.targets.find((t) => t.year === target.year)?.value ?? null;
    }
  }
}
