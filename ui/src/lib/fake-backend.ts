// An in-memory stand-in for the Rust commands, for component tests and the browser preview.
// It answers like the real commands (same shapes, same field keys, Rust's message wording) but
// is not the validator and does not score: the tests pin the UI's behaviour, Rust's own tests
// pin the rules and the numbers. Scores are fixed (see `FIXED_SCORES`).
import { mockIPC } from '@tauri-apps/api/mocks';
import type { AreaKey } from '../bindings/AreaKey';
import type { AreaResponse } from '../bindings/AreaResponse';
import type { ExportOutcome } from '../bindings/ExportOutcome';
import type { FieldError } from '../bindings/FieldError';
import type { InstitutionProfile } from '../bindings/InstitutionProfile';
import type { Plan } from '../bindings/Plan';
import type { PlanDetail } from '../bindings/PlanDetail';
import type { PlanSummary } from '../bindings/PlanSummary';
import type { Problem } from '../bindings/Problem';
import type { ProfileForm } from '../bindings/ProfileForm';
import type { RolloutInputs } from '../bindings/RolloutInputs';
import type { RolloutResult } from '../bindings/RolloutResult';
import type { RolloutStatus } from '../bindings/RolloutStatus';
import type { StoredPlan } from '../bindings/StoredPlan';
import type { TermStart } from '../bindings/TermStart';
import type { WizardPosition } from '../bindings/WizardPosition';
import { summaryOf } from './api';
import {
  FIXED_SCORES,
  GUIDE,
  PROFILE_OPTIONS,
  STARTER_ROLLOUT,
  detailOf,
  emptyAssessment,
  fixtureProjection,
  samplePlan,
} from './fake-fixtures';
import { MONTHS } from './format';

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

function invalid(fields: FieldError[]): Problem {
  return { kind: 'invalid', message: fields.map((f) => f.message).join('; '), fields };
}

