/**
 * GET /parties/{code}/charts/{name}.svg|.png (and /th/…, `?as_of=`): a scorecard chart to
 * download, with its title, source and date inside the image. Names: `instruments-{assessor}`,
 * `themes-{assessor}` (assessor `independent` or `self_reported`), `indicator-{slug}`.
 */
import type { APIRoute } from 'astro';
import { stripLocale } from '../../../../i18n/locales';
import { chartFileResponse, chartNotFound, parseChartFile } from '../../../../lib/server/chart-download';
import { readAsOf } from '../../../../lib/request-params';
import { getParty } from '../../../../lib/server/queries/parties';
import { buildPartyChart } from '../../../../lib/server/views/charts';

export const GET: APIRoute = async ({ locals, url }) => {
  const { db, locale } = locals;
  // From the address, as on a Thai rewrite the route's params are not the ones asked for.
  const [, owner = '', fileName = ''] = /^\/parties\/([^/]+)\/charts\/([^/]+)$/.exec(stripLocale(url.pathname)) ?? [];
  const file = parseChartFile(fileName);
  const party = file ? await getParty(db, decodeURIComponent(owner).toLowerCase()) : null;
  if (!file || !party) return chartNotFound(locale);
  const { asOf, historical } = readAsOf(url.searchParams, undefined, locale);
  return chartFileResponse({
    db,
    url,
    locale,
    format: file.format,
    pagePath: `/parties/${party.slug}`,
    asOf,
    historical,
    scopes: ['world', `party:${party.slug}`],
    fileStem: `${party.slug}-${file.name}-${asOf}`,
    build: (lang) => buildPartyChart(db, party, file.name, asOf, lang),
  });
};
