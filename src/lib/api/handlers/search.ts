/** GET /api/v1/search: the search page's results for programs, from the same view. */
import type { APIContext } from 'astro';
import { snippetToHtml, type SnippetPart } from '../../../domain/search-query';
import { localizePath, type Locale } from '../../../i18n/locales';
import { buildSearchView } from '../../server/views/search';
import { ApiError, sendJson } from '../http';
import { parseQuery } from '../params';
import { SearchQuery, SearchResults } from '../schemas';

const plain = (parts: SnippetPart[]) => parts.map((p) => p.text).join('');

/** Search results grouped by kind; unknown filters are a 400 naming the parameter. */
export async function getSearchResponse({ locals, url, request }: APIContext): Promise<Response> {
  const query = parseQuery(SearchQuery, url.searchParams);
  const locale: Locale = query.lang ?? 'en';
  const params = new URLSearchParams({ q: query.q });
  if (query.kind) params.set('kind', query.kind);
  if (query.party) params.set('party', query.party);
  if (query.instrument) params.set('instrument', query.instrument);
  if (query.page) params.set('page', String(query.page));
  const view = await buildSearchView(locals.db, params, locale);
  if (view.error) throw new ApiError(400, `${view.error.field}: ${view.error.message}`, view.error.field);
  const { filters } = view;
  const apiPath = (page: number, kind: string) => {
    const next = new URLSearchParams(params);
    next.set('kind', kind);
    next.set('page', String(page));
    if (query.lang) next.set('lang', query.lang);
    return `/api/v1/search?${next}`;
  };
  return sendJson(request, SearchResults, {
    query: { q: view.query.text, terms: view.query.terms, ignoredTerms: view.query.shortTerms, notices: view.query.notices },
    data: view.groups.map((group) => ({
      kind: group.kind,
      total: group.total,
      capped: group.capped,
      next: group.hasMore ? apiPath((filters.kind ? filters.page : 1) + 1, group.kind) : null,
      results: group.hits.map((hit) => ({
        kind: hit.kind,
        key: hit.key,
        lang: hit.lang,
        title: plain(hit.title),
        titleParts: hit.title,
        titleHtml: snippetToHtml(hit.title),
        snippet: plain(hit.snippet),
        snippetParts: hit.snippet,
        snippetHtml: snippetToHtml(hit.snippet),
        party: hit.partySlug,
        instrument: hit.instrumentSlug,
        sourceUrl: hit.url,
        links: { html: localizePath(locale, hit.path) },
      })),
    })),
  });
}

