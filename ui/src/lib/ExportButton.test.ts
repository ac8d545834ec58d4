import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import ExportButton from './ExportButton.svelte';
import type { Channel } from '@tauri-apps/api/core';
import type { ExportOutcome } from '../bindings/ExportOutcome';
import type { ExportStage } from '../bindings/ExportStage';
import type { HealthItem } from '../bindings/HealthItem';
import { ReportSectionLabels } from '../bindings/labels';
import type { ReportSection } from '../bindings/ReportSection';
import type { VersionSummary } from '../bindings/VersionSummary';

afterEach(() => clearMocks());

/** The sections a dean ticks: all but the appendix of changes, which a version brings. */
const ALL_SECTIONS = (Object.keys(ReportSectionLabels) as ReportSection[]).filter(
  (s) => s !== 'changes',
);

const VERSIONS: VersionSummary[] = [
  { number: 1, label: 'First draft', createdAt: '2027-01-10T12:00:00Z' },
  { number: 2, label: 'Sent to committee, 3 March', createdAt: '2027-03-03T09:15:00Z' },
];

const UNOWNED_TASK: HealthItem = {
  rule: 'task_without_owner',
  severity: 'high',
  message: 'The task “Senate approval” has no owner.',
  place: 'work_plan',
  field: 'tasks.1.ownerRole',
};

/**
 * Rust as the panel meets it: the health check answers at once with `health`, the plan's
 * versions with `versions`; an export waits until the test answers, as the native save dialog
 * would.
 */
function rustWith(
  health: HealthItem[] = [],
  versions: VersionSummary[] = [],
  /** What opening the saved file answers when it fails, such as no program for PDFs. */
  openRefusal: unknown = null,
) {
  let answer!: (outcome: ExportOutcome | { reject: unknown }) => void;
  let progress: Channel<ExportStage> | undefined;
  const calls: { command: string; args: unknown }[] = [];
  mockIPC((command, args) => {
    const { progress: channel, ...rest } = (args ?? {}) as Record<string, unknown>;
    calls.push({ command, args: rest });
    if (command === 'plan_health') return health;
    if (command === 'list_versions') return versions;
    if (command === 'open_exported') {
      return openRefusal === null ? null : Promise.reject(openRefusal);
    }
    progress = channel as Channel<ExportStage>;
    return new Promise((resolve, reject) => {
      answer = (outcome) => ('reject' in outcome ? reject(outcome.reject) : resolve(outcome));
    });
  });
  return {
    answer: (outcome: ExportOutcome | { reject: unknown }) => answer(outcome),
    /** Rust telling the window where the export has got to. */
    reach: (stage: ExportStage) => progress!.onmessage(stage),
    calls,
  };
}

async function openPanel(props: Record<string, unknown> = {}) {
  const user = userEvent.setup();
  render(ExportButton, { planId: 4, ...props });
  await user.click(screen.getByTestId('export-open'));
  const panel = await screen.findByRole('dialog', { name: 'Export the report' });
  return { user, panel };
}

