import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/svelte';
import type { FacultyEngagement } from '../bindings/FacultyEngagement';
import type { KpiEdit } from '../bindings/KpiEdit';
import type { RiskEdit } from '../bindings/RiskEdit';
import { FakeBackend, REFUSALS, samplePlan } from './fake-backend';
import { showPlanView, useFakeClock } from './plan-view-harness';
import { ROLLOUT_PAUSE_MS } from './rollout-editor.svelte';

let backend: FakeBackend;

useFakeClock();

beforeEach(() => {
  backend = new FakeBackend([samplePlan(1, '2026-11-01T09:00:00Z')]).install();
});

async function showTargets() {
  const user = showPlanView(backend, 1);
  await user.click(screen.getByTestId('tab-targets'));
  return user;
}

const saveState = () => screen.getByTestId('save-state');
const saved = () => vi.waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));
const pause = () => vi.advanceTimersByTimeAsync(ROLLOUT_PAUSE_MS);
const riskEdits = () => backend.callsOf('edit_risks').map((args) => args.edit as RiskEdit);
const markerIn = (likelihood: number, impact: number) =>
  within(screen.getByTestId(`risk-cell-${likelihood}-${impact}`))
    .queryAllByTestId('risk-marker')
    .map((m) => m.textContent?.trim());

describe('risks', () => {
  it('places the sample’s risks on the matrix, the proposed ones marked as the assessment’s', async () => {
    await showTargets();
    expect(markerIn(4, 5)).toEqual(['1']);
    expect(markerIn(4, 4)).toEqual(['2']);
    expect(markerIn(3, 4)).toEqual(['3']);
    expect(markerIn(2, 4)).toEqual(['4']);
    const risks = screen.getAllByTestId('risk');
    expect(risks[0]).toHaveTextContent('Proposed from the assessment: Resource allocation');
    expect(risks[3]).not.toHaveTextContent('Proposed from the assessment');
    expect(within(risks[0]!).getByRole('combobox', { name: 'How likely' })).toHaveDisplayValue('Likely');
    expect(within(risks[0]!).getByRole('combobox', { name: 'Impact if it happens' })).toHaveDisplayValue(
      'Severe',
    );
  });

  it('moves a risk on the matrix as soon as its likelihood changes, and saves that one risk', async () => {
    const user = await showTargets();
    const first = screen.getAllByTestId('risk')[0]!;
    await user.selectOptions(within(first).getByRole('combobox', { name: 'How likely' }), 'Rare');

    expect(markerIn(1, 5)).toEqual(['1']);
    expect(markerIn(4, 5)).toEqual([]);
    await saved();
    const [edit] = riskEdits();
    expect(edit).toMatchObject({ type: 'update', index: 0, risk: { likelihood: 1, impact: 5 } });
    expect(riskEdits()).toHaveLength(1);
    expect(backend.plans[0]?.plan.risks[0]?.likelihood).toBe(1);
  });

  it('takes the dean from a risk on the matrix to its description', async () => {
    const user = await showTargets();
    await user.click(screen.getByRole('button', { name: /^Risk 2: Faculty do not take part/ }));
    expect(screen.getAllByRole('textbox', { name: 'What could go wrong' })[1]).toHaveFocus();
  });

  it('adds a risk of the dean’s own, flagged until it has an owner, sent when the dean moves on', async () => {
    const user = await showTargets();
    await user.click(screen.getByTestId('add-risk'));
    const added = screen.getAllByTestId('risk')[4]!;
    expect(within(added).getByRole('textbox', { name: 'What could go wrong' })).toHaveFocus();
    expect(within(added).getByTestId('risk-no-owner')).toHaveTextContent('No owner yet');
    expect(riskEdits()).toHaveLength(0);

    await user.keyboard('The vendor raises licence prices');
    await user.type(within(added).getByRole('textbox', { name: 'What we do about it' }), 'Negotiate a three-year price');
    await user.type(within(added).getByRole('textbox', { name: /^Owner/ }), 'Provost');
    expect(within(added).queryByTestId('risk-no-owner')).not.toBeInTheDocument();
    await pause();
    await saved();

    // Added when the dean left its description; each box after changes the same risk.
    expect(riskEdits().map((e) => e.type)).toEqual(['add', 'update', 'update']);
    expect(riskEdits().at(-1)).toEqual({
      type: 'update',
      index: 4,
      risk: {
        area: null,
        title: 'The vendor raises licence prices',
        likelihood: 3,
        impact: 3,
        mitigation: 'Negotiate a three-year price',
        ownerRole: 'Provost',
      },
    });
    expect(backend.plans[0]?.plan.risks).toHaveLength(5);
    expect(markerIn(3, 3)).toEqual(['5']);
  });

  it('shows Rust’s refusal next to the field it names, and keeps the risk on screen', async () => {
    backend.refusals.set('edit_risks', REFUSALS.risk_likelihood_6!.problem);
    const user = await showTargets();
    await user.click(screen.getByTestId('add-risk'));
    await user.keyboard('The accreditor objects');
    await pause();
    await vi.waitFor(() =>
      expect(screen.getByTestId('error-risks.4.likelihood')).toHaveTextContent(
        'Risk 5: the likelihood must be 1 to 5, not 6',
      ),
    );
    expect(saveState()).toHaveTextContent('Not saved — fix the highlighted field');
    expect(screen.getAllByTestId('risk')).toHaveLength(5);
  });

  it('removes a risk with one call naming its place', async () => {
    const user = await showTargets();
    await user.click(screen.getByRole('button', { name: /^Remove risk 4: The accreditor/ }));
    await saved();
    expect(riskEdits()).toEqual([{ type: 'remove', index: 3 }]);
    expect(screen.getAllByTestId('risk')).toHaveLength(3);
    expect(markerIn(2, 4)).toEqual([]);
    expect(screen.getByTestId('add-risk')).toHaveFocus();
  });
});

