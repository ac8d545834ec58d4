// The figures follow the typing: each change is previewed by Rust (nothing saved) and shows at
// once; the save still waits for the typing pause.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/svelte';
import type { RolloutInputs } from '../bindings/RolloutInputs';
import type { DraftEdit } from '../bindings/DraftEdit';
import { FakeBackend, SAMPLE_RESULT, samplePlan } from './fake-backend';
import { showPlanView, useFakeClock } from './plan-view-harness';
import { ROLLOUT_PAUSE_MS } from './rollout-editor.svelte';
import { formatNumber } from './format';

let backend: FakeBackend;

useFakeClock();

beforeEach(() => {
  backend = new FakeBackend([samplePlan(1, '2026-11-01T09:00:00Z')]).install();
});

const enrolmentsShown = () =>
  within(screen.getByTestId('key-figures')).getByText('Enrolments').nextElementSibling;
const saved = () => backend.callsOf('update_rollout').map((args) => args.inputs as RolloutInputs);
const previewed = () =>
  backend
    .callsOf('preview_plan_edit')
    .map((args) => args.edit as DraftEdit)
    .flatMap((edit) => (edit.kind === 'rollout' ? [edit.inputs] : []));

/** Rust's figures with `enrolments` in all, as the next answers will have them. */
function answerWithEnrolments(enrolments: number) {
  const result = structuredClone(SAMPLE_RESULT);
  result.uptake.totals.enrolments = enrolments;
  backend.rolloutResult = result;
}

describe('figures while the dean types', () => {
  it('show what is typed at once, before the pause, and the save follows the pause', async () => {
    const user = showPlanView(backend, 1);
    await user.click(screen.getByTestId('tab-rollout'));
    expect(enrolmentsShown()).toHaveTextContent(
      formatNumber(SAMPLE_RESULT.uptake.totals.enrolments, 0),
    );

    answerWithEnrolments(123_456);
    const target = screen.getByRole('textbox', { name: 'Target uptake rate' });
    await user.clear(target);
    await user.type(target, '9');
    await vi.advanceTimersByTimeAsync(0);

    expect(enrolmentsShown()).toHaveTextContent('123,456');
    expect(previewed().at(-1)?.uptake.targetRatePct).toBe(9);
    expect(saved()).toHaveLength(0);
    expect(backend.plans[0]?.revision).toBe(1);
    expect(screen.getByTestId('save-state')).toHaveTextContent('Saving…');

    await vi.advanceTimersByTimeAsync(ROLLOUT_PAUSE_MS);
    await vi.waitFor(() =>
      expect(screen.getByTestId('save-state')).toHaveTextContent('All changes saved'),
    );
    expect(saved().map((inputs) => inputs.uptake.targetRatePct)).toEqual([9]);
    expect(enrolmentsShown()).toHaveTextContent('123,456');
  });

  it('keep the last figures Rust accepted while the text is refused, then show the saved ones', async () => {
    const user = showPlanView(backend, 1);
    await user.click(screen.getByTestId('tab-rollout'));
    const before = formatNumber(SAMPLE_RESULT.uptake.totals.enrolments, 0);

    answerWithEnrolments(7);
    const horizon = screen.getByRole('textbox', { name: 'Horizon' });
    await user.clear(horizon);
    await user.type(horizon, '11');
    await vi.advanceTimersByTimeAsync(0);
    // "1" was a valid horizon and showed; "11" is refused, so the figures of "1" stay.
    expect(previewed().map((inputs) => inputs.horizonYears)).toContain(11);
    expect(enrolmentsShown()).toHaveTextContent('7');

    await vi.advanceTimersByTimeAsync(ROLLOUT_PAUSE_MS);
    await screen.findByTestId('error-horizonYears');
    // Nothing was saved: the saved plan's figures show again beside the message.
    expect(saved()).toHaveLength(1);
    expect(backend.plans[0]?.revision).toBe(1);
    expect(enrolmentsShown()).toHaveTextContent(before);
  });
});
