/**
 * GET /embed/parties/{code}.svg: a badge with the party's overall score and coverage (the
 * scorecard's headline assessor), in English, or in Thai under /th/ or with ?lang=th.
 */
import type { APIRoute } from 'astro';
import { renderBadge } from '../../../domain/badge';
import { summarizeParty } from '../../../domain/party-summary';
import { formatDate, formatPercent } from '../../../i18n/format';
import { isLocale, LANGUAGE_TAGS, stripLocale, type Locale } from '../../../i18n/locales';
import { localText } from '../../../i18n/data-text';
import { loadDataTranslations } from '../../../lib/server/translations';
import { reuseText } from '../../../i18n/reuse-strings';
import { ASSESSOR_LABELS, t } from '../../../i18n/ui';
import { fill, readAsOf } from '../../../lib/request-params';
import { getParty } from '../../../lib/server/queries/parties';
import { getPartyScores } from '../../../lib/server/queries/scorecard';

export const GET: APIRoute = async ({ locals, url }) => {
  const { db } = locals;
  const lang = url.searchParams.get('lang');
  const locale: Locale = lang !== null && isLocale(lang) ? lang : locals.locale;
  // From the path, not params: under /th the rewrite leaves an endpoint's params as they were.
  const code = /^\/embed\/parties\/(.+)\.svg$/.exec(stripLocale(url.pathname))?.[1] ?? '';
  const party = await getParty(db, decodeURIComponent(code).toLowerCase());
  if (!party) {
    return new Response(t(locale, 'error.notFound.title'), { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  }
  const { asOf } = readAsOf(url.searchParams, undefined, locals.locale);
  const { scores } = await getPartyScores(db, party.slug, asOf);
  const [headline] = summarizeParty(scores);
  const { overall, assessor } = headline!;
  const translations = locale === locals.locale ? locals.translations : await loadDataTranslations(db, locale);
  const name = localText(locale, translations, party.nameEn, party.nameTh).text;
  const score = formatPercent(locale, overall.score);
  const coverage = formatPercent(locale, overall.coverage);
  const facts = { name, score, coverage, assessor: ASSESSOR_LABELS[locale][assessor], asOf: formatDate(locale, asOf) };
  const svg = renderBadge({
    label: `${reuseText(locale, 'embed.badgeLabel')} · ${party.iso3 ?? party.slug.toUpperCase()}`,
    value: overall.score === null ? reuseText(locale, 'embed.notRated') : `${score} · ${reuseText(locale, 'embed.cov')} ${coverage}`,
    title: fill(reuseText(locale, overall.score === null ? 'embed.badgeNone' : 'embed.badgeTitle'), facts),
    lang: LANGUAGE_TAGS[locale],
    valueColor: '#0b5cad',
    valueTextColor: '#ffffff',
  });
  return new Response(svg, { status: 200, headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'content-language': LANGUAGE_TAGS[locale] } });
};
