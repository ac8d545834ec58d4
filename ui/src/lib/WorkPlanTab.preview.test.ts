// The chart follows the dean's changes to the work plan at once: each is previewed by Rust
// (nothing saved); a new length is saved after the typing pause, a dependency at once.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/svelte';
import type { DraftEdit } from '../bindings/DraftEdit';
import type { ScheduleStatus } from '../bindings/ScheduleStatus';
import type { WorkPlanEdit } from '../bindings/WorkPlanEdit';
import { FakeBackend, REFUSALS, samplePlan } from './fake-backend';
import { showPlanView, useFakeClock } from './plan-view-harness';
import { TASK_PAUSE_MS } from './workplan-editor.svelte';

let backend: FakeBackend;

useFakeClock();

beforeEach(() => {
  backend = new FakeBackend([samplePlan(1, '2026-11-01T09:00:00Z')]).install();
});

const saved = () => backend.callsOf('edit_work_plan').map((args) => args.edit as WorkPlanEdit);
const previewed = () =>
  backend
    .callsOf('preview_plan_edit')
    .map((args) => args.edit as DraftEdit)
    .flatMap((draft) => (draft.kind === 'work_plan' ? [draft.edit] : []));
const bar = (title: string) =>
  screen.getAllByTestId('gantt-task').find((g) => g.getAttribute('data-title') === title)!;

/** Rust's schedule of the sample with task `id` moved to `start`–`finish`, as the next answers give it. */
function answerWithTask(id: string, start: string, finish: string) {
  const schedule = structuredClone(backend.detail(1).schedule) as ScheduleStatus;
  if (schedule.status !== 'scheduled') throw new Error('the sample is scheduled');
  const task = schedule.schedule.tasks.find((t) => t.id === id)!;
  task.earliestStart = start;
  task.earliestFinish = finish;
  backend.scheduleStatus = schedule;
}

async function openFirstTask() {
  const user = showPlanView(backend, 1);
  await user.click(screen.getByTestId('tab-workplan'));
  const first = screen.getAllByTestId('gantt-task')[0]!;
  first.focus();
  await user.keyboard('{Enter}');
  const title = first.getAttribute('data-title')!;
  const task = backend.detail(1).plan.workPlan.tasks.find((t) => t.title === title)!;
  return { user, title, task, editor: screen.getByTestId('task-editor') };
}

describe('the work plan while the dean edits it', () => {
  it('moves a task’s bar as its length is typed, and saves the length after the pause', async () => {
    const { user, title, task, editor } = await openFirstTask();
    const start = bar(title).getAttribute('data-start')!;
    answerWithTask(task.id, start, '2031-06-30');

    const weeks = within(editor).getByRole('textbox', { name: 'Length in working weeks' });
    await user.clear(weeks);
    await user.type(weeks, '9');
    await vi.advanceTimersByTimeAsync(0);

    expect(bar(title)).toHaveAttribute('data-finish', '2031-06-30');
    expect(previewed().at(-1)).toMatchObject({ type: 'update_task', id: task.id, task: { durationWeeks: 9 } });
    expect(saved()).toHaveLength(0);
    expect(backend.plans[0]?.revision).toBe(1);
    expect(screen.getByTestId('save-state')).toHaveTextContent('Saving…');

    await vi.advanceTimersByTimeAsync(TASK_PAUSE_MS);
    await vi.waitFor(() =>
      expect(screen.getByTestId('save-state')).toHaveTextContent('All changes saved'),
    );
    expect(saved()).toEqual([{ type: 'update_task', id: task.id, task: expect.objectContaining({ durationWeeks: 9 }) }]);
    expect(backend.detail(1).plan.workPlan.tasks.find((t) => t.id === task.id)?.durationWeeks).toBe(9);
    expect(bar(title)).toHaveAttribute('data-finish', '2031-06-30');
  });

  it('keeps the dates of a dependency Rust refuses, previewed or saved, and says why', async () => {
    const user = showPlanView(backend, 1);
    await user.click(screen.getByTestId('tab-workplan'));
    const circle = REFUSALS.dependency_closing_a_circle!;
    const edit = circle.when as WorkPlanEdit & { type: 'add_dependency' };
    const { predecessor, successor } = edit.dependency;
    const tasks = backend.detail(1).plan.workPlan.tasks;
    const titleOf = (id: string) => tasks.find((t) => t.id === id)!.title;
    const start = bar(titleOf(successor)).getAttribute('data-start')!;
    answerWithTask(successor, '2031-01-06', '2031-03-28');

    await user.click(screen.getByRole('radio', { name: 'Table' }));
    await user.click(screen.getByRole('button', { name: titleOf(successor) }));
    await user.click(screen.getByRole('radio', { name: 'Chart' }));
    const editor = screen.getByTestId('task-editor');
    await user.selectOptions(within(editor).getByRole('combobox', { name: 'Add a task it waits for' }), titleOf(predecessor));
    await user.click(within(editor).getByTestId('add-dependency'));

    await vi.waitFor(() =>
      expect(within(editor).getByTestId('dependency-error')).toHaveTextContent(circle.problem.fields[0]!.message),
    );
    expect(previewed()).toEqual([edit]);
    expect(bar(titleOf(successor))).toHaveAttribute('data-start', start);
    expect(backend.plans[0]?.revision).toBe(1);
  });

  it('moves a task as soon as a task it waits for is added, previewed before it is saved', async () => {
    const { user, title, task, editor } = await openFirstTask();
    const other = backend.detail(1).plan.workPlan.tasks.find((t) => t.id !== task.id && t.title !== title)!;
    answerWithTask(task.id, '2031-01-06', '2031-03-28');

    await user.selectOptions(within(editor).getByRole('combobox', { name: 'Add a task it waits for' }), other.title);
    await user.click(within(editor).getByTestId('add-dependency'));

    const added: WorkPlanEdit = {
      type: 'add_dependency',
      dependency: { predecessor: other.id, successor: task.id, lagWeeks: 0 },
    };
    await vi.waitFor(() => expect(bar(title)).toHaveAttribute('data-start', '2031-01-06'));
    expect(previewed()).toEqual([added]);
    expect(saved()).toEqual([added]);
    const order = backend.calls.map((c) => c.command);
    expect(order.indexOf('preview_plan_edit')).toBeLessThan(order.indexOf('edit_work_plan'));
    await vi.waitFor(() => expect(within(editor).getByTestId('waits-for')).toHaveTextContent(other.title));
  });
});
