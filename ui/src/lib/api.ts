// Every call the webview makes to the Rust side goes through this module, and every failure
// comes out of it as a `Problem`, so components never see a raw exception or match on text.
import { Channel, invoke, type InvokeArgs } from '@tauri-apps/api/core';
import type { AreaKey } from '../bindings/AreaKey';
import type { AreaResponse } from '../bindings/AreaResponse';
import type { AssessmentGuide } from '../bindings/AssessmentGuide';
import type { CommentsFound } from '../bindings/CommentsFound';
import type { CsvTable } from '../bindings/CsvTable';
import type { DraftEdit } from '../bindings/DraftEdit';
import type { DraftFigures } from '../bindings/DraftFigures';
import type { ExportOutcome } from '../bindings/ExportOutcome';
import type { ExportStage } from '../bindings/ExportStage';
import type { FacultyEngagement } from '../bindings/FacultyEngagement';
import type { FieldError } from '../bindings/FieldError';
import type { KpiEdit } from '../bindings/KpiEdit';
import type { HealthItem } from '../bindings/HealthItem';
import type { ImportOutcome } from '../bindings/ImportOutcome';
import type { PlanComparison } from '../bindings/PlanComparison';
import type { PlanDetail } from '../bindings/PlanDetail';
import type { PlanSummary } from '../bindings/PlanSummary';
import type { Problem } from '../bindings/Problem';
import type { ProblemKind } from '../bindings/ProblemKind';
import type { ProfileForm } from '../bindings/ProfileForm';
import type { ProfileOptions } from '../bindings/ProfileOptions';
import type { ReportChoices } from '../bindings/ReportChoices';
import type { ReviewEdit } from '../bindings/ReviewEdit';
import type { VersionSummary } from '../bindings/VersionSummary';
import type { RiskEdit } from '../bindings/RiskEdit';
import type { Rollup } from '../bindings/Rollup';
import type { RollupFile } from '../bindings/RollupFile';
import type { RolloutInputs } from '../bindings/RolloutInputs';
import type { WizardPosition } from '../bindings/WizardPosition';
import type { WorkPlanEdit } from '../bindings/WorkPlanEdit';

/** A key of the profile form, as Rust names the field in a `FieldError`. */
export type ProfileField = keyof ProfileForm;

/** One box of a term row: `terms.0.name`, `terms.2.day`. */
export type TermField = `terms.${number}.${'name' | 'month' | 'day'}`;

/** Where a profile message belongs: a form field, or one box of a term row. */
export type ProfileErrorKey = ProfileField | TermField;

export type ProfileErrors = Partial<Record<ProfileErrorKey, string>>;

// Checked against the generated type: adding a form field in Rust fails the build here.
const PROFILE_FIELDS = {
  title: true,
  institutionName: true,
  country: true,
  institutionType: true,
  totalEnrolment: true,
  degreePrograms: true,
  facultyHeadcount: true,
  calendarSystem: true,
  terms: true,
  fiscalYearStartMonth: true,
  currency: true,
  creditSystem: true,
  customHoursPerCredit: true,
  stage: true,
} as const satisfies Record<ProfileField, true>;

/**
 * The whole profile form with every optional field left empty: a new plan starts from it, and
 * Rust gives the fields left empty typical values.
 */
export function emptyForm(essentials: Partial<ProfileForm> = {}): ProfileForm {
  return {
    title: '',
    institutionName: '',
    country: '',
    institutionType: '',
    totalEnrolment: '',
    degreePrograms: '',
    facultyHeadcount: '',
    calendarSystem: '',
    terms: [],
    fiscalYearStartMonth: '',
    currency: '',
    creditSystem: '',
    customHoursPerCredit: '',
    stage: 'exploring',
    ...essentials,
  };
}

export function isProfileField(field: string): field is ProfileField {
  return Object.prototype.hasOwnProperty.call(PROFILE_FIELDS, field);
}

