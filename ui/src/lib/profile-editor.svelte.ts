// The plan details as the dean types them. The form starts from the plan as loaded and from then
// on belongs to the dean: a save never rewrites what is in a box while it is being edited. The
// whole form goes to Rust (`update_profile`) a short pause after typing, at once for a choice.
import type { PlanDetail } from '../bindings/PlanDetail';
import type { ProfileForm } from '../bindings/ProfileForm';
import { fieldMessages, updateProfile, type ProfileErrorKey } from './api';
import { Autosave } from './autosave.svelte';
import { formatCount, formatDecimal } from './format';
import { reconcile, type PlanSession } from './plan-session.svelte';

export const TYPING_PAUSE_MS = 500;

const COUNT_FIELDS = ['totalEnrolment', 'degreePrograms', 'facultyHeadcount'] as const;
type CountField = (typeof COUNT_FIELDS)[number];

const CHOICES = new Set<string>([
  'country',
  'institutionType',
  'calendarSystem',
  'fiscalYearStartMonth',
  'currency',
  'creditSystem',
  'stage',
]);

/** A count as the box shows it: grouped the reader's way; an optional 0 is left empty. */
function countText(field: CountField, value: number): string {
  return value === 0 && field !== 'totalEnrolment' ? '' : formatCount(value);
}

function formFrom(plan: PlanDetail): ProfileForm {
  const { title, profile } = plan.plan;
  return {
    title,
    institutionName: profile.name,
    country: profile.country ?? '',
    institutionType: profile.institutionType,
    totalEnrolment: countText('totalEnrolment', profile.totalEnrolment),
    degreePrograms: countText('degreePrograms', profile.degreePrograms),
    facultyHeadcount: countText('facultyHeadcount', profile.facultyHeadcount),
    calendarSystem: profile.calendar.system,
    terms: profile.calendar.terms.map((t) => ({
      name: t.name,
      month: String(t.month),
      day: String(t.day),
    })),
    fiscalYearStartMonth: String(profile.fiscalYearStartMonth),
    currency: profile.currency,
    creditSystem: profile.creditSystem,
    customHoursPerCredit:
      profile.customHoursPerCredit === null ? '' : formatDecimal(profile.customHoursPerCredit),
    stage: profile.stage,
  };
}

export class ProfileEditor {
  form: ProfileForm = $state()!;
  readonly save: Autosave;

  readonly #session: PlanSession;
  /** Whether the dean is in the box of `field` now. */
  readonly #editing: (field: string) => boolean;

  constructor(session: PlanSession, editing: (field: string) => boolean) {
    this.#session = session;
    this.#editing = editing;
    this.form = formFrom(session.detail);
    this.save = new Autosave({
      pauseMs: TYPING_PAUSE_MS,
      enqueue: (write) => session.write(write),
      send: () => {
        const sent = this.#formToSend();
        return updateProfile(session.id, session.revision, sent).then((saved) => {
          this.#regroup(saved, sent);
          return saved;
        });
      },
      messages: (problem) => (problem.kind === 'invalid' ? fieldMessages(problem) : {}),
    });
    session.onReload((before, after) => this.#rebase(before, after));
  }

  /** A field was left, or a choice was made. */
  committed(field: ProfileErrorKey): void {
    if (CHOICES.has(field) || field.endsWith('.month')) void this.save.chose(field);
    else void this.save.flush();
  }

  termsChanged(change: 'added' | 'removed' | 'replaced'): void {
    this.save.forgetUnder('terms');
    // An added row waits for what the dean types into it; a removed one is saved at once.
    if (change === 'removed') void this.save.chose('terms');
  }

  // A count box shows "240,000" in the reader's locale. If it still shows exactly the saved
  // number, send the plain digits, whatever grouping the locale uses.
  #formToSend(): ProfileForm {
    const profile = this.#session.detail.plan.profile;
    const sent = $state.snapshot(this.form) as ProfileForm;
    for (const field of COUNT_FIELDS) {
      if (this.form[field] !== '' && this.form[field] === countText(field, profile[field])) {
        sent[field] = String(profile[field]);
      }
    }
    return sent;
  }

  /** Each box after a reload: see `reconcile`. */
  #rebase(before: PlanDetail, after: PlanDetail): void {
    const was = formFrom(before) as unknown as Record<string, unknown>;
    const now = formFrom(after) as unknown as Record<string, unknown>;
    const form = this.form as unknown as Record<string, unknown>;
    for (const key of Object.keys(now)) form[key] = reconcile(form[key], was[key], now[key]);
  }

  /** Regroups a count the dean has finished with, unless it changed since it was sent. */
  #regroup(saved: PlanDetail, sent: ProfileForm): void {
    for (const field of COUNT_FIELDS) {
      if (!this.#editing(field) && this.form[field] === sent[field]) {
        this.form[field] = countText(field, saved.plan.profile[field]);
      }
    }
  }
}
