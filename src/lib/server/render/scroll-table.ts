/** The markup of ScrollTable.astro (a labelled, focusable scroll region with its hint) around a table rendered as a string. */
import type { Locale } from '../../../i18n/locales';
import { scrollHint } from '../../../i18n/phone-strings';
import { html, type Html } from '../../html';

/** `table` in the scroll region named `label`, as ScrollTable.astro writes it. */
export function renderScrollTable(locale: Locale, label: string, table: Html): Html {
  return html`<div class="scroll-table"><p class="scroll-hint" aria-hidden="true">${scrollHint(locale)}</p><div class="table-scroll" role="region" tabindex="0" aria-label="${label}">${table}</div></div>`;
}
