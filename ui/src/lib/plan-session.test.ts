// Previews of changes not saved yet: the newest shows, one is in flight at a time, and an
// answer older than what shows (or than a save that carried its change) is dropped.
import { describe, expect, it } from 'vitest';
import type { DraftFigures } from '../bindings/DraftFigures';
import type { PlanDetail } from '../bindings/PlanDetail';
import { detailOf, samplePlan } from './fake-backend';
import { PlanSession } from './plan-session.svelte';
import { fixtureProjection, FIXED_SCORES } from './fake-fixtures';

function savedDetail(): PlanDetail {
  const stored = samplePlan(1, '2026-11-01T09:00:00Z');
  stored.plan.title = 'Saved';
  stored.plan.workPlan.tasks[0]!.title = 'Saved';
  return detailOf(stored, FIXED_SCORES, fixtureProjection(stored.plan));
}

/** A work plan preview whose first task is titled `title`. */
function figuresTitled(title: string): DraftFigures {
  const detail = savedDetail();
  detail.plan.workPlan.tasks[0]!.title = title;
  return { kind: 'work_plan', workPlan: detail.plan.workPlan, schedule: detail.schedule };
}

/** The title of the first task the session shows. */
const shownTitle = (session: PlanSession) => session.shown.plan.workPlan.tasks[0]!.title;

/** A preview whose answer the test gives when it chooses. */
function deferred() {
  let answer!: (figures: DraftFigures) => void;
  let refuse!: (problem: unknown) => void;
  const promise = new Promise<DraftFigures>((resolve, reject) => {
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
    const session = new PlanSession(savedDetail(), () => undefined);
    const first = deferred();
    const second = deferred();
    const third = deferred();
    session.preview(first.compute);
    session.preview(second.compute);
    session.preview(third.compute);
    expect([first.sent(), second.sent(), third.sent()]).toEqual([1, 0, 0]);
    expect(shownTitle(session)).toBe('Saved');

    first.answer(figuresTitled('First'));
    await settle();
    expect(shownTitle(session)).toBe('First');
    // The second change was overtaken by the third while the first was in flight.
    expect([second.sent(), third.sent()]).toEqual([0, 1]);

    third.answer(figuresTitled('Third'));
    await settle();
    expect(shownTitle(session)).toBe('Third');
  });

  it('give way to a save that carried their change, and drop an answer older than it', async () => {
    const session = new PlanSession(savedDetail(), () => undefined);
    const shown = deferred();
    session.preview(shown.compute);
    shown.answer(figuresTitled('Previewed'));
    await settle();
    const late = deferred();
    session.preview(late.compute);
    // A save read the screen at this change and answered before the preview did.
    session.saved(session.changes);
    expect(shownTitle(session)).toBe('Saved');

    late.answer(figuresTitled('Late'));
    await settle();
    expect(shownTitle(session)).toBe('Saved');
  });

  it('give way to the save of their change in the same update, never showing the plan without it', async () => {
    const session = new PlanSession(savedDetail(), () => undefined);
    const shown = deferred();
    session.preview(shown.compute);
    shown.answer(figuresTitled('Changed'));
    await settle();
    const saved = savedDetail();
    saved.plan.workPlan.tasks[0]!.title = 'Changed';
    const change = session.changes;

    const write = session.write(() => session.saving(change, Promise.resolve(saved)));
    const seen = new Set<string>();
    for (let step = 0; step < 20; step += 1) {
      seen.add(shownTitle(session));
      await Promise.resolve();
    }
    await write;
    seen.add(shownTitle(session));
    expect([...seen]).toEqual(['Changed']);
    expect(session.shown).toBe(saved);
  });

  it('keep what shows when a change is refused, and stay after an older save answers', async () => {
    const session = new PlanSession(savedDetail(), () => undefined);
    const accepted = deferred();
    session.preview(accepted.compute);
    accepted.answer(figuresTitled('Accepted'));
    await settle();
    const savedAt = session.changes;
    const refused = deferred();
    session.preview(refused.compute);
    refused.refuse({ kind: 'invalid', message: 'No', fields: [] });
    await settle();
    expect(shownTitle(session)).toBe('Accepted');

    const newer = deferred();
    session.preview(newer.compute);
    newer.answer(figuresTitled('Newer'));
    await settle();
    session.saved(savedAt);
    expect(shownTitle(session)).toBe('Newer');
  });

  it('ask for the newest preview again when an earlier change is saved, so it shows that save too', async () => {
    const session = new PlanSession(savedDetail(), () => undefined);
    const earlier = deferred();
    session.preview(earlier.compute);
    earlier.answer(figuresTitled('Earlier'));
    await settle();
    const savedAt = session.changes;
    let asked = 0;
    session.preview(() => {
      asked += 1;
      return Promise.resolve(figuresTitled(`Newer, asked ${asked}`));
    });
    await settle();
    expect(shownTitle(session)).toBe('Newer, asked 1');

    // The earlier change's save answers: the newer preview was computed without it.
    session.saved(savedAt);
    await settle();
    expect(asked).toBe(2);
    expect(shownTitle(session)).toBe('Newer, asked 2');

    // Once a save carried every change, nothing is asked again.
    session.saved(session.changes);
    await settle();
    expect(asked).toBe(2);
    expect(shownTitle(session)).toBe('Saved');
  });

  it('show only what the change alters in the saved plan: a rollout change its figures, the rest as saved', async () => {
    const saved = savedDetail();
    const session = new PlanSession(saved, () => undefined);
    if (saved.projection.status !== 'projected') throw new Error('the sample has figures');
    const projection = structuredClone(saved.projection);
    projection.result.uptake.totals.enrolments = 123_456;
    session.preview(() => Promise.resolve({ kind: 'rollout', projection }));
    await settle();
    expect(session.shown.projection).toBe(projection);
    expect(session.shown.plan).toBe(saved.plan);
    expect(session.shown.schedule).toBe(saved.schedule);
    expect(session.detail).toBe(saved);

    // A work plan change shows its tasks and dates over the saved figures.
    const figures = figuresTitled('Moved');
    session.preview(() => Promise.resolve(figures));
    await settle();
    expect(shownTitle(session)).toBe('Moved');
    expect(session.shown.schedule).toBe(figures.kind === 'work_plan' ? figures.schedule : null);
    expect(session.shown.projection).toBe(saved.projection);
    expect(session.shown.plan.title).toBe('Saved');
  });
});
