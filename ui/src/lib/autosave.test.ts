import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlanDetail } from '../bindings/PlanDetail';
import type { Problem } from '../bindings/Problem';
import { Autosave } from './autosave.svelte';

const PAUSE = 300;

/** A stand-in for the plan: only what the dean typed, as Rust last saved it. */
const planWith = (text: string) => ({ id: 1, text }) as unknown as PlanDetail;

/**
 * An autosave whose writes run one at a time (as the plan session runs them) and whose every
 * answer the test gives when it chooses, so the states in between can be read.
 */
function setUp() {
  let text = '';
  const sent: string[] = [];
  const answers: { resolve: (plan: PlanDetail) => void; reject: (problem: Problem) => void }[] =
    [];
  let tail: Promise<unknown> = Promise.resolve();
  const save = new Autosave({
    pauseMs: PAUSE,
    enqueue: (write) => {
      const result = tail.then(write);
      tail = result.catch(() => undefined);
      return result;
    },
    send: () => {
      sent.push(text);
      return new Promise<PlanDetail>((resolve, reject) => answers.push({ resolve, reject }));
    },
  });
  return {
    save,
    sent,
    type: (next: string, key = 'title') => {
      text = next;
      save.typed(key);
    },
    /** Answers the oldest unanswered save. */
    async accept() {
      await vi.waitFor(() => expect(answers.length).toBeGreaterThan(0));
      answers.shift()!.resolve(planWith(text));
      await vi.advanceTimersByTimeAsync(0);
    },
    async refuse(problem: Problem) {
      await vi.waitFor(() => expect(answers.length).toBeGreaterThan(0));
      answers.shift()!.reject(problem);
      await vi.advanceTimersByTimeAsync(0);
    },
  };
}

const refusal = (field: string, message: string): Problem => ({
  kind: 'invalid',
  message: 'Some fields need attention',
  fields: [{ field, message }],
});

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('saving as the dean types', () => {
  it('waits for typing to pause, then sends the text once, as it is then', async () => {
    const { save, sent, type, accept } = setUp();
    type('M');
    await vi.advanceTimersByTimeAsync(PAUSE - 10);
    type('Mi');
    await vi.advanceTimersByTimeAsync(PAUSE - 10);
    type('Mic');
    expect(save.state, 'a pause is awaited, so the dean sees it is not saved yet').toBe('saving');
    expect(sent, 'nothing goes while the dean keeps typing').toEqual([]);

    await vi.advanceTimersByTimeAsync(PAUSE);
    expect(sent).toEqual(['Mic']);
    expect(save.state).toBe('saving');
    await accept();
    expect(save.state).toBe('saved');
    expect(sent, 'one save for one pause').toEqual(['Mic']);
  });

  it('saves a choice at once, and lets one save wait behind the one in flight', async () => {
    const { save, sent, type, accept } = setUp();
    type('first');
    const first = save.chose('stage');
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['first']);

    type('second');
    const second = save.saveNow();
    type('third');
    const third = save.saveNow();
    await accept();
    await first;
    expect(save.state, 'the newer save is still to come').toBe('saving');
    await accept();
    await Promise.all([second, third]);

    expect(sent, 'the waiting save carries the latest text, and is sent once').toEqual([
      'first',
      'third',
    ]);
    expect(save.state).toBe('saved');
  });

  it('sends what is waiting at once when flushed, before an export or on leaving', async () => {
    const { save, sent, type, accept } = setUp();
    type('Pilot 2027');
    const flushed = save.flush();
    let done = false;
    void flushed.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['Pilot 2027']);
    expect(done, 'the flush waits for Rust’s answer').toBe(false);
    await accept();
    expect(done).toBe(true);
  });
});

