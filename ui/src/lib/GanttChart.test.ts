import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import GanttChart from './GanttChart.svelte';
import ScheduleTable from './ScheduleTable.svelte';
import { SAMPLE_RESULT } from './fake-backend';
import { GANTT_PLAN, GANTT_SCHEDULE } from './gantt-fixture';
import { dayNumber, isoDay, type Zoom } from './gantt-layout';
import type { Schedule } from '../bindings/Schedule';
import type { Task } from '../bindings/Task';

/** `n` one-week tasks, each waiting for the one before: task i runs the i-th week from Monday
 * 7 September 2026. */
function chainOf(n: number): { tasks: Task[]; schedule: Schedule } {
  const monday = dayNumber('2026-09-07');
  const tasks: Task[] = Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    title: `Task number ${i + 1}`,
    ownerRole: 'Registrar',
    durationWeeks: 1,
    pinnedTerm: null,
    phase: null,
    kind: { type: 'custom' },
  }));
  const week = (i: number) => [isoDay(monday + 7 * i), isoDay(monday + 7 * i + 4)] as const;
  return {
    tasks,
    schedule: {
      start: week(0)[0],
      finish: week(n - 1)[1],
      workingDays: 5 * n,
      tasks: tasks.map((t, i) => ({
        id: t.id,
        startDay: 5 * i,
        workingDays: 5,
        earliestStart: week(i)[0],
        earliestFinish: week(i)[1],
        latestStart: week(i)[0],
        latestFinish: week(i)[1],
        slackDays: 0,
        critical: true,
        phaseEnd: null,
        lateForPhase: false,
      })),
      criticalPath: tasks.map((t) => t.id),
      links: tasks.slice(1).map((t, i) => ({ predecessor: `t${i}`, successor: t.id, lagWeeks: 0, critical: true })),
    },
  };
}

function showChart(zoom: Zoom = 'months') {
  const onopen = vi.fn();
  const onzoom = vi.fn();
  const view = render(GanttChart, {
    tasks: GANTT_PLAN.tasks,
    schedule: GANTT_SCHEDULE,
    terms: SAMPLE_RESULT.terms,
    phases: SAMPLE_RESULT.phases,
    today: '2026-11-02',
    zoom,
    onzoom,
    onopen,
  });
  return { onopen, onzoom, view, user: userEvent.setup() };
}

const bars = () => screen.getAllByTestId('gantt-task');

