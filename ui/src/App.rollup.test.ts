import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import type { Rollup } from './bindings/Rollup';
import { FakeBackend, samplePlan, storedPlan } from './lib/fake-backend';
import rollupFile from './lib/fixtures/rollup.json';
import { formatMoney, formatNumber, formatShare } from './lib/format';

afterEach(() => clearMocks());

/** Rust's roll-ups of the fixture's plans, by the plan numbers sent. */
const ROLLUPS = rollupFile as unknown as Record<string, Rollup>;
const TWO = ROLLUPS['1,2']!;

/** The three campuses of the roll-up fixture, newest first as the store lists them. */
function campuses() {
  return new FakeBackend([
    storedPlan(
      3,
      'Cybersecurity pathway pilot',
      'Αριστοτέλειο Πανεπιστήμιο Θεσσαλονίκης',
      '2026-11-25T09:00:00Z',
    ),
    storedPlan(2, 'Riverside expansion', 'Riverside Community College', '2026-11-21T09:00:00Z'),
    samplePlan(1, '2026-11-20T09:00:00Z'),
  ]);
}

async function openRollup(backend: FakeBackend) {
  const user = userEvent.setup();
  backend.install();
  render(App);
  await screen.findByRole('heading', { level: 1, name: 'Cybersecurity pathway pilot' });
  await user.click(screen.getByRole('button', { name: 'Put plans side by side' }));
  await screen.findByRole('heading', { level: 1, name: 'Plans side by side' });
  return user;
}

const choice = (institution: string) => screen.getByRole('checkbox', { name: new RegExp(institution) });
const status = () => screen.getByTestId('rollup-status');
const count = (v: number) => formatNumber(v, 0);

describe('plans side by side', () => {
  it('asks for two plans or more, then shows Rust’s totals for the plans ticked', async () => {
    const backend = campuses();
    const user = await openRollup(backend);
    expect(status()).toHaveTextContent('Choose two plans or more.');

    await user.click(choice('Lakeshore'));
    expect(status()).toHaveTextContent('Choose two plans or more.');
    expect(backend.callsOf('roll_up_plans')).toEqual([]);

    await user.click(choice('Riverside'));
    const totals = await screen.findByTestId('rollup-totals');
    expect(backend.callsOf('roll_up_plans')).toEqual([{ ids: [1, 2] }]);
    expect(status()).toHaveTextContent('2 plans side by side.');
    expect(within(totals).getByTestId('rollup-total-enrolments')).toHaveTextContent(
      count(TWO.total.enrolments),
    );
    expect(within(totals).getByTestId('rollup-total-cost')).toHaveTextContent(
      formatMoney(TWO.total.cost!, 'USD'),
    );

    // Each year: a row per campus whose plan reaches it, then all campuses.
    const years = screen.getAllByTestId('rollup-year');
    expect(years).toHaveLength(TWO.years.length);
    TWO.years.forEach((year, i) => {
      const rows = within(years[i]!).getAllByRole('row');
      const reached = year.campuses.filter((c) => c.figures !== null).length;
      expect(rows, year.label).toHaveLength(reached + 1);
      const total = rows.at(-1)!;
      expect(within(total).getByRole('rowheader', { name: 'All campuses' })).toBeInTheDocument();
      expect(within(total).getAllByRole('cell')[0]).toHaveTextContent(count(year.total.enrolments));
    });
    // Riverside starts in January: its first fiscal year is partly in its plan, and says so.
    const first = TWO.years[0]!;
    const riverside = within(years[0]!).getByRole('rowheader', { name: /Riverside/ });
    expect(years[0]).toHaveTextContent(new RegExp(`^${first.label}\\s*partly covered`));
    expect(riverside).toHaveTextContent(
      `${formatShare(first.campuses[1]!.shareInPlan)} of the year in its plan`,
    );
    const allYears = within(screen.getByTestId('rollup-all-years')).getAllByRole('cell');
    expect(allYears[0]).toHaveTextContent(count(TWO.total.enrolments));
    expect(allYears[1]).toHaveTextContent(count(TWO.total.creditsAwarded!));
    expect(allYears[2]).toHaveTextContent(formatMoney(TWO.total.cost!, 'USD'));

    const cards = screen.getAllByTestId('rollup-campus');
    expect(cards.map((c) => within(c).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Lakeshore State University System',
      'Riverside Community College',
    ]);
    const challenges = within(cards[0]!).getAllByRole('listitem').map((li) => li.textContent);
    expect(challenges).toEqual(TWO.campuses[0]!.topChallenges);
    expect(screen.getByTestId('rollup-notes')).toHaveTextContent(TWO.notes[0]!);
  });

  it('takes out a plan unticked, and shows no figures once fewer than two are left', async () => {
    const backend = campuses();
    const user = await openRollup(backend);
    await user.click(choice('Lakeshore'));
    await user.click(choice('Riverside'));
    await user.click(choice('Θεσσαλονίκης'));
    await expect.poll(() => screen.queryAllByTestId('rollup-campus').length).toBe(3);
    expect(screen.getAllByTestId('rollup-campus')[2]).toHaveTextContent(
      'Not added to the totals: its rollout is not set up yet.',
    );

    await user.click(choice('Θεσσαλονίκης'));
    await expect.poll(() => screen.queryAllByTestId('rollup-campus').length).toBe(2);
    expect(choice('Θεσσαλονίκης')).not.toBeChecked();

    await user.click(choice('Riverside'));
    expect(screen.queryByTestId('rollup-totals')).toBeNull();
    expect(screen.queryAllByTestId('rollup-campus')).toHaveLength(0);
    expect(status()).toHaveTextContent('Choose two plans or more.');
    expect(backend.callsOf('roll_up_plans')).toEqual([
      { ids: [1, 2] },
      { ids: [1, 2, 3] },
      { ids: [1, 2] },
    ]);
  });

  it('keeps the plans ticked while a plan is opened, and saves them as a spreadsheet', async () => {
    const backend = campuses();
    const user = await openRollup(backend);
    await user.click(choice('Lakeshore'));
    await user.click(choice('Riverside'));
    await screen.findByTestId('rollup-totals');

    await user.click(screen.getAllByTestId('plan-item')[1]!);
    await screen.findByRole('heading', { level: 1, name: 'Riverside expansion' });
    await user.click(screen.getByRole('button', { name: 'Put plans side by side' }));
    expect(choice('Lakeshore')).toBeChecked();
    expect(choice('Riverside')).toBeChecked();
    await screen.findByTestId('rollup-totals');

    await user.click(screen.getByRole('button', { name: 'Save as spreadsheet (CSV)…' }));
    const saved = screen.getByTestId('rollup-save-status');
    await expect.poll(() => saved.textContent).toContain('Saved “Roll-up of 2 plans.csv”');
    expect(saved).toHaveTextContent('in /home/dean/Documents');
    expect(backend.callsOf('export_rollup')).toEqual([{ ids: [1, 2], file: 'csv' }]);

    backend.fileAnswer = {
      kind: 'report',
      message: 'Could not write /media/usb/Roll-up of 2 plans.pdf: the disk is full',
      fields: [],
    };
    await user.click(screen.getByRole('button', { name: 'Save as PDF…' }));
    await expect.poll(() => saved.textContent).toContain('Not saved: Could not write');
    expect(backend.callsOf('export_rollup').at(-1)).toEqual({ ids: [1, 2], file: 'pdf' });
  });
});
