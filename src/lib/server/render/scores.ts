/** The scorecard's score tables: by instrument and by theme, one column per assessor. */
import { formatPercent } from '../../../i18n/format';
import { ASSESSOR_LABELS, THEME_SLUGS, t } from '../../../i18n/ui';
import { scorecardText } from '../../../i18n/scorecard-strings';
import { html, type Html } from '../../html';
import type { ScoreBy } from '../views/scorecard';
import type { ScorecardRenderContext } from './context';
import { renderScrollTable } from './scroll-table';

interface ScoreRow {
  label: string;
  href: string;
  /** Where a cell's score links to. */
  anchor: string;
  scores: ScoreBy;
}

/** One table of scores with its caption, in its scroll region. */
function renderScoreTable(ctx: ScorecardRenderContext, name: string, caption: string, firstColumn: string, rows: readonly ScoreRow[]): Html {
  const { locale, view } = ctx;
  const notRated = t(locale, 'common.notRated');
  const cells = (row: ScoreRow) =>
    view.assessors.map((a) => {
      const score = row.scores[a];
      return score === undefined || score.score === null
        ? html`<td data-assessor="${a}"><span class="muted">${notRated}${score && html` <span class="note">0/${score.applicable}</span>`}</span></td>`
        : html`<td data-assessor="${a}"><a href="${row.anchor}"><strong>${formatPercent(locale, score.score)}</strong></a> <span class="note">${formatPercent(locale, score.coverage)} · ${score.rated}/${score.applicable}</span></td>`;
    });
  const table = html`<table data-table="${name}"><caption>${caption} <span class="note">${scorecardText(locale, 'table.key')}</span></caption><thead><tr><th scope="col">${firstColumn}</th>${view.assessors.map((a) => html`<th scope="col" data-assessor="${a}">${ASSESSOR_LABELS[locale][a]}</th>`)}</tr></thead><tbody>${rows.map((row) => html`<tr><th scope="row"><a href="${row.href}">${row.label}</a></th>${cells(row)}</tr>`)}</tbody></table>`;
  return renderScrollTable(locale, caption, table);
}

/** The by-instrument and by-theme tables (the page shows them only when an assessor rated something). */
export function renderScoreTables(ctx: ScorecardRenderContext): Html {
  const { locale, view, link } = ctx;
  const byInstrument = view.byInstrument.map((row) => ({ label: row.shortName, href: link(`/instruments/${row.slug}`), anchor: `#instrument-${row.slug}`, scores: row.scores }));
  const byTheme = view.byTheme.map((row) => ({ label: row.label, href: link(`/themes/${THEME_SLUGS[row.theme]}`), anchor: '#commitments', scores: row.scores }));
  return html`${renderScoreTable(ctx, 'by-instrument', t(locale, 'party.byInstrument'), t(locale, 'party.instrument'), byInstrument)}${renderScoreTable(ctx, 'by-theme', t(locale, 'party.byTheme'), t(locale, 'common.theme'), byTheme)}`;
}
