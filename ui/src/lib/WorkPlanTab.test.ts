import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/svelte';
import type { WorkPlanEdit } from '../bindings/WorkPlanEdit';
import { FakeBackend, REFUSALS, samplePlan, storedPlan } from './fake-backend';
import { showPlanView, useFakeClock } from './plan-view-harness';
import { TASK_PAUSE_MS } from './workplan-editor.svelte';

let backend: FakeBackend;

useFakeClock();

beforeEach(() => {
  backend = new FakeBackend([
    samplePlan(1, '2026-11-01T09:00:00Z'),
    storedPlan(2, 'Cybersecurity pathway pilot', 'Technical University', '2026-10-01T09:00:00Z'),
  ]).install();
});

async function showWorkPlan(id = 1) {
  const user = showPlanView(backend, id);
  await user.click(screen.getByTestId('tab-workplan'));
  return user;
}

const sent = () => backend.callsOf('edit_work_plan').map((args) => args.edit as WorkPlanEdit);
const stored = () => backend.detail(1).plan.workPlan;
const titleOf = (id: string) => stored().tasks.find((t) => t.id === id)!.title;

describe('work plan tab', () => {
  it('asks for the rollout first when there is no calendar to date the tasks on', async () => {
    await showWorkPlan(2);
    expect(screen.getByText(/Set the rollout up first/)).toBeVisible();
    expect(screen.queryByTestId('gantt')).not.toBeInTheDocument();
  });

  it('shows every scheduled task in the chart, and the same tasks in the table', async () => {
    const user = await showWorkPlan();
    const detail = backend.detail(1);
    if (detail.schedule.status !== 'scheduled') throw new Error('the sample is scheduled');
    const scheduled = detail.schedule.schedule.tasks.length;
    expect(scheduled).toBeGreaterThan(5);
    expect(screen.getAllByTestId('gantt-task')).toHaveLength(scheduled);
    const critical = detail.schedule.schedule.criticalPath.map(titleOf);
    expect(screen.getByTestId('workplan-summary')).toHaveTextContent(critical.join(' → '));

    await user.click(screen.getByRole('radio', { name: 'Table' }));
    expect(screen.queryByTestId('gantt')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('schedule-row')).toHaveLength(scheduled);
  });

  it('opens a task from the chart with Enter and saves a new length after a pause', async () => {
    const user = await showWorkPlan();
    const first = screen.getAllByTestId('gantt-task')[0]!;
    first.focus();
    await user.keyboard('{Enter}');
    const title = first.getAttribute('data-title')!;
    const editor = screen.getByTestId('task-editor');
    expect(within(editor).getByRole('heading', { name: title })).toBeVisible();
    expect(within(editor).getByRole('textbox', { name: 'Title' })).toHaveFocus();

    const weeks = within(editor).getByRole('textbox', { name: 'Length in working weeks' });
    await user.clear(weeks);
    await user.type(weeks, '7');
    expect(sent()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(TASK_PAUSE_MS);
    const last = sent().at(-1);
    expect(last).toMatchObject({ type: 'update_task', task: { title, durationWeeks: 7 } });
    const id = last?.type === 'update_task' ? last.id : '';
    expect(stored().tasks.find((t) => t.id === id)?.durationWeeks).toBe(7);
  });

  it('refuses a new task without an owner next to that field and adds nothing', async () => {
    const user = await showWorkPlan();
    const before = stored().tasks.length;
    await user.click(screen.getByTestId('add-task'));
    const form = screen.getByTestId('new-task');
    await user.type(within(form).getByRole('textbox', { name: 'Title' }), 'Audit the pilot');
    const weeks = within(form).getByRole('textbox', { name: 'Length in working weeks' });
    await user.clear(weeks);
    await user.type(weeks, '4');
    await user.click(screen.getByTestId('save-new-task'));

    const refusal = REFUSALS.task_without_owner!.problem.fields[0]!.message;
    await vi.waitFor(() => expect(within(form).getByTestId('error-ownerRole')).toHaveTextContent(refusal));
    expect(within(form).getByRole('textbox', { name: 'Owner' })).toHaveAttribute('aria-invalid', 'true');
    expect(stored().tasks).toHaveLength(before);

    await user.type(within(form).getByRole('textbox', { name: 'Owner' }), 'Quality office');
    await user.click(screen.getByTestId('save-new-task'));
    await vi.waitFor(() =>
      expect(within(screen.getByTestId('task-editor')).getByRole('heading', { name: 'Audit the pilot' })).toBeVisible(),
    );
    expect(stored().tasks).toHaveLength(before + 1);
    expect(stored().tasks.at(-1)).toMatchObject({ title: 'Audit the pilot', ownerRole: 'Quality office' });
  });

  it('adds a dependency chosen by title, and removes it', async () => {
    const user = await showWorkPlan();
    await openByTitle(user, 'Audit the pilot', true);
    const editor = await vi.waitFor(() => screen.getByTestId('task-editor'));
    const other = stored().tasks[0]!;
    await user.selectOptions(within(editor).getByRole('combobox', { name: 'Add a task it waits for' }), other.title);
    await user.click(within(editor).getByTestId('add-dependency'));
    const audit = stored().tasks.at(-1)!;
    await vi.waitFor(() => expect(within(editor).getByTestId('waits-for')).toHaveTextContent(other.title));
    expect(stored().dependencies).toContainEqual({ predecessor: other.id, successor: audit.id, lagWeeks: 0 });

    await user.click(within(editor).getByRole('button', { name: `Remove “${other.title}”` }));
    await vi.waitFor(() => expect(within(editor).queryByTestId('waits-for')).not.toBeInTheDocument());
    expect(stored().dependencies.some((d) => d.successor === audit.id)).toBe(false);
  });

  it('refuses a dependency closing a circle by naming the tasks next to the choice; nothing is saved', async () => {
    const user = await showWorkPlan();
    const circle = REFUSALS.dependency_closing_a_circle!;
    const { predecessor, successor } = (circle.when as { dependency: { predecessor: string; successor: string } })
      .dependency;
    const before = structuredClone(stored());
    const revision = backend.detail(1).revision;

    await openByTitle(user, titleOf(successor));
    const editor = await vi.waitFor(() => screen.getByTestId('task-editor'));
    const choice = within(editor).getByRole('combobox', { name: 'Add a task it waits for' });
    await user.selectOptions(choice, titleOf(predecessor));
    await user.click(within(editor).getByTestId('add-dependency'));

    const message = await vi.waitFor(() => within(editor).getByTestId('dependency-error'));
    expect(message).toHaveTextContent(circle.problem.fields[0]!.message);
    expect(message).toHaveTextContent(titleOf(predecessor));
    expect(message).toHaveTextContent(titleOf(successor));
    expect(choice).toHaveAccessibleDescription(circle.problem.fields[0]!.message);
    expect(stored()).toEqual(before);
    expect(backend.detail(1).revision).toBe(revision);
  });
});

/** Opens a task from the table (adding it first when `create`). */
async function openByTitle(user: Awaited<ReturnType<typeof showWorkPlan>>, title: string, create = false) {
  if (create) {
    await user.click(screen.getByTestId('add-task'));
    const form = screen.getByTestId('new-task');
    await user.type(within(form).getByRole('textbox', { name: 'Title' }), title);
    await user.type(within(form).getByRole('textbox', { name: 'Owner' }), 'Quality office');
    await user.click(screen.getByTestId('save-new-task'));
    return;
  }
  await user.click(screen.getByRole('radio', { name: 'Table' }));
  await user.click(screen.getByRole('button', { name: title }));
}
