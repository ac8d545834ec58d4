import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  FALLBACK_LOCALE,
  formatDay,
  formatDifference,
  formatMoney,
  formatMoment,
  formatNumber,
  formatShare,
  formatShown,
  parseNumber,
  readerLocales,
  usableLocale,
} from './format';

// jsdom reports en-US, as the other component tests assume.
describe('number boxes', () => {
  it.each([
    ['12.5', 12.5],
    ['12,5', 12.5],
    ['250,000', 250_000],
    ['1,234.5', 1234.5],
    ['0.8 ', 0.8],
    ['.5', 0.5],
    ['-5', -5],
    ['−5', -5],
    ['12.5%', 12.5],
  ])('reads “%s” as %d', (typed, value) => {
    expect(parseNumber(typed)).toBe(value);
  });

  it.each(['', 'abc', '12a', '1.2.3', '1,23,4', '--1'])('finds no number in “%s”', (typed) => {
    expect(parseNumber(typed)).toBeNull();
  });
});

describe('figures', () => {
  it('writes amounts in the plan’s currency, and −0 as 0', () => {
    expect(formatMoney(729_562.19, 'USD')).toBe('$729,562');
    expect(formatMoney(-0, 'USD')).toBe('$0');
    expect(formatMoney(168.0433, 'USD', true)).toBe('$168.04');
    expect(formatMoney(100, 'USD', true)).toBe('$100');
    expect(formatMoney(1500, 'EUR')).toBe('€1,500');
    expect(formatNumber(7.2)).toBe('7.2');
    expect(formatNumber(38_977.9, 0)).toBe('38,978');
  });
});

describe('the reader’s locale', () => {
  it.each([
    ['en_GB.UTF-8', 'en-GB'],
    ['de_DE@euro', 'de-DE'],
    ['fr-CA', 'fr-CA'],
    ['C', null],
    ['c', null],
    ['C.UTF-8', null],
    ['POSIX', null],
    ['', null],
    ['not a locale!', null],
  ])('reads the system locale “%s” as %s', (reported, tag) => {
    expect(usableLocale(reported)).toBe(tag);
  });

  it('falls back to a locale Intl knows when the system names none', () => {
    expect(readerLocales(['C.UTF-8'])).toEqual([FALLBACK_LOCALE]);
    expect(readerLocales(['c', 'pl_PL.UTF-8'])).toEqual(['pl-PL']);
    expect(readerLocales(undefined)).toEqual([FALLBACK_LOCALE]);
  });

  afterEach(() => vi.unstubAllGlobals());

  it('follows a change of the system locale: figures and dates are written the new way', () => {
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(formatDay('2027-02-03')).toBe('Feb 3, 2027');
    vi.stubGlobal('navigator', { languages: ['de_DE.UTF-8'] });
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatMoney(1500, 'EUR')).toBe('1.500\u00a0€');
    expect(formatDay('2027-02-03')).toBe('3. Feb. 2027');
    vi.unstubAllGlobals();
    expect(formatNumber(1234.5)).toBe('1,234.5');
  });
});

describe('a comparison’s values', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('are written the reader’s way, a rise with its plus', () => {
    expect(formatShown({ kind: 'percent', value: 2.5 })).toBe('2.5%');
    expect(formatShown({ kind: 'count', value: 32_511.6 })).toBe('32,512');
    expect(formatShown({ kind: 'date', date: '2031-08-31' })).toBe('Aug 31, 2031');
    expect(formatShown({ kind: 'words', text: 'FY2030' })).toBe('FY2030');
    expect(formatDifference({ kind: 'count', by: 5_084 })).toBe('+5,084');
    expect(formatDifference({ kind: 'money', by: -3_000, currency: 'USD' })).toBe('-$3,000');
    vi.stubGlobal('navigator', { languages: ['de_DE.UTF-8'] });
    expect(formatShown({ kind: 'percent', value: 2.5 })).toBe('2,5\u00a0%');
    expect(formatShown({ kind: 'decimal', value: 1234.567 })).toBe('1.234,57');
    expect(formatShown({ kind: 'money', amount: 1500, currency: 'EUR' })).toBe('1.500\u00a0€');
    expect(formatDifference({ kind: 'money', by: 12_500, currency: 'EUR' })).toBe('+12.500\u00a0€');
  });
});

describe('moments and shares', () => {
  it('writes when a version was kept, and a share as a whole percentage', () => {
    expect(formatMoment('2027-03-03T12:15:00Z')).toMatch(/^Mar 3, 2027, \d{1,2}:15 [AP]M$/);
    expect(formatMoment('not a date')).toBe('');
    expect(formatShare(0.4213)).toBe('42%');
  });
});
