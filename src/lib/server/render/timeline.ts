/** The scorecard's timeline: the party's latest published assessments, newest first. */
import { formatDate, formatNumber } from '../../../i18n/format';
import { ASSESSOR_LABELS, STATUS_LABELS, t } from '../../../i18n/ui';
import { html, type Html } from '../../html';
import { fill } from '../../request-params';
import { TIMELINE_LIMIT } from '../views/scorecard';
import type { ScorecardRenderContext } from './context';

/** The timeline section's content after its heading, with a link to the rest in the open-data API when cut. */
export function renderTimeline(ctx: ScorecardRenderContext): Html {
  const { locale, view, txt, link, commitmentHref } = ctx;
  const status = STATUS_LABELS[locale];
  const assessor = ASSESSOR_LABELS[locale];
  const list =
    view.timeline.length === 0
      ? html`<p>${t(locale, 'party.noTimeline')}</p>`
      : html`<ol class="timeline">${view.timeline.map(
          (row) =>
            html`<li><time datetime="${row.asOf}">${formatDate(locale, row.asOf)}</time> · <a href="${commitmentHref(row.commitmentCode)}">${row.commitmentCode}</a> ${txt(row.titleEn, row.titleTh)}: <a class="badge status-${row.status}" href="${link(`/assessments/${row.id}`)}">${status[row.status]}</a> <span class="note">${assessor[row.assessor]}</span></li>`,
        )}</ol>`;
  const more =
    view.timeline.length >= TIMELINE_LIMIT &&
    html`<p class="note">${fill(t(locale, 'party.timelineLatest'), { count: formatNumber(locale, TIMELINE_LIMIT) })} <a href="/api/v1/assessments?party=${view.party.slug}${ctx.historical ? `&as_of=${view.asOf}` : ''}">${t(locale, 'party.timelineAll')}</a></p>`;
  return html`${list}${more}`;
}
