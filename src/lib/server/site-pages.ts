/** Every public page of the site, for the sitemap: fixed pages and one per party, instrument, theme, conference and published assessment. */
import { asc, eq } from 'drizzle-orm';
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
  const [parties, instruments, conferences, published] = await Promise.all([
    listParties(db),
    listInstruments(db),
    listConferences(db),
    db.select({ id: assessments.id }).from(assessments).where(eq(assessments.state, 'published')).orderBy(asc(assessments.id)),
  ]);
  const enc = encodeURIComponent;
  return [
    ...FIXED_PUBLIC_PAGES,
    ...instruments.map((i) => `/instruments/${enc(i.slug)}`),
    ...parties.map((p) => `/parties/${enc(p.slug)}`),
    ...THEMES.map((theme) => `/themes/${THEME_SLUGS[theme]}`),
    ...conferences.map((c) => `/conferences/${enc(c.slug)}`),
    ...published.map((a) => `/assessments/${a.id}`),
  ];
}
