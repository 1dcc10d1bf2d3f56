/** The scorecard's commitments: the count, the pager, assessed commitments with their assessments and evidence (one page), and each instrument's unrated commitments collapsed. */
import { formatDate, formatNumber } from '../../../i18n/format';
import { measureText } from '../../../i18n/measure-strings';
import { provText } from '../../../i18n/provenance-strings';
import { scorecardCount, scorecardText } from '../../../i18n/scorecard-strings';
import { ASSESSOR_LABELS, CONFIDENCE_LABELS, GRADE_LABELS, STATUS_LABELS, t } from '../../../i18n/ui';
import { html, type Html } from '../../html';
import { fill } from '../../request-params';
import type { AssessmentView, CommitmentGroupView, RatedCommitmentView, UnratedCommitmentView } from '../views/scorecard';
import type { ScorecardRenderContext } from './context';

/** The words every entry repeats, looked up once per page. */
function wordsOf(ctx: ScorecardRenderContext) {
  const { locale } = ctx;
  return {
    overdue: html`<span class="badge overdue">${t(locale, 'party.overdue')}</span>`,
    due: t(locale, 'party.due'),
    lastAssessed: t(locale, 'party.lastAssessed'),
    measure: measureText(locale, 'measures.title'),
    checked: provText(locale, 'prov.checked'),
    status: STATUS_LABELS[locale],
    assessor: ASSESSOR_LABELS[locale],
    grade: GRADE_LABELS[locale],
    confidence: CONFIDENCE_LABELS[locale],
  };
}
type Words = ReturnType<typeof wordsOf>;

/** One assessor's assessment: status, date, narrative (marked with its language when not the page's), evidence. */
function renderAssessment(ctx: ScorecardRenderContext, w: Words, a: AssessmentView): Html {
  const { locale, link } = ctx;
  const hasEvidence = a.citedMeasures.length > 0 || a.evidence.length > 0;
  return html`<div class="assessment" id="assessment-${a.id}" data-assessor="${a.assessor}"><p><a class="badge status-${a.status}" href="${link(`/assessments/${a.id}`)}">${w.status[a.status]}</a> <span class="note">${w.assessor[a.assessor]} · ${w.lastAssessed} <time datetime="${a.asOf}">${formatDate(locale, a.asOf)}</time> · <a href="#assessment-${a.id}">#</a></span></p><p>${a.narrativeLang === locale ? a.narrative : html`<span lang="${a.narrativeLang}">${a.narrative}</span>`}</p>${
    hasEvidence &&
    html`<ul class="evidence">${a.citedMeasures.map((cm) => html`<li data-cited-measure="${cm.id}"><a href="${link(`/measures/${cm.id}`)}"${cm.lang === locale ? '' : html` lang="${cm.lang}"`}>${cm.title}</a> <span class="note">${w.measure}</span></li>`)}${a.evidence.map(
      (e) =>
        html`<li data-evidence="${e.id}"><a href="${e.url}" rel="external">${e.title}</a> <span class="note">${e.publisher}${e.publishedOn && html`, ${formatDate(locale, e.publishedOn)}`} · ${w.grade[e.grade]}${e.confidence && html` · ${w.confidence[e.confidence]}`}${e.checkedOn && html` · ${fill(w.checked, { date: formatDate(locale, e.checkedOn) })}`}</span></li>`,
    )}</ul>`
  }</div>`;
}

/** An assessed commitment in full. */
function renderRated(ctx: ScorecardRenderContext, w: Words, row: RatedCommitmentView): Html {
  return html`<li class="commitment" id="commitment-${row.code}"><div class="commitment-head"><span class="code">${row.code}</span><strong>${row.title}</strong>${row.overdue && w.overdue}</div>${row.dueOn && html`<p class="note">${w.due}: ${formatDate(ctx.locale, row.dueOn)}</p>`}${row.assessments.map((a) => renderAssessment(ctx, w, a))}</li>`;
}

/** A commitment nobody has assessed: code, title, due date. */
function renderUnrated(ctx: ScorecardRenderContext, w: Words, row: UnratedCommitmentView): Html {
  return html`<li id="commitment-${row.code}"><span class="code">${row.code}</span> ${row.title}${row.dueOn && html` · ${w.due} ${formatDate(ctx.locale, row.dueOn)}`}${row.overdue && html` ${w.overdue}`}</li>`;
}

/** One instrument's commitments: the assessed ones on this page, then (on page 1) its unrated ones folded. */
function renderGroup(ctx: ScorecardRenderContext, w: Words, group: CommitmentGroupView): Html {
  const { locale, view } = ctx;
  const slug = group.instrument.slug;
  const unrated = view.paging.page === 1 && group.unrated.length > 0;
  return html`<section aria-labelledby="instrument-${slug}" class="commitment-group" data-group="${slug}"><h3 id="instrument-${slug}">${group.instrument.title}</h3>${
    group.rated.length > 0 && html`<ul class="commitment-list">${group.rated.map((row) => renderRated(ctx, w, row))}</ul>`
  }${
    unrated &&
    html`<details class="not-assessed" data-not-rated="${group.unrated.length}"><summary>${fill(scorecardCount(locale, 'notRated.summary', group.unrated.length), { count: formatNumber(locale, group.unrated.length) })}</summary><ul>${group.unrated.map((row) => renderUnrated(ctx, w, row))}</ul></details>`
  }</section>`;
}

/** The commitments section's content after its heading. */
export function renderCommitments(ctx: ScorecardRenderContext): Html {
  const { locale, view, pageHref } = ctx;
  const { paging } = view;
  const st = (key: Parameters<typeof scorecardText>[1]) => scorecardText(locale, key);
  if (view.groups.length === 0) return html`<p>${t(locale, 'party.noCommitments')}</p>`;
  const w = wordsOf(ctx);
  const paged = paging.pages > 1;
  const count = html`<p class="note" data-figure="rated-count">${fill(scorecardCount(locale, 'rated.count', paging.total), { count: formatNumber(locale, paging.total) })}.${
    paged && html` ${fill(st('pages.showing'), { from: formatNumber(locale, paging.from), to: formatNumber(locale, paging.to), total: formatNumber(locale, paging.total) })}`
  }</p>`;
  const pages = Array.from({ length: paging.pages }, (_, n) => n + 1);
  const pager =
    paged &&
    html`<nav class="pager" aria-label="${st('pages.label')}" data-pager><ol>${pages.map((n) => html`<li>${n === paging.page ? html`<span aria-current="page">${fill(st('pages.page'), { page: n })}</span>` : html`<a href="${pageHref(n)}#commitments">${fill(st('pages.page'), { page: n })}</a>`}</li>`)}</ol></nav>`;
  const groups = view.groups.filter((g) => g.rated.length > 0 || (paging.page === 1 && g.unrated.length > 0)).map((group) => renderGroup(ctx, w, group));
  const footPager =
    paged &&
    html`<nav class="pager" aria-label="${st('pages.label')}"><ol>${paging.page > 1 && html`<li><a href="${pageHref(paging.page - 1)}#commitments" rel="prev">${st('pages.previous')}</a></li>`}${
      paging.page < paging.pages && html`<li><a href="${pageHref(paging.page + 1)}#commitments" rel="next">${st('pages.next')}</a></li>`
    }</ol></nav>`;
  return html`${count}${pager}${groups}${footPager}`;
}
