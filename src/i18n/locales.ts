/** The site's languages and how a URL carries them: English at the root, Thai under `/th`. */
export const LOCALES = ['en', 'th'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** BCP 47 tags for Intl formatters and the `lang` attribute. */
export const LANGUAGE_TAGS: Record<Locale, string> = { en: 'en-GB', th: 'th-TH' };

/** The language a path is in. */
export function localeFromPath(pathname: string): Locale {
  return pathname === '/th' || pathname.startsWith('/th/') ? 'th' : 'en';
}

/** The path without its language prefix (`/th/parties` → `/parties`). */
export function stripLocale(pathname: string): string {
  if (pathname === '/th') return '/';
  return pathname.startsWith('/th/') ? pathname.slice(3) : pathname;
}

/** A path in the given language (`/parties` → `/th/parties`). */
export function localizePath(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === '/' ? '/th' : `/th${path}`;
}