describe('what Rust refused', () => {
  it('shows each message by its field until that field changes, and clears them once saved', async () => {
    const { save, type, refuse, accept } = setUp();
    type('-5', 'totalEnrolment');
    await vi.advanceTimersByTimeAsync(PAUSE);
    await refuse(refusal('totalEnrolment', 'Enter the enrolment as a whole number'));

    expect(save.state).toBe('invalid');
    expect(save.messageFor('totalEnrolment')).toBe('Enter the enrolment as a whole number');
    expect(save.failure, 'a refusal field by field is not a failure').toBe('');

    type('500', 'totalEnrolment');
    expect(save.messageFor('totalEnrolment'), 'the message named the old text').toBeUndefined();
    await vi.advanceTimersByTimeAsync(PAUSE);
    await accept();
    expect(save.state).toBe('saved');
    expect(save.errors).toEqual({});
  });

  it('says why when no single field explains the refusal', async () => {
    const { save, type, refuse, accept } = setUp();
    type('Pilot');
    await vi.advanceTimersByTimeAsync(PAUSE);
    await refuse({ kind: 'storage', message: 'The plan store is read-only', fields: [] });
    expect(save.state).toBe('failed');
    expect(save.failure).toBe('The plan store is read-only');

    type('Pilot 2');
    await vi.advanceTimersByTimeAsync(PAUSE);
    await accept();
    expect(save.state).toBe('saved');
    expect(save.failure).toBe('');
  });

  it('ignores the answer to a save that newer text has overtaken', async () => {
    const { save, type, refuse, accept } = setUp();
    type('-5', 'totalEnrolment');
    await vi.advanceTimersByTimeAsync(PAUSE);
    type('500', 'totalEnrolment');
    await refuse(refusal('totalEnrolment', 'Enter the enrolment as a whole number'));
    expect(save.messageFor('totalEnrolment'), 'the refused text is gone already').toBeUndefined();
    expect(save.state).toBe('saving');

    await vi.advanceTimersByTimeAsync(PAUSE);
    await accept();
    expect(save.state).toBe('saved');
  });

  it('keeps a refusal on screen when another write reports the stored problems', async () => {
    const { save, type, refuse } = setUp();
    type('11', 'horizonYears');
    await vi.advanceTimersByTimeAsync(PAUSE);
    await refuse(refusal('horizonYears', 'The horizon can be at most 10 years'));

    save.showStored({ startDate: 'The start date is not a term start' });
    expect(save.messageFor('horizonYears')).toBe('The horizon can be at most 10 years');
    expect(save.messageFor('startDate')).toBeUndefined();

    save.reset({ startDate: 'The start date is not a term start' });
    expect(save.messageFor('startDate')).toBe('The start date is not a term start');
    expect(save.state, 'stored problems are not a refused save').toBe('saved');
  });
});

describe('a box’s own message', () => {
  it('holds the save state at “not saved” until the box holds a number again', () => {
    const { save } = setUp();
    save.errors = { 'budget.staffFte': 'Rust’s message' };
    save.notANumber('budget.staffFte', 'Enter a number');
    expect(save.state).toBe('invalid');
    expect(save.messageFor('budget.staffFte'), 'the box’s own message first').toBe(
      'Enter a number',
    );

    save.clearLocal('budget.staffFte');
    expect(save.messageFor('budget.staffFte')).toBe('Rust’s message');
    save.forgetUnder('budget');
    expect(save.messageFor('budget.staffFte')).toBeUndefined();
    expect(save.state).toBe('saved');
  });
});

describe('other writes', () => {
  it('wait their turn, answer with the plan, and show a failure like a save', async () => {
    const { save, type, accept } = setUp();
    type('Pilot');
    void save.saveNow();
    const moved = save.run(() => Promise.reject({ kind: 'storage', message: 'Disk full' }));
    await accept();
    expect(await moved).toBeUndefined();
    expect(save.failure).toBe('Disk full');
    expect(save.state).toBe('failed');

    const started = save.run(() => Promise.resolve(planWith('started')));
    expect(save.state).toBe('saving');
    expect(await started).toEqual(planWith('started'));
    expect(save.state).toBe('saved');
  });
});
