import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { Risk } from '../bindings/Risk';
import RiskMatrix from './RiskMatrix.svelte';

const risk = (title: string, likelihood: number, impact: number): Risk => ({
  area: null,
  title,
  likelihood,
  impact,
  mitigation: 'Something sensible',
  ownerRole: 'Provost',
});

// The sample plan's three proposed risks: severity 20, 16 and 12.
const SAMPLE: Risk[] = [
  risk('Money and staff time run out before the pilot proves itself', 4, 5),
  risk('Faculty do not take part, so courses are not mapped or taught', 4, 4),
  risk('Programs are not redesigned, so certificates stay add-ons', 3, 4),
];

const cell = (likelihood: number, impact: number) =>
  screen.getByTestId(`risk-cell-${likelihood}-${impact}`);

describe('risk matrix', () => {
  it('places each risk by its number where its likelihood meets its impact', () => {
    render(RiskMatrix, { risks: SAMPLE });
    expect(within(cell(4, 5)).getByRole('button')).toHaveTextContent('1');
    expect(within(cell(4, 4)).getByRole('button')).toHaveTextContent('2');
    expect(within(cell(3, 4)).getByRole('button')).toHaveTextContent('3');
    expect(screen.getAllByTestId('risk-marker')).toHaveLength(3);
    expect(within(cell(1, 1)).queryByRole('button')).not.toBeInTheDocument();
  });

  it('reads as a table with likelihood and impact in words, and each band named', () => {
    render(RiskMatrix, { risks: SAMPLE });
    const table = screen.getByRole('table', { name: /Risk matrix/ });
    const columns = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent?.trim());
    expect(columns).toEqual(['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain']);
    const rows = within(table)
      .getAllByRole('rowheader')
      .map((th) => th.textContent?.trim());
    expect(rows).toEqual(['Severe', 'Major', 'Serious', 'Moderate', 'Minor']);
    // Without colour, each cell still says its band.
    expect(cell(1, 1)).toHaveTextContent('Low');
    expect(cell(2, 3)).toHaveTextContent('Medium');
    expect(cell(3, 4)).toHaveTextContent('High');
    expect(cell(4, 5)).toHaveTextContent('Very high');
    expect(screen.getByTestId('risk-summary')).toHaveTextContent('3 risks: 2 very high, 1 high.');
  });

  it('names each risk in full to a screen reader and takes the dean to it from the keyboard', async () => {
    const chosen: number[] = [];
    render(RiskMatrix, { risks: SAMPLE, onselect: (i: number) => chosen.push(i) });
    const second = screen.getByRole('button', {
      name: 'Risk 2: Faculty do not take part, so courses are not mapped or taught — likely, major impact',
    });
    const user = userEvent.setup();
    // The matrix reads row by row from the most severe impact: risk 1, then 3, then 2.
    await user.tab();
    await user.tab();
    await user.tab();
    expect(second).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(chosen).toEqual([1]);
  });

  it('puts two risks of the same rating in one cell, and leaves out one not yet rated', () => {
    render(RiskMatrix, {
      risks: [risk('Accreditor objects', 2, 3), risk('Vendor raises prices', 2, 3), risk('Unrated', 0, 3)],
    });
    expect(within(cell(2, 3)).getAllByRole('button').map((b) => b.textContent?.trim())).toEqual([
      '1',
      '2',
    ]);
    expect(screen.getAllByTestId('risk-marker')).toHaveLength(2);
    expect(screen.getByTestId('risk-summary')).toHaveTextContent(
      '3 risks: 2 medium. One risk is not on the matrix until its likelihood and impact are chosen.',
    );
  });

  it('says so when there are no risks', () => {
    render(RiskMatrix, { risks: [] });
    expect(screen.getByTestId('risk-summary')).toHaveTextContent('No risks yet.');
    expect(screen.queryAllByTestId('risk-marker')).toHaveLength(0);
  });
});
