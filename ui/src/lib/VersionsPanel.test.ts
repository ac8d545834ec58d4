import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/svelte';
import type { PlanComparison } from '../bindings/PlanComparison';
import { FakeBackend, REFUSALS, samplePlan } from './fake-backend';
import { showPlanView, useFakeClock } from './plan-view-harness';

let backend: FakeBackend;

useFakeClock();

/** What planner-core says changed after the target uptake went from 2.5% to 3%. */
const HIGHER_UPTAKE: PlanComparison = {
  inputs: [
    {
      what: 'Target uptake per term',
      before: { kind: 'percent', value: 2.5 },
      after: { kind: 'percent', value: 3 },
      difference: null,
    },
    {
      what: 'Licence cost per learner',
      before: { kind: 'money', amount: 1500, currency: 'EUR' },
      after: { kind: 'money', amount: 1750, currency: 'EUR' },
      difference: null,
    },
  ],
  figures: [
    {
      what: 'Enrolments',
      before: { kind: 'count', value: 32_511.6 },
      after: { kind: 'count', value: 37_596.4 },
      difference: { kind: 'count', by: 5_084 },
    },
    {
      what: 'Payback year',
      before: { kind: 'words', text: 'FY2030' },
      after: { kind: 'words', text: 'FY2029' },
      difference: { kind: 'words', text: '1 year earlier' },
    },
    {
      what: 'Plan ends',
      before: { kind: 'date', date: '2031-08-31' },
      after: { kind: 'date', date: '2032-08-31' },
      difference: { kind: 'words', text: '1 year later' },
    },
  ],
  credentials: [
    { change: 'added', name: 'Regional Welding Certificate', details: [] },
    {
      change: 'changed',
      name: 'Google Data Analytics',
      details: [
        {
          what: 'Launch term',
          before: { kind: 'words', text: '4' },
          after: { kind: 'words', text: '6' },
          difference: null,
        },
      ],
    },
  ],
  tasks: [],
  risks: [{ change: 'removed', name: 'Faculty workload', details: [] }],
};

beforeEach(() => {
  backend = new FakeBackend([samplePlan(1, '2026-11-01T09:00:00Z')]).install();
});

const panel = () => within(screen.getByTestId('versions-panel'));

