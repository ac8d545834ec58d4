// One part of a plan the dean edits in place (its risks, its KPIs, its faculty engagement).
// The screen holds the dean's copy; saves go a short pause after typing (at once for a choice)
// through the plan session's queue, each sending what differs from the plan as Rust has it.
// A change from elsewhere (another part's write that moved this one, a reload) replaces the
// copy; the answer to this part's own save does not, so typing done meanwhile stays.
import type { PlanDetail } from '../bindings/PlanDetail';
import type { Problem } from '../bindings/Problem';
import { Autosave } from './autosave.svelte';
import type { PlanSession } from './plan-session.svelte';
import { ROLLOUT_PAUSE_MS } from './rollout-editor.svelte';

export interface PlanPartOptions<T> {
  /** The part as the plan holds it. */
  read: (detail: PlanDetail) => T;
  /**
   * The one call that brings Rust one step nearer to `screen` from `stored`, or `null` when
   * they agree. After its answer the part is compared again, and saved again if they still
   * differ, so each write is one call and each answer is shown.
   */
  nextCall: (screen: T, stored: T, session: PlanSession) => (() => Promise<PlanDetail>) | null;
  /** A refusal's messages by the screen's field keys (Rust's keys by default). */
  messages?: (problem: Problem) => Record<string, string>;
  /** The copy was replaced by the plan's (from elsewhere, or when the editor is made). */
  adopted?: (value: T) => void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export class PlanPartEditor<T> {
  /** The dean's copy, changed in place by the components. */
  value: T = $state()!;
  readonly save: Autosave;
  /** The part as Rust last had it, by this editor's knowledge. */
  #stored: T;
  readonly #options: PlanPartOptions<T>;
  readonly #session: PlanSession;

  constructor(session: PlanSession, options: PlanPartOptions<T>) {
    this.#session = session;
    this.#options = options;
    this.#stored = this.#read(session.detail);
    this.#adopt(this.#stored);
    this.save = new Autosave({
      pauseMs: ROLLOUT_PAUSE_MS,
      enqueue: (write) => session.write(write),
      send: () => this.#send(),
      messages: options.messages,
    });
    session.onShow((detail) => this.#saw(detail));
  }

  /** The part as Rust last had it. */
  get stored(): T {
    return this.#stored;
  }

  #send(): Promise<PlanDetail> {
    const session = this.#session;
    const screen = $state.snapshot(this.value) as T;
    const call = this.#options.nextCall(screen, this.#read(session.detail), session);
    if (!call) return Promise.resolve(session.detail);
    const before = this.#stored;
    return call().then((answer) => {
      this.#stored = this.#read(answer);
      // Whatever is left (another risk changed, a row added) goes in the next write; a call
      // that changed nothing ends the round, so a difference Rust keeps never loops.
      if (same(this.#stored, before)) return answer;
      void Promise.resolve().then(() => {
        const left = $state.snapshot(this.value) as T;
        // As typing would: the dean may still be typing in the part.
        if (this.#options.nextCall(left, this.#stored, session)) this.save.typed();
      });
      return answer;
    });
  }

  #read(detail: PlanDetail): T {
    return $state.snapshot(this.#options.read(detail)) as T;
  }

  #saw(detail: PlanDetail): void {
    const next = this.#read(detail);
    if (same(next, this.#stored)) return;
    this.#stored = next;
    this.#adopt(next);
    this.save.reset({});
  }

  #adopt(value: T): void {
    this.value = structuredClone(value);
    this.#options.adopted?.(this.value);
  }
}
