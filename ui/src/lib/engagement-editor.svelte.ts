// The plan's faculty engagement as the dean edits it, sent whole; Rust's messages name its
// fields (`departments.2.facultyCount`), which the screen keys under `engagement.`.
import type { EngagementProjection } from '../bindings/EngagementProjection';
import type { FacultyEngagement } from '../bindings/FacultyEngagement';
import type { PlanDetail } from '../bindings/PlanDetail';
import type { Problem } from '../bindings/Problem';
import { setEngagement } from './api';
import { PlanPartEditor } from './plan-part-editor.svelte';
import type { PlanSession } from './plan-session.svelte';

export const ENGAGEMENT_PREFIX = 'engagement';

export class EngagementEditor {
  readonly part: PlanPartEditor<FacultyEngagement>;
  readonly #session: PlanSession;

  constructor(session: PlanSession) {
    this.#session = session;
    this.part = new PlanPartEditor<FacultyEngagement>(session, {
      read: (detail) => detail.plan.engagement,
      nextCall: (screen, stored) =>
        JSON.stringify(screen) === JSON.stringify(stored)
          ? null
          : () => setEngagement(session.id, session.revision, screen),
      messages: engagementMessages,
    });
  }

  get engagement(): FacultyEngagement {
    return this.part.value;
  }

  get save() {
    return this.part.save;
  }

  /** Rust's figures for the stored engagement, or why there are none. */
  get status(): PlanDetail['engagement'] {
    return this.#session.detail.engagement;
  }

  get projection(): EngagementProjection | null {
    const status = this.status;
    return status.status === 'projected' ? status.projection : null;
  }
}

function engagementMessages(problem: Problem): Record<string, string> {
  if (problem.kind !== 'invalid') return {};
  const messages: Record<string, string> = {};
  for (const { field, message } of problem.fields) {
    const key = field === 'rollout' ? ENGAGEMENT_PREFIX : `${ENGAGEMENT_PREFIX}.${field}`;
    messages[key] = messages[key] ? `${messages[key]}. ${message}` : message;
  }
  return messages;
}
