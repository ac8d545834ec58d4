// One open plan and every write to it. Writes run one at a time, in the order they were asked
// for, and each answers with the whole plan as Rust now has it; that answer becomes the plan on
// screen. So a slow profile save can never land after a later answer and undo what it shows.
import type { PlanDetail } from '../bindings/PlanDetail';

export class PlanSession {
  detail: PlanDetail = $state()!;

  readonly #onsaved: (detail: PlanDetail) => void;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(detail: PlanDetail, onsaved: (detail: PlanDetail) => void) {
    this.detail = detail;
    this.#onsaved = onsaved;
  }

  get id(): number {
    return this.detail.id;
  }

  /** Runs `run` after the writes before it; rejects with whatever it threw. */
  write(run: () => Promise<PlanDetail>): Promise<PlanDetail> {
    const result = this.#tail.then(run);
    this.#tail = result.catch(() => undefined);
    return result.then((next) => {
      this.detail = next;
      this.#onsaved(next);
      return next;
    });
  }

  /** Resolves once every write asked for so far has finished. */
  settled(): Promise<void> {
    return this.#tail.then(() => undefined);
  }
}
