import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { RolloutInputs } from '../bindings/RolloutInputs';
import { FakeChart } from './chart-fake';
import {
  FakeBackend,
  FLAGGED_CREDIT,
  NEEDS_ATTENTION,
  SAMPLE_RESULT,
  SAMPLE_ROLLOUT,
  STARTER_ROLLOUT,
  samplePlan,
  storedPlan,
} from './fake-backend';
import { showPlanView, useFakeClock } from './plan-view-harness';
import { ROLLOUT_PAUSE_MS } from './rollout-editor.svelte';
import { formatMoney, formatNumber } from './format';

let backend: FakeBackend;

useFakeClock();

beforeEach(() => {
  FakeChart.instances = [];
  backend = new FakeBackend([
    samplePlan(1, '2026-11-01T09:00:00Z'),
    storedPlan(2, 'Cybersecurity pathway pilot', 'Technical University', '2026-10-01T09:00:00Z'),
  ]).install();
});

async function showRollout(id = 1) {
  const user = showPlanView(backend, id);
  await user.click(screen.getByTestId('tab-rollout'));
  return { user };
}

async function openSection(user: ReturnType<typeof userEvent.setup>, section: string) {
  await user.click(screen.getByTestId(`rollout-section-${section}`));
}

const saveState = () => screen.getByTestId('save-state');
const sent = () => backend.callsOf('update_rollout').map((args) => args.inputs as RolloutInputs);

