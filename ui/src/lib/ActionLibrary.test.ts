import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import type { AreaKey } from '../bindings/AreaKey';
import { FakeBackend, GUIDE, samplePlan } from './fake-backend';
import { showPlanView } from './plan-view-harness';

afterEach(() => clearMocks());

async function openActions(scores?: Partial<Record<AreaKey, number>>) {
  const backend = new FakeBackend([samplePlan(1, '2026-11-01T09:00:00Z')]);
  Object.assign(backend.scores, scores);
  backend.install();
  const user = showPlanView(backend);
  await user.click(screen.getByTestId('tab-actions'));
  return { backend, user };
}

const cards = () => screen.getAllByTestId('action-card');
const card = (key: string) => cards().find((c) => c.dataset.action === key)!;
const areaOf = (key: string) => GUIDE.actions.find((a) => a.key === key)?.area;

describe('the action library', () => {
  it('shows the weakest areas’ actions first, and all on request', async () => {
    const { backend, user } = await openActions();
    const weakest = backend.detail(1).assessmentResult.weakest;
    expect(weakest.length).toBeGreaterThan(0);

    const shown = cards().map((c) => c.dataset.action!);
    expect(new Set(shown.map(areaOf))).toEqual(new Set(weakest));
    expect(shown).toHaveLength(GUIDE.actions.filter((a) => weakest.includes(a.area)).length);
    // Grouped by area, weakest first.
    const groups = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(groups[0]).toContain('Resource allocation');

    await user.click(screen.getByRole('button', { name: 'All areas' }));
    expect(cards()).toHaveLength(GUIDE.actions.length);
    await user.click(screen.getByRole('button', { name: 'Weakest areas' }));
    expect(cards()).toHaveLength(shown.length);
  });

  it('falls back to the two lowest-ranked areas when none is a serious obstacle', async () => {
    const { backend } = await openActions({
      resources: 71,
      faculty_buy_in: 75,
      curriculum_transformation: 90,
      awareness: 88,
      curriculum_integration: 85,
      quality: 82,
    });
    expect(backend.detail(1).assessmentResult.weakest).toEqual([]);
    expect(new Set(cards().map((c) => areaOf(c.dataset.action!)))).toEqual(
      new Set(['resources', 'faculty_buy_in']),
    );
  });

  it('describes each action in plain words, with typical US costs and its evidence', async () => {
    await openActions();
    const budget = within(card('pilot_budget_line'));
    expect(budget.getByRole('heading', { level: 4 })).toHaveTextContent(
      GUIDE.actions.find((a) => a.key === 'pilot_budget_line')!.title,
    );
    expect(card('pilot_budget_line')).toHaveTextContent(/Effort\s*Low/);
    expect(card('pilot_budget_line')).toHaveTextContent('about 6 weeks');
    expect(card('pilot_budget_line')).toHaveTextContent(/about (US)?\$60,000 one-time/);
    expect(card('pilot_budget_line')).toHaveTextContent('Prepare');
    expect(card('pilot_budget_line')).toHaveTextContent('Chief financial officer');
    // Evidence that names a finding shows the finding, cited.
    expect(card('pilot_budget_line')).toHaveTextContent(
      '80% of leaders at offering institutions agree micro-credentials can support student retention.',
    );
    expect(card('pilot_budget_line')).toHaveTextContent(
      'Coursera Micro-Credentials Impact Report 2024',
    );
    // Evidence in its own words is shown as it is.
    const negotiation = GUIDE.actions.find((a) => a.key === 'licence_negotiation')!;
    expect(card('licence_negotiation')).toHaveTextContent(negotiation.evidence);
    expect(card('faculty_champions')).toHaveTextContent(/about (US)?\$24,000 a year/);
    expect(screen.getByText(/typical US figures in US dollars/)).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('pilot_budget_line');
  });

  it('adopts an action and lists it with the adopted ones; removing it takes it off', async () => {
    const { backend, user } = await openActions();
    const adoptedList = () => screen.getByTestId('adopted-actions');
    const title = GUIDE.actions.find((a) => a.key === 'licence_negotiation')!.title;
    expect(adoptedList()).not.toHaveTextContent(title);
    const button = within(card('licence_negotiation')).getByTestId('adopt-action');
    expect(button).toHaveTextContent('Adopt');

    await user.click(button);
    await vi.waitFor(() => expect(button).toHaveTextContent('Adopted ✓ (remove)'));
    expect(backend.callsOf('set_action_adopted')).toEqual([
      { id: 1, expectedRevision: 1, action: 'licence_negotiation', adopted: true },
    ]);
    expect(adoptedList()).toHaveTextContent(title);
    expect(screen.getByTestId('save-state')).toHaveTextContent('All changes saved');
    expect(
      backend.plans[0]?.plan.assessment.adoptedActions.some(
        (a) => a.action === 'licence_negotiation',
      ),
    ).toBe(true);

    await user.click(button);
    await vi.waitFor(() => expect(button).toHaveTextContent('Adopt'));
    expect(backend.callsOf('set_action_adopted').at(-1)).toEqual({
      id: 1,
      expectedRevision: 2,
      action: 'licence_negotiation',
      adopted: false,
    });
    expect(adoptedList()).not.toHaveTextContent(title);
  });

  it('shows the sample plan’s adopted actions at the top, each removable there', async () => {
    const { backend, user } = await openActions();
    const list = within(screen.getByTestId('adopted-actions'));
    expect(list.getAllByRole('listitem')).toHaveLength(5);
    const champions = GUIDE.actions.find((a) => a.key === 'faculty_champions')!.title;
    await user.click(list.getByRole('button', { name: `Remove ${champions}` }));
    await vi.waitFor(() => expect(list.getAllByRole('listitem')).toHaveLength(4));
    expect(backend.callsOf('set_action_adopted')).toEqual([
      { id: 1, expectedRevision: 1, action: 'faculty_champions', adopted: false },
    ]);
  });
});
