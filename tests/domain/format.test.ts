/**
 * The formatters keep what they made (src/i18n/format.ts, src/domain/chart-layout.ts): the same
 * value must read the same as a fresh Intl formatter gives it, in each language, on the first
 * call and on every later one, and a memo must never answer for another language or format.
 */
import { describe, expect, it } from 'vitest';
import { formatChartDate, formatExactValue } from '../../src/domain/chart-layout';
import { formatNumber, formatPercent, formatPercentInLanguage as formatChartPercent } from '../../src/i18n/format';
import { LANGUAGE_TAGS, LOCALES } from '../../src/i18n/locales';

const fractions = [0, 1 / 3, 0.285, 0.5, 2 / 3, 0.995, 1];

describe('formatted numbers', () => {
  it('read as Intl writes them, in every language, the first time and again', () => {
    for (const locale of LOCALES) {
      const percent = new Intl.NumberFormat(LANGUAGE_TAGS[locale], { style: 'percent', maximumFractionDigits: 0 });
      const whole = new Intl.NumberFormat(LANGUAGE_TAGS[locale], { maximumFractionDigits: 0 });
      for (let round = 0; round < 2; round++) {
        for (const f of fractions) {
          expect(formatPercent(locale, f)).toBe(percent.format(f));
          expect(formatChartPercent(LANGUAGE_TAGS[locale], f)).toBe(percent.format(f));
        }
        for (const n of [0, 7, 1234, 39918, 1_000_160]) expect(formatNumber(locale, n)).toBe(whole.format(n));
      }
    }
  });

  it('keep each language and each precision apart', () => {
    expect(formatNumber('en', 39918)).toBe('39,918');
    expect(formatNumber('id', 39918)).toBe('39.918');
    expect(formatNumber('en', 1.236, 2)).toBe('1.24');
    expect(formatNumber('en', 1.236)).toBe('1');
    expect(formatPercent('en', null)).toBe('—');
  });

  it('give exact values and dates with the format asked for', () => {
    expect(formatExactValue('en', 'count', 39918)).toBe('39,918');
    expect(formatExactValue('en', 'usd', 18_000_000_000)).toBe('$18,000,000,000');
    expect(formatExactValue('en', 'count', 39918.456)).toBe('39,918.46');
    expect(formatChartDate('en', '2025-10-25')).toBe('Oct 25, 2025');
    expect(formatChartDate('th-TH', '2025-10-25')).toBe(new Intl.DateTimeFormat('th-TH', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2025-10-25T00:00:00Z')));
  });
});
