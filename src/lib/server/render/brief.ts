/**
 * The scorecard's printed briefing (ScorecardBrief.astro), rendered as one string: the frame
 * with its footer, the headline scores (each drawn as a bar in its cell), then the pipeline,
 * what moved, what is overdue, measures and the numbered sources.
 */
import { formatDate, formatNumber, formatPercent } from '../../../i18n/format';
import { measureText } from '../../../i18n/measure-strings';
import { DOMESTIC_STEP_LABELS, PIPELINE_STAGE_LABELS, provText } from '../../../i18n/provenance-strings';
import { scorecardCount, scorecardText } from '../../../i18n/scorecard-strings';
import { ACTION_LABELS, ASSESSOR_LABELS, STATUS_LABELS, t } from '../../../i18n/ui';
import { html, type Html } from '../../html';
import { fill } from '../../request-params';
import type { BriefLine } from '../views/scorecard';
import type { ScorecardRenderContext } from './context';
import { scoreBar } from './score-bar';

/** Absolute addresses the briefing prints. */
export interface BriefAddresses {
  /** The live page and its permalink. */
  pageUrl: string;
  permalinkUrl: string;
  /** The public origin, for the other addresses printed in full. */
  origin: string;
}

/** The briefing: the frame with its footer on every printed page, and everything in it. */
export function renderBrief(ctx: ScorecardRenderContext, addresses: BriefAddresses): Html {
  return html`${briefHead(ctx, addresses)}${briefTail(ctx, addresses)}`;
}

/** The frame with its footer, and the headline scores. */
function briefHead(ctx: ScorecardRenderContext, { pageUrl, permalinkUrl }: BriefAddresses): Html {
  const { locale, view } = ctx;
  const st = (key: Parameters<typeof scorecardText>[1]) => scorecardText(locale, key);
  const assessor = ASSESSOR_LABELS[locale];
  const notRated = t(locale, 'common.notRated');
  const scores =
    view.assessors.length === 0
      ? html`<p>${fill(st('scores.noneRated'), { applicable: formatNumber(locale, view.applicable) })}</p>`
      : html`<table class="brief-scores"><thead><tr><th scope="col">${t(locale, 'party.instrument')}</th>${view.assessors.map((a) => html`<th scope="col">${assessor[a]}</th>`)}</tr></thead><tbody><tr class="overall"><th scope="row">${st('brief.overall')}</th>${view.assessors.map((a) => {
          const s = view.overall[a]!;
          return html`<td>${formatPercent(locale, s.score)} <span class="cov">(${st('brief.coverage')} ${formatPercent(locale, s.coverage)}, ${s.rated}/${s.applicable})</span>${scoreBar(s.score)}</td>`;
        })}</tr>${view.byInstrument.map(
          (row) =>
            html`<tr><th scope="row">${row.shortName}</th>${view.assessors.map((a) => {
              const s = row.scores[a];
              return s && s.score !== null
                ? html`<td>${formatPercent(locale, s.score)} <span class="cov">(${formatPercent(locale, s.coverage)}, ${s.rated}/${s.applicable})</span>${scoreBar(s.score)}</td>`
                : html`<td><span class="cov">${notRated}${s ? ` (0/${s.applicable})` : ''}</span>${scoreBar(null)}</td>`;
            })}</tr>`,
        )}</tbody></table>`;
  return html`<section class="brief" aria-label="${st('brief.title')}" data-brief><table class="brief-frame"><tfoot><tr><td><p class="brief-foot">${st('brief.url')}: <a href="${pageUrl}" class="print-url"></a> · ${st('brief.permalink')}: <a href="${permalinkUrl}" class="print-url"></a> · ${fill(st('brief.asOf'), { asOf: formatDate(locale, view.asOf) })}</p></td></tr></tfoot><tbody><tr><td><h2>${st('brief.scores')}</h2>${scores}`;
}

