/**
 * The scorecard's score tables: by instrument and by theme, one column per assessor side by
 * side, each score drawn as a bar in its cell (a hatched band where it is not rated), with the
 * source, the date and the charts to download under each table. They are the scorecard's score
 * charts: the same numbers drawn once, not a table and a chart per assessor repeating it.
 */
import { chartText } from '../../../i18n/chart-strings';
import { formatPercent } from '../../../i18n/format';
import { ASSESSOR_LABELS, THEME_SLUGS, t } from '../../../i18n/ui';
import { scorecardText } from '../../../i18n/scorecard-strings';
import { fill } from '../../request-params';
import { html, type Html } from '../../html';
import type { ScoreBy } from '../views/scorecard';
import type { ScorecardRenderContext } from './context';
import { renderChartFoot } from './chart-foot';
import { scoreBar } from './score-bar';
import { renderScrollTable } from './scroll-table';

interface ScoreRow {
  label: string;
  href: string;
  /** Where a cell's score links to. */
  anchor: string;
  scores: ScoreBy;
}

/** The foot under a score table: source, date, and each assessor's chart as SVG and PNG (the bars in the cells are the chart). */
function renderTableFoot(ctx: ScorecardRenderContext, chart: 'instruments' | 'themes'): Html {
  const { locale, view, link, historical } = ctx;
  const query = historical ? `?as_of=${view.asOf}` : '';
  return renderChartFoot(locale, {
    source: `${chartText(locale, 'chart.source')}: ${fill(chartText(locale, 'chart.sourceScores'), { version: view.methodologyVersion })}`,
    asOf: view.asOf,
    downloads: view.assessors.map((a) => ({ href: (ext) => `${link(`/parties/${view.party.slug}/charts/${chart}-${a}.${ext}`)}${query}`, named: { label: ASSESSOR_LABELS[locale][a], key: a } })),
  });
}

/** One table of scores with its caption, in its scroll region, and its foot. */
function renderScoreTable(ctx: ScorecardRenderContext, name: string, caption: string, firstColumn: string, rows: readonly ScoreRow[], chart: 'instruments' | 'themes'): Html {
  const { locale, view } = ctx;
  const notRated = t(locale, 'common.notRated');
  const cells = (row: ScoreRow) =>
    view.assessors.map((a) => {
      const score = row.scores[a];
      return score === undefined || score.score === null
        ? html`<td data-assessor="${a}"><span class="muted">${notRated}${score && html` <span class="note">0/${score.applicable}</span>`}</span>${scoreBar(null)}</td>`
        : html`<td data-assessor="${a}"><a href="${row.anchor}"><strong>${formatPercent(locale, score.score)}</strong></a> <span class="note">${formatPercent(locale, score.coverage)} · ${score.rated}/${score.applicable}</span>${scoreBar(score.score)}</td>`;
    });
  const table = html`<table class="score-table" data-table="${name}"><caption>${caption} <span class="note">${scorecardText(locale, 'table.key')}</span></caption><thead><tr><th scope="col">${firstColumn}</th>${view.assessors.map((a) => html`<th scope="col" data-assessor="${a}">${ASSESSOR_LABELS[locale][a]}</th>`)}</tr></thead><tbody>${rows.map((row) => html`<tr><th scope="row"><a href="${row.href}">${row.label}</a></th>${cells(row)}</tr>`)}</tbody></table>`;
  return html`<div class="score-chart" data-score-chart="${name}">${renderScrollTable(locale, caption, table)}${renderTableFoot(ctx, chart)}</div>`;
}

/** The by-instrument and by-theme tables (the page shows them only when an assessor rated something). */
export function renderScoreTables(ctx: ScorecardRenderContext): Html {
  const { locale, view, link } = ctx;
  const byInstrument = view.byInstrument.map((row) => ({ label: row.shortName, href: link(`/instruments/${row.slug}`), anchor: `#instrument-${row.slug}`, scores: row.scores }));
  const byTheme = view.byTheme.map((row) => ({ label: row.label, href: link(`/themes/${THEME_SLUGS[row.theme]}`), anchor: '#commitments', scores: row.scores }));
  return html`${renderScoreTable(ctx, 'by-instrument', t(locale, 'party.byInstrument'), t(locale, 'party.instrument'), byInstrument, 'instruments')}${renderScoreTable(ctx, 'by-theme', t(locale, 'party.byTheme'), t(locale, 'common.theme'), byTheme, 'themes')}`;
}
