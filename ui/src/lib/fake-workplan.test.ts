import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { editRisks, editWorkPlan, getPlan, setEngagement, setKpi } from './api';
import { FakeBackend, REFUSALS } from './fake-backend';

afterEach(() => clearMocks());

const newTask = {
  title: 'Brief the deans’ council',
  ownerRole: 'Provost',
  durationWeeks: 2,
  pinnedTerm: null,
  phase: null,
  milestone: false,
};

describe('the fake backend’s work plan', () => {
  it('opens the sample with Rust’s schedule, engagement and KPIs', async () => {
    new FakeBackend().install();
    const detail = await getPlan(1);
    if (detail.schedule.status !== 'scheduled') throw new Error('the sample is scheduled');
    expect(detail.schedule.schedule.tasks.map((t) => t.id)).toEqual(
      detail.plan.workPlan.tasks.map((t) => t.id),
    );
    expect(detail.engagement.status).toBe('projected');
    expect(detail.kpis.map((k) => k.key)).toEqual([
      'enrolments',
      'completion_rate',
      'credits_awarded',
      'retention_change',
      'learner_satisfaction',
      'job_readiness',
    ]);
  });

  it('adds a task and a dependency, then removes the task with its dependency', async () => {
    new FakeBackend().install();
    const sample = await getPlan(1);
    const added = await editWorkPlan(1, sample.revision, { type: 'add_task', task: newTask });
    const task = added.plan.workPlan.tasks.at(-1)!;
    expect(task).toMatchObject({ title: newTask.title, kind: { type: 'custom' } });
    const dependency = { predecessor: 'pilot_budget_line', successor: task.id, lagWeeks: 1 };
    const linked = await editWorkPlan(1, added.revision, { type: 'add_dependency', dependency });
    expect(linked.plan.workPlan.dependencies).toContainEqual(dependency);
    const removed = await editWorkPlan(1, linked.revision, { type: 'remove_task', id: task.id });
    expect(removed.plan.workPlan).toEqual(sample.plan.workPlan);
  });

  it('refuses a dependency closing a circle in Rust’s words, saving nothing', async () => {
    const backend = new FakeBackend().install();
    const sample = await getPlan(1);
    const dependency = {
      predecessor: 'stackable_pathways',
      successor: 'pilot_budget_line',
      lagWeeks: 0,
    };
    const refusal = editWorkPlan(1, sample.revision, { type: 'add_dependency', dependency });
    await expect(refusal).rejects.toEqual(REFUSALS.dependency_closing_a_circle.problem);
    expect(REFUSALS.dependency_closing_a_circle.problem.fields[0].message).toContain(
      'wait for one another in a circle',
    );
    expect(backend.plans[0].revision).toBe(sample.revision);
  });

  it('keeps the dean’s risks, KPI figures and engagement', async () => {
    new FakeBackend().install();
    let detail = await getPlan(1);
    const risk = { ...detail.plan.risks[0], likelihood: 2 };
    detail = await editRisks(1, detail.revision, { type: 'update', index: 0, risk });
    expect(detail.plan.risks[0].likelihood).toBe(2);
    const year = detail.kpis[5].targets[0].year;
    detail = await setKpi(1, detail.revision, {
      key: 'job_readiness',
      baseline: 58,
      targets: [{ year, value: 70 }],
    });
    const readiness = detail.kpis.find((k) => k.key === 'job_readiness')!;
    expect([readiness.baseline, readiness.targets[0].value]).toEqual([58, 70]);
    const engagement = { ...detail.plan.engagement, hoursPerEngagedMemberPerTerm: 12 };
    detail = await setEngagement(1, detail.revision, engagement);
    expect(detail.plan.engagement.hoursPerEngagedMemberPerTerm).toBe(12);
  });
});
