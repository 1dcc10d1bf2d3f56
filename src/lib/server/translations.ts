/**
 * Reads the translations of seeded data into one language (db/schema/translations.ts), kept
 * as one entry of the reference memo (./reference-memo.ts): per process and database, read
 * again only when the `world` data version changes, which the translations' own triggers bump
 * in whatever process writes (migration 0017). An unchanged table costs no query within a
 * request that has read the data versions already (one read of `world` otherwise); a changed
 * translation is seen on the next request.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { translations } from '../../../db/schema';
import { NO_TRANSLATIONS, type DataTranslations } from '../../i18n/data-text';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locales';
import { openReferenceMemo } from './reference-memo';

/** Every translation into `locale`, keyed by its English source (English pages have none). */
export async function loadDataTranslations(db: Database, locale: Locale): Promise<DataTranslations> {
  if (locale === DEFAULT_LOCALE) return NO_TRANSLATIONS;
  const reference = await openReferenceMemo(db);
  return reference.remember(`translations:${locale}`, async (): Promise<DataTranslations> => {
    const rows = await db.select({ source: translations.source, text: translations.text }).from(translations).where(eq(translations.locale, locale));
    return { locale, bySource: new Map(rows.map((r) => [r.source, r.text])) };
  });
}