describe('rollout plan', () => {
  it('offers to set the rollout up, and shows the starting plan once Rust has made it', async () => {
    const { user } = await showRollout(2);
    expect(screen.getByRole('heading', { name: 'Turn the plan into dates and numbers' })).toBeVisible();
    expect(screen.queryByTestId('rollout-section-calendar')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('start-rollout'));

    await vi.waitFor(() => expect(screen.getByRole('textbox', { name: 'Horizon' })).toHaveValue('5'));
    expect(backend.callsOf('start_rollout')).toEqual([{ id: 2, expectedRevision: 1 }]);
    expect(backend.plans[1]?.plan.rollout).toEqual(STARTER_ROLLOUT);
    expect(screen.getByLabelText('Month')).toHaveDisplayValue('August');
    expect(screen.getByLabelText('Year')).toHaveDisplayValue('2027');
    expect(screen.getByText(/The plan runs from/)).toHaveTextContent(
      'The plan runs from Aug 1, 2027 to Jul 31, 2032',
    );
    expect(saveState()).toHaveTextContent('All changes saved');

    expect(screen.queryAllByTestId('credential')).toHaveLength(0);
    expect(screen.getByText(/No credentials yet/)).toBeVisible();
  });

  it('says how the terms the plan cuts count, naming each with its share', async () => {
    await showRollout();
    // The sample runs 1 Sep 2026 – 31 Aug 2031: Fall 2026 has 133 of its 140 days inside,
    // Fall 2031 7 of 140.
    expect(screen.getByTestId('edges-note')).toHaveTextContent(
      'A term the plan’s start or end cuts counts in proportion to its days inside the plan, ' +
        'and every term’s costs and benefits are split across fiscal years by its days in each. ' +
        'Fall 2026 counts for 95 %. Fall 2031 counts for 5 %.',
    );
  });

  it('sends the whole inputs with the new horizon once typing pauses', async () => {
    const { user } = await showRollout();
    const horizon = screen.getByRole('textbox', { name: 'Horizon' });
    expect(horizon).toHaveAttribute('name', 'horizonYears');
    expect(horizon).toHaveAttribute('inputmode', 'numeric');
    await user.clear(horizon);
    await user.type(horizon, '6');

    expect(saveState()).toHaveTextContent('Saving…');
    await vi.advanceTimersByTimeAsync(ROLLOUT_PAUSE_MS - 50);
    expect(sent()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(50);
    await vi.waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));

    expect(backend.callsOf('update_rollout')).toEqual([
      { id: 1, expectedRevision: 1, inputs: { ...SAMPLE_ROLLOUT, horizonYears: 6 } },
    ]);
    expect(backend.plans[0]?.plan.rollout?.horizonYears).toBe(6);
  });

  it('updates the charts in place when Rust answers new figures, and lets them go with the tab', async () => {
    const { user } = await showRollout();
    expect(FakeChart.instances).toHaveLength(2);
    const uptake = FakeChart.of('chart-uptake')!;
    const budget = FakeChart.of('chart-budget')!;
    expect(budget.data.labels).toEqual(['FY2027', 'FY2028', 'FY2029', 'FY2030', 'FY2031']);
    expect(budget.data.datasets.map((d) => d.label)).toEqual([
      'Cost in the year',
      'Benefit in the year',
      'Cost so far',
      'Benefit so far',
    ]);
    expect(screen.getByTestId('payback-year')).toHaveTextContent('FY2031');
    const before = uptake.updates;
    const budgetBefore = budget.updates;

    // Rust answers more enrolments in every term: the uptake chart is redrawn with them.
    const more = structuredClone(SAMPLE_RESULT);
    for (const term of more.uptake.byTerm) term.enrolments += 100;
    backend.rolloutResult = more;
    const pilot = screen.getByRole('textbox', { name: 'Pilot uptake rate' });
    await user.clear(pilot);
    await user.type(pilot, '1');
    await vi.advanceTimersByTimeAsync(ROLLOUT_PAUSE_MS);
    await vi.waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));

    expect(sent()[0]?.uptake.pilotRatePct).toBe(1);
    expect(FakeChart.instances).toHaveLength(2);
    expect(uptake.updates).toBeGreaterThan(before);
    expect(uptake.data.datasets[0]?.data).toEqual(more.uptake.byTerm.map((t) => t.enrolments));
    expect(uptake.destroyed).toBe(false);
    // The budget's figures are the same: its chart is not drawn again.
    expect(budget.updates).toBe(budgetBefore);

    await user.click(screen.getByTestId('tab-details'));
    expect(uptake.destroyed).toBe(true);
    expect(budget.destroyed).toBe(true);
  });

  it('shows Rust’s message next to the horizon and keeps the last figures on screen', async () => {
    const { user } = await showRollout();
    const horizon = screen.getByRole('textbox', { name: 'Horizon' });
    await user.clear(horizon);
    await user.type(horizon, '11');
    await vi.advanceTimersByTimeAsync(ROLLOUT_PAUSE_MS);

    const error = await screen.findByTestId('error-horizonYears');
    expect(error).toHaveTextContent('The horizon must be 1 to 10 years (you entered 11)');
    expect(horizon).toHaveAttribute('aria-invalid', 'true');
    expect(horizon).toHaveAccessibleDescription(expect.stringContaining('you entered 11'));
    expect(horizon).toHaveValue('11');
    expect(saveState()).toHaveTextContent('Not saved — fix the highlighted field');
    expect(sent().at(-1)?.horizonYears).toBe(11);
    expect(backend.plans[0]?.plan.rollout?.horizonYears).toBe(5);

    // The figures of the inputs Rust last accepted stay.
    expect(screen.getByTestId('key-figures')).toHaveTextContent(
      formatNumber(SAMPLE_RESULT.uptake.totals.enrolments, 0),
    );
    expect(screen.getByText(/The plan runs from/)).toHaveTextContent('Aug 31, 2031');

    await user.clear(horizon);
    await user.type(horizon, '4');
    expect(screen.queryByTestId('error-horizonYears')).not.toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(ROLLOUT_PAUSE_MS);
    await vi.waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));
    expect(horizon).not.toHaveAttribute('aria-invalid');
  });

  it('says "Enter a number" for text that is not one, and sends nothing', async () => {
    const { user } = await showRollout();
    await openSection(user, 'uptake');
    const target = screen.getByRole('textbox', { name: 'Target uptake rate' });
    expect(target).toHaveValue('2.5');
    expect(target).toHaveAttribute('inputmode', 'decimal');
    await user.clear(target);
    await user.type(target, 'abc');
    await vi.advanceTimersByTimeAsync(ROLLOUT_PAUSE_MS * 3);

    expect(screen.getByTestId('error-uptake.targetRatePct')).toHaveTextContent('Enter a number');
    expect(target).toHaveAttribute('aria-invalid', 'true');
    expect(saveState()).toHaveTextContent('Not saved — fix the highlighted field');
    expect(sent()).toHaveLength(0);

    // A number is sent, as a number, and Rust judges its range.
    await user.clear(target);
    await user.type(target, '120');
    await vi.advanceTimersByTimeAsync(ROLLOUT_PAUSE_MS);
    await vi.waitFor(() =>
      expect(screen.getByTestId('error-uptake.targetRatePct')).toHaveTextContent(
        'The target uptake rate must be from 0 % to 100 % (you entered 120 %)',
      ),
    );
    expect(sent()).toHaveLength(1);
    expect(sent()[0]?.uptake.targetRatePct).toBe(120);
  });

  it('shows Rust’s arithmetic sentence for a credit the hours cannot support', async () => {
    const result = structuredClone(SAMPLE_RESULT);
    result.credits[7] = FLAGGED_CREDIT;
    backend.rolloutResult = result;
    const { user } = await showRollout();
    await openSection(user, 'credits');

    const flags = screen.getAllByTestId('credit-flag');
    expect(flags[0]).toHaveTextContent(
      '150 learning hours support at most 3.3 US semester credit hours (150 ÷ 45); 4 are granted',
    );
    expect(flags[1]).toHaveTextContent(
      'The external recommendation is 3 US semester credit hours; 4 are granted',
    );
    const row = within(screen.getByTestId('credit-table'))
      .getByText(/Microsoft Power BI/)
      .closest('tbody')!;
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '150',
      '5–6',
      '3.3',
      '5',
      '5',
      '15',
      '4',
      '3.3',
      '3',
    ]);

    await user.click(screen.getByRole('button', { name: 'Change the credit granted' }));
    expect(screen.getByRole('textbox', { name: 'Credit we grant' })).toHaveFocus();
  });

  it('says the sample’s recommendations are illustrative until the dean enters a real one', async () => {
    const { user } = await showRollout();
    await openSection(user, 'credits');
    expect(screen.getByTestId('illustrative-note')).toHaveTextContent(
      'The external recommendations of 10 credentials are illustrative',
    );

    await openSection(user, 'credentials');
    const first = screen.getAllByTestId('credential')[0]!;
    await user.click(within(first).getAllByRole('button')[0]!);
    expect(within(first).getByTestId('illustrative-recommendation')).toBeVisible();
    const ace = within(first).getByRole('textbox', { name: 'ACE semester hours' });
    await user.clear(ace);
    await user.type(ace, '4');
    await vi.advanceTimersByTimeAsync(ROLLOUT_PAUSE_MS);

    await vi.waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()[0]!.credentials[0]!.recommendation).toMatchObject({
      aceSemesterHours: 4,
      illustrative: false,
    });
    expect(sent()[0]!.credentials[1]!.recommendation.illustrative).toBe(true);
    expect(within(first).queryByTestId('illustrative-recommendation')).not.toBeInTheDocument();
  });

  it('sets the projection beside the reference system, with Rust’s numbers', async () => {
    await showRollout();
    // Every part is on the one page: the horizon, the totals and the calibration at once.
    expect(
      screen.getByTestId('rollout').querySelector('[name="horizonYears"]'),
    ).toBeInTheDocument();

    const totals = SAMPLE_RESULT.uptake.totals;
    const c = SAMPLE_RESULT.calibration!;
    const count = (v: number) => formatNumber(v, 0);
    expect(screen.getByTestId('total-enrolments')).toHaveTextContent(count(totals.enrolments));
    expect(screen.getByTestId('total-learners')).toHaveTextContent(
      count(SAMPLE_RESULT.uptake.learners),
    );
    expect(screen.getByTestId('learners-rule')).toHaveTextContent(
      'Course counts not taken from the provider’s listing are illustrative.',
    );
    // Like for like: students (not enrolments) over one academic year from the first launch.
    expect(c.periodLabel).toBe('Fall 2027 – Summer 2028');
    expect(screen.getByTestId('calibration')).toHaveTextContent(
      `In its first year from the first launch (Fall 2027 – Summer 2028) this plan projects ` +
        `${count(c.projectedLearners)} students in one or more credentials ` +
        `(${count(c.projectedEnrolments)} enrolments) and ` +
        `${count(c.projectedCoursesCompleted)} courses completed.`,
    );
    const verdict = {
      far_above: 'Far above the reference:',
      far_below: 'Far below the reference:',
      comparable: 'Within 1.5 times the reference either way',
    }[c.verdict];
    expect(screen.getByTestId('calibration-verdict')).toHaveTextContent(verdict);
    const chart = FakeChart.of('chart-uptake')!;
    // Fall 2026 (cut by the plan's start) to Fall 2031 (cut by its end): 16 terms.
    expect(chart.data.labels).toHaveLength(16);
    expect(chart.data.labels?.[3]).toBe('Fall 2027');
    expect(chart.data.datasets[0]?.data[3]).toBe(668);
    expect(screen.getByTestId('chart-uptake')).toHaveTextContent(/enrolments and completions/);
  });

  it('compares the three scenarios side by side and sends an edited override', async () => {
    const { user } = await showRollout();
    await openSection(user, 'scenarios');

    const table = within(screen.getByTestId('scenarios-table'));
    expect(table.getAllByRole('columnheader').map((h) => h.textContent?.trim())).toEqual([
      'Figure',
      'Conservative',
      'Expected',
      'Ambitious',
    ]);
    const net = table.getByRole('rowheader', { name: 'Net benefit' }).closest('tr')!;
    expect(within(net).getAllByRole('cell').map((c) => c.textContent)).toEqual(
      SAMPLE_RESULT.scenarios.map((s) => formatMoney(s.netBenefit, 'USD')),
    );
    expect(SAMPLE_RESULT.scenarios.map((s) => s.kind)).toEqual([
      'conservative',
      'expected',
      'ambitious',
    ]);
    const bands = screen.getByTestId('uncertainty-bands');
    expect(bands).toHaveTextContent('Ranges from 5,000 runs');
    const drawn = SAMPLE_RESULT.uncertainty!;
    const credits = within(bands).getByRole('rowheader', { name: 'Credits awarded' }).closest('tr')!;
    expect(within(credits).getAllByRole('cell').map((c) => c.textContent)).toEqual(
      [drawn.creditsAwarded.p10, drawn.creditsAwarded.p50, drawn.creditsAwarded.p90].map((v) =>
        formatNumber(v, 0),
      ),
    );
    // The sample pays back in its last year in fewer than half the runs: from P50 on, not by
    // its last fiscal year.
    expect(drawn.paybackYear).toMatchObject({ p10: 3, p50: null, p90: null });
    const payback = screen.getByTestId('payback-band');
    expect(within(payback).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      SAMPLE_RESULT.fiscalYears[3]!.label,
      `Not by ${SAMPLE_RESULT.fiscalYears.at(-1)!.label}`,
      `Not by ${SAMPLE_RESULT.fiscalYears.at(-1)!.label}`,
    ]);
    expect(payback).toHaveTextContent(
      `${formatNumber(drawn.paybackYear.paidBack, 0)} of 5,000 runs pay back within the plan`,
    );

    const multiplier = screen.getByRole('textbox', {
      name: 'Conservative: Target uptake rate, multiplied by',
    });
    await user.clear(multiplier);
    await user.type(multiplier, '0.6');
    await vi.advanceTimersByTimeAsync(ROLLOUT_PAUSE_MS);
    await vi.waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()[0]?.scenarios.conservative.targetRateMultiplier).toBe(0.6);
  });

  it('adds a credential Rust accepts as it is, and opens it', async () => {
    const { user } = await showRollout();
    await openSection(user, 'credentials');
    expect(screen.getAllByTestId('credential')).toHaveLength(10);

    await user.click(screen.getByTestId('add-credential'));

    await vi.waitFor(() => expect(sent()).toHaveLength(1));
    const inputs = sent()[0]!;
    expect(inputs.credentials).toHaveLength(11);
    expect(inputs.credentials.slice(0, 10)).toEqual(SAMPLE_ROLLOUT.credentials);
    expect(inputs.credentials[10]).toMatchObject({
      title: 'New credential',
      launchTerm: SAMPLE_ROLLOUT.phases.pilotStartTerm,
    });
    expect(screen.getAllByTestId('credential')).toHaveLength(11);
    const title = screen.getByRole('textbox', { name: 'Title' });
    expect(title).toHaveValue('New credential');
    expect(title).toHaveFocus();
    await vi.waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));
  });

  it('lists what needs attention and leads to the field', async () => {
    backend.rolloutStatus = { status: 'needs_attention', problems: NEEDS_ATTENTION.problems };
    const { user } = await showRollout();

    const problems = screen.getByTestId('rollout-problems');
    expect(problems).toHaveTextContent('The rollout plan needs attention');
    expect(within(problems).getAllByRole('listitem')).toHaveLength(3);
    expect(problems).toHaveTextContent(
      'The target programs of “Google Data Analytics Professional Certificate” enrol 28,000 students, more than the institution\'s 20,000',
    );

    await user.click(within(problems).getAllByRole('button', { name: 'Show me' })[0]!);
    expect(screen.getByTestId('error-credentials.1.targetPrograms')).toBeVisible();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue(
      'Google Data Analytics Professional Certificate',
    );
  });
});
