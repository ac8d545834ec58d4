// A plan changed outside this window (by `mcplan` or a second window) while the dean edits it:
// the window's next save is refused, the plan is reloaded, what the dean typed is kept where
// the other change did not touch the same field, and the window says so calmly.
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/svelte';
import { FakeBackend, samplePlan, storedPlan } from './fake-backend';
import { showPlanView, useFakeClock } from './plan-view-harness';
import { TYPING_PAUSE_MS } from './profile-editor.svelte';

const RELOADED = 'This plan was changed outside this window; it has been reloaded.';

let backend: FakeBackend;

useFakeClock();

function showPlan(plan = samplePlan(1, '2026-11-01T09:00:00Z')) {
  backend = new FakeBackend([plan]).install();
  return showPlanView(backend);
}

const form = () => within(screen.getByTestId('profile-form'));
const saveState = () => screen.getByTestId('save-state');
const stored = () => backend.plans[0]!;

async function typeInto(label: string, text: string, user: ReturnType<typeof showPlan>) {
  const box = form().getByLabelText(label);
  await user.clear(box);
  await user.type(box, text);
  await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS);
  await vi.waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));
}

describe('a plan changed outside this window', () => {
  it('is reloaded, keeps both changes, shows the other one and says what happened', async () => {
    const user = showPlan();
    expect(screen.queryByTestId('reloaded-notice')).not.toBeInTheDocument();
    backend.editElsewhere(1, (plan) => {
      plan.title = 'Renamed from the command line';
      plan.profile.facultyHeadcount = 12_000;
    });

    await typeInto('Institution name', 'Lakeshore State University', user);

    expect(screen.getByTestId('reloaded-notice')).toHaveTextContent(RELOADED);
    expect(backend.callsOf('update_profile').map((c) => c.expectedRevision)).toEqual([1, 2]);
    expect(backend.callsOf('get_plan')).toHaveLength(1);
    expect(stored().plan.title).toBe('Renamed from the command line');
    expect(stored().plan.profile.facultyHeadcount).toBe(12_000);
    expect(stored().plan.profile.name).toBe('Lakeshore State University');
    expect(stored().revision).toBe(3);
    expect(form().getByLabelText('Plan title')).toHaveValue('Renamed from the command line');
    expect(form().getByLabelText('Institution name')).toHaveValue('Lakeshore State University');

    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('reloaded-notice')).not.toBeInTheDocument();
  });

  it('lets the other change stand where both changed the same field', async () => {
    const user = showPlan();
    backend.editElsewhere(1, (plan) => {
      plan.profile.name = 'Lakeshore University (from mcplan)';
    });

    await typeInto('Institution name', 'Lakeshore State University', user);

    expect(screen.getByTestId('reloaded-notice')).toHaveTextContent(RELOADED);
    expect(stored().plan.profile.name).toBe('Lakeshore University (from mcplan)');
    expect(form().getByLabelText('Institution name')).toHaveValue(
      'Lakeshore University (from mcplan)',
    );
  });

  it('keeps an answer clicked in one area when another area was answered elsewhere', async () => {
    const plan = storedPlan(
      1,
      'Cybersecurity pathway pilot',
      'Universidad de los Andes',
      '2026-11-01T09:00:00Z',
      { country: 'CO', totalEnrolment: 18_000, stage: 'exploring' },
    );
    const user = showPlan(plan);
    await user.click(screen.getByTestId('tab-assessment'));
    const fromFile = { answers: [1, 1, 2, 1, 2], evidence: '' };
    backend.editElsewhere(1, (p) => {
      p.assessment.responses.resources = fromFile;
    });

    const page = screen.getByTestId('area-page');
    const second = within(page)
      .getAllByTestId('statement')
      .find((s) => s.dataset.index === '1')!;
    await user.click(within(second).getByLabelText('Agree'));
    await vi.waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));

    expect(screen.getByTestId('reloaded-notice')).toHaveTextContent(RELOADED);
    const responses = stored().plan.assessment.responses;
    expect(responses.resources).toEqual(fromFile);
    expect(responses.awareness?.answers).toEqual([null, 4, null, null, null]);
  });
});
