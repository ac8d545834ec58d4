// An in-memory stand-in for the Rust commands, for component tests and the browser preview.
// It answers like the real commands (same shapes, same field keys) but is not the validator and
// does not score. The refusals it plays back are Rust's own, recorded by planner-core from the
// real validation (`fixtures/refusals.json`): a call is refused when it holds every value of a
// recorded case. Anything else is taken as valid. Scores are fixed (see `FIXED_SCORES`).
import { mockIPC } from '@tauri-apps/api/mocks';
import type { AreaKey } from '../bindings/AreaKey';
import type { AreaResponse } from '../bindings/AreaResponse';
import type { CommentsFound } from '../bindings/CommentsFound';
import type { ExportOutcome } from '../bindings/ExportOutcome';
import type { FacultyEngagement } from '../bindings/FacultyEngagement';
import type { HealthItem } from '../bindings/HealthItem';
import type { CalendarSystem } from '../bindings/CalendarSystem';
import type { CreditSystem } from '../bindings/CreditSystem';
import type { DraftEdit } from '../bindings/DraftEdit';
import type { DraftFigures } from '../bindings/DraftFigures';
import type { InstitutionProfile } from '../bindings/InstitutionProfile';
import type { InstitutionType } from '../bindings/InstitutionType';
import type { KpiEdit } from '../bindings/KpiEdit';
import type { Plan } from '../bindings/Plan';
import type { PlanComparison } from '../bindings/PlanComparison';
import type { PlanDetail } from '../bindings/PlanDetail';
import type { PlanSummary } from '../bindings/PlanSummary';
import type { Problem } from '../bindings/Problem';
import type { ProfileForm } from '../bindings/ProfileForm';
import type { ReviewEdit } from '../bindings/ReviewEdit';
import type { RiskEdit } from '../bindings/RiskEdit';
import type { Rollup } from '../bindings/Rollup';
import type { RolloutInputs } from '../bindings/RolloutInputs';
import type { RolloutResult } from '../bindings/RolloutResult';
import type { RolloutStatus } from '../bindings/RolloutStatus';
import type { ScheduleStatus } from '../bindings/ScheduleStatus';
import type { Stage } from '../bindings/Stage';
import type { StoredPlan } from '../bindings/StoredPlan';
import type { VersionSummary } from '../bindings/VersionSummary';
import type { WizardPosition } from '../bindings/WizardPosition';
import type { WorkPlanEdit } from '../bindings/WorkPlanEdit';
import { summaryOf } from './api';
import {
  FIXED_SCORES,
  GUIDE,
  PROFILE_OPTIONS,
  STARTER_ROLLOUT,
  detailOf,
  emptyAssessment,
  emptyWork,
  fixtureProjection,
  samplePlan,
} from './fake-fixtures';
import { applyReviewEdit } from './fake-review';
import { applyKpiEdit, applyRiskEdit, applyWorkPlanEdit } from './fake-workplan';
import refusalFile from './fixtures/refusals.json';
import rollupFile from './fixtures/rollup.json';

export {
  FLAGGED_CREDIT,
  NEEDS_ATTENTION,
  SAMPLE_RESULT,
  SAMPLE_ROLLOUT,
  STARTER_RESULT,
  STARTER_ROLLOUT,
  FIXED_SCORES,
  GUIDE,
  PROFILE_OPTIONS,
  detailOf,
  samplePlan,
  sampleAssessment,
  storedPlan,
} from './fake-fixtures';

export { emptyForm } from './api';

const CHANGED_ELSEWHERE: Problem = {
  kind: 'changed_elsewhere',
  message: 'This plan was changed outside this window; it has been reloaded.',
  fields: [],
};

interface RecordedRefusal {
  command: string;
  /** The values, by dotted key, that Rust refused. */
  when: Record<string, unknown>;
  problem: Problem;
}

/** Rust's refusals by case name, for tests that refuse a call whatever it holds. */
export const REFUSALS = refusalFile.refusals as Record<string, RecordedRefusal>;

/** The values Rust gives the fields of a new plan left empty. */
const TYPICAL = refusalFile.typicalProfile as InstitutionProfile;

const valueAt = (value: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown> | null)?.[part], value);

