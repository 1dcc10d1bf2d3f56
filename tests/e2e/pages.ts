/**
 * The public pages the browser suite visits. Add one row per page; each row is checked in
 * English (`path`) and in Thai (`/th` + `path`).
 *
 * - `name`: short id, used in test names and screenshot file names (letters, digits, dashes).
 * - `path`: the English path, starting with `/` (a query string is fine: `/compare?parties=th,vn`).
 * - `status`: the expected HTTP status (default 200).
 * - `locales`: the languages to check (default both); leave a language out only for a known bug,
 *   with a comment saying what to fix.
 * - `figures`: CSS selectors that must be present, server-rendered, with a digit in their text
 *   when JavaScript is disabled (charts and key numbers must not depend on JavaScript).
 */
import type { Locale } from './browser';

export interface PageSpec {
  name: string;
  path: string;
  status?: number;
  locales?: Locale[];
  figures?: string[];
}

export const pages: PageSpec[] = [
  {
    name: 'home',
    path: '/',
    figures: [
      '[data-figure="parties"]',
      '[data-figure="instruments"]',
      '[data-figure="commitments"]',
      '[data-figure="assessments"]',
      '[data-figure="ratifications"]',
      '[data-figure="threshold"]',
    ],
  },
  { name: 'instruments', path: '/instruments', figures: ['[data-figure="commitments-un-convention-against-cybercrime"]'] },
  { name: 'instrument-uncc', path: '/instruments/un-convention-against-cybercrime', figures: ['[data-figure="eif-status"]', 'table[data-table="progress"] td.num'] },
  { name: 'instrument-bjs', path: '/instruments/bangkok-joint-statement-2025', figures: ['table[data-table="participations"] time'] },
  { name: 'parties', path: '/parties?kind=state&region=asia', figures: ['[data-figure="party-count"]'] },
  { name: 'scorecard-tha', path: '/parties/tha', figures: ['[data-figure="overall-independent"]', 'table[data-table="by-instrument"] td', 'table[data-table="by-theme"] td'] },
  { name: 'scorecard-tiktok', path: '/parties/tiktok' },
  { name: 'party-indicators', path: '/parties/tha/indicators', figures: ['table[data-table="indicator-tha-aoc-accounts-frozen"] td.num'] },
  { name: 'compare', path: '/compare?parties=tha,bgd,npl', figures: ['table[data-table="compare-instruments"] td'] },
  { name: 'themes', path: '/themes', figures: ['table[data-table="themes"] td[data-count="commitments"]'] },
  { name: 'theme', path: '/themes/financial-flows', figures: ['table[data-table="theme-scores"] td'] },
  { name: 'conferences', path: '/conferences', figures: ['table[data-table="conferences"] time'] },
  { name: 'conference', path: '/conferences/ic-gpos-2025', figures: ['[data-figure="participant-count"]'] },
  { name: 'methodology', path: '/methodology', figures: ['table[data-table="status-scale"] tr:nth-child(2) td.num'] },
  { name: 'docs', path: '/docs' },
  // /docs/api (the generated API reference) is too tall for a full-page phone screenshot within the
  // 30 s limit here; tests/e2e/newcomer.test.ts runs axe on it and checks it fits a phone's width.
  { name: 'docs-methodology', path: '/docs/methodology' },
  { name: 'changes-form', path: '/changes' },
  // To today: the seeded assessments were published on 2026-11-23, so a report ending before that day has none of them.
  { name: 'changes-party', path: '/changes?party=tha&from=2020-01-01', figures: ['table[data-table="score-changes"] td.num', 'table[data-table="status-changes"] time'] },
  { name: 'changes-instrument', path: '/changes?instrument=un-convention-against-cybercrime&from=2020-01-01&to=2026-06-01', figures: ['[data-figure="window"]', 'table[data-table="steps"] time'] },
  { name: 'changes-everything', path: '/changes?from=2025-10-01&to=2026-06-01', figures: ['[data-figure="window"]', 'table[data-table="steps"] time'] },
  { name: 'scorecard-tha-permalink', path: '/parties/tha?as_of=2026-11-30', figures: ['[data-figure="overall-independent"]', '[data-shown-day]'] },
  { name: 'changes-bad-date', path: '/changes?party=tha&from=2026-02-30', status: 400 },
  { name: 'embed-tha', path: '/embed/parties/tha', figures: ['[data-figure="overall-independent"]', '[data-figure="coverage-independent"]'] },
  { name: 'not-found', path: '/parties/zzz-not-a-party', status: 404 },
  { name: 'not-found-top', path: '/zzz-not-a-page', status: 404 },
];
