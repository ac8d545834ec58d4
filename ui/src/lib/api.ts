// Every call the webview makes to the Rust side goes through this module, and every failure
// comes out of it as a `Problem`, so components never see a raw exception or match on text.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import type { Country } from '../bindings/Country';
import type { ExportOutcome } from '../bindings/ExportOutcome';
import type { FieldError } from '../bindings/FieldError';
import type { PlanSummary } from '../bindings/PlanSummary';
import type { Problem } from '../bindings/Problem';
import type { ProblemKind } from '../bindings/ProblemKind';
import type { ProfileForm } from '../bindings/ProfileForm';
import type { StoredPlan } from '../bindings/StoredPlan';

/** A key of the profile form, as Rust names the field in a `FieldError`. */
export type ProfileField = keyof ProfileForm;

// Checked against the generated type: adding a form field in Rust fails the build here.
const PROFILE_FIELDS = {
  title: true,
  institutionName: true,
  country: true,
  totalEnrolment: true,
  stage: true,
} as const satisfies Record<ProfileField, true>;

export function isProfileField(field: string): field is ProfileField {
  return Object.prototype.hasOwnProperty.call(PROFILE_FIELDS, field);
}

const PROBLEM_KINDS: readonly ProblemKind[] = ['invalid', 'not_found', 'storage', 'report'];

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

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toProblem(error);
  }
}

/** All plans, most recently updated first. */
export function listPlans(): Promise<PlanSummary[]> {
  return call('list_plans');
}

export function getPlan(id: number): Promise<StoredPlan> {
  return call('get_plan', { id });
}

export function createPlan(form: ProfileForm): Promise<StoredPlan> {
  return call('create_plan', { form });
}

export function updateProfile(id: number, form: ProfileForm): Promise<StoredPlan> {
  return call('update_profile', { id, form });
}

export function listCountries(): Promise<Country[]> {
  return call('list_countries');
}

/** Rust asks where to save with the native dialog; the webview never names a path. */
export function exportPdf(id: number): Promise<ExportOutcome> {
  return call('export_pdf', { id });
}

/** The field messages of an `invalid` problem, by form field; others are left out. */
export function fieldMessages(problem: Problem): Partial<Record<ProfileField, string>> {
  const messages: Partial<Record<ProfileField, string>> = {};
  for (const { field, message } of problem.fields) {
    if (!isProfileField(field)) continue;
    // Two messages for one field read as one paragraph under it.
    messages[field] = messages[field] ? `${messages[field]} ${message}` : message;
  }
  return messages;
}

/** The sidebar row for a plan just saved or created. */
export function summaryOf(stored: StoredPlan): PlanSummary {
  return {
    id: stored.id,
    title: stored.plan.title,
    institutionName: stored.plan.profile.name,
    stage: stored.plan.profile.stage,
    updatedAt: stored.updatedAt,
  };
}
