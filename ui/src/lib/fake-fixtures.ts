// Data for the fake backend (component tests and the browser preview). The assessment guide and
// the ISO lists are read from the Rust crate's own data files, so the report's figures live in
// one place; the rest mirrors what the Rust side returns, with fixed scores in place of scoring.
import guideData from '../../../src-tauri/planner-core/data/assessment.json';
import countriesTsv from '../../../src-tauri/planner-core/data/countries.tsv?raw';
import currenciesTsv from '../../../src-tauri/planner-core/data/currencies.tsv?raw';
import type { AreaKey } from '../bindings/AreaKey';
import type { AreaResult } from '../bindings/AreaResult';
import type { Assessment } from '../bindings/Assessment';
import type { AssessmentGuide } from '../bindings/AssessmentGuide';
import type { AssessmentResult } from '../bindings/AssessmentResult';
import type { CodeName } from '../bindings/CodeName';
import type { Confidence } from '../bindings/Confidence';
import type { InstitutionProfile } from '../bindings/InstitutionProfile';
import type { Plan } from '../bindings/Plan';
import type { PlanDetail } from '../bindings/PlanDetail';
import type { ProfileOptions } from '../bindings/ProfileOptions';
import type { CreditConversion } from '../bindings/CreditConversion';
import type { FieldError } from '../bindings/FieldError';
import type { RolloutInputs } from '../bindings/RolloutInputs';
import type { RolloutResult } from '../bindings/RolloutResult';
import type { RolloutStatus } from '../bindings/RolloutStatus';
import type { StoredPlan } from '../bindings/StoredPlan';
import type { TermStart } from '../bindings/TermStart';
import { replayedEngagement, replayedSchedule, sampleWork } from './fake-workplan';
import rolloutFixture from './fixtures/rollout.json';

function isoList(tsv: string): CodeName[] {
  return tsv
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [code = '', name = ''] = line.split('\t');
      return { code, name: name.trim() };
    });
}

// The data file leaves `reverse` out where it is false; Rust sends it always.
type GuideFile = Omit<AssessmentGuide, 'areas'> & {
  areas: (Omit<AssessmentGuide['areas'][number], 'statements'> & {
    statements: { text: string; weight: number; reverse?: boolean }[];
  })[];
};

const guideFile = guideData as unknown as GuideFile;

export const GUIDE: AssessmentGuide = {
  ...guideFile,
  areas: guideFile.areas.map((area) => ({
    ...area,
    statements: area.statements.map((s) => ({
      text: s.text,
      weight: s.weight,
      reverse: s.reverse ?? false,
    })),
  })),
};

const term = (name: string, month: number, day: number): TermStart => ({ name, month, day });

export const PROFILE_OPTIONS: ProfileOptions = {
  countries: isoList(countriesTsv),
  currencies: isoList(currenciesTsv),
  institutionTypes: [
    { key: 'public_university', label: 'Public university' },
    { key: 'private_nonprofit', label: 'Private non-profit university or college' },
    { key: 'private_for_profit', label: 'Private for-profit institution' },
    { key: 'community_college', label: 'Community or further-education college' },
    { key: 'technical_institute', label: 'Technical or polytechnic institute' },
    { key: 'university_system', label: 'University system (several campuses)' },
    { key: 'other', label: 'Other' },
  ],
  calendarSystems: [
    {
      key: 'semester',
      label: 'Semesters',
      minTerms: 2,
      maxTerms: 3,
      typicalTerms: [term('Fall', 8, 26), term('Spring', 1, 13)],
    },
    {
      key: 'quarter',
      label: 'Quarters',
      minTerms: 3,
      maxTerms: 4,
      typicalTerms: [
        term('Autumn', 9, 23),
        term('Winter', 1, 6),
        term('Spring', 3, 31),
        term('Summer', 6, 23),
      ],
    },
    {
      key: 'trimester',
      label: 'Trimesters',
      minTerms: 3,
      maxTerms: 3,
      typicalTerms: [term('First', 9, 2), term('Second', 1, 6), term('Third', 5, 4)],
    },
  ],
  creditSystems: [
    { key: 'us_semester', label: 'US semester credit hours (ACE recommendations)' },
    { key: 'ects', label: 'ECTS credits' },
    { key: 'nsqf', label: 'NSQF / NCrF credits (India)' },
    { key: 'uk_cats', label: 'UK CATS credits' },
    { key: 'custom', label: 'Our own rule (hours per credit)' },
  ],
};

/**
 * The score the fake gives an area once anything in it is rated. Fixed numbers (those Rust
 * computes for the sample plan's answers): the fake does not score, Rust's tests pin that.
 */
