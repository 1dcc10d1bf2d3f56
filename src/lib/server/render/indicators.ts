/**
 * Indicator tables: on a party's indicators page, each indicator's reported values with their
 * period (in the page's language where translated) and source; on its scorecard, one row per
 * indicator with its latest value, linking to that page.
 */
import { placeholderParts } from '../../../i18n/placeholders';
import { formatIndicatorValue } from '../../indicator-format';
import { formatNumber } from '../../../i18n/format';
import { scorecardText } from '../../../i18n/scorecard-strings';
import { t } from '../../../i18n/ui';
import { html, type Html } from '../../html';
import { fill } from '../../request-params';
import type { PartyIndicatorView } from '../views/party-indicators';
import type { ScorecardRenderContext } from './context';
import { renderScrollTable } from './scroll-table';
import { renderLocalText, renderSourceLink } from './source-link';

/** What an indicator table needs of the page: its language and data translations. */
export type IndicatorTextContext = Pick<ScorecardRenderContext, 'locale' | 'translations' | 'txt'>;

/** One indicator's values as a table, in its scroll region. */
export function renderIndicatorTable(ctx: IndicatorTextContext, indicator: PartyIndicatorView): Html {
  const { locale, translations, txt } = ctx;
  const name = txt(indicator.nameEn, indicator.nameTh);
  const table = html`<table data-table="indicator-${indicator.slug}"><caption>${name}</caption><thead><tr><th scope="col">${t(locale, 'party.period')}</th><th scope="col" class="num">${t(locale, 'party.value')}</th><th scope="col">${t(locale, 'common.source')}</th></tr></thead><tbody>${indicator.values.map(
    (v) => html`<tr><td>${renderLocalText(locale, translations, v.periodLabel)}</td><td class="num">${formatIndicatorValue(locale, indicator.unit, v.value, v.valueHigh, true)}</td><td>${renderSourceLink(locale, translations, v)}</td></tr>`,
  )}</tbody></table>`;
  return renderScrollTable(locale, name, table);
}

/**
 * The scorecard's indicators: each one's latest value with its period and source, the number
 * of values reported, and a link to the indicators page (`pageHref`), where every value is
 * charted and listed.
 */
export function renderIndicatorSummary(ctx: IndicatorTextContext, indicators: readonly PartyIndicatorView[], pageHref: string, partyName: string): Html {
  const { locale, translations, txt } = ctx;
  const st = (key: Parameters<typeof scorecardText>[1]) => scorecardText(locale, key);
  const caption = st('indicators.caption');
  const [latestLabel, periodLabel, sourceLabel, countLabel] = [st('indicators.latest'), t(locale, 'party.period'), t(locale, 'common.source'), st('indicators.count')];
  // Stacked on a phone (each row a block, each cell labelled; the source says "Source:" itself), so it never scrolls sideways.
  const table = html`<table class="stack" data-table="indicator-summary"><caption>${caption}</caption><thead><tr><th scope="col">${st('indicators.indicator')}</th><th scope="col" class="num">${latestLabel}</th><th scope="col">${periodLabel}</th><th scope="col">${sourceLabel}</th><th scope="col" class="num">${countLabel}</th></tr></thead><tbody>${indicators.map((indicator) => {
    const latest = indicator.values[indicator.values.length - 1]!;
    return html`<tr data-indicator="${indicator.slug}"><th scope="row"><a href="${pageHref}#indicator-${indicator.slug}">${txt(indicator.nameEn, indicator.nameTh)}</a></th><td class="num" data-label="${latestLabel}">${formatIndicatorValue(locale, indicator.unit, latest.value, latest.valueHigh, true)}</td><td data-label="${periodLabel}">${renderLocalText(locale, translations, latest.periodLabel)}</td><td>${renderSourceLink(locale, translations, latest)}</td><td class="num" data-label="${countLabel}">${formatNumber(locale, indicator.values.length)}</td></tr>`;
  })}</tbody></table>`;
  const link = html`<a href="${pageHref}">${fill(st('indicators.allLink'), { name: partyName })}</a>`;
  return html`${table}<p class="note" data-indicators-page>${placeholderParts(st('indicators.all')).map((part) => (typeof part === 'string' ? part : link))}</p>`;
}
