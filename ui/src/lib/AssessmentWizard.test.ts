import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { Assessment } from '../bindings/Assessment';
import { FakeBackend, samplePlan, storedPlan } from './fake-backend';
import { showPlanView, useFakeClock } from './plan-view-harness';
import { EVIDENCE_PAUSE_MS } from './assessment-editor.svelte';

let backend: FakeBackend;

useFakeClock();

/** A plan at the exploring stage, with whatever assessment the test gives it. */
function exploringPlan(assessment?: Partial<Assessment>) {
  return storedPlan(
    1,
    'Cybersecurity pathway pilot',
    'Universidad de los Andes',
    '2026-11-01T09:00:00Z',
    { country: 'CO', totalEnrolment: 18_000, stage: 'exploring' },
    { responses: {}, position: { step: 'start' }, adoptedActions: [], ...assessment },
  );
}

async function openAssessment(plan = exploringPlan()) {
  backend = new FakeBackend([plan]).install();
  const user = showPlanView(backend);
  await user.click(screen.getByTestId('tab-assessment'));
  return user;
}

const page = () => screen.getByTestId('area-page');
const statement = (i: number) =>
  within(page()).getAllByTestId('statement').find((s) => s.dataset.index === String(i))!;
const saveState = () => screen.getByTestId('save-state');
const steps = () => screen.getByRole('navigation', { name: 'Assessment steps' });
const stepTitles = () =>
  within(steps())
    .getAllByRole('button')
    .map((b) => b.querySelector('.step-title')?.textContent);