function same(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b;
  const entries = Object.entries(a);
  return (
    entries.length === Object.keys(b).length &&
    entries.every(([key, value]) => same(value, (b as Record<string, unknown>)[key]))
  );
}

/** Rust's answer to `sent`, when a recorded refusal has every value it holds. */
function recordedRefusal(command: string, sent: unknown): Problem | undefined {
  return Object.values(REFUSALS).find(
    (refusal) =>
      refusal.command === command &&
      Object.entries(refusal.when).every(([key, value]) => same(valueAt(sent, key), value)),
  )?.problem;
}

/** A form no recorded refusal matches, read as Rust reads a valid one. */
function profileFrom(form: ProfileForm): { title: string; profile: InstitutionProfile } {
  const count = (text: string, typical: number) =>
    text.trim() === '' ? typical : Number(text.replace(/\D/g, ''));
  const system = (form.calendarSystem.trim() || TYPICAL.calendar.system) as CalendarSystem;
  const typicalTerms = PROFILE_OPTIONS.calendarSystems.find((s) => s.key === system)!.typicalTerms;
  const creditSystem = (form.creditSystem.trim() || TYPICAL.creditSystem) as CreditSystem;
  return {
    title: form.title.trim(),
    profile: {
      name: form.institutionName.trim(),
      country: form.country.trim().toUpperCase() || null,
      institutionType: (form.institutionType.trim() || TYPICAL.institutionType) as InstitutionType,
      totalEnrolment: count(form.totalEnrolment, TYPICAL.totalEnrolment),
      degreePrograms: count(form.degreePrograms, TYPICAL.degreePrograms),
      facultyHeadcount: count(form.facultyHeadcount, TYPICAL.facultyHeadcount),
      calendar: {
        system,
        terms:
          form.terms.length === 0
            ? typicalTerms
            : form.terms.map((t) => ({ name: t.name.trim(), month: +t.month, day: +t.day })),
      },
      fiscalYearStartMonth: +form.fiscalYearStartMonth || TYPICAL.fiscalYearStartMonth,
      currency: form.currency.trim().toUpperCase() || TYPICAL.currency,
      creditSystem,
      customHoursPerCredit:
        creditSystem === 'custom' ? +form.customHoursPerCredit.trim().replace(',', '.') : null,
      stage: form.stage.trim() as Stage,
    },
  };
}

export class FakeBackend {
  plans: StoredPlan[];
  /** The scores areas get once anything in them is rated. */
  scores: Record<AreaKey, number> = { ...FIXED_SCORES };
  /** What the next `export_pdf` answers; a Problem is thrown as the rejection. */
  exportAnswer: ExportOutcome | Problem = {
    status: 'saved',
    path: '/home/dean/Documents/Lakeshore plan.pdf',
    bytes: 48_213,
    pages: 12,
  };
  /**
   * What the next `export_table_csv` or `export_rollup` answers; a Problem is thrown as the
   * rejection.
   */
  fileAnswer: ExportOutcome | Problem = {
    status: 'saved',
    path: '/home/dean/Documents/Roll-up of 2 plans.csv',
    bytes: 2_480,
    pages: null,
  };
  /** What the next `export_plan_file` answers; a Problem is thrown as the rejection. */
  planFileAnswer: ExportOutcome | Problem = {
    status: 'saved',
    path: '/home/dean/Documents/Lakeshore plan.mcplan',
    bytes: 61_408,
    pages: null,
  };
  /**
   * What the file chosen for the next `import_plan_file` holds: a plan (added as a new plan), a
   * Problem (Rust's refusal, thrown), or null when the dean cancels the open dialog.
   */
  importAnswer: Plan | Problem | null = null;
  /** What the file the app was started with holds (as `importAnswer`); null: started without one. */
  openedAtStart: Plan | Problem | null = null;
  /**
   * What the next `comments_from_pdf` answers: what the chosen PDF's comments add (as Rust
   * counts them), a Problem (Rust's refusal, thrown), or null when the dean cancels the dialog.
   */
  pdfCommentsAnswer: CommentsFound | Problem | null = null;
  /** What `plan_health` answers. */
  healthAnswer: HealthItem[] = [];
  /** Each plan's versions by plan number, oldest first, as `list_versions` answers them. */
  readonly versions = new Map<number, VersionSummary[]>();
  /**
   * What `compare_versions` answers: the fake does not compare plans (planner-core does); a
   * test gives the comparison Rust would make.
   */
  comparisonAnswer: PlanComparison = { inputs: [], figures: [], credentials: [], tasks: [], risks: [] };
  /** Commands to refuse once, with the Problem to throw. */
  readonly refusals = new Map<string, Problem>();
  /** Milliseconds each answer waits, so a preview shows "Saving…" and "Exporting…". */
  latency = 0;
  /**
   * Rust's figures to answer for a projected plan instead of the replayed fixture; or the whole
   * rollout status (say, `needs_attention`), for every plan that has inputs.
   */
  rolloutResult: RolloutResult | null = null;
  rolloutStatus: RolloutStatus | null = null;
  /** Rust's schedule to answer for every plan with a rollout, instead of the sample's replayed. */
  scheduleStatus: ScheduleStatus | null = null;
  /** Every command received, in order, with its arguments. */
  readonly calls: { command: string; args: Record<string, unknown> }[] = [];

