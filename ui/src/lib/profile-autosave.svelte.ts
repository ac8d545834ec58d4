// Saves the plan details as the dean types: a short pause after the last keystroke, at once
// when a choice is made or a field is left. Saves run one at a time, each sending the whole
// form as it is when the save starts, so the last one always carries the latest text.
import type { PlanDetail } from '../bindings/PlanDetail';
import type { ProfileForm } from '../bindings/ProfileForm';
import { fieldMessages, toProblem, type ProfileErrorKey, type ProfileErrors } from './api';

export type SaveState = 'saved' | 'saving' | 'invalid' | 'failed';

export const TYPING_PAUSE_MS = 500;

export class ProfileAutosave {
  state: SaveState = $state('saved');
  /** Rust's message for each field it refused, from the latest save. */
  errors: ProfileErrors = $state({});
  /** Rust's message when the save failed for a reason no single field explains. */
  failure = $state('');

  readonly #send: (form: ProfileForm) => Promise<PlanDetail>;
  readonly #currentForm: () => ProfileForm;
  readonly #onsaved: (detail: PlanDetail, sent: ProfileForm) => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #queued = false;
  #tail: Promise<void> = Promise.resolve();

  /** `send` hands the form to Rust (`update_profile`) and answers with the saved plan. */
  constructor(
    send: (form: ProfileForm) => Promise<PlanDetail>,
    currentForm: () => ProfileForm,
    onsaved: (detail: PlanDetail, sent: ProfileForm) => void,
  ) {
    this.#send = send;
    this.#currentForm = currentForm;
    this.#onsaved = onsaved;
  }

  /** Text changed: save once typing pauses. */
  typed(field: ProfileErrorKey): void {
    this.#forget(field);
    this.state = 'saving';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.saveNow(), TYPING_PAUSE_MS);
  }

  /** A choice was made: save now. */
  chose(field: ProfileErrorKey): Promise<void> {
    this.#forget(field);
    return this.saveNow();
  }

  /** Saves whatever is waiting, now. */
  saveNow(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.state = 'saving';
    if (!this.#queued) {
      this.#queued = true;
      this.#tail = this.#tail.then(() => this.#save());
    }
    return this.#tail;
  }

  /** Resolves once everything typed so far has been sent (before an export, or on leaving). */
  flush(): Promise<void> {
    return this.#timer !== undefined ? this.saveNow() : this.#tail;
  }

  // A message names the text it was about ("you typed “-5”"); once that text changes it would
  // mislead, so it goes until Rust has seen the new text.
  #forget(field: ProfileErrorKey): void {
    delete this.errors[field];
  }

  /** Term rows were added, removed or replaced: their messages no longer point at the right row. */
  forgetTerms(): void {
    for (const key of Object.keys(this.errors) as ProfileErrorKey[]) {
      if (key === 'terms' || key.startsWith('terms.')) delete this.errors[key];
    }
  }

  /** Nothing newer is waiting, so this save's answer is what the indicator should say. */
  get #isLatest(): boolean {
    return !this.#queued && this.#timer === undefined;
  }

  async #save(): Promise<void> {
    this.#queued = false;
    const sent = this.#currentForm();
    try {
      const saved = await this.#send(sent);
      this.#onsaved(saved, sent);
      if (this.#isLatest) {
        this.errors = {};
        this.failure = '';
        this.state = 'saved';
      }
    } catch (error) {
      if (!this.#isLatest) return;
      const problem = toProblem(error);
      this.errors = problem.kind === 'invalid' ? fieldMessages(problem) : {};
      const explained = Object.keys(this.errors).length > 0;
      this.failure = explained ? '' : problem.message;
      this.state = explained ? 'invalid' : 'failed';
    }
  }
}
