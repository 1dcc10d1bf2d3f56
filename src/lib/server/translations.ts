/**
 * Reads the translations of seeded data into one language (db/schema/translations.ts), kept
 * per process and database, and read again only when the table's data version changes
 * (`translations`, bumped by triggers in whatever process writes, migration 0017): an
 * unchanged table costs one read of that counter, a changed translation is seen on the next
 * request.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { translations } from '../../../db/schema';
import { NO_TRANSLATIONS, type DataTranslations } from '../../i18n/data-text';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locales';
import { readDataVersions } from './queries/data-version';

/** The data version the translations were read at, per database and language. */
const held = new WeakMap<Database, Map<Locale, { version: string; translations: DataTranslations }>>();

/** Every translation into `locale`, keyed by its English source (English pages have none). */
export async function loadDataTranslations(db: Database, locale: Locale): Promise<DataTranslations> {
  if (locale === DEFAULT_LOCALE) return NO_TRANSLATIONS;
  // The counter first: a write between the two reads is then read again on the next request.
  const version = await readDataVersions(db, ['translations']);
  let byLocale = held.get(db);
  if (!byLocale) held.set(db, (byLocale = new Map()));
  const kept = byLocale.get(locale);
  if (kept?.version === version) return kept.translations;
  const rows = await db.select({ source: translations.source, text: translations.text }).from(translations).where(eq(translations.locale, locale));
  const loaded: DataTranslations = { locale, bySource: new Map(rows.map((r) => [r.source, r.text])) };
  byLocale.set(locale, { version, translations: loaded });
  return loaded;
}
