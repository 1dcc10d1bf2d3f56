/** Formats an indicator value (or range) by its unit, in the page's language. */
import { formatCompact, formatMoney } from '../i18n/format';
import type { Locale } from '../i18n/locales';

const PER_DAY: Record<Locale, string> = { en: 'a day', th: 'ต่อวัน', id: 'per hari' };
const PER_YEAR: Record<Locale, string> = { en: 'a year', th: 'ต่อปี', id: 'per tahun' };

/** `18000000000, 37000000000, usd` → "US$18B–US$37B" (in the locale's own words). */
export function formatIndicatorValue(locale: Locale, unit: string, value: number, valueHigh: number | null = null): string {
  const one = (v: number) => {
    switch (unit) {
      case 'usd':
      case 'usd_per_year':
        return formatMoney(locale, v, 'USD');
      case 'thb':
        return formatMoney(locale, v, 'THB');
      default:
        return formatCompact(locale, v);
    }
  };
  const text = valueHigh !== null && valueHigh !== value ? `${one(value)}–${one(valueHigh)}` : one(value);
  if (unit === 'count_per_day') return `${text} ${PER_DAY[locale]}`;
  if (unit === 'usd_per_year') return `${text} ${PER_YEAR[locale]}`;
  return text;
}