export function isTermField(field: string): field is TermField {
  return /^terms\.\d+\.(name|month|day)$/.test(field);
}

/** The key of one box of term row `index`. */
export function termField(index: number, part: 'name' | 'month' | 'day'): TermField {
  return `terms.${index}.${part}`;
}

const PROBLEM_KINDS: readonly ProblemKind[] = [
  'invalid',
  'not_found',
  'storage',
  'report',
  'changed_elsewhere',
];

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.field === 'string' && typeof candidate.message === 'string';
}

/** Turns whatever a failed call threw into a `Problem`. */
export function toProblem(error: unknown): Problem {
  if (typeof error === 'object' && error !== null) {
    const candidate = error as Record<string, unknown>;
    if (
      typeof candidate.kind === 'string' &&
      (PROBLEM_KINDS as readonly string[]).includes(candidate.kind) &&
      typeof candidate.message === 'string'
    ) {
      const fields = Array.isArray(candidate.fields) ? candidate.fields.filter(isFieldError) : [];
      return { kind: candidate.kind as ProblemKind, message: candidate.message, fields };
    }
  }
  let message: string;
  if (error instanceof Error) message = error.message;
  else if (typeof error === 'string') message = error;
  else message = 'The planner could not finish that. Please try again.';
  return { kind: 'storage', message, fields: [] };
}

/**
 * Asks Rust; each call's time to its answer (Rust's work, the way there and back, and reading
 * the answer) is left in the page's performance timeline as a measure named `ipc <command>`,
 * the latest of each command only, for `scripts/latency.mjs` to tell Rust's share of a delay.
 */
async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  const start = performance.now();
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toProblem(error);
  } finally {
    const name = `ipc ${command}`;
    performance.clearMeasures(name);
    performance.measure(name, { start });
  }
}

/** All plans, most recently updated first. */
export function listPlans(): Promise<PlanSummary[]> {
  return call('list_plans');
}

export function getPlan(id: number): Promise<PlanDetail> {
  return call('get_plan', { id });
}

export function createPlan(form: ProfileForm): Promise<PlanDetail> {
  return call('create_plan', { form });
}

// Every call that changes a plan names the revision the window shows (`expectedRevision`); if
// the plan has changed since, Rust refuses it with a `changed_elsewhere` problem and saves
// nothing.

export function updateProfile(
  id: number,
  expectedRevision: number,
  form: ProfileForm,
): Promise<PlanDetail> {
  return call('update_profile', { id, expectedRevision, form });
}

/** The choices the profile form offers (countries, currencies, calendars…), with labels. */
export function getProfileOptions(): Promise<ProfileOptions> {
  return call('get_profile_options');
}

/** The assessment's fixed content: areas, statements, bands, findings and the action library. */
export function getAssessmentGuide(): Promise<AssessmentGuide> {
  return call('get_assessment_guide');
}

/** Replaces one area's answers; `answers` has exactly one entry per statement. */
export function saveAreaResponse(
  id: number,
  expectedRevision: number,
  area: AreaKey,
  response: AreaResponse,
): Promise<PlanDetail> {
  return call('save_area_response', { id, expectedRevision, area, response });
}

/** Where the wizard was left, so it reopens there. */
export function setWizardPosition(
  id: number,
  expectedRevision: number,
  position: WizardPosition,
): Promise<PlanDetail> {
  return call('set_wizard_position', { id, expectedRevision, position });
}

export function setActionAdopted(
  id: number,
  expectedRevision: number,
  action: string,
  adopted: boolean,
): Promise<PlanDetail> {
  return call('set_action_adopted', { id, expectedRevision, action, adopted });
}

/** Each stage of an export as Rust reaches it. */
function stages(onStage?: (stage: ExportStage) => void): Channel<ExportStage> {
  const progress = new Channel<ExportStage>();
  progress.onmessage = (stage) => onStage?.(stage);
  return progress;
}

