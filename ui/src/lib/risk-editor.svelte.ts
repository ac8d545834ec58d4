// The plan's risks as the dean edits them. Rust takes one change at a time (add, update or
// remove one risk, by its place in the list), so each save sends the first difference between
// the screen and the plan: removals first, then changed risks, then new ones; the part editor
// sends the rest in the writes after.
import type { PlanDetail } from '../bindings/PlanDetail';
import type { Risk } from '../bindings/Risk';
import type { RiskEdit } from '../bindings/RiskEdit';
import { editRisks } from './api';
import { PlanPartEditor } from './plan-part-editor.svelte';
import type { PlanSession } from './plan-session.svelte';

/** A new risk: rated in the middle of both scales until the dean says otherwise. */
export const NEW_RISK: Risk = {
  area: null,
  title: '',
  likelihood: 3,
  impact: 3,
  mitigation: '',
  ownerRole: '',
};

/** Rust keeps each text trimmed: spaces at either end are no change. */
const trimmed = (risk: Risk): Risk => ({
  ...risk,
  title: risk.title.trim(),
  mitigation: risk.mitigation.trim(),
  ownerRole: risk.ownerRole.trim(),
});
const differs = (a: Risk, b: Risk) => JSON.stringify(trimmed(a)) !== JSON.stringify(trimmed(b));

export class RiskEditor {
  /** One stable key per risk on screen. */
  keys: number[] = $state([]);
  readonly part: PlanPartEditor<Risk[]>;
  /** The keys of the risks Rust has, in its order. */
  #storedKeys: number[] = [];
  #nextKey = 0;
  readonly #session: PlanSession;

  constructor(session: PlanSession) {
    this.#session = session;
    this.part = new PlanPartEditor<Risk[]>(session, {
      read: (detail) => detail.plan.risks,
      adopted: (risks) => {
        this.keys = risks.map(() => this.#nextKey++);
        this.#storedKeys = [...this.keys];
      },
      nextCall: (screen, stored) => this.#nextCall(screen, stored),
    });
  }

  get risks(): Risk[] {
    return this.part.value;
  }

  get save() {
    return this.part.save;
  }

  /** Adds an empty risk at the end; it is sent once its fields are filled in. */
  add(): void {
    this.part.value.push({ ...NEW_RISK });
    this.keys.push(this.#nextKey++);
  }

  remove(index: number): void {
    this.part.value.splice(index, 1);
    this.keys.splice(index, 1);
    this.save.forgetUnder('risks');
    void this.save.chose();
  }

  /** Adds the risk the assessment suggests for each weak area that has none yet. */
  async propose(): Promise<void> {
    await this.save.flush();
    const session = this.#session;
    await this.save.run(() => editRisks(session.id, session.revision, { type: 'propose' }));
  }

  #nextCall(screen: Risk[], stored: Risk[]): (() => Promise<PlanDetail>) | null {
    const keys = [...this.keys];
    const storedKeys = this.#storedKeys;
    if (storedKeys.length !== stored.length) return null;
    const send = (edit: RiskEdit, done: () => void) => () => {
      const session = this.#session;
      return editRisks(session.id, session.revision, edit).then((answer) => {
        done();
        return answer;
      });
    };
    for (let i = storedKeys.length - 1; i >= 0; i -= 1) {
      if (!keys.includes(storedKeys[i]!)) {
        return send({ type: 'remove', index: i }, () => storedKeys.splice(i, 1));
      }
    }
    for (const [i, key] of storedKeys.entries()) {
      const risk = screen[keys.indexOf(key)]!;
      if (differs(risk, stored[i]!)) return send({ type: 'update', index: i, risk }, () => {});
    }
    const added = keys.findIndex((key) => !storedKeys.includes(key));
    if (added === -1) return null;
    return send({ type: 'add', risk: screen[added]! }, () => storedKeys.push(keys[added]!));
  }
}
