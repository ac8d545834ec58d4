// Where everything in the Gantt chart goes, as a pure function of the schedule Rust computed,
// the plan's terms and phases, today's date and the zoom: the chart component only draws it.
// Time runs left to right in calendar days (weekends included, so a month is always as wide);
// a task's bar covers its first to its last working day.
import type { PhaseSpan } from '../bindings/PhaseSpan';
import type { Schedule } from '../bindings/Schedule';
import type { Task } from '../bindings/Task';
import type { Term } from '../bindings/Term';
import { formatDay, formatDayMonth, formatMonthYear } from './format';
import { PHASE_NAMES, termName } from './rollout-labels';

export type Zoom = 'weeks' | 'months' | 'terms' | 'years';

/** Closest first: `+` moves left along the list, `-` right. */
export const ZOOMS: readonly { key: Zoom; label: string }[] = [
  { key: 'weeks', label: 'Weeks' },
  { key: 'months', label: 'Months' },
  { key: 'terms', label: 'Terms' },
  { key: 'years', label: 'Years' },
];

/** Pixels per calendar day at each zoom. */
const PX_PER_DAY: Record<Zoom, number> = { weeks: 12, months: 3, terms: 1.2, years: 0.35 };

/** Room for a name over two lines and its owner under it. */
export const ROW_HEIGHT = 44;
/** A bar's height, and half a milestone diamond's width and height. */
export const BAR = 18;
export const DIAMOND = 8;
/** How far an arrow runs out of a task before it turns. */
const ARROW_STUB = 6;
/** The phase names, then the time scale, above the first row. */
export const HEADER_HEIGHT = 52;
/** Blank calendar days before the first and after the last thing drawn. */
const MARGIN_DAYS = 7;
const MS_PER_DAY = 86_400_000;
const WORKING_DAYS_PER_WEEK = 5;

export interface GanttRow {
  id: string;
  title: string;
  owner: string;
  /** Position in the plan's list of tasks (what the editor opens). */
  index: number;
  milestone: boolean;
  critical: boolean;
  late: boolean;
  /** Left edge of the bar, or the centre of a milestone's diamond. */
  x: number;
  width: number;
  y: number;
  start: string;
  finish: string;
  slackDays: number;
  /** Working days it takes; 0 for a milestone. */
  workingDays: number;
  /** The phase whose gate it feeds ("Pilot"), when it feeds one. */
  phase: string;
}

/** One dependency: an elbow from the end of the task waited for to the start of the task that
 * waits, entering it from the left. */
export interface GanttArrow {
  key: string;
  /** The ids of the task waited for and of the task that waits. */
  from: string;
  to: string;
  /** SVG path data. */
  path: string;
  critical: boolean;
  /** "2 weeks later" for a dependency with a lag, written just left of the waiting task. */
  lag: string;
  lagX: number;
  lagY: number;
}

export interface GanttBand {
  label: string;
  x: number;
  width: number;
}

export interface GanttTick {
  x: number;
  label: string;
}

export interface GanttLayout {
  width: number;
  height: number;
  rows: GanttRow[];
  /** Critical arrows last, so they are drawn over the others. */
  arrows: GanttArrow[];
  bands: GanttBand[];
  ticks: GanttTick[];
  /** Where today's line goes; `null` when today is outside the chart. */
  today: number | null;
}

