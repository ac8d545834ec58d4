// The dean's side of the assessment: answers as clicked, evidence as typed, where the wizard
// stands and which actions are adopted. Every change goes to Rust at once (evidence after a
// short pause), one area's whole response at a time; the scores on screen are always Rust's,
// from its latest answer.
import type { Answer } from '../bindings/Answer';
import type { AreaKey } from '../bindings/AreaKey';
import type { AreaResponse } from '../bindings/AreaResponse';
import type { AssessmentGuide } from '../bindings/AssessmentGuide';
import type { PlanDetail } from '../bindings/PlanDetail';
import type { WizardPosition } from '../bindings/WizardPosition';
import { saveAreaResponse, setActionAdopted, setWizardPosition } from './api';
import { Autosave } from './autosave.svelte';
import { reconcile, type PlanSession } from './plan-session.svelte';

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
  /** Saving the answers; Rust refuses them as a whole, never one field at a time. */
  readonly save: Autosave;

  /** Areas changed since their last save. */
  readonly #unsaved = new Set<AreaKey>();
  readonly #session: PlanSession;
  readonly #guide: AssessmentGuide;

  constructor(session: PlanSession, guide: AssessmentGuide) {
    this.#session = session;
    this.#guide = guide;
    this.responses = draftsFrom(session.detail, guide);
    this.position = session.detail.plan.assessment.position;
    this.save = new Autosave({
      pauseMs: EVIDENCE_PAUSE_MS,
      enqueue: (write) => session.write(write),
      send: () => this.#sendUnsaved(),
      messages: () => ({}),
    });
    session.onReload((before, after) => this.#rebase(before, after));
  }

  /** A rating or "don't know" was chosen: the area's whole set of answers is saved now. */
  answer(area: AreaKey, index: number, answer: Answer): Promise<void> {
    this.responses[area].answers[index] = answer;
    return this.saveArea(area);
  }

  /** The evidence note changed: saved once typing pauses. */
  typedEvidence(area: AreaKey): void {
    this.#unsaved.add(area);
    this.save.typed();
  }

  saveArea(area: AreaKey): Promise<void> {
    this.#unsaved.add(area);
    return this.save.saveNow();
  }

  async moveTo(position: WizardPosition): Promise<void> {
    this.position = position;
    const session = this.#session;
    await this.save.run(() => setWizardPosition(session.id, session.revision, position));
  }

  async setAdopted(action: string, adopted: boolean): Promise<void> {
    this.adopting[action] = true;
    try {
      const session = this.#session;
      await this.save.run(() => setActionAdopted(session.id, session.revision, action, adopted));
    } finally {
      delete this.adopting[action];
    }
  }

  /**
   * Each changed area's whole response, one after the other, each on the revision the one
   * before it answered with; answers with the last plan. After a failure the areas stay unsaved,
   * so a write sent again (on a reloaded plan) sends them again.
   */
  async #sendUnsaved(): Promise<PlanDetail> {
    const areas = [...this.#unsaved];
    this.#unsaved.clear();
    let saved = this.#session.detail;
    try {
      for (const area of areas) {
        const response = $state.snapshot(this.responses[area]) as AreaResponse;
        saved = await saveAreaResponse(saved.id, saved.revision, area, response);
      }
    } catch (error) {
      for (const area of areas) this.#unsaved.add(area);
      throw error;
    }
    return saved;
  }

  /** Each answer and evidence note after a reload: see `reconcile`. */
  #rebase(before: PlanDetail, after: PlanDetail): void {
    const was = draftsFrom(before, this.#guide);
    const now = draftsFrom(after, this.#guide);
    for (const { key } of this.#guide.areas) {
      const screen = this.responses[key];
      now[key].answers.forEach((answer, i) => {
        screen.answers[i] = reconcile(screen.answers[i] ?? null, was[key].answers[i] ?? null, answer);
      });
      screen.evidence = reconcile(screen.evidence, was[key].evidence, now[key].evidence);
    }
  }
}
