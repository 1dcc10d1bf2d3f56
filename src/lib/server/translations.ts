/** Reads the translations of seeded data into one language (db/schema/translations.ts). */
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { translations } from '../../../db/schema';
import { NO_TRANSLATIONS, type DataTranslations } from '../../i18n/data-text';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locales';

/** Every translation into `locale`, keyed by its English source (a few hundred rows: read per request). */
export async function loadDataTranslations(db: Database, locale: Locale): Promise<DataTranslations> {
  if (locale === DEFAULT_LOCALE || locale === 'th') return NO_TRANSLATIONS;
  const rows = await db.select({ source: translations.source, text: translations.text }).from(translations).where(eq(translations.locale, locale));
  return { locale, bySource: new Map(rows.map((r) => [r.source, r.text])) };
}