describe('a change made outside the window', () => {
  it('shows the risk changed elsewhere, and still saves the dean’s KPI on the reloaded plan', async () => {
    const user = await showTargets();
    backend.editElsewhere(1, (plan) => {
      plan.risks[3]!.likelihood = 5;
    });
    const box = screen.getByRole('textbox', { name: 'Job readiness today' });
    await user.clear(box);
    await user.type(box, '65');
    await pause();
    await saved();

    expect(markerIn(5, 4)).toEqual(['4']);
    expect(markerIn(2, 4)).toEqual([]);
    expect(backend.callsOf('set_kpi').map((c) => c.expectedRevision)).toEqual([1, 2]);
    expect(backend.plans[0]?.plan.kpis.find((k) => k.key === 'job_readiness')?.baseline).toBe(65);
    expect(backend.plans[0]?.plan.risks[3]?.likelihood).toBe(5);
  });
});

describe('KPIs', () => {
  it('sends the dean’s target for one KPI with its baseline, leaving the model’s alone', async () => {
    const user = await showTargets();
    const model = screen.getByTestId('kpi-enrolments');
    expect(model).toHaveTextContent('From the rollout model');
    expect(within(model).getAllByRole('textbox')).toHaveLength(1);

    const box = screen.getByRole('textbox', { name: 'Learner satisfaction target for FY2028' });
    await user.clear(box);
    await user.type(box, '83');
    await pause();
    await saved();

    const [edit] = backend.callsOf('set_kpi').map((args) => args.kpi as KpiEdit);
    expect(edit?.key).toBe('learner_satisfaction');
    expect(edit?.targets.find((t) => t.year === 'FY2028')?.value).toBe(83);
    expect(backend.callsOf('set_kpi')).toHaveLength(1);
  });

  it('shows a refused baseline under its box', async () => {
    backend.refusals.set('set_kpi', REFUSALS.job_readiness_over_100!.problem);
    const user = await showTargets();
    const box = screen.getByRole('textbox', { name: 'Job readiness today' });
    await user.clear(box);
    await user.type(box, '120');
    await pause();
    // Job readiness is the sixth KPI: Rust's `baseline` is that row's.
    await vi.waitFor(() =>
      expect(screen.getByTestId('error-kpis.5.baseline')).toHaveTextContent(
        'The Job readiness baseline must be 0% to 100%, not 120%',
      ),
    );
  });
});

describe('faculty engagement', () => {
  it('shows each term’s faculty and hours, and sends the whole engagement when a count changes', async () => {
    const user = await showTargets();
    expect(screen.getAllByTestId('engagement-term').length).toBeGreaterThan(0);
    const count = screen.getAllByRole('textbox', { name: 'Faculty' })[0]!;
    await user.clear(count);
    await user.type(count, '20000');
    await pause();
    await vi.waitFor(() =>
      expect(screen.getByTestId('error-engagement.departments.0.facultyCount')).toHaveTextContent(
        "The Computer Science department counts 20,000 faculty, more than the profile's headcount of 11,800",
      ),
    );
    const sent = backend.callsOf('set_engagement').map((a) => a.engagement as FacultyEngagement);
    expect(sent.at(-1)?.departments[0]?.facultyCount).toBe(20000);
    expect(sent.at(-1)?.departments.map((d) => d.name)).toEqual([
      'Computer Science',
      'Business Administration',
      'Health Sciences',
      'Engineering Technology',
    ]);
  });
});