const COUNT = /^\d{1,3}([,. \u00a0\u202f'’]\d{3})*$|^\d+$/;

function countProblem(text: string, label: string, required: boolean): string | null {
  const typed = text.trim();
  if (typed === '')
    return required ? `${label} is required: the number of students, such as 12,500` : null;
  if (typed.startsWith('-') || typed.startsWith('−'))
    return `${label} cannot be negative (you typed “${typed}”)`;
  if (!COUNT.test(typed))
    return `${label} must be a whole number, such as 12,500 (you typed “${typed}”)`;
  return null;
}

const count = (text: string) => Number(text.replace(/\D/g, '') || '0');

function monthProblem(text: string, label: string): string | null {
  const typed = text.trim();
  const n = Number(typed);
  return Number.isInteger(n) && n >= 1 && n <= 12
    ? null
    : `${label} must be a month from 1 to 12 (you typed “${typed}”)`;
}

function daysIn(month: number): number {
  return month === 2 ? 28 : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function oneOf(text: string, keys: string[], fallback: string, label: string) {
  const typed = text.trim().toLowerCase();
  if (typed === '') return { value: fallback, problem: null };
  return keys.includes(typed)
    ? { value: typed, problem: null }
    : { value: fallback, problem: `${label} “${text.trim()}” is not one of the choices offered` };
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
    const { rollout, profile } = stored.plan;
    // Like Rust, the stored inputs are checked against the profile as it is now.
    const problems = rollout ? rolloutProblems(rollout, profile.totalEnrolment) : [];
    const projection: RolloutStatus =
      rollout && this.rolloutStatus
        ? structuredClone(this.rolloutStatus)
        : problems.length > 0
          ? { status: 'needs_attention', problems }
          : fixtureProjection(stored.plan, this.rolloutResult ?? undefined);
    return detailOf(stored, this.scores, projection);
  }

  async #answer(command: string, args: Record<string, unknown>): Promise<unknown> {
    this.calls.push({ command, args });
    if (this.latency > 0) await new Promise((resolve) => setTimeout(resolve, this.latency));
    const refusal = this.refusals.get(command);
    if (refusal) {
      this.refusals.delete(command);
      throw refusal;
    }
    const id = args.id as number;
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
        return this.#edit(id, (plan) => {
          plan.assessment.position = args.position as WizardPosition;
        });
      case 'set_action_adopted':
        return this.#adopt(id, args.action as string, args.adopted as boolean);
      case 'start_rollout':
        return this.#edit(id, (plan) => {
          plan.rollout ??= structuredClone(STARTER_ROLLOUT);
        });
      case 'update_rollout':
        return this.#updateRollout(id, args.inputs as RolloutInputs);
      case 'export_pdf':
        this.#find(id);
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

  #edit(id: number, change: (plan: Plan) => void): PlanDetail {
    const stored = this.#find(id);
    change(stored.plan);
    stored.updatedAt = new Date().toISOString();
    this.plans = this.plans.map((p) => (p.id === id ? stored : p));
    return this.detail(id);
  }

  #saveResponse(id: number, area: AreaKey, response: AreaResponse): PlanDetail {
    const guideArea = GUIDE.areas.find((a) => a.key === area);
    if (!guideArea) throw new Error(`unknown variant \`${area}\``);
    const statements = guideArea.statements.length;
    if (response.answers.length !== statements) {
      throw invalid([
        {
          field: 'assessment',
          message: `${guideArea.title} has ${statements} statements; ${response.answers.length} answers were given`,
        },
      ]);
    }
    return this.#edit(id, (plan) => {
      plan.assessment.responses[area] = structuredClone(response);
    });
  }

  #adopt(id: number, action: string, adopted: boolean): PlanDetail {
    if (!GUIDE.actions.some((a) => a.key === action)) {
      throw invalid([
        { field: 'assessment', message: `There is no action “${action}” in the library` },
      ]);
    }
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
    const plan = this.#find(id).plan;
    const fields = rolloutProblems(inputs, plan.profile.totalEnrolment);
    if (fields.length > 0) throw invalid(fields);
    this.rolloutStatus = null;
    return this.#edit(id, (p) => {
      p.rollout = structuredClone(inputs);
    });
  }

  #validate(form: ProfileForm): { title: string; profile: InstitutionProfile } {
    const fields: FieldError[] = [];
    const check = (field: string, message: string | null) => {
      if (message) fields.push({ field, message });
    };
    const required = (text: string, label: string) =>
      text.trim() === '' ? `${label} cannot be empty` : null;
    check('title', required(form.title, 'Plan title'));
    check('institutionName', required(form.institutionName, 'Institution name'));
    const country = form.country.trim().toUpperCase();
    check(
      'country',
      country && !PROFILE_OPTIONS.countries.some((c) => c.code === country)
        ? `“${form.country.trim()}” is not a country code; use two letters such as MX, PL or GR`
        : null,
    );
    const type = oneOf(
      form.institutionType,
      PROFILE_OPTIONS.institutionTypes.map((t) => t.key),
      'other',
      'Institution type',
    );
    check('institutionType', type.problem);
    check('totalEnrolment', countProblem(form.totalEnrolment, 'Total enrolment', true));
    check('degreePrograms', countProblem(form.degreePrograms, 'Number of degree programs', false));
    check('facultyHeadcount', countProblem(form.facultyHeadcount, 'Faculty headcount', false));

    const system = oneOf(
      form.calendarSystem,
      PROFILE_OPTIONS.calendarSystems.map((s) => s.key),
      'semester',
      'Academic calendar',
    );
    check('calendarSystem', system.problem);
    const choice = PROFILE_OPTIONS.calendarSystems.find((s) => s.key === system.value)!;
    let terms: TermStart[] = choice.typicalTerms;
    const countFits =
      form.terms.length >= choice.minTerms && form.terms.length <= choice.maxTerms;
    if (form.terms.length > 0 && !countFits) {
      const allowed =
        choice.minTerms === choice.maxTerms
          ? `${choice.minTerms}`
          : `${choice.minTerms} or ${choice.maxTerms}`;
      check(
        'terms',
        `A ${choice.key} calendar has ${allowed} terms a year; this one lists ${form.terms.length}`,
      );
    } else if (form.terms.length > 0) {
      terms = form.terms.map((t, i) => {
        const label = `Term ${i + 1}`;
        check(`terms.${i}.name`, required(t.name, `${label}’s name`));
        const monthProblemText = monthProblem(t.month, `${label}’s month`);
        check(`terms.${i}.month`, monthProblemText);
        const month = Number(t.month.trim());
        const day = Number(t.day.trim());
        if (!monthProblemText) {
          const max = daysIn(month);
          check(
            `terms.${i}.day`,
            Number.isInteger(day) && day >= 1 && day <= max
              ? null
              : `${label}’s start day must be from 1 to ${max} for ${MONTHS[month - 1]} (you typed “${t.day.trim()}”)`,
          );
        }
        return { name: t.name.trim(), month, day };
      });
    }
    const fiscal = form.fiscalYearStartMonth.trim();
    check('fiscalYearStartMonth', fiscal ? monthProblem(fiscal, 'Fiscal-year start month') : null);
    const currency = form.currency.trim().toUpperCase() || 'USD';
    check(
      'currency',
      PROFILE_OPTIONS.currencies.some((c) => c.code === currency)
        ? null
        : `“${form.currency.trim()}” is not a currency code; use three letters such as USD, EUR or INR`,
    );
    const credit = oneOf(
      form.creditSystem,
      PROFILE_OPTIONS.creditSystems.map((s) => s.key),
      'us_semester',
      'Home credit system',
    );
    check('creditSystem', credit.problem);
    let hours: number | null = null;
    if (credit.value === 'custom') {
      const typed = form.customHoursPerCredit.trim();
      hours = Number(typed.replace(',', '.'));
      if (typed === '') {
        check(
          'customHoursPerCredit',
          'With your own credit rule, say how many learning hours make one credit',
        );
      } else if (!(hours >= 1 && hours <= 200)) {
        check(
          'customHoursPerCredit',
          `Hours per credit must be a number from 1 to 200, such as 30 (you typed “${typed}”)`,
        );
      }
    }
    const stage = form.stage.trim().toLowerCase();
    check(
      'stage',
      stage === 'exploring' || stage === 'offering'
        ? null
        : `Stage must be “exploring” or “offering” (got “${form.stage.trim()}”)`,
    );
    if (fields.length > 0) throw invalid(fields);
    return {
      title: form.title.trim(),
      profile: {
        name: form.institutionName.trim(),
        country: country || null,
        institutionType: type.value as InstitutionProfile['institutionType'],
        totalEnrolment: count(form.totalEnrolment),
        degreePrograms: count(form.degreePrograms),
        facultyHeadcount: count(form.facultyHeadcount),
        calendar: { system: choice.key as InstitutionProfile['calendar']['system'], terms },
        fiscalYearStartMonth: fiscal ? Number(fiscal) : 7,
        currency,
        creditSystem: credit.value as InstitutionProfile['creditSystem'],
        customHoursPerCredit: hours,
        stage: stage as InstitutionProfile['stage'],
      },
    };
  }

  #create(form: ProfileForm): PlanDetail {
    const { title, profile } = this.#validate(form);
    const now = new Date().toISOString();
    const id = Math.max(0, ...this.plans.map((p) => p.id)) + 1;
    this.plans.push({
      id,
      plan: { title, profile, assessment: emptyAssessment(), rollout: null },
      createdAt: now,
      updatedAt: now,
    });
    return this.detail(id);
  }

  #update(id: number, form: ProfileForm): PlanDetail {
    this.#find(id);
    const { title, profile } = this.#validate(form);
    return this.#edit(id, (plan) => {
      plan.title = title;
      plan.profile = profile;
    });
  }
}

