// One open plan and every write to it. Writes run one at a time, in the order they were asked
// for, and each answers with the whole plan as Rust now has it; that answer becomes the plan on
// screen. So a slow profile save can never land after a later answer and undo what it shows.
//
// Each write names the revision on screen. If the plan was changed outside this window (by
// `mcplan`, another window), Rust refuses it and saves nothing; the session then reloads the
// plan, lets each editor take the new plan's values wherever the dean had not changed the same
// field, sends the write again on the reloaded revision, and says plainly what happened.
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

export class PlanSession {
  detail: PlanDetail = $state()!;
  /** Rust's sentence once the plan was reloaded because it changed elsewhere; '' otherwise. */
  notice = $state('');

  readonly #onsaved: (detail: PlanDetail) => void;
  readonly #editors: Rebase[] = [];
  readonly #watchers: ((detail: PlanDetail) => void)[] = [];
  #tail: Promise<unknown> = Promise.resolve();

  constructor(detail: PlanDetail, onsaved: (detail: PlanDetail) => void) {
    this.detail = detail;
    this.#onsaved = onsaved;
  }

  get id(): number {
    return this.detail.id;
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
    const result = this.#tail.then(() => this.#attempt(run));
    this.#tail = result.catch(() => undefined);
    return result.then((next) => {
      this.#show(next);
      return next;
    });
  }

  /** Resolves once every write asked for so far has finished. */
  settled(): Promise<void> {
    return this.#tail.then(() => undefined);
  }

  dismissNotice(): void {
    this.notice = '';
  }

  async #attempt(run: () => Promise<PlanDetail>): Promise<PlanDetail> {
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