describe('the challenge assessment', () => {
  it('starts with the areas emphasised for the plan’s stage, with the survey’s benchmark', async () => {
    await openAssessment();

    expect(page()).toHaveAttribute('data-area', 'awareness');
    expect(stepTitles()).toEqual([
      'Awareness of micro-credentials',
      'Integration with existing curriculum',
      'Confidence in quality',
      'Resource allocation',
      'Curriculum transformation',
      'Faculty buy-in and engagement',
      'Summary',
    ]);
    expect(screen.getByTestId('wizard-progress')).toHaveTextContent(
      /Area 1 of 6\s*0 of 32 statements answered/,
    );
    const area = within(page());
    expect(
      area.getByRole('heading', { level: 2, name: 'Awareness of micro-credentials' }),
    ).toBeInTheDocument();
    expect(area.getByText('A top challenge for institutions at your stage')).toBeInTheDocument();
    expect(
      area.getByText(
        '50% of leaders at institutions that do not yet offer micro-credentials name a lack of awareness about micro-credentials a top challenge.',
      ),
    ).toBeInTheDocument();
    expect(area.getByText('Coursera Micro-Credentials Impact Report 2024')).toBeInTheDocument();
    expect(area.getAllByTestId('statement')).toHaveLength(5);
    expect(area.queryByTestId('area-score')).not.toBeInTheDocument();
    expect(screen.getByTestId('wizard-back')).toBeDisabled();

    // Each statement offers 1–5 and "don't know", each choice with its own label.
    const choices = within(statement(0)).getAllByRole('radio');
    expect(choices.map((c) => (c as HTMLInputElement).value)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      'dont_know',
    ]);
    expect(within(statement(0)).getByRole('radio', { name: 'Strongly disagree' })).toBeVisible();
    expect(within(statement(0)).getByRole('radio', { name: 'Don’t know' })).toBeVisible();
  });

  it('puts the offering stage’s areas first for a plan that offers micro-credentials', async () => {
    await openAssessment(samplePlan(1, '2026-11-01T09:00:00Z'));
    await userEvent
      .setup({ advanceTimers: vi.advanceTimersByTime.bind(vi) })
      .click(within(steps()).getByRole('button', { name: /Resource allocation/ }));
    expect(stepTitles().slice(0, 3)).toEqual([
      'Resource allocation',
      'Curriculum transformation',
      'Faculty buy-in and engagement',
    ]);
    expect(
      within(page()).getByText(
        '53% of leaders at institutions that offer micro-credentials name resource allocation a top challenge.',
      ),
    ).toBeInTheDocument();
  });

  it('saves the area’s whole set of answers at each click, and shows Rust’s score', async () => {
    const user = await openAssessment();
    await user.click(within(statement(1)).getByLabelText('Agree'));

    await vi.waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));
    expect(backend.callsOf('save_area_response')).toEqual([
      {
        id: 1,
        expectedRevision: 1,
        area: 'awareness',
        response: { answers: [null, 4, null, null, null], evidence: '' },
      },
    ]);
    const score = screen.getByTestId('area-score');
    expect(score).toHaveTextContent('Readiness 68 / 100');
    expect(score).toHaveTextContent('Moderate obstacle');
    expect(score).toHaveTextContent('Based on 1 of 5 statements; 4 not answered yet');
    expect(screen.getByTestId('wizard-progress')).toHaveTextContent('1 of 32 statements answered');

    await user.click(within(statement(0)).getByLabelText('Don’t know'));
    await vi.waitFor(() => expect(backend.callsOf('save_area_response')).toHaveLength(2));
    expect(backend.callsOf('save_area_response')[1]?.response).toEqual({
      answers: ['dont_know', 4, null, null, null],
      evidence: '',
    });
    await vi.waitFor(() =>
      expect(screen.getByTestId('area-score')).toHaveTextContent(
        'Based on 1 of 5 statements; 1 marked don’t know; 3 not answered yet',
      ),
    );
    expect(within(statement(0)).getByLabelText('Don’t know')).toBeChecked();
    expect(backend.plans[0]?.plan.assessment.responses.awareness?.answers).toEqual([
      'dont_know',
      4,
      null,
      null,
      null,
    ]);
  });

  it('saves the evidence note once typing pauses, with the answers', async () => {
    const user = await openAssessment();
    await user.click(within(statement(2)).getByLabelText('Strongly disagree'));
    await vi.waitFor(() => expect(backend.callsOf('save_area_response')).toHaveLength(1));

    await user.type(within(page()).getByRole('textbox', { name: 'Evidence note' }), 'Dean survey');
    expect(saveState()).toHaveTextContent('Saving…');
    expect(backend.callsOf('save_area_response')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(EVIDENCE_PAUSE_MS);
    await vi.waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));

    expect(backend.callsOf('save_area_response')).toHaveLength(2);
    expect(backend.callsOf('save_area_response')[1]?.response).toEqual({
      answers: [null, null, 1, null, null],
      evidence: 'Dean survey',
    });
    expect(page().querySelector('textarea')).toHaveAttribute('name', 'evidence');
  });

  it('says so when Rust refuses the answers, and keeps what was clicked', async () => {
    const user = await openAssessment();
    backend.refusals.set('save_area_response', {
      kind: 'storage',
      message: 'The plan store is read-only',
      fields: [],
    });
    await user.click(within(statement(0)).getByLabelText('Agree'));
    await vi.waitFor(() =>
      expect(saveState()).toHaveTextContent('Not saved — The plan store is read-only'),
    );
    expect(within(statement(0)).getByLabelText('Agree')).toBeChecked();

    await user.click(within(statement(1)).getByLabelText('Agree'));
    await vi.waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));
    expect(backend.plans[0]?.plan.assessment.responses.awareness?.answers).toEqual([
      4,
      4,
      null,
      null,
      null,
    ]);
  });

  it('saves where the wizard is at each step, and Back walks the areas in reverse', async () => {
    const user = await openAssessment();
    await user.click(screen.getByTestId('wizard-next'));

    expect(page()).toHaveAttribute('data-area', 'curriculum_integration');
    expect(
      screen.getByRole('heading', { level: 2, name: 'Integration with existing curriculum' }),
    ).toHaveFocus();
    expect(screen.getByTestId('wizard-progress')).toHaveTextContent('Area 2 of 6');
    await vi.waitFor(() =>
      expect(backend.callsOf('set_wizard_position')).toEqual([
        {
          id: 1,
          expectedRevision: 1,
          position: { step: 'area', area: 'curriculum_integration' },
        },
      ]),
    );
    expect(backend.plans[0]?.plan.assessment.position).toEqual({
      step: 'area',
      area: 'curriculum_integration',
    });

    await user.click(screen.getByTestId('wizard-back'));
    expect(page()).toHaveAttribute('data-area', 'awareness');
    await vi.waitFor(() =>
      expect(backend.callsOf('set_wizard_position').at(-1)).toEqual({
        id: 1,
        expectedRevision: 2,
        position: { step: 'area', area: 'awareness' },
      }),
    );

    // The step list jumps anywhere, and that is saved too.
    await user.click(within(steps()).getByRole('button', { name: /Faculty buy-in and engagement/ }));
    expect(page()).toHaveAttribute('data-area', 'faculty_buy_in');
    await user.click(screen.getByTestId('wizard-next'));
    expect(screen.getByTestId('assessment-summary')).toBeInTheDocument();
    await vi.waitFor(() =>
      expect(backend.plans[0]?.plan.assessment.position).toEqual({ step: 'summary' }),
    );
  });

  it('opens on the area where the dean left off', async () => {
    await openAssessment(exploringPlan({ position: { step: 'area', area: 'faculty_buy_in' } }));
    expect(page()).toHaveAttribute('data-area', 'faculty_buy_in');
    expect(screen.getByTestId('wizard-progress')).toHaveTextContent('Area 6 of 6');
    expect(
      within(steps()).getByRole('button', { name: /Faculty buy-in and engagement/ }),
    ).toHaveAttribute('aria-current', 'step');
    expect(screen.getByTestId('wizard-next')).toHaveTextContent('See the summary');
    expect(backend.callsOf('set_wizard_position')).toHaveLength(0);
  });

  it('shows the stored answers and score of an area already assessed', async () => {
    await openAssessment(
      exploringPlan({
        position: { step: 'area', area: 'quality' },
        responses: {
          quality: { answers: [4, 3, 4, 'dont_know', 2], evidence: 'Accreditor visit in 2026' },
        },
      }),
    );
    expect(within(statement(0)).getByLabelText('Agree')).toBeChecked();
    expect(within(statement(3)).getByLabelText('Don’t know')).toBeChecked();
    expect(within(page()).getByRole('textbox', { name: 'Evidence note' })).toHaveValue(
      'Accreditor visit in 2026',
    );
    expect(screen.getByTestId('area-score')).toHaveTextContent('Readiness 69 / 100');
    expect(screen.getByTestId('area-score')).toHaveTextContent(
      'Based on 4 of 5 statements; 1 marked don’t know',
    );
  });
});

