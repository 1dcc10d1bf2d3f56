/**
 * Atom feeds of newly published assessments: `/feed.xml`, `/parties/{code}/feed.xml` and
 * `/instruments/{slug}/feed.xml`, in English, and in Thai under `/th/`. Each entry links to
 * the assessment on the party's scorecard as of the assessment's own date, where it shows
 * even after a newer one supersedes it.
 *
 * Caching: a strong ETag over the body and a Last-Modified of the newest entry; a matching
 * If-None-Match, or (when none is sent) an If-Modified-Since no older than the newest entry,
 * gets a 304.
 */
import { publicOrigin } from '../../server/public-origin';
import type { APIContext } from 'astro';
import { renderAtom, toAtomDate, type AtomFeed } from '../../../domain/atom';
import { firstShownDay } from '../../../domain/scoring';
import { formatDate } from '../../../i18n/format';
import { LANGUAGE_TAGS, localizePath, stripLocale, type Locale } from '../../../i18n/locales';
import { dataTextOf, NO_TRANSLATIONS, type DataTranslations } from '../../../i18n/data-text';
import { reuseText } from '../../../i18n/reuse-strings';
import { ASSESSOR_LABELS, STATUS_LABELS, t } from '../../../i18n/ui';
import { fill } from '../../request-params';
import { getFeedAssessments, type FeedAssessment, type FeedScope } from '../../server/queries/feeds';
import { getInstrument } from '../../server/queries/instruments';
import { getParty } from '../../server/queries/parties';
import { CACHE_CONTROL, etagOf, LICENCE_URL, matchesIfNoneMatch } from '../http';

const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

/** The URL of an assessment on its party's scorecard, as of its own date (the entry's stable id). */
export function assessmentLink(origin: string, locale: Locale, a: { id: number; partySlug: string; asOf: string }): string {
  return `${origin}${localizePath(locale, `/parties/${a.partySlug}`)}?as_of=${a.asOf}#assessment-${a.id}`;
}

/**
 * The permalink that shows an assessment: its party's scorecard on the first day whose view
 * holds it (the day it was published, when that is after the day it describes).
 */
export function assessmentPermalink(origin: string, locale: Locale, a: { id: number; partySlug: string; asOf: string; publishedAt: string | null }): string {
  return assessmentLink(origin, locale, { ...a, asOf: firstShownDay(a) });
}

/** The feed document for a scope (the scope must exist). */
export function buildFeed(origin: string, locale: Locale, path: { self: string; html: string }, title: string, rows: FeedAssessment[], translations: DataTranslations = NO_TRANSLATIONS): AtomFeed {
  const txt = dataTextOf(locale, translations);
  const updated = rows.reduce((latest, r) => (toAtomDate(r.publishedAt) > latest ? toAtomDate(r.publishedAt) : latest), '1970-01-01T00:00:00Z');
  return {
    id: `${origin}${path.self}`,
    title,
    subtitle: reuseText(locale, 'feed.subtitle'),
    updated,
    selfLink: `${origin}${path.self}`,
    alternateLink: `${origin}${path.html}`,
    lang: LANGUAGE_TAGS[locale],
    authorName: t(locale, 'site.name'),
    rights: `CC BY 4.0 (${LICENCE_URL})`,
    entries: rows.map((r) => {
      const status = STATUS_LABELS[locale][r.status];
      const assessor = ASSESSOR_LABELS[locale][r.assessor];
      const published = toAtomDate(r.publishedAt);
      const writers = writerNamesOf(r);
      const facts = fill(reuseText(locale, 'feed.entryFacts'), {
        status,
        assessor,
        author: writers.join(', '),
        asOf: formatDate(locale, r.asOf),
        publishedAt: formatDate(locale, published.slice(0, 10)),
      });
      return {
        // The English permalink names the assessment in both languages' feeds.
        id: assessmentLink(origin, 'en', r),
        title: fill(reuseText(locale, 'feed.entryTitle'), {
          party: txt(r.partyNameEn, r.partyNameTh),
          code: r.commitmentCode,
          commitment: txt(r.commitmentTitleEn, r.commitmentTitleTh),
          status,
        }),
        updated: published,
        published,
        link: assessmentPermalink(origin, locale, r),
        authorName: r.authorName,
        authorNames: writers,
        summary: `${facts}\n\n${txt(r.narrativeEn, r.narrativeTh)}`,
        categories: [
          { term: r.status, label: status, scheme: `${origin}/methodology#status` },
          { term: r.assessor, label: assessor, scheme: `${origin}/methodology#assessor` },
          { term: r.instrumentSlug, label: r.instrumentSlug, scheme: `${origin}/instruments` },
        ],
      };
    }),
  };
}

