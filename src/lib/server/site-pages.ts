/**
 * Every public page of the site, for the sitemaps: /sitemap.xml has the fixed pages and one per
 * party, instrument, theme and conference; published assessments, which may be a million, are in
 * numbered sitemaps of at most ASSESSMENT_SITEMAP_SPAN ids each, listed by /sitemap-assessments.xml,
 * so that no sitemap request reads or writes more than a bounded number of rows.
 */
import { and, asc, eq, gt, lte, max } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { assessments } from '../../../db/schema';
import { THEMES } from '../../domain/vocabulary';
import { THEME_SLUGS } from '../../i18n/ui';
import { listConferences } from './queries/conferences';
import { listInstruments } from './queries/instruments';
import { listParties } from './queries/parties';

/** Pages that are not about one record (without a language prefix). */
export const FIXED_PUBLIC_PAGES = ['/', '/instruments', '/parties', '/compare', '/conferences', '/methodology', '/changes', '/data', '/search'] as const;

/** Every public page's path (without a language prefix), in a stable order. */
export async function listPublicPages(db: Database): Promise<string[]> {
  const [parties, instruments, conferences] = await Promise.all([listParties(db), listInstruments(db), listConferences(db)]);
  const enc = encodeURIComponent;
  return [
    ...FIXED_PUBLIC_PAGES,
    ...instruments.map((i) => `/instruments/${enc(i.slug)}`),
    ...parties.map((p) => `/parties/${enc(p.slug)}`),
    ...THEMES.map((theme) => `/themes/${THEME_SLUGS[theme]}`),
    ...conferences.map((c) => `/conferences/${enc(c.slug)}`),
  ];
}

/** Assessment ids per numbered sitemap: 5,000 pages in 3 languages stay under the 50,000-URL limit. */
export const ASSESSMENT_SITEMAP_SPAN = 5000;

/** How many numbered assessment sitemaps there are (the highest published id, in spans). */
export async function countAssessmentSitemaps(db: Database): Promise<number> {
  const [row] = await db.select({ top: max(assessments.id) }).from(assessments).where(eq(assessments.state, 'published'));
  return Math.ceil((row?.top ?? 0) / ASSESSMENT_SITEMAP_SPAN);
}

/** The published assessments' pages in numbered sitemap `n` (from 1): ids in ((n-1)·span, n·span]. */
export async function listAssessmentPages(db: Database, n: number): Promise<string[]> {
  const rows = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.state, 'published'), gt(assessments.id, (n - 1) * ASSESSMENT_SITEMAP_SPAN), lte(assessments.id, n * ASSESSMENT_SITEMAP_SPAN)))
    .orderBy(asc(assessments.id));
  return rows.map((a) => `/assessments/${a.id}`);
}
