// The dean's copy of the rollout inputs and every save of it. Each change edits the copy; the
// whole copy goes to Rust (`update_rollout`) a short pause after typing, at once for a choice.
// Saves go through the plan session's queue, so they land in order with the other writes, and
// each sends the copy as it is when its turn comes. Rust either projects the new inputs or
// refuses them field by field and saves nothing; the figures on screen are always those of the
// last inputs Rust accepted.
import { tick } from 'svelte';
import type { Credential } from '../bindings/Credential';
import type { PlanDetail } from '../bindings/PlanDetail';
import type { RolloutInputs } from '../bindings/RolloutInputs';
import type { RolloutResult } from '../bindings/RolloutResult';
import { messagesByField, startRollout, toProblem, updateRollout } from './api';
import type { PlanSession } from './plan-session.svelte';
import { fieldId, placeOf, type RolloutSection } from './rollout-labels';

export const ROLLOUT_PAUSE_MS = 400;

export type RolloutSaveState = 'saved' | 'saving' | 'invalid' | 'failed';

export class RolloutEditor {
  /** The inputs as the dean has them on screen; `null` until the rollout is set up. */
  inputs: RolloutInputs | null = $state(null);
  /** Rust's message for each field it refused, by dotted key. */
  errors: Record<string, string> = $state({});
  /** "Enter a number" for each box whose text is not a number; such text is never sent. */
  local: Record<string, string> = $state({});
  /** Rust's message when a save failed for a reason no single field explains. */
  failure = $state('');
  /** The part of the rollout plan on screen, and the credential open in it. */
  section: RolloutSection = $state('calendar');
  openCredential: number | null = $state(null);
  /**
   * The latest figures Rust gave, kept while the plan needs attention: their terms and fiscal
   * years name the choices of term and year.
   */
  calendar: RolloutResult | null = $state.raw(null);
  /** One stable key per credential, for keyed lists that survive adds and removals. */
  credentialKeys: number[] = $state([]);

  #pending = $state(0);
  #waiting = $state(false);
  #refused = $state(false);
  #queued = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #nextKey = 0;
  readonly #session: PlanSession;

  constructor(session: PlanSession) {
    this.#session = session;
    this.#adopt(session.detail);
  }

  /** The figures of the inputs Rust last accepted; `null` while the plan needs attention. */
  get result(): RolloutResult | null {
    const projection = this.#session.detail.projection;
    return projection.status === 'projected' ? projection.result : null;
  }

  get status(): PlanDetail['projection']['status'] {
    return this.#session.detail.projection.status;
  }

