/// <reference types="astro/client" />

/** Set at build time (astro.config.mjs): identifies the build in page ETags. */
declare const __BUILD_ID__: string;

declare namespace App {
  interface Locals {
    /** The page's language, from the URL prefix (`/th/...` Thai, `/id/...` Indonesian, everything else English). */
    locale: import('./i18n/locales').Locale;
    /** Seeded data translated into the page's language where it has no column (empty for English and Thai). */
    translations: import('./i18n/data-text').DataTranslations;
    /** The database, opened, migrated and seeded. */
    db: import('../db/client').Database;
    /** The signed-in user (session cookie or API bearer token), or null when signed out. */
    user: import('./lib/server/auth/auth-user').AuthUser | null;
    /** The browser session in use, or null when signed out or signed in with an API token. */
    session: import('./lib/server/auth/session').Session | null;
    /** The page's ETag, once the middleware has worked it out (set on the first pass, kept through rewrites). */
    etag?: string;
    /** Set once this request's refusal is in the audit log: a request refused by several layers (an action, then its page's guard) is recorded once. */
    refusalAudited?: boolean;
    /** Set by the workspace guard when a signed-in person lacks the role a page needs: the roles it would need (the 403 page names them). */
    forbiddenRoles?: readonly import('./domain/vocabulary').Role[];
    /** Set by a workspace record page before it rewrites to the workspace 404 page: which record was asked for (the page names it). */
    notFound?: { kind: 'assessment' | 'party' | 'measure'; id: string };
    /** Set once the request itself (method, body size, text) has been checked: a rewrite does not check it again. */
    requestChecked?: boolean;
  }
}
