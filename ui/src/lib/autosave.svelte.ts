// Saves what the dean edits without a Save button: a short pause after the last keystroke, at
// once when a choice is made or a box is left. Saves wait their turn behind every other write of
// the plan, and at most one waits at a time: it reads what is on screen when its turn comes, so
// the last save always carries the latest text. Only the answer to the latest save says what the
// screen shows ("Saving…", saved, refused field by field, or failed).
import type { PlanDetail } from '../bindings/PlanDetail';
import type { Problem } from '../bindings/Problem';
import { messagesByField, toProblem } from './api';

export type SaveState = 'saved' | 'saving' | 'invalid' | 'failed';

export interface AutosaveOptions {
  /** How long typing must pause before it is saved. */
  pauseMs: number;
  /** Puts a write in line after the plan's other writes, and runs it at its turn. */
  enqueue: (write: () => Promise<PlanDetail>) => Promise<PlanDetail>;
  /** Sends what is on screen now; called when the save's turn comes. */
  send: () => Promise<PlanDetail>;
  /** The screen changed (typed or chosen), before any save: the figures can follow at once. */
  changed?: () => void;
  /**
   * A refusal's messages by field key. A refusal no field explains shows as a failure. By
   * default every field of an `invalid` problem, by Rust's dotted key.
   */
  messages?: (problem: Problem) => Record<string, string>;
}

const invalidFields = (problem: Problem) =>
  problem.kind === 'invalid' ? messagesByField(problem.fields) : {};

export class Autosave {
  /** Rust's message for each field it refused, by field key. */
  errors: Record<string, string> = $state({});
  /** A box's own message ("Enter a number") for text that is never sent. */
  local: Record<string, string> = $state({});
  /** Rust's message when a write failed for a reason no single field explains. */
  failure = $state('');

  #pending = $state(0);
  #waiting = $state(false);
  #refused = $state(false);
  #queued = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #tail: Promise<unknown> = Promise.resolve();
  readonly #options: AutosaveOptions;

  constructor(options: AutosaveOptions) {
    this.#options = options;
  }

  get state(): SaveState {
    if (this.#pending > 0 || this.#waiting) return 'saving';
    if (this.#refused || Object.keys(this.local).length > 0) return 'invalid';
    return this.failure ? 'failed' : 'saved';
  }

  /** The message to show next to a field: the box's own first, then Rust's. */
  messageFor(key: string): string | undefined {
    return this.local[key] ?? this.errors[key];
  }

  /** Text changed (in `key`): save once typing pauses. */
  typed(key?: string): void {
    if (key !== undefined) this.forget(key);
    this.#options.changed?.();
    this.#waiting = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.saveNow(), this.#options.pauseMs);
  }

  /** A choice was made (a select, a checkbox, a row removed): save now. */
  chose(key?: string): Promise<void> {
    if (key !== undefined) this.forget(key);
    this.#options.changed?.();
    return this.saveNow();
  }

  /** Saves whatever is waiting, now. */
  saveNow(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#waiting = false;
    if (this.#queued) return this.#settled();
    this.#queued = true;
    this.#pending += 1;
    const write = this.#options.enqueue(() => {
      this.#queued = false;
      return this.#options.send();
    });
    return this.#track(
      write.then(
        () => {
          if (!this.#isLatest) return;
          this.errors = {};
          this.failure = '';
          this.#refused = false;
        },
        (error: unknown) => {
          if (!this.#isLatest) return;
          const problem = toProblem(error);
          const messages = (this.#options.messages ?? invalidFields)(problem);
          this.#refused = Object.keys(messages).length > 0;
          if (this.#refused) this.errors = messages;
          this.failure = this.#refused ? '' : problem.message;
        },
      ),
    );
  }

  /**
   * A write that is not the form's contents (setting the rollout up, moving the wizard): it
   * waits its turn like a save and its failure shows the same way. Answers `undefined` then.
   */
  run(write: () => Promise<PlanDetail>): Promise<PlanDetail | undefined> {
    this.#pending += 1;
    return this.#track(
      this.#options.enqueue(write).then(
        (answer) => {
          this.failure = '';
          return answer;
        },
        (error: unknown) => {
          this.failure = toProblem(error).message;
          return undefined;
        },
      ),
    );
  }

  /** Resolves once everything typed so far has been sent (before an export, or on leaving). */
  flush(): Promise<void> {
    return this.#timer !== undefined ? this.saveNow() : this.#settled();
  }

  /** A message names the value it was about; once that changes it would mislead. */
  forget(key: string): void {
    if (key in this.errors) delete this.errors[key];
  }

  /** Messages under `prefix` no longer point at the right row (rows added or removed). */
  forgetUnder(prefix: string): void {
    const under = (key: string) => key === prefix || key.startsWith(`${prefix}.`);
    for (const key of Object.keys(this.errors)) if (under(key)) delete this.errors[key];
    for (const key of Object.keys(this.local)) if (under(key)) delete this.local[key];
  }

  /** The text in `key` cannot be sent (it is not a number): say so there. */
  notANumber(key: string, message: string): void {
    this.local[key] = message;
  }

  /** The text in `key` can be sent again (or the box is gone). */
  clearLocal(key: string): void {
    if (key in this.local) delete this.local[key];
  }

  /** Problems of what is stored, from another write's answer; a refusal on screen stays. */
  showStored(messages: Record<string, string>): void {
    if (!this.#refused) this.errors = messages;
  }

  /** Starts over from what is stored (another plan, or inputs set up afresh). */
  reset(messages: Record<string, string>): void {
    this.errors = messages;
    this.local = {};
    this.#refused = false;
  }

  /** Nothing newer is waiting, so this save's answer is what the screen should say. */
  get #isLatest(): boolean {
    return !this.#queued && this.#timer === undefined;
  }

  #settled(): Promise<void> {
    return this.#tail.then(() => undefined);
  }

  #track<R>(write: Promise<R>): Promise<R> {
    const done = write.finally(() => {
      this.#pending -= 1;
    });
    this.#tail = done;
    return done;
  }
}
