import { beforeEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/svelte';
import { FakeBackend, samplePlan } from './fake-backend';
import { showPlanView, useFakeClock } from './plan-view-harness';

let backend: FakeBackend;

useFakeClock();

beforeEach(() => {
  backend = new FakeBackend([samplePlan(1, '2026-11-01T09:00:00Z')]).install();
});

describe('a table saved for a spreadsheet', () => {
  it('asks Rust for the plan’s table and says where it went', async () => {
    backend.fileAnswer = {
      status: 'saved',
      path: '/home/dean/Documents/Lakeshore plan - risks.csv',
      bytes: 1_812,
      pages: null,
    };
    const user = showPlanView(backend, 1);
    await user.click(screen.getByTestId('tab-targets'));

    await user.click(screen.getByRole('button', { name: 'Save the risks as a spreadsheet (CSV)' }));

    const status = screen.getByTestId('csv-risks-status');
    await expect
      .poll(() => status.textContent)
      .toContain('Saved “Lakeshore plan - risks.csv” in /home/dean/Documents');
    expect(backend.callsOf('export_table_csv')).toEqual([{ id: 1, table: 'risks' }]);
  });

  it('says why a table was not saved', async () => {
    backend.fileAnswer = {
      kind: 'report',
      message: 'Could not write /media/usb/Lakeshore plan - KPIs.csv: the disk is full',
      fields: [],
    };
    const user = showPlanView(backend, 1);
    await user.click(screen.getByTestId('tab-targets'));

    await user.click(screen.getByTestId('csv-kpis'));

    const status = screen.getByTestId('csv-kpis-status');
    await expect
      .poll(() => status.textContent)
      .toContain('Not saved: Could not write /media/usb/Lakeshore plan - KPIs.csv: the disk is full');
    expect(backend.callsOf('export_table_csv')).toEqual([{ id: 1, table: 'kpis' }]);
  });
});