  constructor(plans: StoredPlan[] = [samplePlan()]) {
    this.plans = structuredClone(plans);
  }

  install(): this {
    mockIPC((command, args) => this.#answer(command, (args ?? {}) as Record<string, unknown>));
    return this;
  }

  callsOf(command: string): Record<string, unknown>[] {
    return this.calls.filter((c) => c.command === command).map((c) => c.args);
  }

  /** The plan as `get_plan` would answer. */
  detail(id: number): PlanDetail {
    const stored = this.#find(id);
    const projection: RolloutStatus =
      stored.plan.rollout && this.rolloutStatus
        ? structuredClone(this.rolloutStatus)
        : fixtureProjection(stored.plan, this.rolloutResult ?? undefined);
    return this.#withSchedule(detailOf(stored, this.scores, projection));
  }

  /** `detail` with the schedule a test set for every plan with a rollout, if any. */
  #withSchedule(detail: PlanDetail): PlanDetail {
    if (detail.plan.rollout && this.scheduleStatus) {
      detail.schedule = structuredClone(this.scheduleStatus);
    }
    return detail;
  }

  async #answer(command: string, args: Record<string, unknown>): Promise<unknown> {
    this.calls.push({ command, args });
    if (this.latency > 0) await new Promise((resolve) => setTimeout(resolve, this.latency));
    const refusal = this.refusals.get(command);
    if (refusal) {
      this.refusals.delete(command);
      throw refusal;
    }
    const sent = args.form ?? args.inputs ?? args.edit ?? args.kpi ?? args.engagement ?? args;
    const recorded = recordedRefusal(command, sent);
    if (recorded) throw structuredClone(recorded);
    const id = args.id as number;
    // Like Rust: an edit made against an older revision is refused and saves nothing.
    if (typeof args.expectedRevision === 'number' && args.expectedRevision !== this.#find(id).revision) {
      throw CHANGED_ELSEWHERE;
    }
    switch (command) {
      case 'list_plans':
        return this.#summaries();
      case 'get_plan':
        return this.detail(id);
      case 'create_plan':
        return this.#create(args.form as ProfileForm);
      case 'update_profile':
        return this.#update(id, args.form as ProfileForm);
      case 'get_profile_options':
        return structuredClone(PROFILE_OPTIONS);
      case 'get_assessment_guide':
        return structuredClone(GUIDE);
      case 'save_area_response':
        return this.#saveResponse(id, args.area as AreaKey, args.response as AreaResponse);
      case 'set_wizard_position':
        return this.#edit(
          id,
          (plan) => {
            plan.assessment.position = args.position as WizardPosition;
          },
          false,
        );
      case 'set_action_adopted':
        return this.#adopt(id, args.action as string, args.adopted as boolean);
      case 'start_rollout':
        return this.#edit(id, (plan) => {
          plan.rollout ??= structuredClone(STARTER_ROLLOUT);
        });
      case 'update_rollout':
        return this.#updateRollout(id, args.inputs as RolloutInputs);
      case 'edit_work_plan':
        return this.#edit(id, (plan) => applyWorkPlanEdit(plan, args.edit as WorkPlanEdit));
      case 'edit_risks':
        return this.#edit(id, (plan) => applyRiskEdit(plan, args.edit as RiskEdit));
      case 'set_kpi':
        return this.#edit(id, (plan) => applyKpiEdit(plan, args.kpi as KpiEdit));
      case 'set_engagement':
        return this.#edit(id, (plan) => {
          plan.engagement = structuredClone(args.engagement as FacultyEngagement);
        });
      case 'edit_review':
        return this.#edit(id, (plan) => applyReviewEdit(plan, args.edit as ReviewEdit));
      case 'comments_from_pdf': {
        this.#find(id);
        const answer = this.pdfCommentsAnswer;
        if (answer !== null && 'kind' in answer) throw answer;
        return structuredClone(answer);
      }
      case 'preview_plan_edit':
        return this.#preview(id, args.edit as DraftEdit);
      case 'export_pdf':
        this.#find(id);
        if ('kind' in this.exportAnswer) throw this.exportAnswer;
        return this.exportAnswer;
      case 'export_html': {
        this.#find(id);
        const answer = this.exportAnswer;
        if ('kind' in answer) throw answer;
        if (answer.status !== 'saved') return answer;
        return { ...answer, path: answer.path.replace(/\.pdf$/, '.html'), pages: null };
      }
      case 'open_exported':
        return null;
      case 'export_plan_file':
        this.#find(id);
        if ('kind' in this.planFileAnswer) throw this.planFileAnswer;
        return this.planFileAnswer;
      case 'import_plan_file':
        return this.importAnswer === null
          ? { status: 'cancelled' }
          : {
              status: 'imported',
              plan:
                typeof args.into === 'number'
                  ? this.#importInto(args.into, this.importAnswer)
                  : this.#importFile(this.importAnswer),
            };
      case 'import_file_opened_at_start': {
        const held = this.openedAtStart;
        this.openedAtStart = null;
        return held === null ? null : this.#importFile(held);
      }
      case 'plan_health':
        this.#find(id);
        return this.healthAnswer;
      case 'roll_up_plans':
        return rolledUp(args.ids as number[]);
      case 'export_table_csv':
        this.#find(id);
        if ('kind' in this.fileAnswer) throw this.fileAnswer;
        return this.fileAnswer;
      case 'export_rollup':
        rolledUp(args.ids as number[]);
        if ('kind' in this.fileAnswer) throw this.fileAnswer;
        return this.fileAnswer;
      case 'list_versions':
        this.#find(id);
        return structuredClone(this.versions.get(id) ?? []);
      case 'snapshot_plan': {
        this.#find(id);
        const kept = this.versions.get(id) ?? [];
        kept.push({
          number: kept.length + 1,
          label: args.label as string,
          createdAt: new Date().toISOString(),
        });
        this.versions.set(id, kept);
        return structuredClone(kept);
      }
      case 'compare_versions': {
        this.#find(id);
        const known = (n: unknown) => (this.versions.get(id) ?? []).some((v) => v.number === n);
        const missing = [args.from, args.to].find((n) => n !== null && !known(n));
        if (missing !== undefined) {
          throw { kind: 'not_found', message: `This plan has no version ${missing}`, fields: [] };
        }
        return structuredClone(this.comparisonAnswer);
      }
      default:
        throw new Error(`The fake backend has no command ${command}`);
    }
  }

  #summaries(): PlanSummary[] {
    return this.plans
      .map(summaryOf)
      .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
  }

  #find(id: number): StoredPlan {
    const plan = this.plans.find((p) => p.id === id);
    if (!plan) throw { kind: 'not_found', message: `There is no plan ${id}`, fields: [] };
    return structuredClone(plan);
  }

  /**
   * Changes a plan as `mcplan` or another window would, behind this window's back: its next
   * edit is refused as `changed_elsewhere`.
   */
  editElsewhere(id: number, change: (plan: Plan) => void): void {
    this.#edit(id, change);
  }

  /** Like Rust, an edit that changes nothing saves nothing; moving the wizard keeps the time. */
  #edit(id: number, change: (plan: Plan) => void, movesEditTime = true): PlanDetail {
    const stored = this.#find(id);
    const before = JSON.stringify(stored.plan);
    change(stored.plan);
    if (JSON.stringify(stored.plan) === before) return this.detail(id);
    stored.revision += 1;
    if (movesEditTime) stored.updatedAt = new Date().toISOString();
    this.plans = this.plans.map((p) => (p.id === id ? stored : p));
    return this.detail(id);
  }

  #saveResponse(id: number, area: AreaKey, response: AreaResponse): PlanDetail {
    return this.#edit(id, (plan) => {
      plan.assessment.responses[area] = structuredClone(response);
    });
  }

  #adopt(id: number, action: string, adopted: boolean): PlanDetail {
    return this.#edit(id, (plan) => {
      const list = plan.assessment.adoptedActions;
      const present = list.some((a) => a.action === action);
      if (adopted && !present) {
        list.push({ action, adoptedOn: new Date().toISOString().slice(0, 10) });
      } else if (!adopted) {
        plan.assessment.adoptedActions = list.filter((a) => a.action !== action);
      }
    });
  }

  #updateRollout(id: number, inputs: RolloutInputs): PlanDetail {
    this.rolloutStatus = null;
    return this.#edit(id, (p) => {
      p.rollout = structuredClone(inputs);
    });
  }

  /** The plan as the draft's own command would leave it, refused the same way; nothing is saved. */
  #preview(id: number, draft: DraftEdit): DraftFigures {
    const [command, sent] =
      draft.kind === 'rollout' ? ['update_rollout', draft.inputs] : ['edit_work_plan', draft.edit];
    const refusal = recordedRefusal(command, sent);
    if (refusal) throw structuredClone(refusal);
    const stored = this.#find(id);
    if (draft.kind === 'rollout') stored.plan.rollout = structuredClone(draft.inputs);
    else applyWorkPlanEdit(stored.plan, draft.edit);
    const projection = fixtureProjection(stored.plan, this.rolloutResult ?? undefined);
    const detail = this.#withSchedule(detailOf(stored, this.scores, projection));
    return draft.kind === 'rollout'
      ? { kind: 'rollout', projection: detail.projection }
      : { kind: 'work_plan', workPlan: detail.plan.workPlan, schedule: detail.schedule };
  }

  /** A file's plan added as a new plan, or Rust's refusal of the file thrown. */
  #importFile(held: Plan | Problem): PlanDetail {
    if ('kind' in held) throw held;
    return this.#add(structuredClone(held));
  }

  /** A file's plan made plan `id`'s new content (Rust keeps the old one as a version). */
  #importInto(id: number, held: Plan | Problem): PlanDetail {
    if ('kind' in held) throw held;
    return this.#edit(id, (plan) => Object.assign(plan, structuredClone(held)));
  }

  #add(plan: Plan): PlanDetail {
    const now = new Date().toISOString();
    const id = Math.max(0, ...this.plans.map((p) => p.id)) + 1;
    this.plans.push({ id, plan, revision: 1, createdAt: now, updatedAt: now });
    return this.detail(id);
  }

  #create(form: ProfileForm): PlanDetail {
    const { title, profile } = profileFrom(form);
    return this.#add({
      title,
      profile,
      assessment: emptyAssessment(),
      rollout: null,
      ...emptyWork(),
    });
  }

  #update(id: number, form: ProfileForm): PlanDetail {
    this.#find(id);
    const { title, profile } = profileFrom(form);
    return this.#edit(id, (plan) => {
      plan.title = title;
      plan.profile = profile;
    });
  }
}

/**
 * Rust's roll-up of the plans `ids`, replayed from the fixture Rust wrote
 * (`fixtures/rollup.json`): the sample (1), a second campus (2) and a plan without a rollout (3).
 */
function rolledUp(ids: number[]): Rollup {
  const rollups = rollupFile as unknown as Record<string, Rollup>;
  const rollup = rollups[ids.join(',')];
  if (!rollup) throw new Error(`The roll-up fixture has no roll-up of plans ${ids.join(', ')}`);
  return structuredClone(rollup);
}
