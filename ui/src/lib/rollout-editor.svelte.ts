// The dean's copy of the rollout inputs and every save of it. Each change edits the copy; the
// whole copy goes to Rust (`update_rollout`) a short pause after typing, at once for a choice.
// Saves go through the plan session's queue, so they land in order with the other writes, and
// each sends the copy as it is when its turn comes. Rust either projects the new inputs or
// refuses them field by field and saves nothing. Every change also asks Rust at once for a
// preview (the figures of the copy, nothing saved), so the figures follow the typing; they are
// always those of the latest inputs Rust accepted, saved or previewed.
import { tick } from 'svelte';
import type { Credential } from '../bindings/Credential';
import type { PlanDetail } from '../bindings/PlanDetail';
import type { RolloutInputs } from '../bindings/RolloutInputs';
import type { RolloutResult } from '../bindings/RolloutResult';
import { messagesByField, previewPlanEdit, startRollout, updateRollout } from './api';
import { Autosave } from './autosave.svelte';
import { reconcile, type PlanSession } from './plan-session.svelte';
import { fieldId } from './field-host';
import { placeOf, type RolloutSection } from './rollout-labels';

export const ROLLOUT_PAUSE_MS = 400;

export class RolloutEditor {
  /** The inputs as the dean has them on screen; `null` until the rollout is set up. */
  inputs: RolloutInputs | null = $state(null);
  /** Saving the inputs, and the messages of their fields. */
  readonly save: Autosave;
  /** The part of the rollout plan on screen, and the credential open in it. */
  section: RolloutSection = $state('calendar');
  openCredential: number | null = $state(null);
  /** The figures of the last save that had any, for `calendar`. */
  #savedFigures: RolloutResult | null = $state.raw(null);
  /** One stable key per credential, for keyed lists that survive adds and removals. */
  credentialKeys: number[] = $state([]);

  #nextKey = 0;
  readonly #session: PlanSession;

  constructor(session: PlanSession) {
    this.#session = session;
    this.save = new Autosave({
      pauseMs: ROLLOUT_PAUSE_MS,
      enqueue: (write) => session.write(write),
      send: () => {
        const sent = $state.snapshot(this.inputs) as RolloutInputs | null;
        if (!sent) return Promise.resolve(session.detail);
        const change = session.changes;
        return session.saving(change, updateRollout(session.id, session.revision, sent));
      },
      changed: () =>
        session.preview(() => {
          const inputs = $state.snapshot(this.inputs) as RolloutInputs | null;
          return inputs ? previewPlanEdit(session.id, { kind: 'rollout', inputs }) : Promise.resolve(null);
        }),
    });
    this.#adopt(session.detail);
    session.onReload((before, after) => this.#rebase(before, after));
  }

  /**
   * The figures of the inputs Rust last accepted, saved or previewed; `null` while the plan
   * needs attention.
   */
  get result(): RolloutResult | null {
    const projection = this.#session.shown.projection;
    return projection.status === 'projected' ? projection.result : null;
  }

  /**
   * The latest figures Rust gave, kept while the plan needs attention: their terms and fiscal
   * years name the choices of term and year.
   */
  get calendar(): RolloutResult | null {
    return this.result ?? this.#savedFigures;
  }

  /** The currency of the figures, or the plan's before there are any. */
  get currency(): string {
    return this.result?.currency ?? this.#session.detail.plan.profile.currency;
  }

  get status(): PlanDetail['projection']['status'] {
    return this.#session.shown.projection.status;
  }

  /** Sets the rollout up; the starting inputs become the dean's copy. */
  async start(): Promise<void> {
    const session = this.#session;
    const detail = await this.save.run(() => startRollout(session.id, session.revision));
    if (!detail) return;
    this.#adopt(detail);
    this.section = 'calendar';
  }

  /** Adds a credential that Rust accepts as it is, opens it and saves. */
  addCredential(credential: Credential): Promise<void> {
    if (!this.inputs) return Promise.resolve();
    this.inputs.credentials.push(credential);
    this.credentialKeys.push(this.#nextKey++);
    this.openCredential = this.inputs.credentials.length - 1;
    return this.save.chose('credentials');
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
    this.save.forgetUnder('credentials');
    this.openCredential = null;
    return this.save.chose();
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
    this.save.typed(`credentials.${index}.title`);
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
    if (projection.status === 'projected') this.#savedFigures = projection.result;
    this.save.showStored(storedProblems(detail));
  }

  /** The inputs after a reload, part by part (calendar, uptake, credentials…): see `reconcile`. */
  #rebase(before: PlanDetail, after: PlanDetail): void {
    const was = before.plan.rollout as unknown as Record<string, unknown> | null;
    const now = after.plan.rollout as unknown as Record<string, unknown> | null;
    if (!this.inputs || !was || !now) {
      if (!this.inputs && now) this.#adopt(after);
      return;
    }
    const screen = this.inputs as unknown as Record<string, unknown>;
    for (const part of Object.keys(now)) {
      const next = reconcile(screen[part], was[part], now[part]);
      if (next === screen[part]) continue;
      screen[part] = structuredClone(next);
      if (part === 'credentials') {
        this.credentialKeys = this.inputs.credentials.map(() => this.#nextKey++);
      }
    }
  }

  #adopt(detail: PlanDetail): void {
    const rollout = detail.plan.rollout;
    if (detail.projection.status === 'projected') this.#savedFigures = detail.projection.result;
    this.inputs = rollout ? ($state.snapshot(rollout) as RolloutInputs) : null;
    this.credentialKeys = (rollout?.credentials ?? []).map(() => this.#nextKey++);
    this.save.reset(storedProblems(detail));
  }
}

/** Stored inputs that no longer fit the profile: their problems sit next to their fields. */
function storedProblems(detail: PlanDetail): Record<string, string> {
  const projection = detail.projection;
  return projection.status === 'needs_attention' ? messagesByField(projection.problems) : {};
}