export const FIXED_SCORES: Record<AreaKey, number> = {
  awareness: 68,
  curriculum_integration: 69,
  quality: 69,
  resources: 25,
  curriculum_transformation: 48,
  faculty_buy_in: 29,
};

/** Rust's result shape, from fixed scores; the counts are counted, nothing is weighed. */
export function fixedResult(
  plan: Plan,
  scores: Record<AreaKey, number> = FIXED_SCORES,
): AssessmentResult {
  const stage = plan.profile.stage;
  const ordered = [
    ...GUIDE.areas.filter((a) => a.emphasisedFor === stage),
    ...GUIDE.areas.filter((a) => a.emphasisedFor !== stage),
  ];
  const areas: AreaResult[] = ordered.map((area) => {
    const answers = plan.assessment.responses[area.key]?.answers ?? [];
    const statements = area.statements.length;
    const at = (i: number) => answers[i] ?? null;
    const indices = [...Array(statements).keys()];
    const rated = indices.filter((i) => typeof at(i) === 'number').length;
    const dontKnow = indices.filter((i) => at(i) === 'dont_know').length;
    const score = rated > 0 ? scores[area.key] : null;
    const band =
      score === null
        ? null
        : [...GUIDE.bands]
            .sort((a, b) => b.minScore - a.minScore)
            .find((b) => b.minScore <= score) ?? null;
    const share = rated / statements;
    const confidence: Confidence =
      share >= 0.8 ? 'high' : share >= 0.5 ? 'medium' : share > 0 ? 'low' : 'none';
    const b = area.benchmark;
    return {
      area: area.key,
      title: area.title,
      score,
      band: band?.key ?? null,
      bandLabel: band?.label ?? null,
      statements,
      rated,
      dontKnow,
      unanswered: statements - rated - dontKnow,
      confidence,
      emphasised: area.emphasisedFor === stage,
      benchmarkPercent: b.percent,
      benchmarkLine: `${b.percent}% of leaders ${b.population} name ${b.challenge} a top challenge`,
      rank: null,
    };
  });
  const ranking = areas
    .filter((a) => a.score !== null)
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0) || b.benchmarkPercent - a.benchmarkPercent)
    .map((a) => a.area);
  for (const area of areas) {
    const at = ranking.indexOf(area.area);
    area.rank = at === -1 ? null : at + 1;
  }
  return {
    areas,
    ranking,
    answered: areas.reduce((n, a) => n + a.rated + a.dontKnow, 0),
    total: areas.reduce((n, a) => n + a.statements, 0),
    weakest: ranking.filter((key) => {
      const band = areas.find((a) => a.area === key)?.band;
      return band === 'critical' || band === 'significant';
    }),
  };
}

// The rollout figures are Rust's own, made by `ui/scripts/make-rollout-fixtures.py` from the
// real model: the sample plan's, a new rollout's (no credentials yet), one credential whose
// grant the hours cannot support, and inputs that no longer fit a smaller institution.
const fixture = rolloutFixture as unknown as {
  sample: { inputs: RolloutInputs; result: RolloutResult };
  starter: { inputs: RolloutInputs; result: RolloutResult };
  flaggedCredit: CreditConversion;
  needsAttention: { totalEnrolment: number; problems: FieldError[] };
};

/** The sample plan's rollout inputs, as Rust seeds them. */
export const SAMPLE_ROLLOUT: RolloutInputs = fixture.sample.inputs;
/** Rust's figures for the sample plan (10 certificates, calibrated). */
export const SAMPLE_RESULT: RolloutResult = fixture.sample.result;
/** What `start_rollout` makes: five years from 1 August 2027, no credentials yet. */
export const STARTER_ROLLOUT: RolloutInputs = fixture.starter.inputs;
export const STARTER_RESULT: RolloutResult = fixture.starter.result;
/** The sample's eighth credential granted 4 credits for 150 hours, as Rust converts it. */
export const FLAGGED_CREDIT: CreditConversion = fixture.flaggedCredit;
/** Rust's problems with the sample's inputs once the institution has 20,000 students. */
export const NEEDS_ATTENTION = fixture.needsAttention;

/**
 * Rust's figures for a plan, replayed: the sample's rollout (and edits of it) gets the
 * sample's figures, any other the new rollout's, cut to one conversion and one uptake row per
 * credential (titles as entered). The fake does not project; Rust's tests pin the numbers.
 */
