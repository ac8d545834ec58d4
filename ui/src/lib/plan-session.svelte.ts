// One open plan and every write to it. Writes run one at a time, in the order they were asked
// for, and each answers with the whole plan as Rust now has it; that answer becomes the plan on
// screen. So a slow profile save can never land after a later answer and undo what it shows.
//
// While the dean types, the figures follow at once: each change asks Rust for a preview (the
// figures of the change, computed without saving) and the newest answer shows until a save that
// carried that change answers. A preview carries only what the change alters on the dean's tab
// (the rollout's figures, or the work plan and its schedule); the rest of the plan shows as
// saved. Previews go one at a time, each with what is on screen when it is sent, so however
// fast the dean types, at most one is computed and the newest change is the next one asked
// for; an answer older than what shows is dropped. A preview is computed from the plan as saved
// then, so when an earlier change's save answers while a newer change shows, the newest preview
// is asked for again, on the plan with that save in it.
//
// Each write names the revision on screen. If the plan was changed outside this window (by
// `mcplan`, another window), Rust refuses it and saves nothing; the session then reloads the
// plan, lets each editor take the new plan's values wherever the dean had not changed the same
// field, sends the write again on the reloaded revision, and says plainly what happened.
import type { DraftFigures } from '../bindings/DraftFigures';
import type { PlanDetail } from '../bindings/PlanDetail';
import { getPlan, toProblem } from './api';

/**
 * Brings an editor's copy up to the reloaded plan, field by field (see `reconcile`).
 */
export type Rebase = (before: PlanDetail, after: PlanDetail) => void;

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * What one field shows after a reload: what the dean changed on `screen` (since `was`, the plan
 * the window had) is kept, unless the other change touched the same field; there, and wherever
 * the dean changed nothing, the reloaded plan's value (`now`) shows. Answers `screen` itself
 * when it stays.
 */
export function reconcile<T>(screen: T, was: T, now: T): T {
  return sameValue(screen, was) || !sameValue(now, was) ? now : screen;
}

/** What Rust asks for the figures of what is on screen; `null` when there is nothing to preview. */
export type PreviewCall = () => Promise<DraftFigures | null>;

/** `detail` with the figures of a change not saved yet in place of the saved ones. */
export function withDraft(detail: PlanDetail, figures: DraftFigures): PlanDetail {
  switch (figures.kind) {
    case 'rollout':
      return { ...detail, projection: figures.projection };
    case 'work_plan':
      return {
        ...detail,
        plan: { ...detail.plan, workPlan: figures.workPlan },
        schedule: figures.schedule,
      };
  }
}

export class PlanSession {
  /** The plan as Rust last saved it: replaced whole by each answer, never changed in place. */
  detail: PlanDetail = $state.raw()!;
  /** Rust's sentence once the plan was reloaded because it changed elsewhere; '' otherwise. */
  notice = $state('');