/**
 * Rust asks where to save with the native dialog; the webview never names a path. `onStage`
 * hears when the dialog opens and when the writing starts.
 */
export function exportPdf(
  id: number,
  choices?: ReportChoices,
  onStage?: (stage: ExportStage) => void,
): Promise<ExportOutcome> {
  return call('export_pdf', { id, choices, progress: stages(onStage) });
}

/** The same report as one accessible web page, saved the same way. */
export function exportHtml(
  id: number,
  choices?: ReportChoices,
  onStage?: (stage: ExportStage) => void,
): Promise<ExportOutcome> {
  return call('export_html', { id, choices, progress: stages(onStage) });
}

/** Opens the report this window last saved in the computer's own viewer. */
export function openExported(): Promise<void> {
  return call('open_exported');
}

/** What would weaken the plan in a committee's eyes, each with the place to fix it. */
export function planHealth(id: number): Promise<HealthItem[]> {
  return call('plan_health', { id });
}

/** Saves the whole plan as a plan file (.mcplan); Rust asks where with the native dialog. */
export function exportPlanFile(id: number): Promise<ExportOutcome> {
  return call('export_plan_file', { id });
}

/**
 * Adds the plan in a plan file (or in a report PDF of the planner, which carries one) as a new
 * plan, or `into` plan N as its new content (what N said is kept as a version first); Rust asks
 * which file with the native dialog. A file it will not take is refused (`invalid`) with one
 * line naming the file and the problem; nothing is added.
 */
export function importPlanFile(into: number | null = null): Promise<ImportOutcome> {
  return call('import_plan_file', { into });
}

/** The plan file the app was started to open, added as a new plan; null when there was none. */
export function importFileOpenedAtStart(): Promise<PlanDetail | null> {
  return call('import_file_opened_at_start');
}

/**
 * One of the plan's tables (uptake, budget, work plan, risks, KPIs) as the CSV file `mcplan csv`
 * writes, with the figures as saved; Rust asks where with the native dialog. A table the plan
 * has not got yet is refused (`invalid`) before the dialog opens.
 */
export function exportTableCsv(id: number, table: CsvTable): Promise<ExportOutcome> {
  return call('export_table_csv', { id, table });
}

/**
 * Plans side by side, in the order of `ids` (two or more): per fiscal year each plan's and the
 * total figures, and each plan's top challenges. Changes no plan.
 */
export function rollUpPlans(ids: number[]): Promise<Rollup> {
  return call('roll_up_plans', { ids });
}

/** Saves plans `ids` side by side as a CSV table, a PDF or a web page; Rust asks where. */
export function exportRollup(ids: number[], file: RollupFile): Promise<ExportOutcome> {
  return call('export_rollup', { ids, file });
}

/** The plan's versions, oldest first. */
export function listVersions(id: number): Promise<VersionSummary[]> {
  return call('list_versions', { id });
}

/**
 * Keeps the plan at `expectedRevision` as its next version, labelled `label`; answers every
 * version. An empty or too long label is refused (`invalid`, field `label`); a plan changed
 * elsewhere since, with `changed_elsewhere`, keeping nothing.
 */
export function snapshotPlan(
  id: number,
  expectedRevision: number,
  label: string,
): Promise<VersionSummary[]> {
  return call('snapshot_plan', { id, expectedRevision, label });
}

/** What changed from version `from` to version `to`, or to the plan now when `to` is null. */
export function compareVersions(
  id: number,
  from: number,
  to: number | null,
): Promise<PlanComparison> {
  return call('compare_versions', { id, from, to });
}

/** Sets the rollout up with starting assumptions (5 years from next August, no credentials). */
export function startRollout(id: number, expectedRevision: number): Promise<PlanDetail> {
  return call('start_rollout', { id, expectedRevision });
}

/**
 * Replaces the rollout inputs as a whole. Refused with an `invalid` problem whose fields are
 * dotted keys (`horizonYears`, `credentials.2.learningHours`); nothing is saved then.
 */
