/**
 * What every section of a rendered scorecard needs besides the view model: the page's language,
 * its data translations, and the addresses of its pages and entries. Built once per request.
 */
import { dataTextOf, NO_TRANSLATIONS, type DataTranslations } from '../../../i18n/data-text';
import { localizePath, type Locale } from '../../../i18n/locales';
import type { ScorecardView } from '../views/scorecard';

export interface ScorecardRenderContext {
  view: ScorecardView;
  locale: Locale;
  translations: DataTranslations;
  /** Whether the page shows a past day (`?as_of=`), which every link to another page of it keeps. */
  historical: boolean;
  /** Seeded text in the page's language (English where it has none). */
  txt: (en: string, th?: string | null) => string;
  /** A site path in the page's language. */
  link: (path: string) => string;
  /** The scorecard's own address in the page's language. */
  home: string;
  /** The address of page `n` of assessed commitments (page 1 is the scorecard itself). */
  pageHref: (n: number) => string;
  /** Where a commitment's full entry is: on this page an anchor, else the page that holds it. */
  commitmentHref: (code: string) => string;
}

/** The render context of one scorecard request. */
export function createScorecardContext(view: ScorecardView, locale: Locale, { translations = NO_TRANSLATIONS, historical }: { translations?: DataTranslations; historical: boolean }): ScorecardRenderContext {
  const link = (path: string) => localizePath(locale, path);
  const home = link(`/parties/${view.party.slug}`);
  const asOfQuery = historical ? `as_of=${view.asOf}&` : '';
  const pageHref = (n: number) => (n === 1 ? (historical ? `${home}?as_of=${view.asOf}` : home) : `${home}?${asOfQuery}page=${n}`);
  const commitmentHref = (code: string) => {
    const on = view.pageOf.get(code);
    return on === undefined || on === view.paging.page ? `#commitment-${code}` : `${pageHref(on)}#commitment-${code}`;
  };
  return { view, locale, translations, historical, txt: dataTextOf(locale, translations), link, home, pageHref, commitmentHref };
}
