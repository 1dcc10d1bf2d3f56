/**
 * A fact's provenance, beside the fact: "Source: Publisher (confidence), checked DATE". A row
 * whose source is a home page, or none, says "exact source not recorded" instead of passing the
 * front door off as the source. The source's note is shown in the page's language where it has
 * been translated (content/translations/), in English marked lang="en" otherwise. Rendered here
 * for SourceLink.astro and for the scorecard's string-rendered sections alike.
 */
import { isExactSource } from '../../../domain/data-quality';
import type { Confidence } from '../../../domain/vocabulary';
import { localText, type DataTranslations, type LocalText } from '../../../i18n/data-text';
import { formatDate } from '../../../i18n/format';
import type { Locale } from '../../../i18n/locales';
import { provText } from '../../../i18n/provenance-strings';
import { CONFIDENCE_LABELS, t } from '../../../i18n/ui';
import { html, type Html } from '../../html';
import { fill } from '../../request-params';

/** The provenance fields of a fact row. */
export interface SourceFields {
  sourceUrl: string;
  sourcePublisher: string;
  confidence?: Confidence | undefined;
  note?: string | null | undefined;
  /** The day the row was last checked against its source (ISO date), when recorded. */
  checkedOn?: string | null | undefined;
}

/** A text as it stands on a page in `locale`: plain in the page's language, marked with its own otherwise. */
export function renderInLanguage(locale: Locale, local: LocalText): Html | string {
  return local.lang === locale ? local.text : html`<span lang="${local.lang}">${local.text}</span>`;
}

/** Seeded text in the page's language, or English marked lang="en" (as Local.astro writes it). */
export function renderLocalText(locale: Locale, translations: DataTranslations, en: string, th?: string | null): Html | string {
  return renderInLanguage(locale, localText(locale, translations, en, th));
}

/** The `<span class="source">` of a fact row. */
export function renderSourceLink(locale: Locale, translations: DataTranslations, { sourceUrl: url, sourcePublisher: publisher, confidence, note, checkedOn }: SourceFields): Html {
  const exact = isExactSource(url);
  return html`<span class="source" data-provenance="${confidence ?? ''}" data-exact="${exact ? 'yes' : 'no'}">${t(locale, 'common.source')}: ${url ? html`<a href="${url}" rel="external">${publisher}</a>` : provText(locale, 'prov.noSource')}${url && !exact && html` (<em class="no-exact">${provText(locale, 'prov.noExactSource')}</em>)`}${confidence && html` · ${CONFIDENCE_LABELS[locale][confidence]}`}${checkedOn && html` · ${fill(provText(locale, 'prov.checked'), { date: formatDate(locale, checkedOn) })}`}${note && html`. ${renderLocalText(locale, translations, note)}`}</span>`;
}
