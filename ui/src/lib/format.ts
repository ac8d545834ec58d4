// Numbers and dates in the reader's own conventions: the webview reports the system locale.
import type { Difference } from '../bindings/Difference';
import type { Shown } from '../bindings/Shown';

/** Used when none of the system's locales is one `Intl` knows (a "C" or "POSIX" system). */
export const FALLBACK_LOCALE = 'en-US';

/**
 * A system locale as a BCP 47 tag `Intl` accepts, or `null`: "en_GB.UTF-8" → "en-GB",
 * "de_DE@euro" → "de-DE"; "C", "C.UTF-8" and "POSIX" name no language.
 */
export function usableLocale(tag: string): string | null {
  const bare = tag.trim().split(/[.@]/)[0]?.replace(/_/g, '-') ?? '';
  if (!bare || /^(c|posix)$/i.test(bare)) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(bare);
    return canonical && Intl.NumberFormat.supportedLocalesOf([canonical]).length > 0
      ? canonical
      : null;
  } catch {
    return null;
  }
}

/** The reader's locales that `Intl` can use, best first; never empty. */
export function readerLocales(reported: readonly string[] | undefined): string[] {
  const usable = (reported ?? []).map(usableLocale).filter((t): t is string => t !== null);
  return usable.length > 0 ? [...new Set(usable)] : [FALLBACK_LOCALE];
}

/**
 * The reader's locales, for the list the system last reported, and the formatters made
 * for it by their options: asked on every figure, and making a formatter costs far more than
 * using one (a 500-task chart formats a thousand dates on each change).
 */
let cached: {
  key: string;
  locales: string[];
  formatters: Map<string, Formatter>;
  /** Calendar dates already written, by their kind and YYYY-MM-DD: a plan's dates repeat. */
  dates: Map<string, string>;
} | null = null;

type Formatter = Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat;

function reader(): NonNullable<typeof cached> {
  const reported =
    typeof navigator === 'undefined'
      ? []
      : navigator.languages?.length
        ? navigator.languages
        : navigator.language
          ? [navigator.language]
          : [];
  const key = reported.join('\n');
  if (cached?.key !== key) {
    cached = { key, locales: readerLocales(reported), formatters: new Map(), dates: new Map() };
  }
  return cached;
}

/** The reader's formatter of `kind` with `options`, made once; throws as its constructor does. */
function formatter<F extends Formatter>(
  kind: string,
  options: object,
  make: (locales: string[]) => F,
): F {
  const { locales, formatters } = reader();
  const key = `${kind} ${JSON.stringify(options)}`;
  let made = formatters.get(key) as F | undefined;
  if (!made) {
    made = make(locales);
    formatters.set(key, made);
  }
  return made;
}

const numberFormat = (options: Intl.NumberFormatOptions = {}) =>
  formatter('number', options, (l) => new Intl.NumberFormat(l, options));

const dateFormat = (options: Intl.DateTimeFormatOptions) =>
  formatter('date', options, (l) => new Intl.DateTimeFormat(l, options));