export function updateRollout(
  id: number,
  expectedRevision: number,
  inputs: RolloutInputs,
): Promise<PlanDetail> {
  return call('update_rollout', { id, expectedRevision, inputs });
}

/**
 * Adds, changes or removes a task or a dependency; the answer carries the new schedule. A
 * dependency that closes a circle is refused naming its tasks (field `dependencies.N`); a task's
 * own fields are refused by name (`title`, `ownerRole`, `durationWeeks`, `pinnedTerm`).
 */
export function editWorkPlan(
  id: number,
  expectedRevision: number,
  edit: WorkPlanEdit,
): Promise<PlanDetail> {
  return call('edit_work_plan', { id, expectedRevision, edit });
}

/** Adds, changes or removes a risk (fields `risks.N.likelihood`…), or proposes the missing ones. */
export function editRisks(id: number, expectedRevision: number, edit: RiskEdit): Promise<PlanDetail> {
  return call('edit_risks', { id, expectedRevision, edit });
}

/**
 * Changes the committee review: status, a reviewer or their decision, a comment; refused by
 * field (`reviewers.N.name`, `comments.N.text`…).
 */
export function editReview(
  id: number,
  expectedRevision: number,
  edit: ReviewEdit,
): Promise<PlanDetail> {
  return call('edit_review', { id, expectedRevision, edit });
}

/**
 * Reads the comments of a report PDF a committee annotated (Rust asks which with the native
 * dialog) and what they would add to plan `id`'s review; null when the dialog was closed.
 * Nothing is filed: send `{ type: 'file_comments', comments }` through `editReview`. A PDF that
 * is not a report of this plan is refused (`invalid`), naming the file and why.
 */
export function commentsFromPdf(id: number): Promise<CommentsFound | null> {
  return call('comments_from_pdf', { id });
}

/** One KPI's baseline and, for the dean's KPIs, its yearly targets (`baseline`, `targets.N.value`). */
export function setKpi(id: number, expectedRevision: number, kpi: KpiEdit): Promise<PlanDetail> {
  return call('set_kpi', { id, expectedRevision, kpi });
}

/** Replaces the faculty engagement; refused by field (`departments.0.facultyCount`). */
export function setEngagement(
  id: number,
  expectedRevision: number,
  engagement: FacultyEngagement,
): Promise<PlanDetail> {
  return call('set_engagement', { id, expectedRevision, engagement });
}

/**
 * The figures `edit` gives (the rollout's, or the work plan's schedule), computed by Rust from
 * the stored plan without saving anything (the window shows them while the dean types).
 * Refused like the edit itself.
 */
export function previewPlanEdit(id: number, edit: DraftEdit): Promise<DraftFigures> {
  return call('preview_plan_edit', { id, edit });
}

/** Every field message of a problem, by Rust's dotted key; two for one key read as two sentences. */
export function messagesByField(fields: readonly FieldError[]): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const { field, message } of fields) {
    messages[field] = messages[field] ? `${messages[field]}. ${message}` : message;
  }
  return messages;
}

/**
 * The field messages of an `invalid` problem, by form field or term box (`ProfileErrorKey`);
 * others are left out.
 */
export function fieldMessages(problem: Problem): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const { field, message } of problem.fields) {
    if (!isProfileField(field) && !isTermField(field)) continue;
    // Two messages for one field read as one paragraph under it.
    messages[field] = messages[field] ? `${messages[field]} ${message}` : message;
  }
  return messages;
}

/** The sidebar row for a plan just saved or created. */
export function summaryOf(stored: Pick<PlanDetail, 'id' | 'plan' | 'updatedAt'>): PlanSummary {
  return {
    id: stored.id,
    title: stored.plan.title,
    institutionName: stored.plan.profile.name,
    stage: stored.plan.profile.stage,
    updatedAt: stored.updatedAt,
  };
}
