import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import ExportButton from './ExportButton.svelte';
import type { ExportOutcome } from '../bindings/ExportOutcome';

afterEach(() => clearMocks());

/** Lets the test decide when Rust answers, as the native save dialog would. */
function answerExportLater() {
  let answer!: (outcome: ExportOutcome | { reject: unknown }) => void;
  const calls: unknown[] = [];
  mockIPC((command, args) => {
    calls.push({ command, args });
    return new Promise((resolve, reject) => {
      answer = (outcome) => ('reject' in outcome ? reject(outcome.reject) : resolve(outcome));
    });
  });
  return { answer: (outcome: ExportOutcome | { reject: unknown }) => answer(outcome), calls };
}

describe('Export PDF', () => {
  it('says it is exporting, then names the file, its pages and its folder', async () => {
    const user = userEvent.setup();
    const rust = answerExportLater();
    render(ExportButton, { planId: 4 });

    await user.click(screen.getByTestId('export-pdf'));
    const button = screen.getByTestId('export-pdf');
    expect(button).toBeDisabled();
    expect(button).toHaveTextContent('Exporting…');
    expect(rust.calls).toEqual([{ command: 'export_pdf', args: { id: 4 } }]);

    rust.answer({
      status: 'saved',
      path: '/home/dean/Documents/Senate review – March.pdf',
      bytes: 51_200,
      pages: 14,
    });

    const status = screen.getByTestId('export-status');
    await screen.findByText('Saved “Senate review – March.pdf” (14 pages)');
    expect(status).toHaveTextContent('in /home/dean/Documents');
    expect(button).toBeEnabled();
    expect(button).toHaveTextContent('Export PDF…');
  });

  it('shows nothing when the dean cancels the save dialog', async () => {
    const user = userEvent.setup();
    const rust = answerExportLater();
    render(ExportButton, { planId: 4 });

    await user.click(screen.getByTestId('export-pdf'));
    rust.answer({ status: 'cancelled' });

    await expect.poll(() => screen.getByTestId('export-pdf')).toBeEnabled();
    expect(screen.getByTestId('export-status')).toBeEmptyDOMElement();
  });

  it('shows the problem when the report cannot be written', async () => {
    const user = userEvent.setup();
    const rust = answerExportLater();
    render(ExportButton, { planId: 4 });

    await user.click(screen.getByTestId('export-pdf'));
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
    expect(screen.getByTestId('export-pdf')).toBeEnabled();
  });

  it('waits for unsaved typing to be saved before exporting', async () => {
    const user = userEvent.setup();
    const order: string[] = [];
    mockIPC((command) => {
      order.push(command);
      return { status: 'cancelled' };
    });
    render(ExportButton, {
      planId: 4,
      beforeExport: async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push('saved');
      },
    });

    await user.click(screen.getByTestId('export-pdf'));
    await expect.poll(() => order).toEqual(['saved', 'export_pdf']);
  });
});