export interface GanttInput {
  tasks: readonly Task[];
  schedule: Schedule;
  terms: readonly Term[];
  phases: readonly PhaseSpan[];
  /** YYYY-MM-DD. */
  today: string;
  zoom: Zoom;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(iso: string): number {
  const [y = 1970, m = 1, d = 1] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** The YYYY-MM-DD date of a day number. */
export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Working days as a dean says them: "none", "3 days", "2 weeks", "2 weeks 3 days". */
export function workingTime(days: number): string {
  if (days <= 0) return 'none';
  const weeks = Math.floor(days / WORKING_DAYS_PER_WEEK);
  const rest = days % WORKING_DAYS_PER_WEEK;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  return [weeks ? part(weeks, 'week') : '', rest ? part(rest, 'day') : ''].filter(Boolean).join(' ');
}

/**
 * Everything a task's bar shows, in words, for a screen reader. Written only for the bars drawn
 * (its two dates are most of a chart's layout time on a 500-task plan).
 */
export function describeTask(row: Omit<GanttRow, 'x' | 'width' | 'y'>): string {
  const when = row.milestone
    ? `milestone on ${formatDay(row.start)}`
    : `${formatDay(row.start)} to ${formatDay(row.finish)}`;
  const parts = [`${row.title}, ${row.owner}: ${when}`];
  parts.push(row.critical ? 'on the critical path' : `can slip ${workingTime(row.slackDays)}`);
  if (row.late) parts.push(`finishes after the ${row.phase} gate`);
  return parts.join('; ');
}

/** The rows in the order the chart and the table show them: by start, then the plan's order. */
export function scheduledRows(
  tasks: readonly Task[],
  schedule: Schedule,
  phases: readonly PhaseSpan[],
): Omit<GanttRow, 'x' | 'width' | 'y'>[] {
  const byId = new Map(tasks.map((task, index) => [task.id, { task, index }]));
  const rows = schedule.tasks.flatMap((s) => {
    const found = byId.get(s.id);
    if (!found) return [];
    const { task, index } = found;
    const phase = task.phase
      ? (phases.find((p) => p.phase === task.phase)?.label ?? PHASE_NAMES[task.phase])
      : '';
    const row = {
      id: s.id,
      title: task.title,
      owner: task.ownerRole,
      index,
      milestone: s.workingDays === 0,
      critical: s.critical,
      late: s.lateForPhase,
      start: s.earliestStart,
      finish: s.earliestFinish,
      slackDays: s.slackDays,
      workingDays: s.workingDays,
      phase,
      startDay: s.startDay,
    };
    return [row];
  });
  rows.sort((a, b) => a.startDay - b.startDay || a.index - b.index);
  return rows.map(({ startDay: _, ...row }) => row);
}

export function layoutGantt(input: GanttInput): GanttLayout {
  const { schedule, phases, terms, zoom } = input;
  const scale = PX_PER_DAY[zoom];
  const spans = phases.filter((p) => p.start !== null && p.end !== null);
  const first =
    Math.min(dayNumber(schedule.start), ...spans.map((p) => dayNumber(p.start!))) - MARGIN_DAYS;
  const last =
    Math.max(dayNumber(schedule.finish), ...spans.map((p) => dayNumber(p.end!))) + 1 + MARGIN_DAYS;
  const xOf = (day: number) => (day - first) * scale;
  const width = Math.ceil(xOf(last));

  const rows = scheduledRows(input.tasks, schedule, phases).map((row, i) => {
    const start = dayNumber(row.start);
    return {
      ...row,
      x: xOf(row.milestone ? start + 0.5 : start),
      width: row.milestone ? 0 : xOf(dayNumber(row.finish) + 1) - xOf(start),
      y: HEADER_HEIGHT + i * ROW_HEIGHT,
    };
  });
  const arrows = layoutArrows(rows, input.schedule);
  const bands = spans.map((p) => ({
    label: p.label,
    x: xOf(dayNumber(p.start!)),
    width: xOf(dayNumber(p.end!) + 1) - xOf(dayNumber(p.start!)),
  }));
  const today = dayNumber(input.today);
  return {
    width,
    height: HEADER_HEIGHT + rows.length * ROW_HEIGHT,
    rows,
    arrows,
    bands,
    ticks: ticks(zoom, first, last, terms).map((t) => ({ x: xOf(t.day), label: t.label })),
    today: today >= first && today <= last ? xOf(today) : null,
  };
}

/** Rows and arrows drawn beyond the part of the chart in view, so a scroll shows no gap. */
export const VIEW_MARGIN = 600;

export interface ChartInView {
  /** The rows to draw, with their place in `layout.rows`. */
  rows: { row: GanttRow; at: number }[];
  arrows: GanttArrow[];
}

/**
 * What to draw of `layout` when the part from `top` down `height` pixels is in view: only
 * that, with a margin, and the rows at `keep` (the one holding the chart's tab stop, the task
 * open in the editor); and the arrows into or out of the rows drawn. An arrow between two tasks
 * both out of view is left out, though its line may cross the view: on the large plan there are
 * hundreds, and painting them took the browser most of a third of a second on each scroll.
 */
export function inView(
  layout: GanttLayout,
  top: number,
  height: number,
  keep: readonly number[],
): ChartInView {
  const from = Math.max(0, Math.floor((top - VIEW_MARGIN - HEADER_HEIGHT) / ROW_HEIGHT));
  const to = Math.min(layout.rows.length, Math.ceil((top + height + VIEW_MARGIN - HEADER_HEIGHT) / ROW_HEIGHT));
  const rows = layout.rows.slice(from, to).map((row, i) => ({ row, at: from + i }));
  for (const at of new Set(keep)) {
    const kept = layout.rows[at];
    if (kept && (at < from || at >= to)) rows.push({ row: kept, at });
  }
  const drawn = new Set(rows.map(({ row }) => row.id));
  return { rows, arrows: layout.arrows.filter((a) => drawn.has(a.from) || drawn.has(a.to)) };
}

type PlacedRow = Pick<GanttRow, 'id' | 'x' | 'width' | 'y' | 'milestone'>;

function layoutArrows(rows: readonly PlacedRow[], schedule: Schedule): GanttArrow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const arrows = schedule.links.flatMap((link) => {
    const from = byId.get(link.predecessor);
    const to = byId.get(link.successor);
    return from && to ? [arrow(from, to, link.lagWeeks, link.critical)] : [];
  });
  return [...arrows.filter((a) => !a.critical), ...arrows.filter((a) => a.critical)];
}

function arrow(from: PlacedRow, to: PlacedRow, lagWeeks: number, critical: boolean): GanttArrow {
  const x0 = from.milestone ? from.x + DIAMOND : from.x + from.width;
  const x1 = to.milestone ? to.x - DIAMOND : to.x;
  const y0 = from.y + ROW_HEIGHT / 2;
  const y1 = to.y + ROW_HEIGHT / 2;
  const out = x0 + ARROW_STUB;
  // Room to turn down beside the task waited for; otherwise back along the row line above
  // (or below) the waiting task, then into it.
  const path =
    x1 - x0 >= 2 * ARROW_STUB
      ? `M ${x0} ${y0} H ${out} V ${y1} H ${x1}`
      : `M ${x0} ${y0} H ${out} V ${y1 > y0 ? to.y : to.y + ROW_HEIGHT} H ${x1 - ARROW_STUB} V ${y1} H ${x1}`;
  return {
    key: `${from.id}→${to.id}`,
    from: from.id,
    to: to.id,
    path,
    critical,
    lag: lagWeeks > 0 ? `${workingTime(lagWeeks * WORKING_DAYS_PER_WEEK)} later` : '',
    lagX: x1 - 4,
    lagY: y1 - BAR / 2 - 3,
  };
}

/** The time scale's marks: Mondays, first days of months, term starts, or New Year's days. */
function ticks(
  zoom: Zoom,
  first: number,
  last: number,
  terms: readonly Term[],
): { day: number; label: string }[] {
  if (zoom === 'terms') {
    return terms
      .map((t) => ({ day: dayNumber(t.start), label: termName(t) }))
      .filter((t) => t.day >= first && t.day <= last);
  }
  const out: { day: number; label: string }[] = [];
  const date = new Date(first * MS_PER_DAY);
  if (zoom === 'weeks') {
    // 1970-01-01 was a Thursday: day 4 was a Monday.
    for (let day = first + ((4 - (first % 7) + 7) % 7); day <= last; day += 7) {
      out.push({ day, label: formatDayMonth(isoDay(day)) });
    }
    return out;
  }
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  for (let i = 1; ; i += 1) {
    const at =
      zoom === 'months' ? Date.UTC(year, month + i, 1) : Date.UTC(year + i, 0, 1);
    const day = Math.round(at / MS_PER_DAY);
    if (day > last) return out;
    const iso = isoDay(day);
    out.push({ day, label: zoom === 'months' ? formatMonthYear(iso) : iso.slice(0, 4) });
  }
}
