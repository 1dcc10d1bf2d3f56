/**
 * The search page and its API twin: reads the query string, checks the filters, runs the
 * search and returns what both show. Junk in the query never throws: it becomes notices
 * (src/domain/search-query.ts) or a named error the caller answers with a 400.
 */
import { asc } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { instruments, parties } from '../../../../db/schema';
import { SEARCH_KINDS, type SearchKind } from '../../../../db/schema/search';
import { parseSearchQuery, SEARCH_LIMITS, type ParsedSearch } from '../../../domain/search-query';
import type { Locale } from '../../../i18n/locales';
import { searchText } from '../../../i18n/search-strings';
import { fill } from '../../request-params';
import { SEARCH_MAX_PAGE, searchSite, type SearchGroup } from '../queries/search';

export interface SearchFilters {
  kind: SearchKind | null;
  party: string | null;
  instrument: string | null;
  page: number;
}

export interface SearchView {
  query: ParsedSearch;
  filters: SearchFilters;
  /** A filter that names nothing: the answer is a 400 with this message. */
  error: { field: 'kind' | 'party' | 'instrument' | 'page'; message: string } | null;
  /** Notices about the query, as sentences in the reader's language. */
  notices: string[];
  groups: SearchGroup[];
  /** For the filter lists. */
  parties: { slug: string; nameEn: string; nameTh: string }[];
  instruments: { slug: string; shortName: string; shortNameTh: string | null; titleEn: string; titleTh: string }[];
}

const first = (params: URLSearchParams, name: string) => {
  const value = params.get(name);
  return value === null || value.trim() === '' ? null : value.trim();
};

/** Everything the search page (and /api/v1/search) shows for these parameters. */
export async function buildSearchView(db: Database, params: URLSearchParams, locale: Locale): Promise<SearchView> {
  const query = parseSearchQuery(params.get('q'));
  const [partyRows, instrumentRows] = await Promise.all([
    db.select({ slug: parties.slug, nameEn: parties.nameEn, nameTh: parties.nameTh }).from(parties).orderBy(asc(locale === 'th' ? parties.nameTh : parties.nameEn)),
    db.select({ slug: instruments.slug, shortName: instruments.shortName, shortNameTh: instruments.shortNameTh, titleEn: instruments.titleEn, titleTh: instruments.titleTh }).from(instruments).orderBy(asc(instruments.sortOrder)),
  ]);
  const filters: SearchFilters = { kind: null, party: null, instrument: null, page: 1 };
  let error: SearchView['error'] = null;
  const shown = (value: string) => [...value].slice(0, 40).join('');

  const kind = first(params, 'kind');
  if (kind !== null) {
    if ((SEARCH_KINDS as readonly string[]).includes(kind)) filters.kind = kind as SearchKind;
    else error ??= { field: 'kind', message: fill(searchText(locale, 'search.err.kind'), { value: shown(kind) }) };
  }
  const party = first(params, 'party')?.toLowerCase() ?? null;
  if (party !== null) {
    if (partyRows.some((p) => p.slug === party)) filters.party = party;
    else error ??= { field: 'party', message: fill(searchText(locale, 'search.err.party'), { value: shown(party) }) };
  }
  const instrument = first(params, 'instrument')?.toLowerCase() ?? null;
  if (instrument !== null) {
    if (instrumentRows.some((i) => i.slug === instrument)) filters.instrument = instrument;
    else error ??= { field: 'instrument', message: fill(searchText(locale, 'search.err.instrument'), { value: shown(instrument) }) };
  }
  const page = first(params, 'page');
  if (page !== null) {
    const n = /^\d{1,4}$/.test(page) ? Number(page) : NaN;
    if (n >= 1 && n <= SEARCH_MAX_PAGE) filters.page = n;
    else error ??= { field: 'page', message: fill(searchText(locale, 'search.err.page'), { max: SEARCH_MAX_PAGE }) };
  }

  const notices = query.notices.map((notice) => {
    switch (notice) {
      case 'truncated':
        return fill(searchText(locale, 'search.notice.truncated'), { n: SEARCH_LIMITS.queryChars });
      case 'tooManyTerms':
        return fill(searchText(locale, 'search.notice.tooManyTerms'), { n: SEARCH_LIMITS.terms });
      case 'termTooLong':
        return fill(searchText(locale, 'search.notice.termTooLong'), { n: SEARCH_LIMITS.termChars });
      case 'termTooShort':
        return fill(searchText(locale, 'search.notice.termTooShort'), { terms: query.shortTerms.map((t) => `“${t}”`).join(', ') });
    }
  });

  const groups =
    error || query.terms.length === 0
      ? []
      : await searchSite(db, {
          terms: query.terms,
          kinds: filters.kind ? [filters.kind] : [],
          party: filters.party,
          instrument: filters.instrument,
          locale,
          // Pages other than the first are one kind's.
          page: filters.kind ? filters.page : 1,
        });
  return { query, filters, error, notices, groups, parties: partyRows, instruments: instrumentRows };
}

/** The search page's address for these parameters (without a language prefix). */
export function searchPath(q: string, filters: Partial<SearchFilters>): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.party) params.set('party', filters.party);
  if (filters.instrument) params.set('instrument', filters.instrument);
  if (filters.page && filters.page > 1) params.set('page', String(filters.page));
  const search = params.toString();
  return search ? `/search?${search}` : '/search';
}
