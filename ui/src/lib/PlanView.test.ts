import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import PlanView from './PlanView.svelte';
import { FakeBackend, SAMPLE_COUNTRIES, samplePlan } from './fake-backend';

let backend: FakeBackend;

beforeEach(() => {
  vi.useFakeTimers();
  backend = new FakeBackend([samplePlan(1, '2026-11-01T09:00:00Z')]).install();
});

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

function showPlan() {
  const onsaved = vi.fn();
  render(PlanView, {
    stored: samplePlan(1, '2026-11-01T09:00:00Z'),
    countries: SAMPLE_COUNTRIES,
    onsaved,
  });
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime.bind(vi) });
  const form = screen.getByTestId('profile-form');
  return { user, onsaved, form: within(form) };
}

const saveState = () => screen.getByTestId('save-state');

describe('plan details', () => {
  it('shows the saved plan, with the enrolment grouped the way the reader writes numbers', () => {
    const { form } = showPlan();
    expect(
      screen.getByRole('heading', {
        level: 1,
        name: 'Industry micro-credentials: system-wide expansion 2027–2031',
      }),
    ).toBeInTheDocument();
    expect(form.getByLabelText('Institution name')).toHaveValue(
      'Lakeshore State University System',
    );
    expect(form.getByLabelText('Total enrolment')).toHaveValue('240,000');
    expect(form.getByLabelText('Country')).toHaveDisplayValue('United States');
    expect(form.getByRole('radio', { name: /Offering — we offer them/ })).toBeChecked();
    expect(saveState()).toHaveTextContent('All changes saved');
  });

  it('saves the institution name once typing pauses, and says so', async () => {
    const { user, form, onsaved } = showPlan();
    const name = form.getByLabelText('Institution name');
    await user.clear(name);
    await user.type(name, 'Lakeshore State University');

    expect(saveState()).toHaveTextContent('Saving…');
    expect(backend.callsOf('update_profile')).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(500);
    await vi.waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));

    const saves = backend.callsOf('update_profile');
    expect(saves).toHaveLength(1);
    expect(saves[0]).toEqual({
      id: 1,
      form: {
        title: 'Industry micro-credentials: system-wide expansion 2027–2031',
        institutionName: 'Lakeshore State University',
        country: 'US',
        totalEnrolment: '240000',
        stage: 'offering',
      },
    });
    expect(backend.plans[0]?.plan.profile.name).toBe('Lakeshore State University');
    expect(onsaved).toHaveBeenCalledTimes(1);
    expect(name).toHaveFocus();
  });

  it.each(['-5', 'abc'])(
    'sends "%s" typed as enrolment to Rust and shows its message under the field',
    async (typed) => {
      const { user, form } = showPlan();
      const enrolment = form.getByLabelText('Total enrolment');
      await user.clear(enrolment);
      await user.type(enrolment, typed);
      await vi.advanceTimersByTimeAsync(500);

      await vi.waitFor(() =>
        expect(saveState()).toHaveTextContent('Not saved — fix the highlighted field'),
      );
      expect(backend.callsOf('update_profile').at(-1)?.form).toMatchObject({
        totalEnrolment: typed,
      });
      const error = screen.getByTestId('error-totalEnrolment');
      expect(error).toHaveTextContent(`(you typed “${typed}”)`);
      expect(enrolment).toHaveAttribute('aria-invalid', 'true');
      expect(enrolment).toHaveAccessibleDescription(expect.stringContaining(typed));
      expect(enrolment).toHaveValue(typed);
      expect(backend.plans[0]?.plan.profile.totalEnrolment).toBe(240_000);
      expect(screen.queryByTestId('error-institutionName')).not.toBeInTheDocument();

      await user.clear(enrolment);
      await user.type(enrolment, '241000');
      expect(screen.queryByTestId('error-totalEnrolment')).not.toBeInTheDocument();
      expect(saveState()).toHaveTextContent('Saving…');
      await vi.advanceTimersByTimeAsync(500);
      await vi.waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));
      expect(screen.queryByTestId('error-totalEnrolment')).not.toBeInTheDocument();
      expect(enrolment).not.toHaveAttribute('aria-invalid');
    },
  );

  it('saves at once when a field is left or a choice is made', async () => {
    const { user, form } = showPlan();
    await user.type(form.getByLabelText('Plan title'), ' (draft)');
    await user.tab();
    await vi.waitFor(() => expect(backend.callsOf('update_profile')).toHaveLength(1));

    await user.selectOptions(form.getByLabelText('Country'), 'Canada');
    await vi.waitFor(() => expect(backend.callsOf('update_profile')).toHaveLength(2));
    expect(backend.callsOf('update_profile')[1]?.form).toMatchObject({ country: 'CA' });

    await user.click(form.getByRole('radio', { name: /Exploring/ }));
    await vi.waitFor(() => expect(backend.callsOf('update_profile')).toHaveLength(3));
    expect(backend.callsOf('update_profile')[2]?.form).toMatchObject({ stage: 'exploring' });
    await vi.waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('(draft)');
  });

  it('shows a new enrolment grouped once it is saved and the box is left', async () => {
    const { user, form } = showPlan();
    const enrolment = form.getByLabelText('Total enrolment');
    await user.clear(enrolment);
    await user.type(enrolment, '250000');
    await user.tab();
    await vi.waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));
    expect(enrolment).toHaveValue('250,000');
    expect(screen.getByText('250,000 students')).toBeInTheDocument();
  });
});
