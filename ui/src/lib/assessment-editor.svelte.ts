// The dean's side of the assessment: answers as clicked, evidence as typed, where the wizard
// stands and which actions are adopted. Every change goes to Rust at once (evidence after a
// short pause); the scores on screen are always Rust's, from its latest answer.
import type { Answer } from '../bindings/Answer';
import type { AreaKey } from '../bindings/AreaKey';
import type { AreaResponse } from '../bindings/AreaResponse';
import type { AssessmentGuide } from '../bindings/AssessmentGuide';
import type { PlanDetail } from '../bindings/PlanDetail';
import type { WizardPosition } from '../bindings/WizardPosition';
import { saveAreaResponse, setActionAdopted, setWizardPosition, toProblem } from './api';
import type { PlanSession } from './plan-session.svelte';

export const EVIDENCE_PAUSE_MS = 600;

/** The stored answers for each area, one per statement of the guide. */
function draftsFrom(detail: PlanDetail, guide: AssessmentGuide) {
  const drafts = {} as Record<AreaKey, AreaResponse>;
  for (const area of guide.areas) {
    const stored = detail.plan.assessment.responses[area.key];
    drafts[area.key] = {
      answers: area.statements.map((_, i) => stored?.answers[i] ?? null),
      evidence: stored?.evidence ?? '',
    };
  }
  return drafts;
}

export class AssessmentEditor {
  /** What the dean has clicked and typed, area by area. */
  responses: Record<AreaKey, AreaResponse> = $state()!;
  /** Where the wizard is; saved as it moves. */
  position: WizardPosition = $state()!;
  /** Actions whose adoption is being saved. */
  adopting: Record<string, boolean> = $state({});
  /** Rust's message when the latest change could not be saved. */
  failure = $state('');

  #pending = $state(0);
  #waiting = $state(0);
  readonly #timers = new Map<AreaKey, ReturnType<typeof setTimeout>>();
  readonly #session: PlanSession;

  constructor(session: PlanSession, guide: AssessmentGuide) {
    this.#session = session;
    this.responses = draftsFrom(session.detail, guide);
    this.position = session.detail.plan.assessment.position;
  }

  get state(): 'saving' | 'saved' | 'failed' {
    if (this.#pending > 0 || this.#waiting > 0) return 'saving';
    return this.failure ? 'failed' : 'saved';
  }

  /** A rating or "don't know" was chosen: the area's whole set of answers is saved now. */
  answer(area: AreaKey, index: number, answer: Answer): Promise<void> {
    this.responses[area].answers[index] = answer;
    return this.saveArea(area);
  }

  /** The evidence note changed: saved once typing pauses. */
  typedEvidence(area: AreaKey): void {
    this.#clearTimer(area);
    this.#waiting += 1;
    this.#timers.set(
      area,
      setTimeout(() => void this.saveArea(area), EVIDENCE_PAUSE_MS),
    );
  }

  saveArea(area: AreaKey): Promise<void> {
    this.#clearTimer(area);
    const response = $state.snapshot(this.responses[area]) as AreaResponse;
    return this.#run(() => saveAreaResponse(this.#session.id, area, response));
  }

  moveTo(position: WizardPosition): Promise<void> {
    this.position = position;
    return this.#run(() => setWizardPosition(this.#session.id, position));
  }

  async setAdopted(action: string, adopted: boolean): Promise<void> {
    this.adopting[action] = true;
    try {
      await this.#run(() => setActionAdopted(this.#session.id, action, adopted));
    } finally {
      delete this.adopting[action];
    }
  }

  /** Saves any evidence still waiting for its pause, and resolves when all is written. */
  async flush(): Promise<void> {
    const waiting = [...this.#timers.keys()];
    await Promise.all(waiting.map((area) => this.saveArea(area)));
    await this.#session.settled();
  }

  #clearTimer(area: AreaKey): void {
    const timer = this.#timers.get(area);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.#timers.delete(area);
    this.#waiting -= 1;
  }

  async #run(write: () => Promise<PlanDetail>): Promise<void> {
    this.#pending += 1;
    try {
      await this.#session.write(write);
      this.failure = '';
    } catch (error) {
      this.failure = toProblem(error).message;
    } finally {
      this.#pending -= 1;
    }
  }
}
