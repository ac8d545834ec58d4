import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { Kpi } from '../bindings/Kpi';
import type { PlanDetail } from '../bindings/PlanDetail';
import { Autosave } from './autosave.svelte';
import KpiTable from './KpiTable.svelte';

const years = (values: (number | null)[]) =>
  values.map((value, i) => ({ year: `FY${2027 + i}`, value }));

function kpis(): Kpi[] {
  return [
    {
      key: 'enrolments',
      label: 'Enrolments',
      unit: 'learners starting a credential',
      baseline: 1200,
      targets: years([1840.4, 5230.6, 9120]),
      source: 'model',
    },
    {
      key: 'completion_rate',
      label: 'Completion rate',
      unit: '% of enrolments completed',
      baseline: null,
      targets: years([55, 55.04, null]),
      source: 'model',
    },
    {
      key: 'learner_satisfaction',
      label: 'Learner satisfaction',
      unit: '% satisfied',
      baseline: null,
      targets: years([80, null, null]),
      source: 'dean',
    },
  ];
}

function showTable(rows = kpis()) {
  const send = vi.fn(() => Promise.resolve({} as PlanDetail));
  const save = new Autosave({ pauseMs: 0, enqueue: (write) => write(), send });
  render(KpiTable, { kpis: rows, save });
  return { rows, send, user: userEvent.setup() };
}

const row = (key: string) => screen.getByTestId(`kpi-${key}`);

describe('KPI table', () => {
  it('shows the model’s yearly figures read-only, marked as the rollout model’s', () => {
    showTable();
    const headers = screen.getAllByRole('columnheader').map((th) => th.textContent?.trim());
    expect(headers).toEqual(['Indicator', 'Today', 'FY2027', 'FY2028', 'FY2029']);
    const enrolments = row('enrolments');
    expect(within(enrolments).getByRole('rowheader')).toHaveTextContent(
      'Enrolments learners starting a credential From the rollout model',
    );
    const figures = within(enrolments)
      .getAllByRole('cell')
      .slice(1)
      .map((td) => td.textContent?.trim());
    expect(figures).toEqual(['1,840', '5,231', '9,120']);
    // Only the baseline is the dean's on a model row.
    expect(within(enrolments).getAllByRole('textbox')).toHaveLength(1);
    expect(within(enrolments).getByRole('textbox', { name: 'Enrolments today' })).toHaveValue('1,200');
    const rates = within(row('completion_rate')).getAllByRole('cell').slice(1);
    expect(rates.map((td) => td.textContent?.trim())).toEqual(['55%', '55%', '—']);
  });

  it('lets the dean set a baseline and every target of their own KPIs', async () => {
    const { rows, send, user } = showTable();
    const satisfaction = row('learner_satisfaction');
    expect(within(satisfaction).queryByText('From the rollout model')).not.toBeInTheDocument();
    expect(within(satisfaction).getAllByRole('textbox')).toHaveLength(4);
    const fy2028 = screen.getByRole('textbox', { name: 'Learner satisfaction target for FY2028' });
    await user.type(fy2028, '82.5');
    expect(rows[2]!.targets[1]!.value).toBe(82.5);
    await vi.waitFor(() => expect(send).toHaveBeenCalled());
    // Emptying a box means no target for that year.
    const fy2027 = screen.getByRole('textbox', { name: 'Learner satisfaction target for FY2027' });
    expect(fy2027).toHaveValue('80');
    await user.clear(fy2027);
    expect(rows[2]!.targets[0]!.value).toBeNull();
  });

  it('says where the targets come from before the rollout is set up', () => {
    showTable([]);
    expect(screen.getByText('The targets appear once the rollout plan is set up.')).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