describe('the assessment summary', () => {
  it('ranks the areas weakest first, as Rust ranks them, beside the benchmarks', async () => {
    const plan = samplePlan(1, '2026-11-01T09:00:00Z');
    await openAssessment(plan);
    const result = backend.detail(1).assessmentResult;
    // The ranking is not simply the wizard's order.
    expect(result.ranking).not.toEqual(result.areas.map((a) => a.area));

    const summary = screen.getByTestId('assessment-summary');
    const rows = within(summary).getAllByTestId('summary-area');
    expect(rows.map((row) => row.dataset.area)).toEqual(result.ranking);
    const first = result.areas.find((a) => a.area === result.ranking[0])!;
    expect(rows[0]).toHaveTextContent(first.title);
    expect(rows[0]).toHaveTextContent(`${first.score} / 100`);
    expect(rows[0]).toHaveTextContent(first.bandLabel!);
    expect(rows[0]).toHaveTextContent(first.benchmarkLine);
    expect(rows[0]).toHaveTextContent(`${first.benchmarkPercent}%`);
    expect(screen.getByTestId('wizard-progress')).toHaveTextContent('Summary');
  });

  it('lists areas not yet scored, and the findings that make the case for the weakest', async () => {
    await openAssessment(
      exploringPlan({
        position: { step: 'summary' },
        responses: {
          awareness: { answers: [1, 2, 1, 2, 1], evidence: '' },
          quality: { answers: ['dont_know', null, null, null, null], evidence: '' },
        },
      }),
    );
    const summary = screen.getByTestId('assessment-summary');
    const rows = within(summary).getAllByTestId('summary-area');
    expect(rows).toHaveLength(6);
    expect(rows[0]).toHaveAttribute('data-area', 'awareness');
    expect(rows.slice(1).every((row) => row.textContent?.includes('Not yet assessed'))).toBe(
      true,
    );

    const caseFor = screen.getByRole('region', { name: 'Making the case' });
    expect(caseFor).toHaveTextContent(
      '94% of higher-education leaders surveyed believe micro-credentials can strengthen students’ long-term career outcomes.',
    );
    expect(caseFor).toHaveTextContent('Coursera Micro-Credentials Impact Report 2024');
    // Only findings that support the weakest area (awareness).
    expect(caseFor).not.toHaveTextContent('support student retention');
  });
});
