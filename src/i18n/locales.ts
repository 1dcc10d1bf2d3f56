/**
 * The site's languages and how a URL carries them: English at the root, every other language
 * under its own prefix (`/th/…`, `/id/…`). Adding a language means adding its code here, its
 * tag below and its dictionaries (TypeScript then names every table that lacks it); routing,
 * the language switch, hreflang links and the sitemap follow this list.
 */
export const LOCALES = ['en', 'th', 'id'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** BCP 47 tags for Intl formatters and the `lang` attribute. */
export const LANGUAGE_TAGS: Record<Locale, string> = { en: 'en-GB', th: 'th-TH', id: 'id-ID' };

/** Each language's name in that language, for the language switch. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', th: 'ไทย', id: 'Bahasa Indonesia' };

/** Whether a string is one of the site's language codes. */
export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** The language prefix a path starts with, if any (`/th/parties` → `th`). */
function prefixOf(pathname: string): Locale | null {
  const first = pathname.split('/', 2)[1] ?? '';
  return first !== DEFAULT_LOCALE && isLocale(first) ? first : null;
}

/** The language a path is in. */
export function localeFromPath(pathname: string): Locale {
  return prefixOf(pathname) ?? DEFAULT_LOCALE;
}

/** The path without its language prefix (`/th/parties` → `/parties`). */
export function stripLocale(pathname: string): string {
  const prefix = prefixOf(pathname);
  if (!prefix) return pathname;
  return pathname.slice(prefix.length + 1) || '/';
}

/** A path in the given language (`/parties` → `/th/parties`). */
export function localizePath(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}
