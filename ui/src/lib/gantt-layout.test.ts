import { describe, expect, it } from 'vitest';
import { SAMPLE_RESULT } from './fake-backend';
import { GANTT_PLAN, GANTT_SCHEDULE } from './gantt-fixture';
import {
  DIAMOND,
  HEADER_HEIGHT,
  ROW_HEIGHT,
  dayNumber,
  describeTask,
  inView,
  isoDay,
  layoutGantt,
  scheduledRows,
  workingTime,
  type Zoom,
} from './gantt-layout';

const layout = (zoom: Zoom, today = '2026-11-02') =>
  layoutGantt({
    tasks: GANTT_PLAN.tasks,
    schedule: GANTT_SCHEDULE,
    terms: SAMPLE_RESULT.terms,
    phases: SAMPLE_RESULT.phases,
    today,
    zoom,
  });

const row = (zoom: Zoom, title: string) => {
  const found = layout(zoom).rows.find((r) => r.title === title);
  if (!found) throw new Error(`no row ${title}`);
  return found;
};

describe('Gantt layout', () => {
  it('lists the tasks by start date, the plan order breaking ties', () => {
    expect(layout('months').rows.map((r) => r.title)).toEqual([
      'Map credentials to credit',
      'Name faculty champions',
      'Senate approval',
      'Connect the learning platform',
    ]);
  });

  it('draws a bar from the first working day to the end of the last one', () => {
    // 1 Sep to 28 Sep 2026 inclusive is 28 calendar days: 336 pixels at 12 a day.
    const mapping = row('weeks', 'Map credentials to credit');
    expect(mapping.width).toBe(28 * 12);
    const champions = row('weeks', 'Name faculty champions');
    expect(champions.x).toBe(mapping.x);
    expect(champions.width).toBe(14 * 12);
  });

  it('puts a milestone at its day, with no length, after what it waits for', () => {
    const senate = row('weeks', 'Senate approval');
    const mapping = row('weeks', 'Map credentials to credit');
    expect(senate.milestone).toBe(true);
    expect(senate.width).toBe(0);
    // 29 Sep is the day after the mapping's last; the diamond sits in that day's middle.
    expect(senate.x).toBe(mapping.x + mapping.width + 6);
  });

  it('zooming out keeps the order and shrinks the time scale', () => {
    const weeks = row('weeks', 'Connect the learning platform');
    const years = row('years', 'Connect the learning platform');
    expect(years.width).toBeLessThan(weeks.width / 20);
    expect(layout('years').rows.map((r) => r.id)).toEqual(layout('weeks').rows.map((r) => r.id));
  });

  it('marks the critical and the late tasks, and says so in words', () => {
    const platform = row('months', 'Connect the learning platform');
    expect(platform.critical).toBe(true);
    expect(platform.late).toBe(true);
    expect(describeTask(platform)).toBe(
      'Connect the learning platform, Chief Information Officer: Sep 29, 2026 to Aug 30, 2027; ' +
        'on the critical path; finishes after the Prepare gate',
    );
    const champions = row('months', 'Name faculty champions');
    expect(champions.critical).toBe(false);
    expect(describeTask(champions)).toContain('can slip 50 weeks');
    expect(describeTask(row('months', 'Senate approval'))).toContain('milestone on Sep 29, 2026');
  });

  it('covers every phase of the plan with a band, in order', () => {
    const bands = layout('years').bands;
    expect(bands.map((b) => b.label)).toEqual(['Prepare', 'Pilot', 'Scale', 'Sustain']);
    for (const [a, b] of bands.slice(0, -1).map((band, i) => [band, bands[i + 1]!])) {
      expect(a.x + a.width).toBeCloseTo(b.x, 6);
    }
  });

  it('marks the time scale by Mondays, months, terms or years', () => {
    expect(layout('weeks').ticks.slice(0, 3).map((t) => t.label)).toEqual(['Aug 31', 'Sep 7', 'Sep 14']);
    expect(layout('months').ticks[0]?.label).toBe('Sep 2026');
    expect(layout('terms').ticks.slice(0, 3).map((t) => t.label)).toEqual([
      'Fall 2026',
      'Spring 2027',
      'Summer 2027',
    ]);
    expect(layout('years').ticks[0]?.label).toBe('2027');
  });

  it('draws each dependency as an elbow from the end of one task into the start of the next', () => {
    const withWait = {
      ...GANTT_SCHEDULE,
      links: [
        ...GANTT_SCHEDULE.links,
        { predecessor: 'champions', successor: 'platform', lagWeeks: 1, critical: false },
      ],
    };
    const chart = layoutGantt({
      tasks: GANTT_PLAN.tasks,
      schedule: withWait,
      terms: SAMPLE_RESULT.terms,
      phases: SAMPLE_RESULT.phases,
      today: '2026-11-02',
      zoom: 'weeks',
    });
    const at = (title: string) => chart.rows.find((r) => r.title === title)!;
    const [champions, mapping, senate, platform] = [
      at('Name faculty champions'),
      at('Map credentials to credit'),
      at('Senate approval'),
      at('Connect the learning platform'),
    ];
    const middle = (r: { y: number }) => r.y + ROW_HEIGHT / 2;
    expect(chart.arrows.map((a) => [a.key, a.critical])).toEqual([
      ['champions→platform', false],
      ['credit_mapping→senate', true],
      ['senate→platform', true],
    ]);
    const [wait, intoSenate, intoPlatform] = chart.arrows;
    // Room to turn beside the champions' bar: out, down to the platform's row, right into it.
    const out = champions.x + champions.width;
    expect(wait!.path).toBe(`M ${out} ${middle(champions)} H ${out + 6} V ${middle(platform)} H ${platform.x}`);
    expect(wait!.lag).toBe('1 week later');
    // The senate's diamond starts left of where the mapping ends: the arrow goes out, down to
    // the line above the senate's row, back, and into the diamond's left point.
    const end = mapping.x + mapping.width;
    const tip = senate.x - DIAMOND;
    expect(intoSenate!.path).toBe(
      `M ${end} ${middle(mapping)} H ${end + 6} V ${senate.y} H ${tip - 6} V ${middle(senate)} H ${tip}`,
    );
    expect(intoSenate!.lag).toBe('');
    expect(intoPlatform!.path.startsWith(`M ${senate.x + DIAMOND} ${middle(senate)}`)).toBe(true);
  });

  it('keeps to the rows and arrows near the part in view, and the rows of the tab stop and the open task', () => {
    const chart = layout('weeks');
    const all = inView(chart, 0, 800, [0, 0]);
    expect(all.rows.map((r) => r.at)).toEqual([0, 1, 2, 3]);
    expect(all.arrows).toHaveLength(2);
    // Scrolled far below the four rows, only the kept rows remain, each once, with their arrows.
    const far = inView(chart, 5_000, 800, [2, 2]);
    expect(far.rows.map((r) => r.at)).toEqual([2]);
    const kept = chart.rows[2]!.id;
    expect(far.arrows.length).toBeGreaterThan(0);
    expect(far.arrows.every((a) => a.from === kept || a.to === kept)).toBe(true);
    expect(inView(chart, 5_000, 800, []).arrows).toEqual([]);
    expect(inView(chart, 5_000, 800, [0, 3]).rows.map((r) => r.at)).toEqual([0, 3]);
  });

  it('draws the arrows into and out of the rows drawn, not those between two tasks out of view', () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({ ...layout('weeks').rows[0]!, id: `t${i}` }));
    const arrow = (from: number, to: number) => ({
      ...layout('weeks').arrows[0]!,
      key: `t${from}→t${to}`,
      from: `t${from}`,
      to: `t${to}`,
    });
    const chart = { ...layout('weeks'), rows, arrows: [arrow(0, 399), arrow(0, 200), arrow(200, 399)] };
    const middle = HEADER_HEIGHT + 200 * ROW_HEIGHT;
    const drawn = inView(chart, middle, 400, []);
    expect(drawn.rows.map((r) => r.at)).toContain(200);
    expect(drawn.rows.map((r) => r.at)).not.toContain(0);
    expect(drawn.arrows.map((a) => a.key)).toEqual(['t0→t200', 't200→t399']);
  });

  it('draws today’s line only when today is on the chart', () => {
    const inside = layout('weeks', '2026-09-08');
    const mapping = inside.rows[0]!;
    expect(inside.today).toBe(mapping.x + 7 * 12);
    expect(layout('weeks', '2040-01-01').today).toBeNull();
  });
});

describe('the table’s rows', () => {
  it('skip a scheduled task the plan no longer holds', () => {
    const tasks = GANTT_PLAN.tasks.filter((t) => t.id !== 'champions');
    expect(scheduledRows(tasks, GANTT_SCHEDULE, []).map((r) => r.id)).toEqual([
      'credit_mapping',
      'senate',
      'platform',
    ]);
  });
});

describe('dates and working time', () => {
  it('count days across a month and a leap day', () => {
    expect(dayNumber('2028-03-01') - dayNumber('2028-02-28')).toBe(2);
    expect(isoDay(dayNumber('2026-12-31') + 1)).toBe('2027-01-01');
  });

  it.each([
    [0, 'none'],
    [1, '1 day'],
    [5, '1 week'],
    [13, '2 weeks 3 days'],
  ])('say %d working days as “%s”', (days, words) => {
    expect(workingTime(days)).toBe(words);
  });
});
