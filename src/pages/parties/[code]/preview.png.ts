/**
 * GET /parties/{code}/preview.png (and /th/…): the scorecard's link-preview image, 1200 × 630:
 * the party's name, headline score and coverage, drawn as SVG and rendered to PNG. Cached like
 * the page: the middleware's ETag follows the party's data version (http-cache.ts), and the
 * bytes are kept here per language, party and data version.
 */
import { countText } from '../../../i18n/phone-strings';
import type { APIRoute } from 'astro';
import { todayIso } from '../../../domain/dates';
import { summarizeParty } from '../../../domain/party-summary';
import { renderPreviewCard } from '../../../domain/preview-card';
import { formatDate, formatPercent } from '../../../i18n/format';
import { LANGUAGE_TAGS, stripLocale, type Locale } from '../../../i18n/locales';
import { localText, NO_TRANSLATIONS } from '../../../i18n/data-text';
import { searchText } from '../../../i18n/search-strings';
import { t } from '../../../i18n/ui';
import { fill } from '../../../lib/request-params';
import { previewFonts, renderPng } from '../../../lib/server/preview-image';
import { readDataVersions } from '../../../lib/server/queries/data-version';
import { getParty } from '../../../lib/server/queries/parties';
import { getPartyScores } from '../../../lib/server/queries/scorecard';

/** Rendered images kept (about 40 KB each). */
const KEEP = 256;
const rendered = new Map<string, Buffer>();

export const GET: APIRoute = async ({ locals, url }) => {
  const { db } = locals;
  const code = /^\/parties\/([^/]+)\/preview\.png$/.exec(stripLocale(url.pathname))?.[1] ?? '';
  const party = await getParty(db, decodeURIComponent(code).toLowerCase());
  if (!party) {
    return new Response(t(locals.locale, 'error.notFound.title'), { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  }
  // Without any Thai font the card is drawn in English rather than as empty boxes.
  const locale: Locale = locals.locale === 'th' && !previewFonts().thai ? 'en' : locals.locale;
  const today = todayIso();
  const key = [locale, party.slug, today, await readDataVersions(db, ['world', `party:${party.slug}`])].join('|');
  let png = rendered.get(key);
  if (!png) {
    const { scores } = await getPartyScores(db, party.slug, today);
    const [headline] = summarizeParty(scores);
    const overall = headline!.overall;
    const svg = renderPreviewCard({
      siteName: t(locale, 'site.name'),
      partyName: localText(locale, locale === locals.locale ? locals.translations : NO_TRANSLATIONS, party.nameEn, party.nameTh).text,
      scoreLabel: searchText(locale, 'preview.overall'),
      scoreText: overall.score === null ? searchText(locale, 'preview.notRated') : formatPercent(locale, overall.score),
      score: overall.score,
      coverageText: countText(locale, 'previewCoverage', overall.applicable, { coverage: formatPercent(locale, overall.coverage), rated: overall.rated, applicable: overall.applicable }),
      asOfText: fill(searchText(locale, 'preview.asOf'), { date: formatDate(locale, today) }),
      lang: LANGUAGE_TAGS[locale],
      fontFamily: previewFonts().family,
    });
    png = renderPng(svg);
    if (rendered.size >= KEEP) rendered.delete(rendered.keys().next().value!);
    rendered.set(key, png);
  }
  return new Response(new Uint8Array(png), { status: 200, headers: { 'content-type': 'image/png', 'content-language': LANGUAGE_TAGS[locale] } });
};