export function fixtureProjection(plan: Plan, result?: RolloutResult): RolloutStatus {
  const inputs = plan.rollout;
  if (!inputs) return { status: 'not_started' };
  const n = inputs.credentials.length;
  const fromSample = inputs.startDate === SAMPLE_ROLLOUT.startDate;
  const figures = structuredClone(result ?? (fromSample ? SAMPLE_RESULT : STARTER_RESULT));
  figures.currency = plan.profile.currency;
  if (!result) {
    figures.credits = figures.credits.slice(0, n);
    figures.uptake.credentials = figures.uptake.credentials.slice(0, n).map((c, i) => ({
      ...c,
      title: inputs.credentials[i]?.title ?? c.title,
    }));
  }
  return { status: 'projected', result: figures };
}

export function detailOf(
  stored: StoredPlan,
  scores?: Record<AreaKey, number>,
  projection: RolloutStatus = fixtureProjection(stored.plan),
): PlanDetail {
  return {
    ...structuredClone(stored),
    assessmentResult: fixedResult(stored.plan, scores),
    projection,
    schedule: replayedSchedule(stored.plan),
    engagement: replayedEngagement(stored.plan),
    kpis: structuredClone(stored.plan.kpis),
  };
}

export function emptyAssessment(): Assessment {
  return { responses: {}, position: { step: 'start' }, adoptedActions: [] };
}

/** What a new plan holds besides its title, profile, assessment and rollout. */
export function emptyWork(): Pick<Plan, 'workPlan' | 'risks' | 'kpis' | 'engagement' | 'review'> {
  return {
    workPlan: { tasks: [], dependencies: [] },
    risks: [],
    kpis: [],
    engagement: { departments: [], sessions: [], targets: [], hoursPerEngagedMemberPerTerm: 0 },
    review: { status: 'draft', reviewers: [], comments: [] },
  };
}

/** A profile with typical values for whatever `extra` leaves out, as Rust fills them. */
export function profileWith(
  name: string,
  extra: Partial<InstitutionProfile> = {},
): InstitutionProfile {
  return {
    name,
    country: null,
    institutionType: 'other',
    totalEnrolment: 12_500,
    degreePrograms: 0,
    facultyHeadcount: 0,
    calendar: { system: 'semester', terms: [term('Fall', 8, 26), term('Spring', 1, 13)] },
    fiscalYearStartMonth: 7,
    currency: 'USD',
    creditSystem: 'us_semester',
    customHoursPerCredit: null,
    stage: 'exploring',
    ...extra,
  };
}

export function storedPlan(
  id: number,
  title: string,
  institution: string,
  updatedAt: string,
  extra: Partial<InstitutionProfile> = {},
  assessment: Assessment = emptyAssessment(),
  rollout: RolloutInputs | null = null,
): StoredPlan {
  return {
    id,
    plan: {
      title,
      profile: profileWith(institution, extra),
      assessment,
      rollout,
      ...emptyWork(),
    },
    revision: 1,
    createdAt: updatedAt,
    updatedAt,
  };
}

/** What the sample plan has answered (as Rust's sample does). */
export function sampleAssessment(): Assessment {
  return {
    responses: {
      resources: {
        answers: [2, 2, 1, 3, 2],
        evidence:
          'The first two years ran on a one-off system grant that ends in August 2027.',
      },
      curriculum_transformation: { answers: [3, 2, 3, 2, 4, 3], evidence: '' },
      faculty_buy_in: {
        answers: [3, 1, 1, 3, 3, 4],
        evidence: 'Champions exist on three campuses; none has workload credit for it.',
      },
      awareness: { answers: [4, 4, 3, 4, 3], evidence: '' },
      curriculum_integration: { answers: [4, 5, 3, 3, 'dont_know'], evidence: '' },
      quality: { answers: [4, 3, 4, 'dont_know', 2], evidence: '' },
    },
    position: { step: 'summary' },
    adoptedActions: [
      'pilot_budget_line',
      'protected_support_staff',
      'faculty_champions',
      'promotion_tenure_recognition',
      'stackable_pathways',
    ].map((action) => ({ action, adoptedOn: '2026-11-02' })),
  };
}

/** The plan the real app seeds on first start. */
export function samplePlan(id = 1, updatedAt = new Date().toISOString()): StoredPlan {
  const stored = storedPlan(
    id,
    'Industry micro-credentials: system-wide expansion 2027–2031',
    'Lakeshore State University System',
    updatedAt,
    {
      country: 'US',
      institutionType: 'university_system',
      totalEnrolment: 240_000,
      degreePrograms: 1_150,
      facultyHeadcount: 11_800,
      calendar: {
        system: 'semester',
        terms: [term('Fall', 8, 25), term('Spring', 1, 12), term('Summer', 6, 1)],
      },
      fiscalYearStartMonth: 9,
      currency: 'USD',
      creditSystem: 'us_semester',
      stage: 'offering',
    },
    sampleAssessment(),
    structuredClone(SAMPLE_ROLLOUT),
  );
  Object.assign(stored.plan, sampleWork());
  return stored;
}