/** The rest of the briefing, closing the frame that `briefHead` opened. */
function briefTail(ctx: ScorecardRenderContext, { origin }: BriefAddresses): Html {
  const { locale, view, link } = ctx;
  const st = (key: Parameters<typeof scorecardText>[1]) => scorecardText(locale, key);
  const mt = (key: Parameters<typeof measureText>[1]) => measureText(locale, key);
  const date = (iso: string | null | undefined) => formatDate(locale, iso);
  const noteByUrl = new Map(view.brief.footnotes.map((f) => [f.url, f.n]));
  const sup = (url: string | null | undefined) => {
    const n = url ? noteByUrl.get(url) : undefined;
    return n !== undefined && html`<sup>[${n}]</sup>`;
  };
  const action = ACTION_LABELS[locale];
  const status = STATUS_LABELS[locale];
  const more = (count: number) => count > 0 && html`<li>${fill(scorecardCount(locale, 'brief.more', count), { count: formatNumber(locale, count) })}</li>`;

  const pipeline =
    view.pipelines.length === 0 && view.otherActions.length === 0
      ? html`<p>${st('brief.noPipeline')}</p>`
      : html`<ul class="brief-list">${view.pipelines.map(
          ({ instrument, pipeline: p }) =>
            html`<li><strong>${instrument.shortName}</strong>: ${PIPELINE_STAGE_LABELS[locale][p.stage]}. ${p.items.map(
              (item, n) =>
                html`${n > 0 && '; '}${
                  item.kind === 'in_force'
                    ? html`${provText(locale, item.status === 'in_force' ? 'pipeline.inForce' : 'pipeline.pending')} ${date(item.date)}`
                    : item.kind === 'domestic'
                      ? html`${DOMESTIC_STEP_LABELS[locale][item.row.step]}${item.row.takenOn && ` ${date(item.row.takenOn)}`}${sup(item.row.sourceUrl)}`
                      : html`${action[item.row.action]}${item.row.actedOn && ` ${date(item.row.actedOn)}`}${sup(item.row.sourceUrl)}`
                }`,
            )}</li>`,
        )}${view.otherActions.map((row) => html`<li><strong>${row.instrumentShortName}</strong>: ${action[row.action]}${row.actedOn && ` ${date(row.actedOn)}`}${sup(row.sourceUrl)}</li>`)}</ul>`;

  const { moved, latest } = view.brief;
  const movedLine = (line: BriefLine) =>
    html`<li><span class="code">${line.code}</span> ${line.title}: <strong>${line.status && status[line.status]}</strong> (${line.assessor && ASSESSOR_LABELS[locale][line.assessor]}, ${date(line.date)})${line.footnote && html`<sup>[${line.footnote}]</sup>`}</li>`;
  const movedPart = html`${moved.length === 0 && html`<p>${fill(st('brief.noMoves'), { date: date(view.asOf) })}${latest.length > 0 && html` ${st('brief.latest')}`}</p>`}${
    (moved.length > 0 || latest.length > 0) && html`<ul class="brief-list">${(moved.length > 0 ? moved : latest).map(movedLine)}${more(view.brief.movedMore)}</ul>`
  }`;

  const overdue =
    view.brief.overdue.length === 0
      ? html`<p>${st('brief.noOverdue')}</p>`
      : html`<ul class="brief-list">${view.brief.overdue.map(
          (line) =>
            html`<li><span class="code">${line.code}</span> ${line.title}: ${t(locale, 'party.due')} ${date(line.dueOn)}; <strong>${line.status ? status[line.status] : t(locale, 'common.notRated')}</strong>${line.footnote && html`<sup>[${line.footnote}]</sup>`}</li>`,
        )}${more(view.brief.overdueMore)}</ul>`;

  const { measureCount, basis } = view.measures;
  const measures = html`<p>${fill(mt('measures.count'), { count: formatNumber(locale, measureCount) })}. ${fill(mt('basis.lawOrOfficial'), { count: formatNumber(locale, basis.law_or_official) })}; ${fill(mt('basis.mediaOnly'), { count: formatNumber(locale, basis.media_only) })}. <a href="${origin}${link(`/parties/${view.party.slug}/measures`)}" class="print-url"></a></p>`;

  const sources =
    view.brief.footnotes.length > 0 &&
    html`<h2>${st('brief.sources')}</h2><ol class="brief-notes">${view.brief.footnotes.map((f) => html`<li value="${f.n}">${f.publisher}${f.title && html`, “${f.title}”`}: <a href="${f.url}" class="print-url"></a></li>`)}</ol>`;

  return html`<h2>${st('brief.pipeline')}</h2>${pipeline}<h2>${fill(st('brief.moved'), { date: date(view.asOf) })}</h2>${movedPart}<h2>${st('brief.overdue')}</h2>${overdue}<h2>${st('brief.measures')}</h2>${measures}${sources}</td></tr></tbody></table></section>`;
}
