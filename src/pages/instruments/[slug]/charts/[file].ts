/**
 * GET /instruments/{slug}/charts/progress.svg|.png (and /th/…, `?as_of=`): the instrument's
 * parties over time (signatures, domestic steps, deposits) to download, with its title, source
 * and date inside the image.
 */
import type { APIRoute } from 'astro';
import { stripLocale } from '../../../../i18n/locales';
import { chartFileResponse, chartNotFound, parseChartFile } from '../../../../lib/server/chart-download';
import { readAsOf } from '../../../../lib/request-params';
import { getInstrument } from '../../../../lib/server/queries/instruments';
import { buildInstrumentChart } from '../../../../lib/server/views/charts';

export const GET: APIRoute = async ({ locals, url }) => {
  const { db, locale } = locals;
  // From the address, as on a Thai rewrite the route's params are not the ones asked for.
  const [, owner = '', fileName = ''] = /^\/instruments\/([^/]+)\/charts\/([^/]+)$/.exec(stripLocale(url.pathname)) ?? [];
  const file = parseChartFile(fileName);
  const instrument = file ? await getInstrument(db, decodeURIComponent(owner)) : null;
  if (!file || !instrument) return chartNotFound(locale);
  const { asOf, historical } = readAsOf(url.searchParams, undefined, locale);
  return chartFileResponse({
    db,
    url,
    locale,
    format: file.format,
    pagePath: `/instruments/${instrument.slug}`,
    asOf,
    historical,
    scopes: ['world', `instrument:${instrument.slug}`],
    fileStem: `${instrument.slug}-${file.name}-${asOf}`,
    build: (lang) => buildInstrumentChart(db, instrument, file.name, asOf, lang),
  });
};