export function formatCount(value: number): string {
  return numberFormat({ maximumFractionDigits: 0 }).format(value);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "just now", "12 minutes ago", "3 hours ago", then the date and time. */
export function formatEdited(iso: string, now: number): string {
  const when = Date.parse(iso);
  if (Number.isNaN(when)) return '';
  const age = now - when;
  const relative = formatter(
    'relative',
    { numeric: 'auto' },
    (l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto' }),
  );
  if (age < MINUTE) return 'just now';
  if (age < HOUR) return relative.format(-Math.floor(age / MINUTE), 'minute');
  if (age < 12 * HOUR) return relative.format(-Math.floor(age / HOUR), 'hour');
  const sameYear = new Date(when).getFullYear() === new Date(now).getFullYear();
  return dateFormat({
    day: 'numeric',
    month: 'short',
    year: sameYear ? undefined : 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(when);
}

/** A moment (RFC 3339) as the reader writes a date and time: "3 Mar 2027, 10:15". */
export function formatMoment(iso: string): string {
  const when = Date.parse(iso);
  if (Number.isNaN(when)) return '';
  return dateFormat({
    day: 'numeric',
    month: 'short',
    year: 'numeric',
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
  return numberFormat({ maximumFractionDigits: 2, useGrouping: false }).format(value);
}

/** An amount in US dollars, whole dollars, in the reader's conventions ("US$15,000", "$15,000"). */
export function formatUsd(value: number): string {
  return numberFormat({ style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(value);
}

/** A calendar date (YYYY-MM-DD) as the reader writes dates: "2 Nov 2026", "Nov 2, 2026". */
export function formatDay(isoDate: string): string {
  return formatDate('day', isoDate, { day: 'numeric', month: 'short', year: 'numeric' });
}

/**
 * A calendar date (YYYY-MM-DD) in `options` (named `kind`), the reader's way, the same in
 * every time zone. Each date is written once per kind: a 500-task chart asks for a thousand
 * dates on every change, most of them the same as the last time.
 */
function formatDate(kind: string, isoDate: string, options: Intl.DateTimeFormatOptions): string {
  const { dates } = reader();
  const key = `${kind} ${isoDate}`;
  const known = dates.get(key);
  if (known !== undefined) return known;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return '';
  const [, year, month, day] = match;
  // Noon UTC keeps the date the same in every time zone.
  const when = Date.UTC(Number(year), Number(month) - 1, Number(day), 12);
  const text = dateFormat({ ...options, timeZone: 'UTC' }).format(when);
  dates.set(key, text);
  return text;
}

/** A day and month without the year, for a time scale: "2 Nov", "Nov 2". */
export function formatDayMonth(isoDate: string): string {
  return formatDate('day-month', isoDate, { day: 'numeric', month: 'short' });
}

/** A month and year, for a time scale: "Nov 2026". */
export function formatMonthYear(isoDate: string): string {
  return formatDate('month-year', isoDate, { month: 'short', year: 'numeric' });
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

/** −0 (Rust writes it for an empty sum) reads as 0. */
const plain = (value: number) => (Object.is(value, -0) ? 0 : value);

/** A count or figure with grouping and up to `digits` decimals: "38,978", "7.2". */
export function formatNumber(value: number, digits = 1): string {
  return numberFormat({ maximumFractionDigits: digits }).format(plain(value));
}

/**
 * An amount in the plan's currency, in the reader's conventions. Whole units unless `cents`;
 * with `cents`, decimals only where the amount has them ("$100", "$168.04").
 */
export function formatMoney(value: number, currency: string, cents = false): string {
  const amount = plain(value);
  const fractional = cents && Math.abs(amount - Math.round(amount)) >= 0.005;
  try {
    return numberFormat({
      style: 'currency',
      currency,
      minimumFractionDigits: fractional ? 2 : 0,
      maximumFractionDigits: fractional ? 2 : 0,
    }).format(amount);
  } catch {
    return `${formatNumber(amount, fractional ? 2 : 0)} ${currency}`;
  }
}

/** A short amount for a chart axis: "$1.2M", "1,2 Mio. €". */
export function formatMoneyShort(value: number, currency: string): string {
  try {
    return numberFormat({
      style: 'currency',
      currency,
      notation: 'compact',
      maximumFractionDigits: 1,
    }).format(plain(value));
  } catch {
    return formatNumber(value, 0);
  }
}

/** The currency's sign as the reader writes it ("$", "€", "CA$"), for beside an amount box. */
export function currencySign(currency: string): string {
  try {
    const parts = numberFormat({ style: 'currency', currency }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

/** A number as an input box shows it: grouped the reader's way, decimals kept as typed. */
export function formatInput(value: number, grouping = true): string {
  return numberFormat({ maximumFractionDigits: 6, useGrouping: grouping }).format(plain(value));
}

function separators(): { group: string; decimal: string } {
  const parts = numberFormat().formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What the dean typed into a number box, or `null` when it is not a number. Accepts the
 * reader's grouping and decimal mark ("12,500", "12.5", "12,5" and "1 234,5" in a French
 * locale), a leading minus and a trailing "%".
 */
export function parseNumber(text: string): number | null {
  const { group, decimal } = separators();
  let t = text
    .trim()
    .replace(/%$/, '')
    .replace(/^[−–]/, '-')
    .trim();
  const spaceGroup = /\s/.test(group);
  if (spaceGroup) t = t.replace(/[\s\u00a0\u202f]/g, '');
  const g = spaceGroup ? '' : escape(group);
  const d = escape(decimal);
  if (g && new RegExp(`^-?\\d{1,3}(${g}\\d{3})+(${d}\\d+)?$`).test(t)) {
    t = t.replaceAll(group, '');
  }
  t = t.replace(decimal, '.');
  // A decimal comma in a decimal-point locale ("12,5") still means 12.5.
  if (!t.includes('.') && /^-?\d*,\d+$/.test(t)) t = t.replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? value : null;
}

/** A share (0–1) as a whole percentage, the reader's way: "42%", "42 %". */
export function formatShare(value: number): string {
  return numberFormat({ style: 'percent', maximumFractionDigits: 0 }).format(plain(value));
}

/** A value of a comparison as the reader writes it ("2.5%", "2,5 %"; "Mar 3, 2027"). */
export function formatShown(shown: Shown): string {
  switch (shown.kind) {
    case 'words':
      return shown.text;
    case 'count':
      return formatCount(plain(shown.value));
    case 'decimal':
      return formatNumber(shown.value, 2);
    case 'percent':
      return numberFormat({ style: 'percent', maximumFractionDigits: 2 }).format(plain(shown.value) / 100);
    case 'money':
      return formatMoney(shown.amount, shown.currency);
    case 'date':
      return formatDay(shown.date);
  }
}

/** How far a figure moved, a rise with its "+" ("+5,084", "+€12,500", "1 year later"). */
export function formatDifference(difference: Difference): string {
  switch (difference.kind) {
    case 'words':
      return difference.text;
    case 'count':
      return `${difference.by > 0 ? '+' : ''}${formatCount(plain(difference.by))}`;
    case 'money':
      return `${difference.by > 0 ? '+' : ''}${formatMoney(difference.by, difference.currency)}`;
  }
}
