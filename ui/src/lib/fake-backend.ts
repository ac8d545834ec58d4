// An in-memory stand-in for the Rust commands, for component tests and the browser preview.
// It answers like the real commands (same shapes, same field keys, Rust's message wording) but
// is not the validator: the tests pin the UI's behaviour, Rust's own tests pin the rules.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { Country } from '../bindings/Country';
import type { ExportOutcome } from '../bindings/ExportOutcome';
import type { FieldError } from '../bindings/FieldError';
import type { PlanSummary } from '../bindings/PlanSummary';
import type { Problem } from '../bindings/Problem';
import type { ProfileForm } from '../bindings/ProfileForm';
import type { Stage } from '../bindings/Stage';
import type { StoredPlan } from '../bindings/StoredPlan';
import { summaryOf } from './api';

export const SAMPLE_COUNTRIES: Country[] = [
  { code: 'AU', name: 'Australia' },
  { code: 'CA', name: 'Canada' },
  { code: 'DE', name: 'Germany' },
  { code: 'GR', name: 'Greece' },
  { code: 'IN', name: 'India' },
  { code: 'MX', name: 'Mexico' },
  { code: 'NG', name: 'Nigeria' },
  { code: 'PL', name: 'Poland' },
  { code: 'GB', name: 'United Kingdom' },
  { code: 'US', name: 'United States' },
];

export function storedPlan(
  id: number,
  title: string,
  institution: string,
  updatedAt: string,
  extra: { country?: string | null; totalEnrolment?: number; stage?: Stage } = {},
): StoredPlan {
  return {
    id,
    plan: {
      title,
      profile: {
        name: institution,
        country: extra.country ?? null,
        totalEnrolment: extra.totalEnrolment ?? 12_500,
        stage: extra.stage ?? 'exploring',
      },
    },
    createdAt: updatedAt,
    updatedAt,
  };
}

/** The plan the real app seeds on first start. */
export function samplePlan(id = 1, updatedAt = new Date().toISOString()): StoredPlan {
  return storedPlan(
    id,
    'Industry micro-credentials: system-wide expansion 2027–2031',
    'Lakeshore State University System',
    updatedAt,
    { country: 'US', totalEnrolment: 240_000, stage: 'offering' },
  );
}

function required(text: string, label: string): string | null {
  return text.trim() === '' ? `${label} cannot be empty` : null;
}

function enrolmentProblem(text: string): string | null {
  const typed = text.trim();
  if (typed === '') return 'Total enrolment is required: the number of students, such as 12,500';
  if (typed.startsWith('-') || typed.startsWith('−'))
    return `Total enrolment cannot be negative (you typed “${typed}”)`;
  if (!/^\d{1,3}([,. \u00a0\u202f'’]\d{3})*$|^\d+$/.test(typed))
    return `Total enrolment must be a whole number of students, such as 12,500 (you typed “${typed}”)`;
  return null;
}

export class FakeBackend {
  plans: StoredPlan[];
  countries: Country[];
  /** What the next `export_pdf` answers; a Problem is thrown as the rejection. */
  exportAnswer: ExportOutcome | Problem = {
    status: 'saved',
    path: '/home/dean/Documents/Lakeshore plan.pdf',
    bytes: 48_213,
    pages: 12,
  };
  /** Milliseconds each answer waits, so a preview shows "Saving…" and "Exporting…". */
  latency = 0;
  /** Every command received, in order, with its arguments. */
  readonly calls: { command: string; args: Record<string, unknown> }[] = [];

  constructor(plans: StoredPlan[] = [samplePlan()], countries: Country[] = SAMPLE_COUNTRIES) {
    this.plans = structuredClone(plans);
    this.countries = countries;
  }

  install(): this {
    mockIPC((command, args) => this.#answer(command, (args ?? {}) as Record<string, unknown>));
    return this;
  }

  callsOf(command: string): Record<string, unknown>[] {
    return this.calls.filter((c) => c.command === command).map((c) => c.args);
  }

  async #answer(command: string, args: Record<string, unknown>): Promise<unknown> {
    this.calls.push({ command, args });
    if (this.latency > 0) await new Promise((resolve) => setTimeout(resolve, this.latency));
    switch (command) {
      case 'list_plans':
        return this.#summaries();
      case 'get_plan':
        return this.#find(args.id as number);
      case 'create_plan':
        return this.#create(args.form as ProfileForm);
      case 'update_profile':
        return this.#update(args.id as number, args.form as ProfileForm);
      case 'list_countries':
        return this.countries;
      case 'export_pdf':
        this.#find(args.id as number);
        if ('kind' in this.exportAnswer) throw this.exportAnswer;
        return this.exportAnswer;
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

  #validate(form: ProfileForm): StoredPlan['plan'] {
    const fields: FieldError[] = [];
    const check = (field: keyof ProfileForm, message: string | null) => {
      if (message) fields.push({ field, message });
    };
    check('title', required(form.title, 'Plan title'));
    check('institutionName', required(form.institutionName, 'Institution name'));
    const country = form.country.trim().toUpperCase();
    check(
      'country',
      country && !this.countries.some((c) => c.code === country)
        ? `“${form.country.trim()}” is not a country code; use two letters such as MX, PL or GR`
        : null,
    );
    check('totalEnrolment', enrolmentProblem(form.totalEnrolment));
    const stage = form.stage.trim().toLowerCase();
    check(
      'stage',
      stage === 'exploring' || stage === 'offering'
        ? null
        : `Stage must be “exploring” or “offering” (got “${form.stage.trim()}”)`,
    );
    if (fields.length > 0) {
      const problem: Problem = {
        kind: 'invalid',
        message: fields.map((f) => f.message).join('; '),
        fields,
      };
      throw problem;
    }
    return {
      title: form.title.trim(),
      profile: {
        name: form.institutionName.trim(),
        country: country || null,
        totalEnrolment: Number(form.totalEnrolment.replace(/\D/g, '')),
        stage: stage as Stage,
      },
    };
  }

  #create(form: ProfileForm): StoredPlan {
    const plan = this.#validate(form);
    const now = new Date().toISOString();
    const id = Math.max(0, ...this.plans.map((p) => p.id)) + 1;
    const stored: StoredPlan = { id, plan, createdAt: now, updatedAt: now };
    this.plans.push(stored);
    return structuredClone(stored);
  }

  #update(id: number, form: ProfileForm): StoredPlan {
    const existing = this.#find(id);
    const plan = this.#validate(form);
    const stored: StoredPlan = { ...existing, plan, updatedAt: new Date().toISOString() };
    this.plans = this.plans.map((p) => (p.id === id ? stored : p));
    return structuredClone(stored);
  }
}