/** An HTTP date at whole seconds (Last-Modified has no finer precision). */
function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}

/** A 200 with the feed, or a 304 when the client's copy is current. */
export function sendFeed(request: Request, xml: string, updated: string): Response {
  const etag = etagOf(xml);
  const lastModified = httpDate(updated);
  const headers = new Headers({
    etag,
    'last-modified': lastModified,
    'cache-control': CACHE_CONTROL,
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'etag, last-modified',
  });
  const ifNoneMatch = request.headers.get('if-none-match');
  const ifModifiedSince = Date.parse(request.headers.get('if-modified-since') ?? '');
  // RFC 9110 §13.2.2: If-Modified-Since is ignored when If-None-Match is present.
  const notModified = ifNoneMatch !== null ? matchesIfNoneMatch(ifNoneMatch, etag) : !Number.isNaN(ifModifiedSince) && Date.parse(lastModified) <= ifModifiedSince;
  if (notModified) return new Response(null, { status: 304, headers });
  headers.set('content-type', ATOM_TYPE);
  return new Response(xml, { status: 200, headers });
}

function notFound(locale: Locale): Response {
  return new Response(reuseText(locale, 'feed.notFound'), { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

/** GET a feed: `scope` says which (a party code or an instrument slug from the path, or neither). */
export async function getFeedResponse(context: APIContext, scope: 'site' | 'party' | 'instrument'): Promise<Response> {
  const { db, locale, translations } = context.locals;
  const txt = dataTextOf(locale, translations);
  const origin = publicOrigin(context.url);
  let title = reuseText(locale, 'feed.title');
  let htmlPath = '/';
  const filter: FeedScope = {};
  // The code comes from the path, not context.params: under /th the middleware's rewrite leaves
  // an endpoint's context.params as they were before it.
  const segment = decodeURIComponent(stripLocale(context.url.pathname).split('/')[2] ?? '').toLowerCase();
  if (scope === 'party') {
    const party = await getParty(db, segment);
    if (!party) return notFound(locale);
    filter.partySlug = party.slug;
    title = fill(reuseText(locale, 'feed.titleFor'), { name: txt(party.nameEn, party.nameTh) });
    htmlPath = `/parties/${party.slug}`;
  } else if (scope === 'instrument') {
    const instrument = await getInstrument(db, segment);
    if (!instrument) return notFound(locale);
    filter.instrumentSlug = instrument.slug;
    title = fill(reuseText(locale, 'feed.titleFor'), { name: txt(instrument.titleEn, instrument.titleTh) });
    htmlPath = `/instruments/${instrument.slug}`;
  }
  const rows = await getFeedAssessments(db, filter);
  const selfPath = localizePath(locale, htmlPath === '/' ? '/feed.xml' : `${htmlPath}/feed.xml`);
  const feed = buildFeed(origin, locale, { self: selfPath, html: localizePath(locale, htmlPath) }, title, rows, translations);
  return sendFeed(context.request, renderAtom(feed), feed.updated);
}

/** Everyone who wrote a feed entry's assessment, the author first (the author alone for rows with no writers recorded). */
function writerNamesOf(row: { authorName: string; writerNames: string | null }): string[] {
  const writers = row.writerNames ? (JSON.parse(row.writerNames) as [string, string][]) : [];
  const later = writers.sort((a, b) => a[0].localeCompare(b[0])).map(([, name]) => name);
  return [...new Set([row.authorName, ...later])];
}
