/** The scorecard's indicator tables: each reported value with its period (in the page's language where translated) and source. */
import { formatIndicatorValue } from '../../indicator-format';
import { t } from '../../../i18n/ui';
import { html, type Html } from '../../html';
import type { ScorecardView } from '../views/scorecard';
import type { ScorecardRenderContext } from './context';
import { renderScrollTable } from './scroll-table';
import { renderLocalText, renderSourceLink } from './source-link';

/** One indicator's values as a table, in its scroll region. */
export function renderIndicatorTable(ctx: ScorecardRenderContext, indicator: ScorecardView['indicators'][number]): Html {
  const { locale, translations, txt } = ctx;
  const name = txt(indicator.nameEn, indicator.nameTh);
  const table = html`<table data-table="indicator-${indicator.slug}"><caption>${name}</caption><thead><tr><th scope="col">${t(locale, 'party.period')}</th><th scope="col" class="num">${t(locale, 'party.value')}</th><th scope="col">${t(locale, 'common.source')}</th></tr></thead><tbody>${indicator.values.map(
    (v) => html`<tr><td>${renderLocalText(locale, translations, v.periodLabel)}</td><td class="num">${formatIndicatorValue(locale, indicator.unit, v.value, v.valueHigh, true)}</td><td>${renderSourceLink(locale, translations, v)}</td></tr>`,
  )}</tbody></table>`;
  return renderScrollTable(locale, name, table);
}
