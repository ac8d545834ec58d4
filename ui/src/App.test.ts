import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import { FakeBackend, emptyForm, samplePlan, storedPlan } from './lib/fake-backend';

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const threePlans = () => [
  storedPlan(1, 'Awareness campaign', 'Northfield College', '2026-10-01T10:00:00Z'),
  samplePlan(2, '2026-11-20T16:30:00Z'),
  storedPlan(3, 'Faculty champions', 'Ostrava Technical University', '2026-11-02T08:00:00Z'),
];

const planItems = () => within(screen.getByTestId('plan-list')).getAllByTestId('plan-item');

describe('the planner window', () => {
  it('opens the plans when the system locale is C.UTF-8, which Intl does not know', async () => {
    // WebKitGTK reports the POSIX locale as it is; Intl throws on it.
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['c']);
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('C.UTF-8');
    new FakeBackend(threePlans()).install();
    render(App);

    expect(
      await screen.findByRole('heading', { level: 1, name: /system-wide expansion/ }),
    ).toBeInTheDocument();
    expect(planItems()[0]).toHaveTextContent(/Edited \S/);
    expect(screen.getByLabelText('Total enrolment')).toHaveValue('240,000');
    expect(screen.queryByText('Opening your plans…')).not.toBeInTheDocument();
  });

  it('ends a screen that fails to draw in a message with a way on, not a loading line', async () => {
    const user = userEvent.setup();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = vi.spyOn(Intl, 'RelativeTimeFormat').mockImplementation(function () {
      throw new RangeError('Incorrect locale information provided');
    });
    new FakeBackend(threePlans()).install();
    render(App);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong');
    expect(alert).toHaveTextContent('Your plans are saved');
    expect(screen.queryByText('Opening your plans…')).not.toBeInTheDocument();

    broken.mockRestore();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: /system-wide expansion/ }),
    ).toBeInTheDocument();
    expect(planItems()).toHaveLength(3);
  });

  it('lists the plans newest first and opens the most recently edited one', async () => {
    new FakeBackend(threePlans()).install();
    render(App);

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Industry micro-credentials: system-wide expansion 2027–2031',
      }),
    ).toBeInTheDocument();
    const items = planItems();
    expect(items.map((item) => item.querySelector('.plan-item-title')?.textContent)).toEqual([
      'Industry micro-credentials: system-wide expansion 2027–2031',
      'Faculty champions',
      'Awareness campaign',
    ]);
    expect(items[0]).toHaveTextContent('Lakeshore State University System');
    expect(items[0]).toHaveTextContent(/Edited \S/);
    expect(items[0]).toHaveAttribute('aria-current', 'true');
    expect(items[1]).not.toHaveAttribute('aria-current');
    expect(screen.getByLabelText('Total enrolment')).toHaveValue('240,000');
  });

  it('opens another plan when it is chosen in the list', async () => {
    const user = userEvent.setup();
    new FakeBackend(threePlans()).install();
    render(App);
    await screen.findByRole('heading', { level: 1, name: /system-wide expansion/ });

    await user.click(screen.getByRole('button', { name: /Faculty champions/ }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Faculty champions' }),
    ).toHaveFocus();
    expect(screen.getByLabelText('Institution name')).toHaveValue('Ostrava Technical University');
    expect(planItems()[1]).toHaveAttribute('aria-current', 'true');

    planItems()[1]?.focus();
    await user.keyboard('{ArrowDown}');
    expect(planItems()[2]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Awareness campaign' }),
    ).toBeInTheDocument();
  });

  it('refreshes the plan in the list after an autosave, keeping the caret where it was', async () => {
    vi.useFakeTimers();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime.bind(vi) });
    new FakeBackend(threePlans()).install();
    render(App);
    await vi.waitFor(() => expect(screen.getByLabelText('Plan title')).toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: /Faculty champions/ }));
    const title = await vi.waitFor(() => {
      const box = screen.getByLabelText('Plan title');
      expect(box).toHaveValue('Faculty champions');
      return box as HTMLInputElement;
    });
    await user.type(title, ' network');
    await vi.advanceTimersByTimeAsync(500);
    await vi.waitFor(() =>
      expect(screen.getByTestId('save-state')).toHaveTextContent('All changes saved'),
    );

    expect(planItems()[0]).toHaveTextContent('Faculty champions network');
    expect(planItems()[0]).toHaveTextContent('Edited just now');
    expect(planItems()[0]).toHaveAttribute('aria-current', 'true');
    expect(title).toHaveFocus();
    expect(title.selectionStart).toBe('Faculty champions network'.length);

    await user.click(screen.getByTestId('new-plan'));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByLabelText('Plan title')).toHaveValue('Faculty champions network');
  });

  it('creates a plan from the New plan form and opens it', async () => {
    const user = userEvent.setup();
    const backend = new FakeBackend([samplePlan(1, '2026-11-20T16:30:00Z')]).install();
    render(App);
    await screen.findByRole('heading', { level: 1, name: /system-wide expansion/ });

    await user.click(screen.getByTestId('new-plan'));
    const form = within(screen.getByTestId('new-plan-form'));
    expect(form.getByLabelText('Plan title')).toHaveFocus();
    await user.type(form.getByLabelText('Plan title'), 'Κυβερνοασφάλεια pilot');
    await user.type(form.getByLabelText('Institution name'), 'Πανεπιστήμιο Πατρών');
    await user.selectOptions(form.getByLabelText('Country'), 'Greece');
    await user.type(form.getByLabelText('Total enrolment'), '31 000');
    await user.click(screen.getByTestId('create-plan'));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Κυβερνοασφάλεια pilot' }),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('new-plan-form')).not.toBeInTheDocument();
    expect(planItems()[0]).toHaveTextContent('Κυβερνοασφάλεια pilot');
    expect(planItems()[0]).toHaveTextContent('Πανεπιστήμιο Πατρών');
    expect(planItems()[0]).toHaveAttribute('aria-current', 'true');
    // Only the essentials are asked for; Rust fills the rest with typical values.
    expect(backend.callsOf('create_plan')[0]?.form).toEqual(
      emptyForm({
        title: 'Κυβερνοασφάλεια pilot',
        institutionName: 'Πανεπιστήμιο Πατρών',
        country: 'GR',
        totalEnrolment: '31 000',
        stage: 'exploring',
      }),
    );
    expect(screen.getByLabelText('Academic calendar')).toHaveDisplayValue('Semesters');
    expect(screen.getByLabelText('Currency')).toHaveDisplayValue('USD — US Dollar');
  });

  it('shows Rust’s messages under the fields when a new plan is refused', async () => {
    const user = userEvent.setup();
    const backend = new FakeBackend([samplePlan()]).install();
    render(App);
    await screen.findByRole('heading', { level: 1, name: /system-wide expansion/ });

    await user.click(screen.getByTestId('new-plan'));
    await user.type(screen.getByLabelText('Total enrolment'), 'abc');
    await user.click(screen.getByTestId('create-plan'));

    expect(await screen.findByTestId('error-title')).toHaveTextContent(
      'Plan title cannot be empty',
    );
    expect(screen.getByTestId('error-institutionName')).toHaveTextContent(
      'Institution name cannot be empty',
    );
    expect(screen.getByTestId('error-totalEnrolment')).toHaveTextContent('(you typed “abc”)');
    expect(screen.getByLabelText('Plan title')).toHaveFocus();
    expect(screen.getByTestId('new-plan-form')).toBeInTheDocument();
    expect(backend.plans).toHaveLength(1);
    expect(planItems()).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('new-plan-form')).not.toBeInTheDocument();
    expect(screen.getByTestId('new-plan')).toHaveFocus();
  });

  it('shows a plan named like HTML as the characters typed', async () => {
    const markup = '<img src=x onerror=alert(1)>';
    new FakeBackend([
      storedPlan(1, markup, `${markup} University`, '2026-11-20T16:30:00Z'),
    ]).install();
    const { container } = render(App);

    expect(await screen.findByRole('heading', { level: 1, name: markup })).toBeInTheDocument();
    expect(planItems()[0]).toHaveTextContent(markup);
    expect(screen.getByLabelText('Plan title')).toHaveValue(markup);
    expect(container.querySelector('img')).toBeNull();
  });

  it('invites the dean to start a plan when there are none', async () => {
    const user = userEvent.setup();
    new FakeBackend([]).install();
    render(App);

    expect(await screen.findByRole('heading', { name: 'No plans yet' })).toBeInTheDocument();
    expect(screen.queryByTestId('plan-item')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start a new plan' }));
    expect(screen.getByTestId('new-plan-form')).toBeInTheDocument();
  });

  it('says what went wrong when the plans cannot be read', async () => {
    mockIPC(() => {
      throw { kind: 'storage', message: 'The plan store could not be opened', fields: [] };
    });
    render(App);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The plan store could not be opened',
    );
  });
});