  get state(): RolloutSaveState {
    if (this.#pending > 0 || this.#waiting) return 'saving';
    if (this.#refused || Object.keys(this.local).length > 0) return 'invalid';
    return this.failure ? 'failed' : 'saved';
  }

  /** The message to show next to a field: the local one first, then Rust's. */
  messageFor(key: string): string | undefined {
    return this.local[key] ?? this.errors[key];
  }

  /** Sets the rollout up; the starting inputs become the dean's copy. */
  async start(): Promise<void> {
    this.#pending += 1;
    try {
      const detail = await this.#session.write(() => startRollout(this.#session.id));
      this.#adopt(detail);
      this.section = 'calendar';
      this.failure = '';
    } catch (error) {
      this.failure = toProblem(error).message;
    } finally {
      this.#pending -= 1;
    }
  }

  /** Text changed in `key`: save once typing pauses. */
  typed(key: string): void {
    this.forget(key);
    this.#waiting = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.saveNow(), ROLLOUT_PAUSE_MS);
  }

  /** A choice was made (a select, a checkbox, a row removed): save now. */
  chose(key?: string): Promise<void> {
    if (key !== undefined) this.forget(key);
    return this.saveNow();
  }

  /** The text in `key` is not a number: say so there, and send nothing for it. */
  notANumber(key: string, message: string): void {
    this.local[key] = message;
  }

  /** The text in `key` is a number again (or the box is gone). */
  clearLocal(key: string): void {
    if (key in this.local) delete this.local[key];
  }

  /** A message names the value it was about; once that changes it would mislead. */
  forget(key: string): void {
    if (key in this.errors) delete this.errors[key];
  }

  /** Messages under `prefix` no longer point at the right row (rows added or removed). */
  forgetUnder(prefix: string): void {
    for (const key of Object.keys(this.errors)) {
      if (key === prefix || key.startsWith(`${prefix}.`)) delete this.errors[key];
    }
    for (const key of Object.keys(this.local)) {
      if (key === prefix || key.startsWith(`${prefix}.`)) delete this.local[key];
    }
  }

  /** Adds a credential that Rust accepts as it is, opens it and saves. */
  addCredential(credential: Credential): Promise<void> {
    if (!this.inputs) return Promise.resolve();
    this.inputs.credentials.push(credential);
    this.credentialKeys.push(this.#nextKey++);
    this.openCredential = this.inputs.credentials.length - 1;
    return this.chose('credentials');
  }

  /** Removes credential `index`, and every stacking reference to it; saves at once. */
  removeCredential(index: number): Promise<void> {
    const inputs = this.inputs;
    if (!inputs) return Promise.resolve();
    const title = inputs.credentials[index]?.title.trim();
    inputs.credentials.splice(index, 1);
    this.credentialKeys.splice(index, 1);
    for (const c of inputs.credentials) {
      c.stacksInto = c.stacksInto
        .filter((ref) => (typeof ref === 'number' ? ref !== index : ref.trim() !== title))
        .map((ref) => (typeof ref === 'number' && ref > index ? ref - 1 : ref));
    }
    this.forgetUnder('credentials');
    this.openCredential = null;
    return this.saveNow();
  }

  /** Renames a credential and keeps the stacking references to it pointing at it. */
  renameCredential(index: number, title: string): void {
    const inputs = this.inputs;
    const credential = inputs?.credentials[index];
    if (!inputs || !credential) return;
    const before = credential.title.trim();
    credential.title = title;
    for (const c of inputs.credentials) {
      c.stacksInto = c.stacksInto.map((ref) =>
        typeof ref === 'string' && before !== '' && ref.trim() === before ? title.trim() : ref,
      );
    }
    this.typed(`credentials.${index}.title`);
  }

  /**
   * Shows the part of the plan that holds `key` and puts the cursor in its box (or, for a key
   * with no box of its own such as a list, in the nearest one that has).
   */
  async goTo(key: string): Promise<void> {
    const place = placeOf(key);
    if (place.tab !== 'rollout') return;
    this.section = place.section;
    if (place.credential !== null) this.openCredential = place.credential;
    await tick();
    const parts = key.split('.');
    for (let n = parts.length; n > 0; n -= 1) {
      const element = document.getElementById(fieldId(parts.slice(0, n).join('.')));
      if (element) {
        element.focus();
        element.scrollIntoView?.({ block: 'center' });
        return;
      }
    }
  }

  /** Another write answered (a profile change can make the stored inputs unfit, or fit again). */
  sawDetail(detail: PlanDetail): void {
    const projection = detail.projection;
    if (projection.status === 'projected') this.calendar = projection.result;
    if (this.#refused) return;
    this.errors =
      projection.status === 'needs_attention' ? messagesByField(projection.problems) : {};
  }

  /** Saves whatever is waiting, now. */
  saveNow(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#waiting = false;
    if (this.#queued || !this.inputs) return this.#session.settled();
    this.#queued = true;
    this.#pending += 1;
    const write = this.#session.write(() => {
      this.#queued = false;
      const sent = $state.snapshot(this.inputs) as RolloutInputs;
      return updateRollout(this.#session.id, sent);
    });
    return write.then(
      () => {
        if (this.#isLatest) {
          this.errors = {};
          this.failure = '';
          this.#refused = false;
        }
      },
      (error: unknown) => {
        if (!this.#isLatest) return;
        const problem = toProblem(error);
        if (problem.kind === 'invalid' && problem.fields.length > 0) {
          this.errors = messagesByField(problem.fields);
          this.failure = '';
          this.#refused = true;
        } else {
          this.failure = problem.message;
          this.#refused = false;
        }
      },
    ).finally(() => {
      this.#pending -= 1;
    });
  }

  /** Resolves once everything typed so far has been sent (before an export, or on leaving). */
  flush(): Promise<void> {
    return this.#timer !== undefined ? this.saveNow() : this.#session.settled();
  }

  /** Nothing newer is waiting, so this save's answer is what the screen should say. */
  get #isLatest(): boolean {
    return !this.#queued && this.#timer === undefined;
  }

  #adopt(detail: PlanDetail): void {
    const rollout = detail.plan.rollout;
    if (detail.projection.status === 'projected') this.calendar = detail.projection.result;
    this.inputs = rollout ? ($state.snapshot(rollout) as RolloutInputs) : null;
    this.credentialKeys = (rollout?.credentials ?? []).map(() => this.#nextKey++);
    // Stored inputs that no longer fit the profile: their problems sit next to their fields.
    const projection = detail.projection;
    this.errors = projection.status === 'needs_attention' ? messagesByField(projection.problems) : {};
    this.local = {};
    this.#refused = false;
  }
}
