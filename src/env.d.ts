/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The page's language, from the URL prefix (`/th/...` is Thai, everything else English). */
    locale: import('./i18n/locales').Locale;
    /** The database, opened, migrated and seeded. */
    db: import('../db/client').Database;
  }
}