describe('Gantt chart', () => {
  it('shows each task as one focusable bar that says what it is', () => {
    showChart();
    expect(bars().map((b) => b.getAttribute('data-title'))).toEqual([
      'Map credentials to credit',
      'Name faculty champions',
      'Senate approval',
      'Connect the learning platform',
    ]);
    expect(screen.getByRole('button', { name: /^Senate approval, Provost: milestone on Sep 29, 2026/ })).toBeInTheDocument();
    // One tab stop for the whole chart.
    expect(bars().filter((b) => b.getAttribute('tabindex') === '0')).toHaveLength(1);
  });

  it('marks critical tasks by more than colour, and flags the one late for its gate in words', () => {
    showChart();
    const platform = bars()[3]!;
    expect(platform).toHaveAttribute('data-critical', 'true');
    expect(platform).toHaveTextContent('Late for the Prepare gate');
    expect(bars()[1]).toHaveAttribute('data-critical', 'false');
    expect(screen.getByText('Critical: any delay moves the end of the plan')).toBeInTheDocument();
  });

  it('draws what waits for what, the waits that set the end of the plan in bold, under the bars', () => {
    const { view } = showChart();
    const links = screen.getAllByTestId('gantt-link');
    expect(links.map((l) => l.getAttribute('data-critical'))).toEqual(['true', 'true']);
    expect(links.every((l) => l.classList.contains('critical'))).toBe(true);
    expect(screen.getByText('Bold: the wait that sets the end of the plan')).toBeInTheDocument();
    // Drawn before the first bar, so every bar covers the arrows that cross it.
    const first = view.container.querySelector('.task')!;
    expect(links[0]!.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('draws the phases and today', () => {
    const { view } = showChart();
    const labels = [...view.container.querySelectorAll('.band-label')].map((t) => t.textContent);
    expect(labels).toEqual(['Prepare', 'Pilot', 'Scale', 'Sustain']);
    expect(screen.getByText('Today')).toBeInTheDocument();
  });

  it('moves between tasks with the arrow keys and opens one with Enter', async () => {
    const { user, onopen } = showChart();
    await user.tab();
    await user.tab();
    await user.tab();
    await user.tab();
    await user.tab();
    expect(bars()[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(bars()[2]).toHaveFocus();
    expect(bars()[2]).toHaveAttribute('tabindex', '0');
    await user.keyboard('{ArrowUp}');
    expect(bars()[1]).toHaveFocus();
    await user.keyboard('{End}');
    expect(bars()[3]).toHaveFocus();
    await user.keyboard('{Enter}');
    // The platform is the fourth task of the plan's list.
    expect(onopen).toHaveBeenCalledWith(3);
  });

  it('draws only the tasks near the view of a 500-task plan, and the keyboard still reaches every one', async () => {
    const { tasks, schedule } = chainOf(500);
    const onopen = vi.fn();
    render(GanttChart, {
      tasks,
      schedule,
      terms: SAMPLE_RESULT.terms,
      phases: SAMPLE_RESULT.phases,
      today: '2026-11-02',
      zoom: 'months',
      onzoom: vi.fn(),
      onopen,
    });
    const drawn = bars().length;
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(100);
    expect(screen.getAllByTestId('gantt-link').length).toBeLessThan(100);
    const user = userEvent.setup();
    bars()[0]!.focus();
    await user.keyboard('{End}');
    expect(document.activeElement).toHaveAttribute('data-title', 'Task number 500');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toHaveAttribute('data-title', 'Task number 498');
    await user.keyboard('{Enter}');
    expect(onopen).toHaveBeenCalledWith(497);
    await user.keyboard('{Home}');
    expect(document.activeElement).toHaveAttribute('data-title', 'Task number 1');
    expect(bars().filter((b) => b.getAttribute('tabindex') === '0')).toHaveLength(1);
  });

  it('always draws the task open in the editor, however far from the view, so its bar can be watched', async () => {
    const { tasks, schedule } = chainOf(500);
    const props = {
      tasks,
      schedule,
      terms: SAMPLE_RESULT.terms,
      phases: SAMPLE_RESULT.phases,
      today: '2026-11-02',
      zoom: 'months' as const,
      onzoom: vi.fn(),
      onopen: vi.fn(),
    };
    const view = render(GanttChart, { ...props, openId: null });
    const titled = (title: string) => bars().filter((b) => b.getAttribute('data-title') === title);
    expect(titled('Task number 400')).toHaveLength(0);
    await view.rerender({ ...props, openId: 't399' });
    expect(titled('Task number 400')).toHaveLength(1);
    // A longer first task moves every later one a week on: the open task's bar says so.
    const later = structuredClone(schedule);
    const open = later.tasks[399]!;
    open.earliestStart = isoDay(dayNumber(open.earliestStart) + 7);
    open.earliestFinish = isoDay(dayNumber(open.earliestFinish) + 7);
    await view.rerender({ ...props, schedule: later, openId: 't399' });
    expect(titled('Task number 400')[0]).toHaveAttribute('data-start', open.earliestStart);
  });

  it('zooms in with + and out with -, and with the scale buttons', async () => {
    const { user, onzoom } = showChart('months');
    bars()[0]!.focus();
    await user.keyboard('+');
    expect(onzoom).toHaveBeenLastCalledWith('weeks');
    await user.keyboard('-');
    expect(onzoom).toHaveBeenLastCalledWith('terms');
    await user.click(screen.getByRole('button', { name: 'Years' }));
    expect(onzoom).toHaveBeenLastCalledWith('years');
    expect(screen.getByRole('button', { name: 'Months' })).toHaveAttribute('aria-pressed', 'true');
  });
});

describe('schedule table', () => {
  it('gives the chart’s data in words a screen reader can read', async () => {
    const onopen = vi.fn();
    render(ScheduleTable, {
      tasks: GANTT_PLAN.tasks,
      schedule: GANTT_SCHEDULE,
      phases: SAMPLE_RESULT.phases,
      onopen,
    });
    const rows = screen.getAllByTestId('schedule-row').map((r) =>
      [...r.querySelectorAll('th, td')].map((c) => c.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).toEqual([
      ['Map credentials to credit', 'Registrar', '4 weeks', 'Sep 1, 2026', 'Sep 28, 2026', 'none', 'Yes', 'Prepare'],
      ['Name faculty champions', 'Dean of Faculty', '2 weeks', 'Sep 1, 2026', 'Sep 14, 2026', '50 weeks', 'No', ''],
      ['Senate approval', 'Provost', 'Milestone', 'Sep 29, 2026', '—', 'none', 'Yes', 'Prepare'],
      [
        'Connect the learning platform',
        'Chief Information Officer',
        '48 weeks',
        'Sep 29, 2026',
        'Aug 30, 2027',
        'none',
        'Yes',
        'Late for the Prepare gate',
      ],
    ]);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Name faculty champions' }));
    expect(onopen).toHaveBeenCalledWith(1);
  });
});