  readonly #onsaved: (detail: PlanDetail) => void;
  readonly #editors: Rebase[] = [];
  readonly #watchers: ((detail: PlanDetail) => void)[] = [];
  #tail: Promise<unknown> = Promise.resolve();
  /** The newest preview answered, and the number of the change it shows. */
  #preview: { figures: DraftFigures; change: number } | null = $state.raw(null);
  /** The saved plan with the newest preview's figures in it: made once per answer. */
  readonly #shown: PlanDetail = $derived.by(() =>
    this.#preview ? withDraft(this.detail, this.#preview.figures) : this.detail,
  );
  /** Changes previewed so far; each preview and save is stamped with it. */
  #changes = 0;
  /** The newest change a save has answered for: previews up to it are stale. */
  #covered = 0;
  /** The preview to send once the one in flight answers, if any. */
  #nextPreview: PreviewCall | null = null;
  /** The newest preview asked for, to ask again once a save has changed the plan under it. */
  #lastPreview: PreviewCall | null = null;
  #previewing = false;

  constructor(detail: PlanDetail, onsaved: (detail: PlanDetail) => void) {
    this.detail = detail;
    this.#onsaved = onsaved;
  }

  get id(): number {
    return this.detail.id;
  }

  /**
   * The plan the window shows: the newest preview of changes not saved yet, or else the saved
   * plan. Figures and charts read it; writes read `detail` and `revision`.
   */
  get shown(): PlanDetail {
    return this.#shown;
  }

  /** The number of the latest change, for a save to say which changes it carries. */
  get changes(): number {
    return this.#changes;
  }

  /**
   * The screen changed: `compute` asks Rust for the figures of what is on screen, without
   * saving. It runs when no other preview is in flight, reading the screen then.
   */
  preview(compute: PreviewCall): void {
    this.#changes += 1;
    this.#lastPreview = compute;
    this.#nextPreview = compute;
    if (!this.#previewing) this.#sendPreview();
  }

  /**
   * A save that read the screen at change `change` answered (saved or refused): from now the
   * saved plan shows, unless a newer preview does.
   */
  saved(change: number): void {
    this.#covered = Math.max(this.#covered, change);
    if (this.#preview && this.#preview.change <= change) this.#preview = null;
    if (this.#changes > this.#covered && this.#lastPreview) {
      this.#nextPreview ??= this.#lastPreview;
      if (!this.#previewing) this.#sendPreview();
    }
  }

  /**
   * `answer` is a save that read the screen at change `change`. Once it answers, saved or
   * refused, the previews it carried give way (see `saved`); a saved plan shows in the same
   * update, so no moment shows the plan without the change between the preview and the save.
   */
  saving(change: number, answer: Promise<PlanDetail>): Promise<PlanDetail> {
    return answer.then(
      (detail) => {
        this.detail = detail;
        this.saved(change);
        return detail;
      },
      (error: unknown) => {
        this.saved(change);
        throw error;
      },
    );
  }

  /** The revision on screen: what every write expects to change. */
  get revision(): number {
    return this.detail.revision;
  }

  /** `rebase` runs on every reload, before the refused write is sent again. */
  onReload(rebase: Rebase): void {
    this.#editors.push(rebase);
  }

  /** `watch` sees every plan the session shows, whichever write (or reload) brought it. */
  onShow(watch: (detail: PlanDetail) => void): void {
    this.#watchers.push(watch);
  }

  /**
   * Runs `run` after the writes before it; rejects with whatever it threw. `run` must read
   * `revision` (and what is on screen) when called: after a reload it is called again.
   */
  write(run: () => Promise<PlanDetail>): Promise<PlanDetail> {
    return this.inTurn(run).then((next) => {
      this.#show(next);
      return next;
    });
  }

  /**
   * Runs `run` after the writes before it, as `write` does, for a call that names the revision
   * on screen but answers something other than the plan (a version kept of it): refused because
   * the plan changed elsewhere, the plan is reloaded and `run` called again.
   */
  inTurn<T>(run: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(() => this.#attempt(run));
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every write asked for so far has finished. */
  settled(): Promise<void> {
    return this.#tail.then(() => undefined);
  }

  dismissNotice(): void {
    this.notice = '';
  }

  #sendPreview(): void {
    const compute = this.#nextPreview;
    this.#nextPreview = null;
    if (!compute) return;
    const change = this.#changes;
    this.#previewing = true;
    compute()
      .then(
        (figures) => {
          // The same change asked again answers on a newer saved plan: it replaces what shows.
          const newest = this.#preview?.change ?? 0;
          if (figures && change > this.#covered && change >= newest) this.#preview = { figures, change };
        },
        // A refused change shows nothing new: its save, after the pause, says what is wrong.
        () => undefined,
      )
      .finally(() => {
        this.#previewing = false;
        this.#sendPreview();
      });
  }

  async #attempt<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const problem = toProblem(error);
      if (problem.kind !== 'changed_elsewhere') throw error;
      const before = this.detail;
      const after = await getPlan(this.id);
      this.#show(after);
      for (const rebase of this.#editors) rebase(before, after);
      this.notice = problem.message;
      return run();
    }
  }

  #show(next: PlanDetail): void {
    this.detail = next;
    for (const watch of this.#watchers) watch(next);
    this.#onsaved(next);
  }
}
