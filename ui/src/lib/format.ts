// Numbers and dates in the reader's own conventions: the webview reports the system locale.

function locales(): string[] | undefined {
  return typeof navigator !== 'undefined' && navigator.languages?.length
    ? [...navigator.languages]
    : undefined;
}

export function formatCount(value: number): string {
  return new Intl.NumberFormat(locales(), {
    maximumFractionDigits: 0,
  }).format(value);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "just now", "12 minutes ago", "3 hours ago", then the date and time. */
export function formatEdited(iso: string, now: number): string {
  const when = Date.parse(iso);
  if (Number.isNaN(when)) return '';
  const age = now - when;
  const relative = new Intl.RelativeTimeFormat(locales(), {
    numeric: 'auto',
  });
  if (age < MINUTE) return 'just now';
  if (age < HOUR) return relative.format(-Math.floor(age / MINUTE), 'minute');
  if (age < 12 * HOUR) return relative.format(-Math.floor(age / HOUR), 'hour');
  const sameYear = new Date(when).getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(locales(), {
    day: 'numeric',
    month: 'short',
    year: sameYear ? undefined : 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(when);
}

/** The last part of a path, whichever separator the system uses. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Everything before the file name, without the trailing separator. */
export function folderOf(path: string): string {
  const name = fileName(path);
  return path.slice(0, path.length - name.length).replace(/[\\/]$/, '');
}

/** A number with up to two decimals and no grouping, as a box shows it ("22.5", "22,5"). */
export function formatDecimal(value: number): string {
  return new Intl.NumberFormat(locales(), {
    maximumFractionDigits: 2,
    useGrouping: false,
  }).format(value);
}

/** An amount in US dollars, whole dollars, in the reader's conventions ("US$15,000", "$15,000"). */
export function formatUsd(value: number): string {
  return new Intl.NumberFormat(locales(), {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  }).format(value);
}

/** A calendar date (YYYY-MM-DD) as the reader writes dates: "2 Nov 2026", "Nov 2, 2026". */
export function formatDay(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return '';
  const [, year, month, day] = match;
  // Noon UTC keeps the date the same in every time zone.
  const when = Date.UTC(Number(year), Number(month) - 1, Number(day), 12);
  return new Intl.DateTimeFormat(locales(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(when);
}

/** English month names, 1–12 at index 0–11 (the UI's language is English). */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