describe('the plan’s versions', () => {
  it('says there are none yet, then keeps one with the label typed', async () => {
    const user = showPlanView(backend, 1);
    expect(await panel().findByTestId('no-versions')).toHaveTextContent('No versions yet');
    await user.type(panel().getByLabelText('Label of the version'), 'Sent to committee, 3 March');
    await user.click(panel().getByRole('button', { name: 'Save a version' }));

    await vi.waitFor(() => expect(panel().getAllByTestId('version')).toHaveLength(1));
    expect(backend.callsOf('snapshot_plan')).toEqual([
      { id: 1, expectedRevision: backend.plans[0].revision, label: 'Sent to committee, 3 March' },
    ]);
    const row = panel().getByTestId('version');
    expect(row).toHaveTextContent('Version 1');
    expect(row).toHaveTextContent('Sent to committee, 3 March');
    expect(panel().getByTestId('version-kept')).toHaveTextContent(
      'Kept as version 1, “Sent to committee, 3 March”.',
    );
    expect(panel().getByLabelText('Label of the version')).toHaveValue('');
  });

  it('lists the newest version first, with the date it was kept in the reader’s conventions', async () => {
    backend.versions.set(1, [
      { number: 1, label: 'First draft', createdAt: '2027-01-10T12:00:00Z' },
      { number: 2, label: 'Sent to committee, 3 March', createdAt: '2027-03-03T09:15:00Z' },
    ]);
    showPlanView(backend, 1);
    await vi.waitFor(() => expect(panel().getAllByTestId('version')).toHaveLength(2));
    const [newest, oldest] = panel().getAllByTestId('version');
    expect(newest).toHaveTextContent('Version 2');
    expect(newest).toHaveTextContent('Mar 3, 2027');
    expect(oldest).toHaveTextContent('Version 1');
    expect(oldest).toHaveTextContent('Jan 10, 2027');
  });

  it('refuses an empty label in Rust’s words and keeps nothing', async () => {
    const user = showPlanView(backend, 1);
    await panel().findByTestId('no-versions');
    await user.type(panel().getByLabelText('Label of the version'), '  ');
    await user.click(panel().getByRole('button', { name: 'Save a version' }));
    const said = REFUSALS.version_without_label.problem.fields[0].message;
    expect(await panel().findByRole('alert')).toHaveTextContent(said);
    expect(backend.versions.get(1) ?? []).toEqual([]);
    expect(panel().getByTestId('no-versions')).toBeInTheDocument();
  });

  it('compares a version with the plan now and shows what changed in plain words', async () => {
    backend.versions.set(1, [
      { number: 1, label: 'Sent to committee, 3 March', createdAt: '2027-03-03T09:15:00Z' },
    ]);
    backend.comparisonAnswer = HIGHER_UPTAKE;
    const user = showPlanView(backend, 1);
    await user.click(await panel().findByRole('button', { name: /Compare with the plan now/ }));

    const shown = within(await panel().findByTestId('comparison-shown'));
    expect(backend.callsOf('compare_versions')).toEqual([{ id: 1, from: 1, to: null }]);
    expect(
      shown.getByRole('heading', {
        name: 'What changed from version 1, “Sent to committee, 3 March”, to the plan now',
      }),
    ).toHaveFocus();
    const inputs = shown.getByTestId('changed-inputs');
    expect(within(inputs).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Input',
      'Version 1',
      'Now',
    ]);
    expect(within(inputs).getByRole('row', { name: 'Target uptake per term 2.5% 3%' })).toBeVisible();
    expect(within(inputs).getByRole('row', { name: 'Licence cost per learner €1,500 €1,750' })).toBeVisible();
    const figures = shown.getByTestId('changed-figures');
    expect(within(figures).getByRole('row', { name: 'Enrolments 32,512 37,596 +5,084' })).toBeVisible();
    expect(
      within(figures).getByRole('row', { name: 'Payback year FY2030 FY2029 1 year earlier' }),
    ).toBeVisible();
    expect(
      within(figures).getByRole('row', { name: 'Plan ends Aug 31, 2031 Aug 31, 2032 1 year later' }),
    ).toBeVisible();
    const credentials = shown.getByTestId('changed-credentials');
    expect(credentials).toHaveTextContent('Added Regional Welding Certificate');
    expect(credentials).toHaveTextContent('Changed Google Data Analytics');
    expect(credentials).toHaveTextContent('Launch term: 4 → 6');
    expect(shown.getByTestId('changed-risks')).toHaveTextContent('Removed Faculty workload');
    expect(shown.queryByTestId('changed-tasks')).toBeNull();

    await user.click(shown.getByRole('button', { name: 'Close the comparison' }));
    expect(panel().queryByTestId('comparison-shown')).toBeNull();
  });

  it('compares any two versions chosen, and says when nothing changed', async () => {
    backend.versions.set(1, [
      { number: 1, label: 'First draft', createdAt: '2027-01-10T12:00:00Z' },
      { number: 2, label: 'Sent to committee', createdAt: '2027-03-03T09:15:00Z' },
      { number: 3, label: 'After the committee', createdAt: '2027-04-01T09:15:00Z' },
    ]);
    const user = showPlanView(backend, 1);
    const from = await panel().findByLabelText('Compare');
    expect(from).toHaveDisplayValue('Version 3: After the committee');
    await user.selectOptions(from, 'Version 1: First draft');
    await user.selectOptions(panel().getByLabelText('with'), 'Version 2: Sent to committee');
    await user.click(panel().getByTestId('compare'));

    const shown = within(await panel().findByTestId('comparison-shown'));
    expect(backend.callsOf('compare_versions')).toEqual([{ id: 1, from: 1, to: 2 }]);
    expect(shown.getByRole('heading')).toHaveTextContent(
      'What changed from version 1, “First draft”, to version 2, “Sent to committee”',
    );
    expect(shown.getByTestId('comparison-empty')).toHaveTextContent(
      'Nothing changed: the two say the same.',
    );
  });

  it('saves what the dean typed before keeping a version, so the version holds it', async () => {
    const user = showPlanView(backend, 1);
    await panel().findByTestId('no-versions');
    const title = screen.getByLabelText('Plan title');
    await user.clear(title);
    await user.type(title, 'Pilot as sent');
    await user.type(panel().getByLabelText('Label of the version'), 'Sent');
    await user.click(panel().getByRole('button', { name: 'Save a version' }));
    await vi.waitFor(() => expect(backend.callsOf('snapshot_plan')).toHaveLength(1));
    const commands = backend.calls.map((c) => c.command);
    expect(commands.lastIndexOf('update_profile')).toBeLessThan(commands.indexOf('snapshot_plan'));
    expect(backend.plans[0].plan.title).toBe('Pilot as sent');
    expect(backend.callsOf('snapshot_plan')[0].expectedRevision).toBe(backend.plans[0].revision);
  });
});
