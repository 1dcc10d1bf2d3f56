/** The markup of a table that may be wider than a phone (a labelled, focusable scroll region with its hint), for ScrollTable.astro and the string-rendered sections alike. */
import type { Locale } from '../../../i18n/locales';
import { scrollHint } from '../../../i18n/phone-strings';
import { html, type Html } from '../../html';

/** What names the scroll region: its own words, or the id of the heading that names it. */
export type ScrollTableName = string | { labelledby: string };

/** `table` in the scroll region named by `name`, with `extraClass` (e.g. `heatmap-scroll`) on the scroll box. */
export function renderScrollTable(locale: Locale, name: ScrollTableName, table: Html, extraClass?: string): Html {
  const naming = typeof name === 'string' ? html`aria-label="${name}"` : html`aria-labelledby="${name.labelledby}"`;
  return html`<div class="scroll-table"><p class="scroll-hint" aria-hidden="true">${scrollHint(locale)}</p><div class="${extraClass ? `table-scroll ${extraClass}` : 'table-scroll'}" role="region" tabindex="0" ${naming}>${table}</div></div>`;
}
