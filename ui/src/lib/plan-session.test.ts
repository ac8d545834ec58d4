// Previews of changes not saved yet: the newest shows, one is in flight at a time, and an
// answer older than what shows (or than a save that carried its change) is dropped.
import { describe, expect, it } from 'vitest';
import type { PlanDetail } from '../bindings/PlanDetail';
import { detailOf, samplePlan } from './fake-backend';
import { PlanSession } from './plan-session.svelte';
import { fixtureProjection, FIXED_SCORES } from './fake-fixtures';

function detailTitled(title: string): PlanDetail {
  const stored = samplePlan(1, '2026-11-01T09:00:00Z');
  stored.plan.title = title;
  return detailOf(stored, FIXED_SCORES, fixtureProjection(stored.plan));
}

/** A preview whose answer the test gives when it chooses. */
function deferred() {
  let answer!: (detail: PlanDetail) => void;
  let refuse!: (problem: unknown) => void;
  const promise = new Promise<PlanDetail>((resolve, reject) => {
    answer = resolve;
    refuse = reject;
  });
  let sent = 0;
  const compute = () => {
    sent += 1;
    return promise;
  };
  return { compute, answer, refuse, sent: () => sent };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('plan session previews', () => {
  it('show the newest answer, sending one preview at a time with the latest change', async () => {
    const session = new PlanSession(detailTitled('Saved'), () => undefined);
    const first = deferred();
    const second = deferred();
    const third = deferred();
    session.preview(first.compute);
    session.preview(second.compute);
    session.preview(third.compute);
    expect([first.sent(), second.sent(), third.sent()]).toEqual([1, 0, 0]);
    expect(session.shown.plan.title).toBe('Saved');

    first.answer(detailTitled('First'));
    await settle();
    expect(session.shown.plan.title).toBe('First');
    // The second change was overtaken by the third while the first was in flight.
    expect([second.sent(), third.sent()]).toEqual([0, 1]);

    third.answer(detailTitled('Third'));
    await settle();
    expect(session.shown.plan.title).toBe('Third');
  });

  it('give way to a save that carried their change, and drop an answer older than it', async () => {
    const session = new PlanSession(detailTitled('Saved'), () => undefined);
    const shown = deferred();
    session.preview(shown.compute);
    shown.answer(detailTitled('Previewed'));
    await settle();
    const late = deferred();
    session.preview(late.compute);
    // A save read the screen at this change and answered before the preview did.
    session.saved(session.changes);
    expect(session.shown.plan.title).toBe('Saved');

    late.answer(detailTitled('Late'));
    await settle();
    expect(session.shown.plan.title).toBe('Saved');
  });

  it('keep what shows when a change is refused, and stay after an older save answers', async () => {
    const session = new PlanSession(detailTitled('Saved'), () => undefined);
    const accepted = deferred();
    session.preview(accepted.compute);
    accepted.answer(detailTitled('Accepted'));
    await settle();
    const savedAt = session.changes;
    const refused = deferred();
    session.preview(refused.compute);
    refused.refuse({ kind: 'invalid', message: 'No', fields: [] });
    await settle();
    expect(session.shown.plan.title).toBe('Accepted');

    const newer = deferred();
    session.preview(newer.compute);
    newer.answer(detailTitled('Newer'));
    await settle();
    session.saved(savedAt);
    expect(session.shown.plan.title).toBe('Newer');
  });

  it('ask for the newest preview again when an earlier change is saved, so it shows that save too', async () => {
    const session = new PlanSession(detailTitled('Saved'), () => undefined);
    const earlier = deferred();
    session.preview(earlier.compute);
    earlier.answer(detailTitled('Earlier'));
    await settle();
    const savedAt = session.changes;
    let asked = 0;
    session.preview(() => {
      asked += 1;
      return Promise.resolve(detailTitled(`Newer, asked ${asked}`));
    });
    await settle();
    expect(session.shown.plan.title).toBe('Newer, asked 1');

    // The earlier change's save answers: the newer preview was computed without it.
    session.saved(savedAt);
    await settle();
    expect(asked).toBe(2);
    expect(session.shown.plan.title).toBe('Newer, asked 2');

    // Once a save carried every change, nothing is asked again.
    session.saved(session.changes);
    await settle();
    expect(asked).toBe(2);
    expect(session.shown.plan.title).toBe('Saved');
  });
});
