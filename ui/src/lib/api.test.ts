import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import {
  fieldMessages,
  getPlan,
  messagesByField,
  startRollout,
  updateRollout,
  saveAreaResponse,
  setActionAdopted,
  setWizardPosition,
  updateProfile,
} from './api';
import { SAMPLE_ROLLOUT, emptyForm } from './fake-backend';

afterEach(() => clearMocks());

const form = emptyForm({ title: 'Plan', institutionName: 'Uni', totalEnrolment: 'abc' });

describe('api', () => {
  it('passes a Problem from Rust through unchanged', async () => {
    const problem = {
      kind: 'invalid',
      message: 'Total enrolment must be a whole number',
      fields: [{ field: 'totalEnrolment', message: 'Total enrolment must be a whole number' }],
    };
    mockIPC(() => {
      throw problem;
    });
    await expect(updateProfile(1, 1, form)).rejects.toEqual(problem);
  });

  it('turns anything else thrown into a storage Problem carrying its message', async () => {
    mockIPC(() => {
      throw new Error('database is locked');
    });
    await expect(getPlan(1)).rejects.toEqual({
      kind: 'storage',
      message: 'database is locked',
      fields: [],
    });

    mockIPC(() => {
      throw 'command get_plan not found';
    });
    await expect(getPlan(1)).rejects.toEqual({
      kind: 'storage',
      message: 'command get_plan not found',
      fields: [],
    });
  });

  it('sends camelCase arguments with the form as typed', async () => {
    let received: unknown;
    mockIPC((command, args) => {
      received = { command, args };
      return { id: 7 };
    });
    await updateProfile(7, 12, form);
    expect(received).toEqual({
      command: 'update_profile',
      args: { id: 7, expectedRevision: 12, form },
    });
  });

  it('sends the assessment commands with camelCase arguments and answers as Rust reads them', async () => {
    const received: unknown[] = [];
    mockIPC((command, args) => {
      received.push({ command, args });
      return { id: 3 };
    });
    await saveAreaResponse(3, 5, 'faculty_buy_in', {
      answers: [4, 'dont_know', null, 1, 5, null],
      evidence: 'Champions on two campuses',
    });
    await setWizardPosition(3, 6, { step: 'area', area: 'resources' });
    await setActionAdopted(3, 7, 'faculty_champions', true);
    expect(received).toEqual([
      {
        command: 'save_area_response',
        args: {
          id: 3,
          expectedRevision: 5,
          area: 'faculty_buy_in',
          response: {
            answers: [4, 'dont_know', null, 1, 5, null],
            evidence: 'Champions on two campuses',
          },
        },
      },
      {
        command: 'set_wizard_position',
        args: { id: 3, expectedRevision: 6, position: { step: 'area', area: 'resources' } },
      },
      {
        command: 'set_action_adopted',
        args: { id: 3, expectedRevision: 7, action: 'faculty_champions', adopted: true },
      },
    ]);
  });

  it('keeps the messages for form fields and term rows, and drops the rest', () => {
    const messages = fieldMessages({
      kind: 'invalid',
      message: 'several',
      fields: [
        { field: 'currency', message: '“EUX” is not a currency code' },
        { field: 'terms.1.day', message: 'Term 2’s start day must be from 1 to 30' },
        { field: 'terms', message: 'A trimester calendar has 3 terms a year' },
        { field: 'assessment', message: 'not a profile field' },
        { field: 'terms.x.day', message: 'not a term box' },
      ],
    });
    expect(messages).toEqual({
      currency: '“EUX” is not a currency code',
      'terms.1.day': 'Term 2’s start day must be from 1 to 30',
      terms: 'A trimester calendar has 3 terms a year',
    });
  });

  it('names the rollout commands and their arguments as Rust declares them', async () => {
    const calls: { command: string; args: unknown }[] = [];
    mockIPC((command, args) => {
      calls.push({ command, args });
      return {};
    });
    await startRollout(4, 2);
    await updateRollout(4, 3, SAMPLE_ROLLOUT);
    expect(calls).toEqual([
      { command: 'start_rollout', args: { id: 4, expectedRevision: 2 } },
      {
        command: 'update_rollout',
        args: { id: 4, expectedRevision: 3, inputs: SAMPLE_ROLLOUT },
      },
    ]);
  });

  it('keeps every rollout message under its dotted key, two for one key as two sentences', () => {
    expect(
      messagesByField([
        { field: 'uptake.pilotRatePct', message: 'The pilot uptake rate must be from 0 % to 100 %' },
        { field: 'uptake.pilotRatePct', message: 'The pilot rate is above the target rate' },
        { field: 'credentials.2.learningHours', message: 'Learning hours must be more than 0' },
      ]),
    ).toEqual({
      'uptake.pilotRatePct':
        'The pilot uptake rate must be from 0 % to 100 %. The pilot rate is above the target rate',
      'credentials.2.learningHours': 'Learning hours must be more than 0',
    });
  });
});
