/**
 * The foot of a chart, as Our World in Data writes it under theirs: the source, the day the
 * data shows, and the chart to download as SVG and PNG. ChartFrame.astro puts it under a
 * drawn chart; the scorecard puts it under its score tables, whose bars are the chart (one
 * download per assessor there, each named).
 */
import { chartText } from '../../../i18n/chart-strings';
import { formatDate } from '../../../i18n/format';
import type { Locale } from '../../../i18n/locales';
import { html, type Html } from '../../html';
import { fill } from '../../request-params';

/** One chart to download: its address without extension, query or language already applied by `href`. */
export interface ChartDownload {
  /** The file's address for an extension (`svg` or `png`). */
  href: (ext: 'svg' | 'png') => string;
  /** Whose chart it is, when several are offered side by side (an assessor): its label and data key. */
  named?: { label: string; key: string };
}

/** The foot's paragraph: source, date and downloads (none when `downloads` is empty). */
export function renderChartFoot(locale: Locale, { source, asOf, downloads }: { source: string; asOf: string; downloads: readonly ChartDownload[] }): Html {
  const links = (d: ChartDownload) =>
    html`<a href="${d.href('svg')}" data-download="svg" type="image/svg+xml">${chartText(locale, 'chart.downloadSvg')}</a> <a href="${d.href('png')}" data-download="png" type="image/png">${chartText(locale, 'chart.downloadPng')}</a>`;
  const list = downloads.map((d, i) => html`${i > 0 && d.named ? ' ·' : ''} ${d.named ? html`<span data-chart-assessor="${d.named.key}">${d.named.label} ${links(d)}</span>` : links(d)}`);
  return html`<p class="chart-foot"><span class="chart-source">${source}</span><span class="chart-date">${fill(chartText(locale, 'chart.dataAsOf'), { date: formatDate(locale, asOf) })}</span>${downloads.length > 0 && html`<span class="chart-downloads no-print">${chartText(locale, 'chart.download')}:${list}</span>`}</p>`;
}
