import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { getPlan, updateProfile } from './api';

afterEach(() => clearMocks());

const form = {
  title: 'Plan',
  institutionName: 'Uni',
  country: '',
  totalEnrolment: 'abc',
  stage: 'exploring',
};

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
    await expect(updateProfile(1, form)).rejects.toEqual(problem);
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
    await updateProfile(7, form);
    expect(received).toEqual({ command: 'update_profile', args: { id: 7, form } });
  });
});
