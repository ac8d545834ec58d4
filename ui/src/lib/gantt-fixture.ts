// A small work plan on the sample plan's calendar (it starts Tuesday 1 Sep 2026) and its
// schedule, worked out by hand in working days (Monday to Friday) for the chart and table
// tests:
//   credit mapping  4 weeks   days 0–19   1 Sep – 28 Sep 2026   critical
//   champions       2 weeks   days 0–9    1 Sep – 14 Sep 2026   slack 250 days (50 weeks)
//   senate approval milestone day 20      29 Sep 2026           critical (after credit mapping)
//   platform        48 weeks  days 20–259 29 Sep 2026 – 30 Aug 2027, critical (after the
//                   senate), and late: the Prepare phase it feeds ends 24 Aug 2027.
import type { Schedule } from '../bindings/Schedule';
import type { ScheduledTask } from '../bindings/ScheduledTask';
import type { WorkPlan } from '../bindings/WorkPlan';

export const GANTT_PLAN: WorkPlan = {
  tasks: [
    {
      id: 'credit_mapping',
      title: 'Map credentials to credit',
      ownerRole: 'Registrar',
      durationWeeks: 4,
      pinnedTerm: null,
      phase: 'prepare',
      kind: { type: 'action', action: 'credit_mapping' },
    },
    {
      id: 'champions',
      title: 'Name faculty champions',
      ownerRole: 'Dean of Faculty',
      durationWeeks: 2,
      pinnedTerm: null,
      phase: null,
      kind: { type: 'custom' },
    },
    {
      id: 'senate',
      title: 'Senate approval',
      ownerRole: 'Provost',
      durationWeeks: 0,
      pinnedTerm: null,
      phase: 'prepare',
      kind: { type: 'milestone' },
    },
    {
      id: 'platform',
      title: 'Connect the learning platform',
      ownerRole: 'Chief Information Officer',
      durationWeeks: 48,
      pinnedTerm: null,
      phase: 'prepare',
      kind: { type: 'custom' },
    },
  ],
  dependencies: [
    { predecessor: 'credit_mapping', successor: 'senate', lagWeeks: 0 },
    { predecessor: 'senate', successor: 'platform', lagWeeks: 0 },
  ],
};

const task = (
  id: string,
  startDay: number,
  workingDays: number,
  [earliestStart, earliestFinish, latestStart, latestFinish]: string[],
  slackDays: number,
  phaseEnd: string | null,
): ScheduledTask => ({
  id,
  startDay,
  workingDays,
  earliestStart: earliestStart!,
  earliestFinish: earliestFinish!,
  latestStart: latestStart!,
  latestFinish: latestFinish!,
  slackDays,
  critical: slackDays === 0,
  phaseEnd,
  lateForPhase: phaseEnd !== null && earliestFinish! > phaseEnd,
});

const PREPARE_END = '2027-08-24';

export const GANTT_SCHEDULE: Schedule = {
  start: '2026-09-01',
  finish: '2027-08-30',
  workingDays: 260,
  tasks: [
    task('credit_mapping', 0, 20, ['2026-09-01', '2026-09-28', '2026-09-01', '2026-09-28'], 0, PREPARE_END),
    task('champions', 0, 10, ['2026-09-01', '2026-09-14', '2027-08-17', '2027-08-30'], 250, null),
    task('senate', 20, 0, ['2026-09-29', '2026-09-29', '2026-09-29', '2026-09-29'], 0, PREPARE_END),
    task('platform', 20, 240, ['2026-09-29', '2027-08-30', '2026-09-29', '2027-08-30'], 0, PREPARE_END),
  ],
  criticalPath: ['credit_mapping', 'senate', 'platform'],
  links: [
    { predecessor: 'credit_mapping', successor: 'senate', lagWeeks: 0, critical: true },
    { predecessor: 'senate', successor: 'platform', lagWeeks: 0, critical: true },
  ],
};
