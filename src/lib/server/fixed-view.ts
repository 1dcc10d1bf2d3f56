/**
 * Views of a past day. `?as_of=` a day before today shows what the monitor had published by
 * the end of that day (UTC), and a "what changed" report ending before today compares two such
 * views: nothing published later reaches them, so their answer is fixed forever. The page
 * cache keeps them without checking data versions, the HTTP server answers them ahead of
 * Astro, and browsers and CDNs may keep them for a year.
 */
import { isIsoDate, todayIso } from '../../domain/dates';
import { localeFromPath, stripLocale, type Locale } from '../../i18n/locales';
import { readDateParam } from '../request-params';

/**
 * A view of a past day (`as_of` before today, or a "what changed" report ending before today):
 * it shows what the monitor had published by the end of that day, which never changes, so any
 * cache may keep it for a year without asking again.
 */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** Pages and API reads that show a day chosen by `as_of` (paths without the /th prefix). */
const AS_OF_PATHS = /^\/(?:|parties|parties\/[^/]+|assessments\/[^/]+|instruments|instruments\/[^/]+|themes\/[^/]+|compare|embed\/parties\/[^/]+|api\/v1\/(?:parties|parties\/[^/]+|instruments|instruments\/[^/]+|assessments))$/;
/** Reports between two dates, fixed by their end (`to`). */
const CHANGES_PATHS = new Set(['/changes', '/api/v1/changes']);

/** The query parameter that chooses the day a page or API read shows (path without the /th prefix), or null when it shows no particular day. */
export function datedParamOf(path: string): 'as_of' | 'to' | null {
  return CHANGES_PATHS.has(path) ? 'to' : AS_OF_PATHS.test(path) ? 'as_of' : null;
}

/**
 * The day the page at `path` (without the /th prefix) shows and the query string that shows it forever, for the line every dated page
 * carries ("Showing data as published on … · Permalink"); null for a page that shows no
 * particular day. A page without a day asked for shows today, and links to today's permalink.
 */
export function permalinkOf(path: string, params: URLSearchParams, locale: Locale, today: string = todayIso()): { day: string; search: string } | null {
  const name = datedParamOf(path);
  if (!name) return null;
  const day = fixedDayOf(path, params, locale, today) ?? today;
  const fixed = new URLSearchParams(params);
  fixed.set(name, day);
  return { day, search: `?${fixed}` };
}

/**
 * The past day a request fixes its answer to, or null when it shows today (or the request is
 * not one of those reads): `as_of` on a page or API read that takes it, `to` on a "what
 * changed" report (which must also name its start). On Thai pages a Buddhist-era year counts.
 */
export function fixedDayOf(path: string, params: URLSearchParams, locale: Locale, today: string = todayIso()): string | null {
  const name = datedParamOf(path);
  const raw = name ? params.get(name) : null;
  if (raw === null || (name === 'to' && !params.get('from'))) return null;
  const day = readDateParam(raw, locale);
  return isIsoDate(day) && day < today ? day : null;
}

/**
 * The day a cacheable page's query string fixes it to: `?as_of=` a past day and nothing else
 * (a permalink), for a page (path with its /th prefix) that takes it; else null.
 */
export function permalinkDayOf(pathname: string, search: string, today: string = todayIso()): string | null {
  if (!/^\?as_of=[0-9-]{1,12}$/.test(search)) return null;
  return fixedDayOf(stripLocale(pathname), new URLSearchParams(search), localeFromPath(pathname), today);
}