describe('Export report', () => {
  it('shows the health check first, each item linking to where it is fixed', async () => {
    rustWith([UNOWNED_TASK]);
    const onfix = vi.fn();
    const { user, panel } = await openPanel({ onfix });

    const check = within(panel).getByTestId('health-check');
    await within(check).findByText('The task “Senate approval” has no owner.');
    expect(check).toHaveTextContent('One thing a committee might question');
    expect(check).toHaveTextContent('Fix before sending');

    await user.click(within(check).getByRole('button', { name: 'Show me' }));
    expect(onfix).toHaveBeenCalledWith(UNOWNED_TASK);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says so when nothing would weaken the plan', async () => {
    rustWith([]);
    const { panel } = await openPanel();
    expect(
      await within(panel).findByText('Nothing in the plan would weaken it in a committee’s eyes.'),
    ).toBeInTheDocument();
  });

  it('sends the paper and sections chosen, shows progress, then the file and a way to open it', async () => {
    const rust = rustWith();
    const { user, panel } = await openPanel();

    await user.click(within(panel).getByLabelText('US Letter (8.5 × 11 in)'));
    await user.click(within(panel).getByLabelText('Budget'));
    await user.click(within(panel).getByTestId('export-start'));

    expect(within(panel).getByTestId('export-start')).toBeDisabled();
    const status = screen.getByTestId('export-status');
    const bar = () => within(status).getByRole('progressbar');
    rust.reach({ stage: 'choosing_file' });
    await expect
      .poll(() => status.textContent)
      .toContain('Step 1 of 2: choose where to save the report, in the window that opened.');
    expect(bar()).toHaveAttribute('value', '0');
    expect(bar()).toHaveAccessibleName('Export: step 1 of 2');
    rust.reach({ stage: 'writing', sections: 16 });
    await expect
      .poll(() => status.textContent)
      .toContain('Step 2 of 2: writing the report’s 16 sections…');
    expect(bar()).toHaveAttribute('value', '1');
    expect(rust.calls.at(-1)).toEqual({
      command: 'export_pdf',
      args: {
        id: 4,
        choices: {
          paper: 'letter',
          sections: ALL_SECTIONS.filter((s) => s !== 'budget'),
          changesSince: null,
        },
      },
    });

    rust.answer({
      status: 'saved',
      path: '/home/dean/Documents/Senate review – March.pdf',
      bytes: 51_200,
      pages: 14,
    });
    await screen.findByText('Saved “Senate review – March.pdf” (14 pages)');
    expect(status).toHaveTextContent('in /home/dean/Documents');
    expect(within(status).queryByRole('progressbar')).toBeNull();

    await user.click(screen.getByTestId('export-open-file'));
    expect(rust.calls.at(-1)).toEqual({ command: 'open_exported', args: {} });
  });

  it('says why the saved report could not be opened, until the next one is saved', async () => {
    const rust = rustWith([], [], {
      kind: 'storage',
      message: 'No program on this computer opens PDF files',
      fields: [],
    });
    const { user, panel } = await openPanel();
    await user.click(within(panel).getByTestId('export-start'));
    rust.answer({ status: 'saved', path: '/home/dean/plan.pdf', bytes: 9_000, pages: 3 });
    await user.click(await screen.findByTestId('export-open-file'));
    const status = screen.getByTestId('export-status');
    expect(await within(status).findByRole('alert')).toHaveTextContent(
      'No program on this computer opens PDF files',
    );

    await user.click(within(panel).getByTestId('export-start'));
    rust.answer({ status: 'saved', path: '/home/dean/plan 2.pdf', bytes: 9_000, pages: 3 });
    await screen.findByText('Saved “plan 2.pdf” (3 pages)');
    expect(within(status).queryByRole('alert')).toBeNull();
  });

  it('saves the accessible web page when the dean picks it', async () => {
    const rust = rustWith();
    const { user, panel } = await openPanel();

    await user.click(within(panel).getByTestId('format-html'));
    expect(within(panel).getByTestId('export-start')).toHaveTextContent('Save web page…');
    await user.click(within(panel).getByTestId('export-start'));
    expect(rust.calls.at(-1)?.command).toBe('export_html');

    rust.answer({ status: 'saved', path: '/home/dean/plan.html', bytes: 84_000, pages: null });
    await screen.findByText('Saved “plan.html”');
  });

  it('shows nothing when the dean cancels the save dialog', async () => {
    const rust = rustWith();
    const { user, panel } = await openPanel();

    await user.click(within(panel).getByTestId('export-start'));
    rust.answer({ status: 'cancelled' });

    await expect.poll(() => within(panel).getByTestId('export-start')).toBeEnabled();
    expect(screen.getByTestId('export-status')).toBeEmptyDOMElement();
  });

  it('shows the problem when the report cannot be written', async () => {
    const rust = rustWith();
    const { user, panel } = await openPanel();

    await user.click(within(panel).getByTestId('export-start'));
    rust.answer({
      reject: {
        kind: 'report',
        message: 'The PDF could not be written to /media/usb: the disk is full',
        fields: [],
      },
    });

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The PDF could not be written to /media/usb: the disk is full',
    );
    expect(within(panel).getByTestId('export-start')).toBeEnabled();
  });

  it('waits for unsaved typing to be saved before checking and exporting', async () => {
    const order: string[] = [];
    mockIPC((command) => {
      order.push(command);
      return command === 'plan_health' || command === 'list_versions' ? [] : { status: 'cancelled' };
    });
    const { user, panel } = await openPanel({
      beforeExport: async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push('saved');
      },
    });

    await expect.poll(() => order).toEqual(['saved', 'list_versions', 'plan_health']);
    await user.click(within(panel).getByTestId('export-start'));
    await expect
      .poll(() => order)
      .toEqual(['saved', 'list_versions', 'plan_health', 'saved', 'export_pdf']);
  });

  it('adds what changed since the version the dean picks, newest offered first', async () => {
    const rust = rustWith([], VERSIONS);
    const { user, panel } = await openPanel();

    const since = await within(panel).findByLabelText('Add what changed since:');
    expect(
      within(since)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'No version (no appendix)',
      'Version 2: Sent to committee, 3 March',
      'Version 1: First draft',
    ]);
    expect(within(panel).queryByLabelText('What changed since the version you reviewed')).toBeNull();
    await user.selectOptions(since, 'Version 2: Sent to committee, 3 March');
    await user.click(within(panel).getByTestId('export-start'));
    expect(rust.calls.at(-1)).toEqual({
      command: 'export_pdf',
      args: { id: 4, choices: { paper: 'a4', sections: ALL_SECTIONS, changesSince: 2 } },
    });
  });

  it('offers no appendix for a plan without versions', async () => {
    rustWith([], []);
    const { panel } = await openPanel();
    await within(panel).findByText('Nothing in the plan would weaken it in a committee’s eyes.');
    expect(within(panel).queryByLabelText('Add what changed since:')).toBeNull();
  });
});