/** A number as Rust's messages write it: whole numbers plain, others to one decimal. */
const plainNumber = (x: number) =>
  Math.abs(x - Math.round(x)) < 1e-9 ? String(Math.round(x)) : x.toFixed(1);

/**
 * Some of Rust's checks of the rollout inputs, in its words, so the tests and the preview see
 * refusals shaped like the real ones. Not the validator: Rust's tests pin the rules.
 */
function rolloutProblems(inputs: RolloutInputs, totalEnrolment: number): FieldError[] {
  const fields: FieldError[] = [];
  const add = (field: string, message: string) => fields.push({ field, message });
  const range = (field: string, label: string, v: number, min: number, max: number, unit = '') => {
    if (!(v >= min && v <= max)) {
      add(
        field,
        `${label} must be from ${plainNumber(min)}${unit} to ${plainNumber(max)}${unit} (you entered ${plainNumber(v)}${unit})`,
      );
    }
  };
  const amount = (field: string, label: string, v: number) => {
    if (!(v >= 0)) add(field, `${label} cannot be negative or blank (you entered ${v})`);
  };
  if (inputs.horizonYears < 1 || inputs.horizonYears > 10) {
    add('horizonYears', `The horizon must be 1 to 10 years (you entered ${inputs.horizonYears})`);
  }
  inputs.credentials.forEach((c, i) => {
    const at = `credentials.${i}`;
    const name = c.title.trim() ? `“${c.title.trim()}”` : at;
    if (!c.title.trim()) add(`${at}.title`, 'A credential\'s title cannot be empty');
    if (c.provider.kind === 'industry' && !c.provider.name.trim()) {
      add(`${at}.provider.name`, `The provider of ${name} cannot be empty`);
    }
    if (!(c.learningHours > 0 && c.learningHours <= 2000)) {
      add(
        `${at}.learningHours`,
        `Learning hours of ${name} must be more than 0 and at most 2,000 (you entered ${c.learningHours})`,
      );
    }
    range(`${at}.homeCredit.amount`, `Credit granted for ${name}`, c.homeCredit.amount, 0, 120);
    if (c.targetPrograms.length === 0) {
      add(
        `${at}.targetPrograms`,
        `${name} needs at least one target program: its students are the ones who can enrol`,
      );
    }
    c.targetPrograms.forEach((p, j) => {
      if (!p.name.trim()) add(`${at}.targetPrograms.${j}.name`, 'A program\'s name cannot be empty');
    });
    const eligible = c.targetPrograms.reduce((n, p) => n + p.enrolment, 0);
    if (eligible > totalEnrolment) {
      add(
        `${at}.targetPrograms`,
        `The target programs of ${name} enrol ${eligible.toLocaleString('en-US')} students, more than the institution's ${totalEnrolment.toLocaleString('en-US')}`,
      );
    }
  });
  const u = inputs.uptake;
  range('uptake.pilotRatePct', 'The pilot uptake rate', u.pilotRatePct, 0, 100, ' %');
  range('uptake.targetRatePct', 'The target uptake rate', u.targetRatePct, 0, 100, ' %');
  range('uptake.completionRatePct', 'The completion rate', u.completionRatePct, 0, 100, ' %');
  range('uptake.coursesPerLearner', 'Courses per learner', u.coursesPerLearner, 0, 50);
  const b = inputs.budget;
  amount('budget.licenceCostPerLearner', 'The licence cost per learner', b.licenceCostPerLearner);
  amount('budget.staffFte', 'Staff FTE', b.staffFte);
  amount('budget.salaryPerFte', 'The salary per FTE', b.salaryPerFte);
  amount('budget.marketingPerYear', 'Marketing per year', b.marketingPerYear);
  range('budget.retentionUpliftPctPoints', 'The retention uplift', b.retentionUpliftPctPoints, 0, 100, ' %');
  if (inputs.uncertainty.draws > 200_000) {
    add(
      'uncertainty.draws',
      `At most 200,000 draws (you entered ${inputs.uncertainty.draws.toLocaleString('en-US')})`,
    );
  }
  return fields;
}
