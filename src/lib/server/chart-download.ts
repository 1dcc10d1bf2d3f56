/**
 * Answers a chart download (`…/charts/{name}.svg` or `.png`, and /th/…): the chart drawn as a
 * standalone SVG with its title, source, date and page address inside, or that SVG as PNG
 * (resvg, with Sarabun for Thai; see preview-image.ts). HTTP caching is the page's (the
 * middleware's data-version ETag, http-cache.ts); the rendered bytes are kept here per address,
 * day and data version, so a busy chart is drawn once per publication.
 */
import type { APIContext } from 'astro';
import type { Database } from '../../../db/client';
import { LANGUAGE_TAGS, localizePath, stripLocale, type Locale } from '../../i18n/locales';
import { readAsOf } from '../request-params';
import { t } from '../../i18n/ui';
import { previewFonts, renderPng } from './preview-image';
import { publicOrigin } from './public-origin';
import { readDataVersions } from './queries/data-version';
import { chartFileSvg, type BuiltChart } from './views/charts';

/** Rendered files kept (a PNG is about 30–60 KB). */
const KEEP = 256;
const rendered = new Map<string, Uint8Array>();

/** `name.svg` / `name.png` split, or null for any other file name. */
export function parseChartFile(file: string): { name: string; format: 'svg' | 'png' } | null {
  const match = /^([a-z0-9][a-z0-9_-]{0,80})\.(svg|png)$/.exec(file);
  return match ? { name: match[1]!, format: match[2] as 'svg' | 'png' } : null;
}

/** A 404 in words. */
export function chartNotFound(locale: Locale): Response {
  return new Response(t(locale, 'error.notFound.title'), { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

/**
 * The chart file's response. `build` makes the chart in a language; `pagePath` is the page it
 * belongs to (without the /th prefix); `scopes` the data versions it reads.
 */
export async function chartFileResponse(options: {
  db: Database;
  url: URL;
  locale: Locale;
  format: 'svg' | 'png';
  pagePath: string;
  asOf: string;
  historical: boolean;
  scopes: string[];
  fileStem: string;
  build: (locale: Locale) => Promise<BuiltChart | null>;
}): Promise<Response> {
  const { db, url, format, pagePath, asOf, historical, scopes, fileStem, build } = options;
  // Without any Thai font a PNG is drawn in English rather than as empty boxes.
  const locale: Locale = format === 'png' && options.locale === 'th' && !previewFonts().thai ? 'en' : options.locale;
  const key = [format, locale, url.pathname, asOf, await readDataVersions(db, scopes)].join('|');
  let body = rendered.get(key);
  if (!body) {
    const chart = await build(locale);
    if (!chart) return chartNotFound(options.locale);
    const pageUrl = `${publicOrigin(url)}${localizePath(locale, pagePath)}${historical ? `?as_of=${asOf}` : ''}`;
    const svg = chartFileSvg(chart, locale, pageUrl, previewFonts().family);
    body = format === 'svg' ? new TextEncoder().encode(svg) : new Uint8Array(renderPng(svg));
    if (rendered.size >= KEEP) rendered.delete(rendered.keys().next().value!);
    rendered.set(key, body);
  }
  const filename = `${fileStem}${locale === 'en' ? '' : `-${locale}`}.${format}`;
  return new Response(body as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      'content-type': format === 'svg' ? 'image/svg+xml; charset=utf-8' : 'image/png',
      'content-language': LANGUAGE_TAGS[locale],
      'content-disposition': `inline; filename="${filename}"`,
    },
  });
}

/**
 * The whole of a chart-download route: `/{kind}/{key}/charts/{file}` (and /th/…, `?as_of=`)
 * read from the address, the owner found with `find` (null: 404), its chart built with
 * `build`. The owner's page is `/{kind}/{slug}` and its data versions `world` and `{scope}:{slug}`.
 */
export async function serveChartDownload<Owner extends { slug: string }>(
  { locals, url }: Pick<APIContext, 'locals' | 'url'>,
  kind: 'parties' | 'instruments',
  scope: 'party' | 'instrument',
  find: (db: Database, key: string) => Promise<Owner | null>,
  build: (db: Database, owner: Owner, name: string, asOf: string, locale: Locale) => Promise<BuiltChart | null>,
): Promise<Response> {
  const { db, locale } = locals;
  // From the address, as on a Thai rewrite the route's params are not the ones asked for.
  const [, key = '', fileName = ''] = new RegExp(`^/${kind}/([^/]+)/charts/([^/]+)$`).exec(stripLocale(url.pathname)) ?? [];
  const file = parseChartFile(fileName);
  const owner = file ? await find(db, decodeURIComponent(key)) : null;
  if (!file || !owner) return chartNotFound(locale);
  const { asOf, historical } = readAsOf(url.searchParams, undefined, locale);
  return chartFileResponse({
    db,
    url,
    locale,
    format: file.format,
    pagePath: `/${kind}/${owner.slug}`,
    asOf,
    historical,
    scopes: ['world', `${scope}:${owner.slug}`],
    fileStem: `${owner.slug}-${file.name}-${asOf}`,
    build: (lang) => build(db, owner, file.name, asOf, lang),
  });
}
