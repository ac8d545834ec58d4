import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import type { Problem } from './bindings/Problem';
import { FakeBackend, samplePlan, storedPlan } from './lib/fake-backend';

afterEach(() => clearMocks());

/** Rust's refusal of a file cut short, as `import_plan_file` sends it. */
const TRUNCATED: Problem = {
  kind: 'invalid',
  message:
    '/home/dean/Downloads/Ostrava.mcplan: line 1, column 48: not valid JSON: EOF while parsing a string (line 1, column 48)',
  fields: [],
};

const planItems = () => within(screen.getByTestId('plan-list')).getAllByTestId('plan-item');

async function openApp(backend: FakeBackend) {
  const user = userEvent.setup();
  backend.install();
  render(App);
  await screen.findByRole('heading', { level: 1, name: /system-wide expansion/ });
  return user;
}

describe('plan files in the window', () => {
  it('imports a plan file as a new plan, opens it and says so', async () => {
    const backend = new FakeBackend([samplePlan(1, '2026-11-20T16:30:00Z')]);
    backend.importAnswer = storedPlan(
      9,
      'Faculty champions',
      'Ostrava Technical University',
      '2026-11-02T08:00:00Z',
    ).plan;
    const user = await openApp(backend);

    await user.click(screen.getByRole('button', { name: 'Import plan file…' }));
    await user.click(screen.getByRole('button', { name: 'As a new plan' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Faculty champions' }),
    ).toBeInTheDocument();
    expect(backend.callsOf('import_plan_file')).toEqual([{ into: null }]);
    expect(planItems()).toHaveLength(2);
    expect(planItems()[0]).toHaveTextContent('Ostrava Technical University');
    expect(planItems()[0]).toHaveAttribute('aria-current', 'true');
    expect(screen.getByTestId('file-notice')).toHaveTextContent(
      'Imported “Faculty champions” as a new plan.',
    );
  });

  it('shows why a refused file was not taken, and keeps the plan on screen', async () => {
    const backend = new FakeBackend([samplePlan(1, '2026-11-20T16:30:00Z')]);
    backend.importAnswer = TRUNCATED;
    const user = await openApp(backend);

    await user.click(screen.getByRole('button', { name: 'Import plan file…' }));
    await user.click(screen.getByRole('button', { name: 'As a new plan' }));

    const notice = await screen.findByRole('alert');
    expect(notice).toHaveTextContent('That file was not imported, and nothing was changed.');
    expect(notice).toHaveTextContent('Ostrava.mcplan: line 1, column 48');
    expect(planItems()).toHaveLength(1);
    expect(
      screen.getByRole('heading', { level: 1, name: /system-wide expansion/ }),
    ).toBeInTheDocument();

    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('file-notice')).not.toBeInTheDocument();
  });

  it('changes nothing when the dean closes the open dialog', async () => {
    const backend = new FakeBackend([samplePlan(1, '2026-11-20T16:30:00Z')]);
    const user = await openApp(backend);

    await user.click(screen.getByRole('button', { name: 'Import plan file…' }));
    await user.click(screen.getByRole('button', { name: 'As a new plan' }));

    expect(backend.callsOf('import_plan_file')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Import plan file…' })).toBeEnabled();
    expect(screen.queryByTestId('file-notice')).not.toBeInTheDocument();
    expect(planItems()).toHaveLength(1);
  });

  it('imports a plan file into the plan on screen, which then shows the file’s content', async () => {
    const backend = new FakeBackend([samplePlan(1, '2026-11-20T16:30:00Z')]);
    backend.importAnswer = {
      ...samplePlan(1, '2026-11-20T16:30:00Z').plan,
      title: 'Expansion as sent to committee',
    };
    const user = await openApp(backend);

    await user.click(screen.getByRole('button', { name: 'Import plan file…' }));
    await user.click(screen.getByRole('button', { name: /^Into “Industry micro-credentials/ }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Expansion as sent to committee' }),
    ).toBeInTheDocument();
    expect(backend.callsOf('import_plan_file')).toEqual([{ into: 1 }]);
    expect(planItems()).toHaveLength(1);
    expect(screen.getByLabelText('Plan title')).toHaveValue('Expansion as sent to committee');
    expect(screen.getByTestId('file-notice')).toHaveTextContent(
      'the plan as it was is kept as a version',
    );
  });

  it('saves the plan on screen as a plan file and says where', async () => {
    const backend = new FakeBackend([samplePlan(4, '2026-11-20T16:30:00Z')]);
    const user = await openApp(backend);

    await user.click(screen.getByRole('button', { name: 'Save plan file…' }));

    const status = screen.getByTestId('plan-file-status');
    await within(status).findByText('Saved “Lakeshore plan.mcplan”');
    expect(status).toHaveTextContent('in /home/dean/Documents');
    expect(backend.callsOf('export_plan_file')).toEqual([{ id: 4 }]);
  });

  it('says why a plan file could not be saved', async () => {
    const backend = new FakeBackend([samplePlan(4, '2026-11-20T16:30:00Z')]);
    backend.planFileAnswer = {
      kind: 'report',
      message:
        'Cannot write the report to /home/dean/plans.sqlite3: that is the plan store itself (or a file it keeps beside it); choose another name',
      fields: [],
    };
    const user = await openApp(backend);

    await user.click(screen.getByRole('button', { name: 'Save plan file…' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The plan file was not saved: Cannot write the report to /home/dean/plans.sqlite3',
    );
  });
});

describe('a plan file the app was opened with', () => {
  it('is added as a new plan and shown first', async () => {
    const backend = new FakeBackend([samplePlan(1, '2026-11-20T16:30:00Z')]);
    backend.openedAtStart = storedPlan(
      9,
      'Faculty champions',
      'Ostrava Technical University',
      '2026-11-02T08:00:00Z',
    ).plan;
    backend.install();
    render(App);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Faculty champions' }),
    ).toBeInTheDocument();
    expect(planItems()).toHaveLength(2);
    expect(screen.getByTestId('file-notice')).toHaveTextContent(
      'Opened “Faculty champions”; it is added as a new plan.',
    );
  });

  it('when refused, says why and opens the plans as usual', async () => {
    const backend = new FakeBackend([samplePlan(1, '2026-11-20T16:30:00Z')]);
    backend.openedAtStart = TRUNCATED;
    backend.install();
    render(App);

    expect(
      await screen.findByRole('heading', { level: 1, name: /system-wide expansion/ }),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'That file was not imported, and nothing was changed.',
    );
    expect(planItems()).toHaveLength(1);
  });
});
