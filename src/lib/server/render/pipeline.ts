/** The scorecard's treaty actions: each treaty's pipeline (signed → steps at home → deposited → in force), then other instruments' actions as a table. */
import { localReference } from '../../../i18n/commitment-reference';
import { formatDate } from '../../../i18n/format';
import { DOMESTIC_STEP_LABELS, PIPELINE_STAGE_LABELS, provText } from '../../../i18n/provenance-strings';
import { ACTION_LABELS, t } from '../../../i18n/ui';
import { html, type Html } from '../../html';
import { fill } from '../../request-params';
import { parseStatements } from '../../treaty-statements';
import type { ScorecardView } from '../views/scorecard';
import type { ScorecardRenderContext } from './context';
import { renderScrollTable } from './scroll-table';
import { renderInLanguage, renderSourceLink } from './source-link';

type PipelineItem = ScorecardView['pipelines'][number]['pipeline']['items'][number];

/** A date as `<time>`, or a dash when not recorded. */
function dateOrDash(ctx: ScorecardRenderContext, iso: string | null): Html | string {
  return iso ? html`<time datetime="${iso}">${formatDate(ctx.locale, iso)}</time>` : '—';
}

/** One step of a pipeline. */
function renderItem(ctx: ScorecardRenderContext, item: PipelineItem): Html {
  const { locale, translations, txt } = ctx;
  if (item.kind === 'in_force') {
    return html`<li data-kind="in_force"><strong>${provText(locale, item.status === 'in_force' ? 'pipeline.inForce' : 'pipeline.pending')}</strong>: ${item.date ? html`<time datetime="${item.date}">${formatDate(locale, item.date)}</time>` : t(locale, 'party.eifDateUnknown')}</li>`;
  }
  if (item.kind === 'domestic') {
    const row = item.row;
    return html`<li data-kind="domestic" data-step="${row.step}"><strong>${DOMESTIC_STEP_LABELS[locale][row.step]}</strong>: ${dateOrDash(ctx, row.takenOn)}. ${txt(row.summaryEn, row.summaryTh)} ${renderSourceLink(locale, translations, row)}</li>`;
  }
  const row = item.row;
  const label =
    item.kind === 'signed'
      ? provText(locale, 'pipeline.signed')
      : item.kind === 'withdrawn'
        ? provText(locale, 'pipeline.withdrawn')
        : fill(provText(locale, item.kind === 'deposited' ? 'pipeline.deposited' : 'pipeline.reported'), { action: ACTION_LABELS[locale][row.action] });
  const statements = parseStatements(row);
  return html`<li data-kind="${item.kind}"><strong>${label}</strong>: ${dateOrDash(ctx, row.actedOn)}${row.notificationRef && html` (${provText(locale, 'prov.notification')} ${row.notificationRef})`}. ${renderSourceLink(locale, translations, row)}${statements.length > 0 && html`<ul class="statements">${statements.map((s) => html`<li><strong>${renderInLanguage(locale, localReference(locale, s.article))}</strong>: ${txt(s.summaryEn, s.summaryTh)}</li>`)}</ul>`}</li>`;
}

/** Every treaty's pipeline and the table of other instruments' actions (the section's content after its intro). */
export function renderPipelines(ctx: ScorecardRenderContext): Html {
  const { locale, translations, view, link } = ctx;
  const pipelines = view.pipelines.map(
    ({ instrument, pipeline }) =>
      html`<section class="pipeline" aria-labelledby="pipeline-${instrument.slug}" data-pipeline="${instrument.slug}" data-stage="${pipeline.stage}"><h3 id="pipeline-${instrument.slug}"><a href="${link(`/instruments/${instrument.slug}`)}">${instrument.shortName}</a>: ${PIPELINE_STAGE_LABELS[locale][pipeline.stage]}</h3><ol class="pipeline-steps">${pipeline.items.map((item) => renderItem(ctx, item))}</ol></section>`,
  );
  if (view.otherActions.length === 0) return html`${pipelines}`;
  const other = provText(locale, 'pipeline.other');
  const action = t(locale, 'party.action');
  const date = t(locale, 'common.date');
  const table = html`<table data-table="pipeline" class="stack"><thead><tr><th scope="col">${t(locale, 'party.instrument')}</th><th scope="col">${action}</th><th scope="col">${date}</th><th scope="col">${t(locale, 'common.source')}</th></tr></thead><tbody>${view.otherActions.map(
    (p) =>
      html`<tr><th scope="row"><a href="${link(`/instruments/${p.instrumentSlug}`)}">${p.instrumentShortName}</a></th><td data-label="${action}">${ACTION_LABELS[locale][p.action]}</td><td data-label="${date}">${dateOrDash(ctx, p.actedOn)}</td><td>${renderSourceLink(locale, translations, p)}</td></tr>`,
  )}</tbody></table>`;
  return html`${pipelines}<h3>${other}</h3>${renderScrollTable(locale, other, table)}`;
}
