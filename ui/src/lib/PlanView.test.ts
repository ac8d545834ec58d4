import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/svelte';
import type { ProfileForm } from '../bindings/ProfileForm';
import { FakeBackend, REFUSALS, samplePlan } from './fake-backend';
import { showPlanView, useFakeClock } from './plan-view-harness';

let backend: FakeBackend;

useFakeClock();

beforeEach(() => {
  backend = new FakeBackend([samplePlan(1, '2026-11-01T09:00:00Z')]).install();
});

function showPlan() {
  const onsaved = vi.fn();
  const user = showPlanView(backend, 1, onsaved);
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
      expectedRevision: 1,
      form: {
        title: 'Industry micro-credentials: system-wide expansion 2027–2031',
        institutionName: 'Lakeshore State University',
        country: 'US',
        institutionType: 'university_system',
        totalEnrolment: '240000',
        degreePrograms: '1150',
        facultyHeadcount: '11800',
        calendarSystem: 'semester',
        terms: [
          { name: 'Fall', month: '8', day: '25' },
          { name: 'Spring', month: '1', day: '12' },
          { name: 'Summer', month: '6', day: '1' },
        ],
        fiscalYearStartMonth: '9',
        currency: 'USD',
        creditSystem: 'us_semester',
        customHoursPerCredit: '',
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

  it('shows every profile field, grouped, with the saved values in plain words', () => {
    const { form } = showPlan();
    for (const group of ['Institution', 'Calendar and finance', 'Credit']) {
      expect(screen.getByRole('group', { name: group })).toBeInTheDocument();
    }
    expect(form.getByLabelText('Type of institution')).toHaveDisplayValue(
      'University system (several campuses)',
    );
    expect(form.getByLabelText('Degree programs')).toHaveValue('1,150');
    expect(form.getByLabelText('Faculty headcount')).toHaveValue('11,800');
    expect(form.getByLabelText('Academic calendar')).toHaveDisplayValue('Semesters');
    expect(form.getByLabelText('Fiscal year starts in')).toHaveDisplayValue('September');
    expect(form.getByLabelText('Currency')).toHaveDisplayValue('USD — US Dollar');
    expect(form.getByLabelText('Home credit system')).toHaveDisplayValue(
      'US semester credit hours (ACE recommendations)',
    );
    expect(form.getByLabelText('Term 1 name')).toHaveValue('Fall');
    expect(form.getByLabelText('Term 1 start month')).toHaveDisplayValue('August');
    expect(form.getByLabelText('Term 1 start day')).toHaveValue('25');
    expect(form.getByLabelText('Term 3 name')).toHaveAttribute('name', 'terms.2.name');
    expect(form.queryByLabelText('Learning hours per credit')).not.toBeInTheDocument();
  });

  it('sends the new fields as chosen and typed', async () => {
    const { user, form } = showPlan();
    await user.selectOptions(form.getByLabelText('Type of institution'), 'Public university');
    await user.selectOptions(form.getByLabelText('Currency'), 'EUR — Euro');
    await user.selectOptions(form.getByLabelText('Fiscal year starts in'), 'January');
    await user.clear(form.getByLabelText('Faculty headcount'));
    await user.type(form.getByLabelText('Faculty headcount'), '2 100');
    await user.selectOptions(
      form.getByLabelText('Home credit system'),
      'Our own rule (hours per credit)',
    );
    const hours = form.getByLabelText('Learning hours per credit');
    expect(hours).toHaveAttribute('name', 'customHoursPerCredit');
    await user.type(hours, '27.5');
    await user.tab();
    await vi.waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));

    const sent = backend.callsOf('update_profile').map((c) => c.form as ProfileForm);
    // As typed; once saved and regrouped ("2,100"), the plain digits.
    expect(sent.map((f) => f.facultyHeadcount)).toContain('2 100');
    expect(sent.at(-1)).toMatchObject({
      institutionType: 'public_university',
      currency: 'EUR',
      fiscalYearStartMonth: '1',
      facultyHeadcount: '2100',
      creditSystem: 'custom',
      customHoursPerCredit: '27.5',
    });
    const profile = backend.plans[0]!.plan.profile;
    expect(profile).toMatchObject({
      institutionType: 'public_university',
      currency: 'EUR',
      fiscalYearStartMonth: 1,
      facultyHeadcount: 2100,
      creditSystem: 'custom',
      customHoursPerCredit: 27.5,
    });
    expect(form.getByLabelText('Faculty headcount')).toHaveValue('2,100');
  });

  it('shows Rust’s message about a term’s start day next to that term', async () => {
    const { user, form } = showPlan();
    await user.selectOptions(form.getByLabelText('Term 2 start month'), 'April');
    await vi.waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));
    const day = form.getByLabelText('Term 2 start day');
    await user.clear(day);
    await user.type(day, '31');
    await vi.advanceTimersByTimeAsync(500);

    await vi.waitFor(() =>
      expect(saveState()).toHaveTextContent('Not saved — fix the highlighted field'),
    );
    expect(backend.callsOf('update_profile').at(-1)?.form).toMatchObject({
      terms: [
        { name: 'Fall', month: '8', day: '25' },
        { name: 'Spring', month: '4', day: '31' },
        { name: 'Summer', month: '6', day: '1' },
      ],
    });
    const error = screen.getByTestId('error-terms.1.day');
    expect(error).toHaveTextContent('Term 2’s start day must be from 1 to 30 for April');
    // Under its own row, not the others.
    const row = day.closest('li')!;
    expect(row).toContainElement(error);
    expect(day).toHaveAttribute('aria-invalid', 'true');
    expect(day).toHaveAccessibleDescription(expect.stringContaining('you typed “31”'));
    expect(form.getByLabelText('Term 1 start day')).not.toHaveAttribute('aria-invalid');

    await user.clear(day);
    await user.type(day, '6');
    expect(screen.queryByTestId('error-terms.1.day')).not.toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(500);
    await vi.waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));
    expect(backend.plans[0]!.plan.profile.calendar.terms[1]).toEqual({
      name: 'Spring',
      month: 4,
      day: 6,
    });
  });

  it('fills in the typical terms when another calendar system is chosen', async () => {
    const { user, form } = showPlan();
    await user.selectOptions(form.getByLabelText('Academic calendar'), 'Quarters');

    const names = () =>
      form
        .getAllByRole('textbox', { name: /^Term \d name$/ })
        .map((box) => (box as HTMLInputElement).value);
    expect(names()).toEqual(['Autumn', 'Winter', 'Spring', 'Summer']);
    expect(form.getByLabelText('Term 3 start month')).toHaveDisplayValue('March');
    expect(form.getByLabelText('Term 3 start day')).toHaveValue('31');
    expect(screen.getByText(/Filled in typical start dates for quarters/)).toBeInTheDocument();

    await vi.waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));
    expect(backend.callsOf('update_profile').at(-1)?.form).toMatchObject({
      calendarSystem: 'quarter',
      terms: [
        { name: 'Autumn', month: '9', day: '23' },
        { name: 'Winter', month: '1', day: '6' },
        { name: 'Spring', month: '3', day: '31' },
        { name: 'Summer', month: '6', day: '23' },
      ],
    });
    expect(backend.plans[0]!.plan.profile.calendar.system).toBe('quarter');
  });

  it('adds and removes term rows within what the calendar allows', async () => {
    const { user, form } = showPlan();
    // Semesters: 2 or 3 terms; the sample has 3.
    expect(form.queryByRole('button', { name: /Add a term/ })).not.toBeInTheDocument();
    await user.click(form.getByRole('button', { name: 'Remove term 3 (Summer)' }));
    await vi.waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));
    expect(backend.plans[0]!.plan.profile.calendar.terms.map((t) => t.name)).toEqual([
      'Fall',
      'Spring',
    ]);
    expect(form.getByRole('button', { name: 'Remove term 1 (Fall)' })).toBeDisabled();

    await user.click(form.getByRole('button', { name: /Add a term/ }));
    expect(form.getByLabelText('Term 3 name')).toHaveFocus();
    expect(backend.callsOf('update_profile')).toHaveLength(1);
    await user.type(form.getByLabelText('Term 3 name'), 'Summer');
    await user.selectOptions(form.getByLabelText('Term 3 start month'), 'May');
    await user.type(form.getByLabelText('Term 3 start day'), '20');
    await user.tab();
    await vi.waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));
    expect(backend.plans[0]!.plan.profile.calendar.terms.at(-1)).toEqual({
      name: 'Summer',
      month: 5,
      day: 20,
    });
  });

  it('shows Rust’s message for a term starting on 29 February, which most years lack', async () => {
    const { user, form } = showPlan();
    await user.selectOptions(form.getByLabelText('Term 2 start month'), 'February');
    await vi.waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));
    const day = form.getByLabelText('Term 2 start day');
    await user.clear(day);
    await user.type(day, '29');
    await vi.advanceTimersByTimeAsync(500);

    await vi.waitFor(() =>
      expect(saveState()).toHaveTextContent('Not saved — fix the highlighted field'),
    );
    expect(screen.getByTestId('error-terms.1.day')).toHaveTextContent(
      'Term 2 cannot start on 29 February: that day is missing three years in four',
    );
    expect(day).toHaveAttribute('aria-invalid', 'true');
    expect(backend.plans[0]!.plan.profile.calendar.terms[1]).toEqual({
      name: 'Spring',
      month: 2,
      day: 12,
    });
  });

  it('shows a message about the number of terms under the term rows', async () => {
    const { user, form } = showPlan();
    // The form offers no fourth semester; Rust's refusal of one is played back whatever is sent.
    backend.refusals.set('update_profile', REFUSALS.four_semesters!.problem);
    await user.clear(form.getByLabelText('Term 3 name'));
    await user.type(form.getByLabelText('Term 3 name'), 'Summer session');
    await vi.advanceTimersByTimeAsync(500);
    await vi.waitFor(() => expect(saveState()).toHaveTextContent('Not saved'));
    const terms = screen.getByRole('group', { name: 'Terms and the day each one starts' });
    expect(within(terms).getByTestId('error-terms')).toHaveTextContent('2 or 3 terms a year');
    expect(terms).toHaveAccessibleDescription(expect.stringContaining('2 or 3 terms a year'));
  });

  it('keeps the plan details as typed while another section is open', async () => {
    const { user, form } = showPlan();
    await user.clear(form.getByLabelText('Total enrolment'));
    await user.type(form.getByLabelText('Total enrolment'), 'abc');
    await vi.advanceTimersByTimeAsync(500);
    await vi.waitFor(() => expect(saveState()).toHaveTextContent('Not saved'));

    await user.click(screen.getByTestId('tab-actions'));
    expect(screen.getByTestId('tab-actions')).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByTestId('profile-form')).not.toBeInTheDocument();
    expect(saveState()).toHaveTextContent('Plan details not saved');

    await user.click(screen.getByTestId('tab-details'));
    expect(screen.getByLabelText('Total enrolment')).toHaveValue('abc');
    expect(screen.getByTestId('error-totalEnrolment')).toBeInTheDocument();
  });

  it('moves between sections with the arrow keys', async () => {
    const { user } = showPlan();
    screen.getByTestId('tab-details').focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByTestId('tab-assessment')).toHaveFocus();
    expect(screen.getByRole('tabpanel')).toContainElement(screen.getByTestId('wizard-progress'));
    // Left from the first tab wraps round to the last.
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByTestId('tab-targets')).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'Risks and targets' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByTestId('tab-workplan')).toHaveFocus();
  });
});
