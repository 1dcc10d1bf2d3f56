/** Reading query parameters that pages share, with a clear message for junk instead of a 500. */
import { isIsoDate, todayIso } from '../domain/dates';

export interface AsOfParam {
  /** The day to show: the one asked for, or today when none (or junk) was given. */
  asOf: string;
  /** True when the page shows a past day rather than today. */
  historical: boolean;
  /** The raw value when it was not a usable date. */
  invalid: string | null;
}

/** Reads `as_of=YYYY-MM-DD`; a date in the future is treated as today. */
export function readAsOf(params: URLSearchParams, today: string = todayIso()): AsOfParam {
  const raw = params.get('as_of');
  if (raw === null || raw === '') return { asOf: today, historical: false, invalid: null };
  if (!isIsoDate(raw)) return { asOf: today, historical: false, invalid: raw.slice(0, 40) };
  if (raw >= today) return { asOf: today, historical: false, invalid: null };
  return { asOf: raw, historical: true, invalid: null };
}

/** Fills `{name}` placeholders in a UI string. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
